#!/usr/bin/env python3
"""eval.py - sentiment sets and scoring for tests/bench/classify.sh.

  eval.py sets DATA DIR     write the sentiment sets into DIR, print their names
  eval.py report DIR [DETAILS]
                            score what classify.sh left in DIR, print the
                            table; per-label figures and confusion matrices
                            (counts only) go to DETAILS

Sets are rebuilt from DATA (../shared/data) at every run and written only
to DIR, a scratch directory: the data's licences forbid copies in the
repository.  For each set S, DIR gets
  S.all.ndjson    every usable record: {"id", "text", "gold": {"sentiment"}}
  S.train.ndjson  the records whose line number in the source file is not
                  a multiple of 5 (what a trained model learns from)
  S.dev.ndjson    the others, line % 5 == 0: the dev part, kept aside
and classify.sh adds S.builtin.ndjson (sc-classify on S.all),
S.anchors.ndjson (VADER and AFINN, English only) and S.trained.ndjson
(sc-classify --model on S.dev), and for en-airline S.reference.ndjson
(scikit-learn's logistic regression on the same split, reference.py).
Records are matched by id; a record missing from a prediction file
counts as wrong.

Macro-F1 is the mean over the set's gold labels of 2TP / (2TP + FP + FN).
On the binary sets (no neutral gold label) a "neutral" answer is simply
wrong: it costs the gold label's recall and no label's precision.  The
"sign" figure beside it reads the answer from the sign of
class.sentiment_score instead (0 stays neutral, so still wrong).
"""

import json
import os
import sys
from collections import Counter, defaultdict

THREE = {"negative": "negative", "neutral": "neutral", "positive": "positive"}
BINARY = {"0": "negative", "1": "positive"}

# name, file, text field, label field, label map (labels not in it are
# dropped), filter on the raw record, what the table calls it
SETS = [
    ("en-airline", "airline-sentiment/train.ndjson", "text",
     "airline_sentiment", THREE, None, "en airline tweets"),
    ("zh-waimai", "zh-waimai10k/train.ndjson", "review", "label", BINARY,
     None, "zh waimai10k, 2 cl."),
    ("zh-htl", "zh-chnsenticorp-htl/train.ndjson", "review", "label",
     BINARY, None, "zh chnsenticorp-htl, 2 cl."),
    ("ru-rusentitweet", "ru-rusentitweet/train.ndjson", "text", "label",
     THREE, None, "ru rusentitweet"),
    ("pl-polemo", "pl-polemo2-medicine/train.ndjson", "text", "label",
     {"z_minus_m": "negative", "z_zero": "neutral",
      "z_plus_m": "positive"}, None, "pl polemo2-medicine"),
    ("de-germeval", "de-germeval2017/train.ndjson", "text", "sentiment",
     THREE, None, "de germeval2017"),
    ("es-umsab", "umsab-tweets/train.ndjson", "text", "label_name", THREE,
     lambda r: r.get("lang") == "spanish", "es umsab tweets"),
    ("fr-umsab", "umsab-tweets/train.ndjson", "text", "label_name", THREE,
     lambda r: r.get("lang") == "french", "fr umsab tweets"),
]

# Training speed: this many posts of UMSAB's training part (8 languages).
TRAIN_SPEED_N = 15000

LANG_GOAL = 0.95
# issue 10 raised the bars of issue 4: airline sentiment built-in 0.70 and
# trained 0.80, the ten trusted languages 0.99, speed 3x jq
GOALS = {"builtin": 0.70, "trained": 0.80, "speed": 3.0, "train_secs": 10.0,
         "lang10": 0.99}


