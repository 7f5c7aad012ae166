#!/usr/bin/env python3
"""langid-set.py DATA OUT [PER_LANG [SKIP]] - build the mixed language-ID set.

Reads the shared benchmark sets under DATA (../shared/data seen from the
repository root) and writes OUT: one record a line,
  {"id": "lang:LL:SOURCE:LINE", "text": ..., "gold": {"lang": "LL"}}
with LL the ISO 639-1 code of the set the post comes from.  The set is
rebuilt at every bench run and written only to a scratch directory: the
data's licences forbid keeping copies of it in the repository.

Per language, at most PER_LANG (default 500) posts are taken, in the order
of a hash of (source, line number), after the first SKIP (default 0) in
that order: the bench measures SKIP 0, and the cue lists were tuned on
`langid-set.py DATA OUT 2000 500`, which shares no post with it.  The
hash makes the sample the same on every machine and independent of the
order of the source files.  A post is eligible when it is short (at most
280 characters, like a post) and holds at least 10 letters outside
@mentions and URLs: "@user http" has no language.

Sources: umsab-tweets gives en, es, de, fr, it, pt, ar and "hi"; the zh
sets, ru-rusentitweet (without the "skip" rows, which its authors mark as
noise) and pl-polemo2-medicine give zh, ru and pl.  UMSAB's Hindi part
(SAIL 2015) is romanized and code-mixed, and some of its posts are plain
English, so its tag is written "hi-latn" (right when the answer is "hi"):
eval.py counts it as the eleventh language of the headline and also
shows the ten whose tags can be trusted on their own.
"""

import hashlib
import json
import os
import re
import sys

MAXLEN = 280
MINLETTERS = 10

UMSAB = {
    "english": "en", "spanish": "es", "german": "de", "french": "fr",
    "italian": "it", "portuguese": "pt", "arabic": "ar", "hindi": "hi-latn",
}

# (source name, file, text field, function giving the gold tag or None)
SOURCES = [
    ("umsab", "umsab-tweets/train.ndjson", "text",
     lambda r: UMSAB.get(r.get("lang"))),
    ("waimai", "zh-waimai10k/train.ndjson", "review", lambda r: "zh"),
    ("htl", "zh-chnsenticorp-htl/train.ndjson", "review", lambda r: "zh"),
    ("rusentitweet", "ru-rusentitweet/train.ndjson", "text",
     lambda r: None if r.get("label") == "skip" else "ru"),
    ("polemo", "pl-polemo2-medicine/train.ndjson", "text", lambda r: "pl"),
]

NOISE = re.compile(r"@\w+|https?://\S*|\bhttp\b|www\.\S+")


def eligible(text):
    if not text or len(text) > MAXLEN:
        return False
    rest = NOISE.sub(" ", text)
    return sum(1 for ch in rest if ch.isalpha()) >= MINLETTERS


def rank(source, line):
    key = ("%s:%d" % (source, line)).encode()
    return hashlib.blake2b(key, digest_size=8).hexdigest()


def main(argv):
    if len(argv) not in (3, 4, 5):
        sys.stderr.write("usage: langid-set.py DATA OUT [PER_LANG [SKIP]]\n")
        return 2
    data, out = argv[1], argv[2]
    per = int(argv[3]) if len(argv) >= 4 else 500
    skip = int(argv[4]) if len(argv) == 5 else 0
    pool = {}
    for source, path, field, tag in SOURCES:
        path = os.path.join(data, path)
        if not os.path.exists(path):
            sys.stderr.write("langid-set.py: %s: missing, skipped\n" % path)
            continue
        with open(path, encoding="utf-8") as f:
            for line, raw in enumerate(f):
                r = json.loads(raw)
                lang = tag(r)
                text = r.get(field)
                if lang is None or not eligible(text):
                    continue
                pool.setdefault(lang, []).append(
                    (rank(source, line), source, line, text))
    with open(out, "w", encoding="utf-8") as f:
        for lang in sorted(pool):
            for _, source, line, text in sorted(pool[lang])[skip:skip + per]:
                f.write(json.dumps({
                    "id": "lang:%s:%s:%d" % (lang, source, line),
                    "text": text,
                    "gold": {"lang": lang},
                }, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
