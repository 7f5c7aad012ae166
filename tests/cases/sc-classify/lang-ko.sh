# Korean: Hangul.
. ./check.inc
check lang <<'T'
ko	비행기가 세 시간 지연되었습니다
ko	수하물이 아직 도착하지 않았어요
ko	감사합니다
ko	대박 😂
ko	@SkyLarkAir 환불은 언제 되나요? https://example.com/ko
ko	오늘 날씨 좋다 #서울
ko	iPhone 앱이 계속 꺼져요
T
