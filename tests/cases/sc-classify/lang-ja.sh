# Japanese: kana, alone or among Han characters.
. ./check.inc
check lang <<'T'
ja	フライトが3時間遅れています。説明はありません。
ja	荷物が届いていません
ja	ありがとうございました！
ja	すごい😍
ja	@SkyLarkAir 返金はいつですか？ https://example.com/ja
ja	今日は東京で雨です #天気
ja	iPhoneのアプリが動かない
T
