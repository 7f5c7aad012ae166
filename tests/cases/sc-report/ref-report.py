#!/usr/bin/env python3
"""ref-report.py [--by KEY]... [--window SECONDS] [--now EPOCH] [--rules FILE] FILE

An independent sc-report, for the tests: holds every post, pairs by walking
each brand post's reply chain in time order (the batch form of the
definition in sc-report(1)), and prints the NDJSON rows.  With --rules, the
first responses in business seconds too, counted 15 minutes at a time in
local time by zoneinfo (so the calendars' periods must start and end on
quarter hours, and not in an hour the clocks change).  Plain Python, no
shared code with the C implementation.
"""
import json, sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

def days_of(key):
    if "-" not in key:
        return [DAYS.index(key)]
    a, b = (DAYS.index(k) for k in key.split("-"))
    out = [a]
    while out[-1] != b:
        out.append((out[-1] + 1) % 7)
    return out

def minutes(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)

class Calendar:
    def __init__(self, c):
        self.zone = ZoneInfo(c["zone"])
        self.per = [[] for _ in range(7)]
        for key, periods in c["hours"].items():
            for p in periods:
                s, e = (minutes(x) for x in p.split("-"))
                if e <= s:
                    e += 1440
                for d in days_of(key):
                    self.per[d].append((s, e))
        self.hol = {date.fromisoformat(d) for d in c.get("holidays", [])}

    def open(self, t):
        loc = datetime.fromtimestamp(t, self.zone)
        d, m = loc.date(), loc.hour * 60 + loc.minute
        if d not in self.hol and any(s <= m < e for s, e in self.per[d.weekday()]):
            return True
        y = d - timedelta(days=1)
        return y not in self.hol and any(
            e > 1440 and m < e - 1440 for s, e in self.per[y.weekday()])

    def between(self, a, b):
        n, slot = 0, a - a % 900
        while slot < b:
            if self.open(slot):
                n += min(b, slot + 900) - max(a, slot)
            slot += 900
        return n

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
    by, window, now, teams = [], 7 * 86400, None, None
    while args and args[0].startswith("--"):
        o = args.pop(0)
        if o == "--by": by.append(args.pop(0))
        elif o == "--window": window = int(args.pop(0))
        elif o == "--now": now = int(args.pop(0))
        elif o == "--rules":
            doc = json.load(open(args.pop(0), encoding="utf-8"))
            cals = {n: Calendar(c) for n, c in doc.get("calendars", {}).items()}
            teams = {n: cals.get(t.get("calendar")) for n, t in
                     doc.get("teams", {}).items()}
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
    def add(key, p, frt, bfrt, sla):
        g = groups.setdefault(key, dict(n=0, a=0, frt=[], bfrt=[], met=0, br=0, pe=0))
        g["n"] += 1
        if frt is not None:
            g["a"] += 1
            g["frt"].append(frt)
            g["bfrt"].append(bfrt)
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
        bfrt = None
        if frt is not None and teams is not None:
            team = path(p, "route.team")
            cal = teams.get(team) if isinstance(team, str) else None
            bfrt = cal.between(p["_t"], first[i]) if cal else frt
        add(None, p, frt, bfrt, sla)
        add(key, p, frt, bfrt, sla)
    def row(key, g):
        f = sorted(g["frt"])
        r = {"group": json.loads(key) if key else {}, "inbound": g["n"],
             "answered": g["a"],
             "response_rate": g["a"] / g["n"] if g["n"] else None,
             "frt_median_s": rank(f, 50) if f else None,
             "frt_p90_s": rank(f, 90) if f else None,
             "frt_p95_s": rank(f, 95) if f else None,
             "frt_mean_s": sum(f) / len(f) if f else None}
        if teams is not None:
            b = sorted(g["bfrt"])
            r.update({"frt_business_median_s": rank(b, 50) if b else None,
                      "frt_business_p90_s": rank(b, 90) if b else None,
                      "frt_business_p95_s": rank(b, 95) if b else None,
                      "frt_business_mean_s": sum(b) / len(b) if b else None})
        r.update({"sla_met": g["met"], "sla_breached": g["br"],
                  "sla_pending": g["pe"]})
        print(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
    row(None, groups.get(None, dict(n=0, a=0, frt=[], bfrt=[], met=0, br=0, pe=0)))
    if by:
        keys = [k for k in groups if k is not None]
        keys.sort(key=lambda k: (-groups[k]["n"], k.encode()))
        for k in keys:
            row(k, groups[k])

main()
