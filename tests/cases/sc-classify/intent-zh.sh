# Plain posts, then tricky ones: irony, negation, emoji with words.
. ./check.inc
check intent <<'T'
complaint	航班延误了三个小时，没人回复，太差了
question	请问行李额是多少？
request	麻烦帮我改签到明天，谢谢
praise	非常感谢，空乘服务很好，点赞
spam	在家轻松赚钱，加微信了解
complaint	太好了，航班又取消了
complaint	一点也不满意，行李丢了
complaint	😡😡 又延误了
praise	👍👍 服务很好
T
