#!/usr/bin/env python3
"""ref-report.py [--by KEY]... [--window SECONDS] [--now EPOCH] FILE

An independent sc-report, for the tests: holds every post, pairs by walking
each brand post's reply chain in time order (the batch form of the
definition in sc-report(1)), and prints the NDJSON rows.  Plain Python, no
shared code with the C implementation.
"""
import json, sys
from datetime import datetime, timezone

def ts(s):
    return int(datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
               .replace(tzinfo=timezone.utc).timestamp())

def path(obj, p):
    for k in p.split("."):
        if not isinstance(obj, dict) or k not in obj:
            return None
        obj = obj[k]
    return obj

def rank(vals, p):
    n = len(vals)
    k = max(1, -(-p * n // 100))
    return vals[k - 1]

def main():
    args = sys.argv[1:]
    by, window, now = [], 7 * 86400, None
    while args and args[0].startswith("--"):
        o = args.pop(0)
        if o == "--by": by.append(args.pop(0))
        elif o == "--window": window = int(args.pop(0))
        elif o == "--now": now = int(args.pop(0))
    posts = {}
    for line in open(args[0], encoding="utf-8"):
        if not line.strip():
            continue
        p = json.loads(line)
        if p["id"] in posts:
            continue
        p["_t"] = ts(p["created_at"])
        posts[p["id"]] = p
    first = {}
    brands = sorted((p["_t"], i) for i, p in posts.items()
                    if p.get("from_brand"))
    for t, i in brands:
        up, seen = posts[i].get("in_reply_to"), set()
        while up in posts and up not in seen:
            seen.add(up)
            q = posts[up]
            if q.get("from_brand") or up in first:
                break
            first[up] = t
            up = q.get("in_reply_to")
    groups = {}
    def add(key, p, frt, sla):
        g = groups.setdefault(key, dict(n=0, a=0, frt=[], met=0, br=0, pe=0))
        g["n"] += 1
        if frt is not None:
            g["a"] += 1
            g["frt"].append(frt)
        if sla: g[sla] += 1
    for i, p in posts.items():
        if p.get("from_brand") or path(p, "route.skip") is True:
            continue
        frt = None
        if i in first:
            f = max(0, first[i] - p["_t"])
            if f <= window:
                frt = f
        due = path(p, "route.sla.first_response_due")
        sla = None
        if due is not None:
            d = ts(due)
            if frt is not None:
                sla = "met" if first[i] <= d else "br"
            else:
                sla = "br" if now > d else "pe"
        key = json.dumps({k: path(p, k) for k in by}, ensure_ascii=False,
                         separators=(",", ":"))
        add(None, p, frt, sla)
        add(key, p, frt, sla)
    def row(key, g):
        f = sorted(g["frt"])
        r = {"group": json.loads(key) if key else {}, "inbound": g["n"],
             "answered": g["a"],
             "response_rate": g["a"] / g["n"] if g["n"] else None,
             "frt_median_s": rank(f, 50) if f else None,
             "frt_p90_s": rank(f, 90) if f else None,
             "frt_p95_s": rank(f, 95) if f else None,
             "frt_mean_s": sum(f) / len(f) if f else None,
             "sla_met": g["met"], "sla_breached": g["br"],
             "sla_pending": g["pe"]}
        print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
    row(None, groups.get(None, dict(n=0, a=0, frt=[], met=0, br=0, pe=0)))
    if by:
        keys = [k for k in groups if k is not None]
        keys.sort(key=lambda k: (-groups[k]["n"], k.encode()))
        for k in keys:
            row(k, groups[k])

main()