def write_set(out, recs):
    with open(out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def cmd_sets(data, d):
    names = []
    for name, path, tfield, lfield, lmap, keep, _ in SETS:
        path = os.path.join(data, path)
        if not os.path.exists(path):
            sys.stderr.write("eval.py: %s: missing, skipped\n" % path)
            continue
        recs = {"train": [], "dev": []}
        with open(path, encoding="utf-8") as f:
            for line, raw in enumerate(f):
                r = json.loads(raw)
                if keep is not None and not keep(r):
                    continue
                label = lmap.get(r.get(lfield))
                text = r.get(tfield)
                if label is None or not text:
                    continue
                recs["dev" if line % 5 == 0 else "train"].append({
                    "id": "bench:%s:%d" % (name, line), "text": text,
                    "gold": {"sentiment": label}})
        write_set(os.path.join(d, name + ".train.ndjson"), recs["train"])
        write_set(os.path.join(d, name + ".dev.ndjson"), recs["dev"])
        write_set(os.path.join(d, name + ".all.ndjson"),
                  sorted(recs["train"] + recs["dev"],
                         key=lambda r: int(r["id"].rsplit(":", 1)[1])))
        names.append(name)
    umsab = os.path.join(data, "umsab-tweets/train.ndjson")
    if os.path.exists(umsab):
        recs = []
        with open(umsab, encoding="utf-8") as f:
            for line, raw in enumerate(f):
                r = json.loads(raw)
                if line % 5 != 0 and r.get("text") and \
                        len(recs) < TRAIN_SPEED_N:
                    recs.append({"id": "bench:umsab:%d" % line,
                                 "text": r["text"],
                                 "gold": {"sentiment": r["label_name"]}})
        write_set(os.path.join(d, "train15k.ndjson"), recs)
    for n in names:
        print(n)
    return 0


# ---------------------------------------------------------------------------
# Scoring

def load(path):
    out = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if raw.strip():
                    out.append(json.loads(raw))
    return out


def get(r, path):
    for k in path.split("."):
        if not isinstance(r, dict):
            return None
        r = r.get(k)
    return r


def predictions(path, field):
    """id -> value of the dotted field, for every record of path."""
    return {r.get("id"): get(r, field) for r in load(path)}


def sign_label(x):
    if not isinstance(x, (int, float)):
        return None
    return "positive" if x > 0 else "negative" if x < 0 else "neutral"


class Score:
    """Accuracy, macro-F1 over the gold labels, and the confusion."""

    def __init__(self, gold, pred, right=lambda g, p: g == p):
        # gold: [(id, label)], pred: id -> label or None
        self.labels = sorted({g for _, g in gold})
        self.n = len(gold)
        self.conf = Counter()
        tp, fp, fn = Counter(), Counter(), Counter()
        ok = 0
        for i, g in gold:
            p = pred.get(i)
            p = "(none)" if p is None else str(p)
            self.conf[(g, p)] += 1
            if right(g, p):
                ok += 1
                tp[g] += 1
            else:
                fn[g] += 1
                fp[p] += 1
        self.acc = ok / self.n if self.n else 0.0
        self.per = {}
        for lab in self.labels:
            d = 2 * tp[lab] + fp[lab] + fn[lab]
            p = tp[lab] + fp[lab]
            r = tp[lab] + fn[lab]
            self.per[lab] = (tp[lab] / p if p else 0.0,
                             tp[lab] / r if r else 0.0,
                             2 * tp[lab] / d if d else 0.0, r)
        self.f1 = (sum(v[2] for v in self.per.values()) / len(self.per)
                   if self.per else 0.0)

    def details(self, title):
        preds = sorted({p for _, p in self.conf})
        lines = ["## %s: n %d, accuracy %.3f, macro-F1 %.3f"
                 % (title, self.n, self.acc, self.f1),
                 "%-12s %6s %6s %6s %6s" % ("label", "prec", "recall",
                                            "F1", "n")]
        for lab in self.labels:
            p, r, f, n = self.per[lab]
            lines.append("%-12s %6.3f %6.3f %6.3f %6d" % (lab, p, r, f, n))
        lines.append("confusion (rows gold, columns answer):")
        lines.append("%-12s" % "" + "".join("%9s" % p[:8] for p in preds))
        for g in self.labels:
            lines.append("%-12s" % g + "".join(
                "%9d" % self.conf[(g, p)] for p in preds))
        return "\n".join(lines) + "\n"


def facts(d):
    out = {}
    path = os.path.join(d, "facts.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("=")
                out[k] = v
    return out


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def mark(ok):
    return "-" if ok is None else "yes" if ok else "NO"


def lang_right(g, p):
    return p == g.split("-")[0]


def cmd_report(d, details_path):
    fx = facts(d)
    rows = []
    det = []
    langrows = []

    def row(metric, ours, anchors="-", goal="report", ok=None):
        rows.append((metric, ours, anchors, goal, mark(ok)))

    # -- sentiment
    for name, _, _, _, _, _, title in SETS:
        gold = load(os.path.join(d, name + ".all.ndjson"))
        if not gold:
            continue
        gl = [(r["id"], r["gold"]["sentiment"]) for r in gold]
        binary = "neutral" not in {g for _, g in gl}
        bpath = os.path.join(d, name + ".builtin.ndjson")
        if os.path.exists(bpath):
            s = Score(gl, predictions(bpath, "class.sentiment"))
            det.append(s.details("%s, built-in" % name))
            ours = "%.3f" % s.f1
            if binary:
                s2 = Score(gl, {k: sign_label(v) for k, v in predictions(
                    bpath, "class.sentiment_score").items()})
                det.append(s2.details("%s, built-in, sign of score" % name))
                ours += " (sign %.3f)" % s2.f1
        else:
            s = None
            ours = "n/a"
        anchors = "-"
        apath = os.path.join(d, name + ".anchors.ndjson")
        if os.path.exists(apath):
            av = Score(gl, predictions(apath, "vader"))
            aa = Score(gl, predictions(apath, "afinn"))
            det.append(av.details("%s, VADER" % name))
            det.append(aa.details("%s, AFINN (sentiment)" % name))
            anchors = "VADER %.3f, AFINN %.3f" % (av.f1, aa.f1)
        elif name == "en-airline":
            anchors = fx.get("anchors", "n/a")
        if name == "en-airline":
            row("sentiment macro-F1, %s, built-in (%d)" % (title, len(gl)),
                ours, anchors, ">= %.2f" % GOALS["builtin"],
                None if s is None else s.f1 >= GOALS["builtin"])
        else:
            row("sentiment macro-F1, %s, built-in (%d)" % (title, len(gl)),
                ours)
        dev = load(os.path.join(d, name + ".dev.ndjson"))
        dl = [(r["id"], r["gold"]["sentiment"]) for r in dev]
        if os.path.exists(bpath):
            det.append(Score(dl, predictions(bpath, "class.sentiment"))
                       .details("%s, built-in, dev part only" % name))
        tpath = os.path.join(d, name + ".trained.ndjson")
        if os.path.exists(tpath):
            t = Score(dl, predictions(tpath, "class.sentiment"))
            det.append(t.details("%s, trained, dev part" % name))
            tv, ok = "%.3f" % t.f1, t.f1 >= GOALS["trained"]
        else:
            tv, ok = fx.get("trained", "n/a"), None
        if name == "en-airline":
            ref = "-"
            rpath = os.path.join(d, name + ".reference.ndjson")
            if os.path.exists(rpath):
                r = Score(dl, predictions(rpath, "reference"))
                det.append(r.details("%s, scikit-learn LR, dev part" % name))
                ref = "scikit-learn LR %.3f" % r.f1
            row("  trained on the rest, dev part (%d)" % len(dl), tv, ref,
                ">= %.2f" % GOALS["trained"], ok)
        else:
            row("  trained on the rest, dev part (%d)" % len(dl), tv)

    # -- language
    gold = load(os.path.join(d, "lang.ndjson"))
    if gold:
        gl = [(r["id"], r["gold"]["lang"]) for r in gold]
        systems = [("ours", predictions(os.path.join(
            d, "lang.builtin.ndjson"), "class.lang"))]
        apath = os.path.join(d, "lang.anchors.ndjson")
        if os.path.exists(apath):
            systems.append(("franc", predictions(apath, "franc")))
            systems.append(("fastText", predictions(apath, "fasttext")))
        # The headline is every language of the set, romanized Hindi
        # ("hi-latn", right when the answer is "hi") the eleventh: the
        # issue asks for 11+ languages.  Its gold tag is that of the
        # post's source, and many of those posts are plain English
        # (langid-set.py, README), so the ten languages whose tags can
        # be trusted are shown on their own below it.
        trusted = [x for x in gl if "-" not in x[1]]
        parts = [("", gl, True)]
        if len(trusted) < len(gl):
            parts.append((", trusted tags only", trusted, False))
        for title, sub, headline in parts:
            if not sub:
                continue
            sc = {n: Score(sub, p, lang_right) for n, p in systems}
            for n in sc:
                det.append(sc[n].details("language%s, %s" % (title, n)))
            langs = len({g for _, g in sub})
            anchors = ", ".join("%s %.3f" % (n, sc[n].acc)
                                for n, _ in systems[1:]) or \
                fx.get("anchors", "n/a")
            if headline:
                row("language accuracy, %d langs (%d)" % (langs, len(sub)),
                    "%.3f" % sc["ours"].acc, anchors,
                    ">= %.2f" % LANG_GOAL, sc["ours"].acc >= LANG_GOAL)
            else:
                row("  %d langs%s (%d)" % (langs, title, len(sub)),
                    "%.3f" % sc["ours"].acc, anchors,
                    ">= %.2f" % GOALS["lang10"],
                    sc["ours"].acc >= GOALS["lang10"])
        bylang = defaultdict(list)
        for x in gl:
            bylang[x[1]].append(x)
        for lang in sorted(bylang):
            sub = bylang[lang]
            langrows.append([lang, str(len(sub))] + [
                "%.3f" % Score(sub, p, lang_right).acc for _, p in systems])
        langhead = ["lang", "n"] + [n for n, _ in systems]

    # -- speed
    n = fx.get("speed_n")
    ts, tj = num(fx.get("sc_secs")), num(fx.get("jq_secs"))
    if n and ts and tj:
        n = int(n)
        ratio = tj / ts
        row("throughput vs jq -c '.class={}' (%d posts)" % n,
            "%.2fx, %.0f posts/s" % (ratio, n / ts),
            "jq %.0f posts/s" % (n / tj), ">= %.1fx" % GOALS["speed"],
            ratio >= GOALS["speed"])
    rs, rj = num(fx.get("sc_rss")), num(fx.get("jq_rss"))
    rsmall = num(fx.get("sc_rss_small"))
    if rs and rsmall:
        row("peak RSS, %s vs %s posts" % (fx.get("speed_n"),
                                          fx.get("small_n")),
            "%.1f vs %.1f MB" % (rs / 1024, rsmall / 1024),
            "jq %.1f MB" % (rj / 1024) if rj else "-", "constant",
            rs <= 2 * rsmall)
    tt = num(fx.get("train_secs"))
    if tt is not None:
        row("training time, %s posts" % fx.get("train_n"), "%.2f s" % tt,
            "-", "< %.0f s" % GOALS["train_secs"],
            tt < GOALS["train_secs"])
    elif fx.get("trained"):
        row("training time, %d posts" % TRAIN_SPEED_N, fx["trained"], "-",
            "< %.0f s" % GOALS["train_secs"])

    print_table(["metric", "ours", "anchors", "goal", "met?"], rows)
    if langrows:
        print()
        print_table(langhead, langrows)
    for k in sorted(fx):
        if k.startswith("note"):
            print("note: " + fx[k])
    if details_path:
        with open(details_path, "w", encoding="utf-8") as f:
            f.write("\n".join(det))
        print("per-label figures and confusion matrices: %s" % details_path)
    return 0


def print_table(head, rows):
    w = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    for r in [head] + rows:
        print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())


def main(argv):
    if len(argv) == 4 and argv[1] == "sets":
        return cmd_sets(argv[2], argv[3])
    if len(argv) in (3, 4) and argv[1] == "report":
        return cmd_report(argv[2], argv[3] if len(argv) == 4 else None)
    sys.stderr.write("usage: eval.py sets DATA DIR\n"
                     "       eval.py report DIR [DETAILS]\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
