#!/usr/bin/env python3
"""reference.py - scikit-learn's logistic regression, the reference learner.

  reference.py sentiment TRAIN DEV OUT
      learn gold.sentiment from TRAIN, write {"id", "reference": label}
      for each record of DEV into OUT
  reference.py intent WORK
      for each fold K of intent.sh's WORK/intent.builtin.ndjson (the
      built-in's answers with --scores), learn gold_intent on the other
      folds and write WORK/fold-K.ref-plain.ndjson and
      WORK/fold-K.ref-stacked.ndjson, each record with class.intent_t

What sc-classify --train does, done by a standard library, so the bench
shows in the same run whether a trained figure is held back by our
learner or by what the text's words and characters can tell: the same
kind of features (tf-idf of words 1-2 and characters 1-4 of the
lower-cased text, @handles and links made one token each), the same
label weighting's intent (classes balanced), and for "stacked" the same
numbers of the built-in that a stacked model reads (model.h: the intent
scores / 4, the chosen intent, the sentiment score, the confidence, the
context, and all of them again per context).  The L2 strength C is
chosen by 3-fold cross-validation inside the training part only, from
CS: nothing is tuned on the part being scored.

Needs numpy, scipy and scikit-learn (Debian: python3-sklearn); exits 3
without them so the caller can skip the row.  Nothing is kept beyond
the files named.
"""

import json
import re
import sys

try:
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegressionCV
except ImportError:
    sys.exit(3)

CS = [1.0, 3.0, 10.0, 30.0]
INTENTS = ["complaint", "question", "request", "feedback", "praise", "spam",
           "other"]
FOLDS = 5
HANDLE = re.compile(r"@\w+")
LINK = re.compile(r"https?://\S+")


def norm(s):
    return HANDLE.sub("@u", LINK.sub("http", s.lower()))


class Text:
    """Words 1-2 and characters 1-4, each block tf-idf, side by side."""

    def __init__(self):
        self.w = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True,
                                 preprocessor=norm)
        self.c = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4),
                                 sublinear_tf=True, preprocessor=norm)

    def fit(self, texts):
        return sp.hstack([self.w.fit_transform(texts),
                          self.c.fit_transform(texts)]).tocsr()

    def apply(self, texts):
        return sp.hstack([self.w.transform(texts),
                          self.c.transform(texts)]).tocsr()


def learner():
    return LogisticRegressionCV(Cs=CS, cv=3, max_iter=5000,
                                class_weight="balanced", n_jobs=-1)


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def sentiment(train, dev, out):
    tr, dv = read(train), read(dev)
    t = Text()
    x = t.fit([r["text"] for r in tr])
    m = learner().fit(x, [r["gold"]["sentiment"] for r in tr])
    pred = m.predict(t.apply([r["text"] for r in dv]))
    with open(out, "w", encoding="utf-8") as f:
        for r, p in zip(dv, pred):
            f.write(json.dumps({"id": r["id"], "reference": str(p)}) + "\n")


def stack_numbers(rec):
    """The numbers a stacked model reads (class_stack(), model_cross())."""
    c = rec["class"]
    v = [c["scores"][k] / 4 for k in INTENTS]
    v += [1.0 if c["intent"] == k else 0.0 for k in INTENTS]
    v += [c["sentiment_score"], c["confidence"]["intent"]]
    ctx = rec.get("in_reply_to_brand")
    out = v + [1.0 if ctx is True else 0.0, 1.0 if ctx is False else 0.0]
    for on in (ctx is None, ctx is True, ctx is False):
        out += [x if on else 0.0 for x in v]
    return out


def intent(work):
    recs = read(work + "/intent.builtin.ndjson")
    texts = [r["text"] for r in recs]
    gold = np.array([r["gold_intent"] for r in recs])
    fold = np.array([r["fold"] for r in recs])
    stack = sp.csr_matrix(np.array([stack_numbers(r) for r in recs]))
    for k in range(FOLDS):
        tr = np.where(fold != k)[0]
        te = np.where(fold == k)[0]
        t = Text()
        a = t.fit([texts[i] for i in tr])
        b = t.apply([texts[i] for i in te])
        for kind, xa, xb in (
                ("plain", a, b),
                ("stacked", sp.hstack([a, stack[tr]]).tocsr(),
                 sp.hstack([b, stack[te]]).tocsr())):
            pred = learner().fit(xa, gold[tr]).predict(xb)
            with open("%s/fold-%d.ref-%s.ndjson" % (work, k, kind), "w",
                      encoding="utf-8") as f:
                for i, p in zip(te, pred):
                    f.write(json.dumps({
                        "id": recs[i]["id"],
                        "gold_intent": recs[i]["gold_intent"],
                        "class": {"intent_t": str(p)}}) + "\n")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "sentiment":
        sentiment(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "intent":
        intent(sys.argv[2])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
