. ./check.inc
check lang <<'T'
zh	我的航班SL310从成都飞广州延误了2个小时，登机口没人知道任何情况。
zh	请问行李额是多少？
zh	谢谢你们的帮助
T
