. ./check.inc
check lang <<'T'
ko	비행기가 세 시간 지연되었습니다
ko	수하물이 아직 도착하지 않았어요
ko	감사합니다
T
