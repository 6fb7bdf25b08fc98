#!/usr/bin/env python3
"""Fold judgement lexicon patterns the way the server folds messages (server/drafting/judgement/
TextFolding.cpp): lower case, compatibility decomposition, non-spacing and enclosing marks dropped,
a few letters mapped (ß→ss, ł→l, ø→o, æ→ae, œ→oe, đ→d, ı→i), typographic quotes made plain.

  tools/lexicon-fold.py --check           list patterns of server/drafting/judgement/lexicon*.json
                                          that are not written folded (the unit test
                                          tst_literal_text::everyLexiconPatternIsWrittenFolded
                                          fails on them)
  tools/lexicon-fold.py --fix             fold them in place
  tools/lexicon-fold.py --add FILE.json --to lexicon-concepts-world.json [--chunk 8]
                                          add words, {"lang": {"signal": ["word", ...]}}, folded
                                          and regex-escaped, in patterns of eight alternatives
"""
import argparse, collections, glob, json, os, re, sys, unicodedata

MAP = {'ß': 'ss', 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe',
       'đ': 'd', 'Đ': 'd', 'ı': 'i', '\u2018': "'", '\u2019': "'", '\u201b': "'", '\u02bc': "'",
       '\u00b4': "'", '`': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"'}
HERE = os.environ.get('TANDEM_JUDGEMENT_LEXICON_DIR') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'server', 'drafting', 'judgement')
ESCAPE = re.compile(r'\\(?:[pPx]\{[^}]*\}|.)')


def fold(text):
    out, space = [], False
    for ch in text:
        if ch in '\u00b4\u02ca':
            ch = "'"
        for c in unicodedata.normalize('NFKD', ch):
            if unicodedata.category(c) in ('Mn', 'Me'):
                continue
            if c.isspace():
                space = bool(out)
                continue
            if space:
                out.append(' ')
                space = False
            out.append(MAP.get(c, c.lower() if len(c.lower()) == 1 else c))
    return ''.join(out)


def fold_pattern(pattern):
    """Folds the literal letters of a pattern, keeping its escapes and its spaces as written."""
    parts, last = [], 0
    literal = lambda text: ''.join(c if c.isspace() else fold(c) for c in text)
    for m in ESCAPE.finditer(pattern):
        parts.append(literal(pattern[last:m.start()]))
        parts.append(m.group(0))
        last = m.end()
    parts.append(literal(pattern[last:]))
    return ''.join(parts)


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f, object_pairs_hook=collections.OrderedDict)


def save(path, doc):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=1) + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--fix', action='store_true')
    ap.add_argument('--add')
    ap.add_argument('--to')
    ap.add_argument('--chunk', type=int, default=8, help='alternatives per added pattern')
    a = ap.parse_args()
    if a.add:
        target = os.path.join(HERE, a.to)
        doc, words = load(target), load(a.add)
        for lang, bysignal in words.items():
            for signal, entries in bysignal.items():
                folded = sorted({fold(w).strip() for w in entries if fold(w).strip()}, key=lambda w: (-len(w), w))
                if not folded or signal not in doc['signals']:
                    continue
                # Latin words (Vietnamese, Swahili, romanised Bengali) have word edges; scripts
                # without spaces, or whose vowel signs are marks (\b is no word edge there), get
                # plain alternatives, the shortest kept from matching inside a word.
                alt = []
                for w in folded:
                    e = re.escape(w).replace('\\ ', ' ')
                    if all(ord(c) < 0x250 or not c.isalpha() for c in w):
                        alt.append(r'\b' + e + r'\b')
                    elif lang not in ('zh', 'ja', 'th', 'my', 'km', 'lo') and len(w) <= 3:
                        alt.append(r'(?<![\w\p{M}])' + e + r'(?![\w\p{M}])')
                    else:
                        alt.append(e)
                # Small patterns: the prefilter runs a pattern when any of its alternatives may be
                # in the text, so a common word in one alternative should not run fifty others.
                for i in range(0, len(alt), a.chunk):
                    pattern = '(?:' + '|'.join(alt[i:i + a.chunk]) + ')'
                    doc['signals'][signal]['patterns'].setdefault(lang, []).append(pattern)
        save(target, doc)
        return 0
    bad = 0
    for path in sorted(glob.glob(os.path.join(HERE, 'lexicon*.json'))):
        doc, changed = load(path), False
        for name, signal in doc['signals'].items():
            for lang, patterns in signal['patterns'].items():
                for i, p in enumerate(patterns):
                    f = fold_pattern(p)
                    if f != p:
                        bad += 1
                        print(f'{os.path.basename(path)} {name} {lang}: {p[:100]}')
                        if a.fix:
                            patterns[i], changed = f, True
        if changed:
            save(path, doc)
    return 1 if bad and not a.fix else 0


if __name__ == '__main__':
    sys.exit(main())
