# Chinese: Han without kana; Latin brand names and numbers do not count.
. ./check.inc
check lang <<'T'
zh	我的航班SL310从成都飞广州延误了2个小时，登机口没人知道任何情况。
zh	请问行李额是多少？
zh	谢谢你们的帮助
zh	好吃！😋
zh	@SkyLarkAir 退款什么时候到账？https://example.com/zh
zh	这家店的外卖太慢了 #差评
zh	我用iPhone订的票，App一直闪退
T
