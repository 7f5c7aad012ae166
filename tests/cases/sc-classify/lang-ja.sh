. ./check.inc
check lang <<'T'
ja	フライトが3時間遅れています。説明はありません。
ja	荷物が届いていません
ja	ありがとうございました！
T
