#include "PatternPrefilter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

constexpr int kMinLiteral = 3;

// The shortest literal that proves something: three characters, or two outside the Latin
// alphabets (two Chinese characters are a word; two Hangul jamo, Hebrew or Thai letters are rare
// enough together that the pattern seldom needs to run).
qsizetype minLiteral(QStringView run)
{
    const bool latin = std::all_of(run.cbegin(), run.cend(), [](QChar c) { return c.unicode() < 0x250; });
    return latin ? kMinLiteral : 2;
}

quint64 openingKey(QStringView s)
{
    // Up to three UTF-16 units, and the length, in one number.
    quint64 key = quint64(s.size());
    for (qsizetype i = 0; i < s.size() && i < 3; ++i)
        key |= quint64(s.at(i).unicode()) << (16 * i + 8);
    return key;
}

quint32 pairKey(QChar a, QChar b)
{
    return (quint32(a.unicode()) << 16) | b.unicode();
}

// Fibonacci hashing onto the bit sets of PrefilterText.
std::size_t openingBit(quint64 key)
{
    return std::size_t((key * 0x9E3779B97F4A7C15ull) >> 48); // 16 bits
}

std::size_t pairBit(quint32 key)
{
    return std::size_t((key * 0x9E3779B1u) >> 16); // 16 bits
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// Calls onSyntax(i, c) at each '(', ')' and '|' of p[from, to) that is neither escaped nor inside a
// character class, until it returns true; returns that index, or -1 when it never does.
template <typename OnSyntax>
qsizetype findSyntax(const QString &p, qsizetype from, qsizetype to, OnSyntax onSyntax)
{
    bool inClass = false;
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            ++i;
            continue;
        }
        if (inClass) {
            if (c == u']')
                inClass = false;
            continue;
        }
        if (c == u'[')
            inClass = true;
        else if ((c == u'(' || c == u')' || c == u'|') && onSyntax(i, c))
            return i;
    }
    return -1;
}

// Index just past the group that opens at p[i] == '('; -1 when it is never closed.
qsizetype skipGroup(const QString &p, qsizetype i)
{
    int depth = 0;
    const qsizetype close = findSyntax(p, i, p.size(), [&depth](qsizetype, QChar c) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            return --depth == 0;
        return false;
    });
    return close < 0 ? -1 : close + 1;
}

// The top-level alternatives of p[from, to).
QStringList alternatives(const QString &p, qsizetype from, qsizetype to)
{
    QStringList out;
    int depth = 0;
    qsizetype start = from;
    findSyntax(p, from, to, [&](qsizetype i, QChar c) {
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (depth == 0) {
            out.append(p.mid(start, i - start));
            start = i + 1;
        }
        return false;
    });
    out.append(p.mid(start, to - start));
    return out;
}

bool isQuantifier(QChar c)
{
    return c == u'?' || c == u'*' || c == u'{';
}

std::optional<QList<PatternPrefilter::Need>> branchNeeds(const QString &b, bool wordStart);

// Index past a quantifier (?, *, +, {m,n}, with a lazy or possessive mark) at p[i], or i itself.
qsizetype skipQuantifier(const QString &p, qsizetype i)
{
    if (i >= p.size())
        return i;
    if (p.at(i) == u'{') {
        const qsizetype close = p.indexOf(u'}', i);
        i = close < 0 ? p.size() : close + 1;
    } else if (p.at(i) == u'?' || p.at(i) == u'*' || p.at(i) == u'+') {
        ++i;
    } else {
        return i;
    }
    if (i < p.size() && (p.at(i) == u'?' || p.at(i) == u'+'))
        ++i;
    return i;
}

// Index past a character class that opens at p[i] == '['.
qsizetype skipClass(const QString &p, qsizetype i)
{
    qsizetype j = i + 1;
    if (j < p.size() && p.at(j) == u'^')
        ++j;
    if (j < p.size() && p.at(j) == u']')
        ++j; // a ']' first is a member
    for (; j < p.size(); ++j) {
        if (p.at(j) == u'\\')
            ++j;
        else if (p.at(j) == u']')
            return j + 1;
    }
    return p.size();
}

QList<PatternPrefilter::Need> joined(QList<PatternPrefilter::Need> a, const QList<PatternPrefilter::Need> &b)
{
    a.append(b);
    return a;
}

// A group opening at b[i] == '(' as the walkers below read it.
struct Group
{
    qsizetype end = -1;  //!< index past its closing parenthesis; -1 when never closed
    qsizetype next = -1; //!< index past its quantifier
    bool lookaround = false;
    bool unknown = false; //!< inline options, a named or atomic group: nothing to read in it
    bool optional = false;
    std::optional<QList<PatternPrefilter::Need>> needs; //!< every alternative's opening, or nullopt
};

Group readGroup(const QString &b, qsizetype i, bool wordStart)
{
    Group g;
    const QString head = b.mid(i, 4);
    g.lookaround = head.startsWith(u"(?=") || head.startsWith(u"(?!") || head == u"(?<=" || head == u"(?<!";
    g.end = skipGroup(b, i);
    if (g.end < 0 || g.lookaround)
        return g;
    if (head.startsWith(u"(?") && !head.startsWith(u"(?:")) {
        g.unknown = true;
        return g;
    }
    const qsizetype inner = head.startsWith(u"(?:") ? i + 3 : i + 1;
    g.needs = QList<PatternPrefilter::Need>{};
    for (const QString &alt : alternatives(b, inner, g.end - 1)) {
        const auto n = branchNeeds(alt, wordStart);
        if (!n) {
            g.needs.reset();
            break;
        }
        g.needs->append(*n);
    }
    g.optional =
        g.end < b.size() && isQuantifier(b.at(g.end)) && !(b.at(g.end) == u'{' && b.mid(g.end, 2) != u"{0");
    g.next = skipQuantifier(b, g.end);
    return g;
}

// A literal run at b[i]: letters, digits, spaces, apostrophes, hyphens and escaped punctuation,
// without a last character a quantifier makes optional; and the index where it stops.
std::pair<QString, qsizetype> readRun(const QString &b, qsizetype i)
{
    QString run;
    qsizetype j = i;
    while (j < b.size()) {
        const QChar r = b.at(j);
        if (r == u'\\' && j + 1 < b.size() && !b.at(j + 1).isLetterOrNumber()) {
            run += b.at(j + 1);
            j += 2;
            continue;
        }
        if (!(r.isLetterOrNumber() || r == u' ' || r == u'\'' || r == u'-' || r.isMark()))
            break;
        run += r;
        ++j;
    }
    if (j < b.size() && (isQuantifier(b.at(j)) || b.at(j) == u'+'))
        run.chop(1); // the last character is optional (or repeats)
    return {run, j};
}

// What consumes a character but proves nothing: a class, '.', an escape such as \w or \d.
bool isClassLike(const QString &b, qsizetype i)
{
    const QChar c = b.at(i);
    return c == u'[' || c == u'.' || (c == u'\\' && i + 1 < b.size() && b.at(i + 1).isLetterOrNumber());
}

qsizetype skipClassLike(const QString &b, qsizetype i)
{
    const QChar c = b.at(i);
    return skipQuantifier(b, c == u'[' ? skipClass(b, i) : i + (c == u'.' ? 1 : 2));
}

// One element of a branch read as a sequence (walk()): a group that is no lookaround, or a literal run.
struct Element
{
    const Group *group = nullptr; //!< a group, or nullptr for a run
    QString run;
    bool wordStart = false; //!< a \b before it
    qsizetype next = 0;     //!< where the rest of the branch begins
};

// Calls onElement(const Element &) for each element of branch b that may prove something, in
// order, until it returns false (wordStart: a \b stands before b). What consumes nothing (\b,
// lookarounds, anchors) is stepped over, and so is what proves nothing (a class, '.', \w); syntax
// this reading does not know (inline options, an unclosed group, other punctuation) ends the walk.
template <typename OnElement> void walk(const QString &b, bool wordStart, OnElement onElement)
{
    qsizetype i = 0;
    while (i < b.size()) {
        const QChar c = b.at(i);
        if (b.mid(i, 2) == u"\\b") {
            wordStart = true;
            i += 2;
        } else if (c == u'^' || c == u'$') {
            ++i;
        } else if (c == u'(') {
            const Group g = readGroup(b, i, wordStart);
            if (g.end < 0 || g.unknown)
                return;
            if (g.lookaround) {
                i = g.end; // zero width: the word start before it still holds after it
                continue;
            }
            if (!onElement(Element{&g, {}, wordStart, g.next}))
                return;
            i = g.next;
            wordStart = false;
        } else if (isClassLike(b, i)) {
            i = skipClassLike(b, i);
            wordStart = false;
        } else {
            const auto [run, j] = readRun(b, i);
            if (j == i)
                return;
            i = skipQuantifier(b, j);
            if (!onElement(Element{nullptr, run, wordStart, i}))
                return;
            wordStart = false;
        }
    }
}

// The needs of one branch: the first element that must match and opens with a literal (a run of
// letters, or a group whose every alternative does) gives them. An optional group that proves
// something counts only together with what follows it: either the group or the rest must be
// there. nullopt when nothing proves anything (the pattern always runs).
std::optional<QList<PatternPrefilter::Need>> branchNeeds(const QString &b, bool wordStart)
{
    std::optional<QList<PatternPrefilter::Need>> needs;
    walk(b, wordStart, [&](const Element &e) {
        if (e.group) {
            if (!e.group->needs)
                return true;
            if (!e.group->optional) {
                needs = e.group->needs;
            } else if (const auto rest = branchNeeds(b.mid(e.next), false)) {
                needs = joined(*e.group->needs, *rest);
            }
            return false;
        }
        if (e.wordStart) {
            const QString firstWord = e.run.section(u' ', 0, 0);
            if (firstWord.size() >= minLiteral(firstWord) && !e.run.startsWith(u' ')) {
                needs = QList<PatternPrefilter::Need>{{firstWord, true}};
                return false;
            }
        }
        if (e.run.size() >= minLiteral(e.run)) {
            needs = QList<PatternPrefilter::Need>{{e.run, false}};
            return false;
        }
        return true;
    });
    return needs;
}

// The clauses of one branch: every element that must match and proves something gives one (an
// optional group, an optional last letter do not). What came before syntax the walk does not
// know still holds.
QList<PatternPrefilter::Clause> sequenceClauses(const QString &b)
{
    QList<PatternPrefilter::Clause> clauses;
    walk(b, false, [&clauses](const Element &e) {
        if (e.group) {
            if (e.group->needs && !e.group->optional)
                clauses.append(*e.group->needs);
        } else if (e.run.size() >= minLiteral(e.run) && !e.run.trimmed().isEmpty()) {
            // A run with a space is found as a substring (the word list holds single words); one
            // word after \b as a word opening.
            clauses.append({{e.run, e.wordStart && !e.run.contains(u' ')}});
        }
        return true;
    });
    return clauses;
}

void prepare(PatternPrefilter::Need &n)
{
    const QStringView opening = QStringView(n.literal).left(3);
    if (std::all_of(opening.cbegin(), opening.cend(), isWordChar))
        n.opening = openingKey(opening);
    for (qsizetype i = 0; i + 1 < n.literal.size(); ++i)
        n.pairs.push_back(pairKey(n.literal.at(i), n.literal.at(i + 1)));
    for (qsizetype i = 1; i < n.literal.size(); ++i) {
        if (isWordChar(n.literal.at(i)) && !isWordChar(n.literal.at(i - 1))) {
            qsizetype end = i;
            while (end < n.literal.size() && end - i < 3 && isWordChar(n.literal.at(end)))
                ++end;
            n.inner.push_back(openingKey(QStringView(n.literal).mid(i, end - i)));
        }
    }
}

} // namespace

std::optional<QList<PatternPrefilter::Need>> PatternPrefilter::analyse(const QString &pattern)
{
    QList<Need> needs;
    for (const QString &branch : alternatives(pattern, 0, pattern.size())) {
        const auto n = branchNeeds(branch, false);
        if (!n)
            return std::nullopt;
        needs.append(*n);
    }
    for (Need &n : needs)
        prepare(n);
    return needs;
}

std::optional<QList<PatternPrefilter::Branch>> PatternPrefilter::analyseBranches(const QString &pattern)
{
    QList<Branch> branches;
    for (const QString &text : alternatives(pattern, 0, pattern.size())) {
        Branch branch = sequenceClauses(text);
        if (branch.isEmpty())
            return std::nullopt;
        for (Clause &clause : branch) {
            for (Need &n : clause)
                prepare(n);
        }
        branches.append(branch);
    }
    return branches;
}

quint64 PatternPrefilter::anchor(const Need &need)
{
    // A word that starts with the literal opens with its first characters; a literal found
    // anywhere (a word start included) has its adjacent pairs in the text.
    const auto pair = [&need](size_t i) {
        return PrefilterText::kPairAnchor | quint32(pairBit(need.pairs.at(i)));
    };
    const quint64 last = need.pairs.empty() ? kAnyText : pair(need.pairs.size() - 1);
    if (need.wordStart && need.opening != 0)
        return quint64(openingBit(need.opening)) | last << 32;
    // A word the literal starts inside it says far more than a pair of letters: the longest
    // opening (the last of equals), since "lif" is rarer than "my".
    if (!need.inner.empty()) {
        const auto longest = std::max_element(need.inner.crbegin(), need.inner.crend(),
                                              [](quint64 a, quint64 b) { return (a & 0xFF) < (b & 0xFF); });
        return quint64(openingBit(*longest)) | last << 32;
    }
    if (need.pairs.size() >= 2)
        return quint64(pair(need.pairs.size() / 2 - 1)) | last << 32;
    return quint64(kAnyText) | last << 32;
}

PrefilterText::PrefilterText(const QString &folded) : m_text(folded)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i <= m_text.size(); ++i) {
        const bool inWord = i < m_text.size() && isWordChar(m_text.at(i));
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            m_words.push_back(m_text.mid(start, i - start));
            start = -1;
        }
    }
    std::sort(m_words.begin(), m_words.end());
    for (const QString &w : m_words) {
        for (qsizetype n = 1; n <= 3 && n <= w.size(); ++n) {
            const std::size_t bit = openingBit(openingKey(QStringView(w).left(n)));
            if (!m_wordOpenings.test(bit)) {
                m_wordOpenings.set(bit);
                m_openingBits.push_back(quint16(bit));
            }
        }
    }
    for (qsizetype i = 0; i + 1 < m_text.size(); ++i) {
        const std::size_t bit = pairBit(pairKey(m_text.at(i), m_text.at(i + 1)));
        if (!m_pairs.test(bit)) {
            m_pairs.set(bit);
            m_pairBits.push_back(quint16(bit));
        }
    }
}

bool PrefilterText::mayStartWord(const PatternPrefilter::Need &need) const
{
    // A word that starts with the literal: its first characters open some word...
    if (need.opening != 0 && !m_wordOpenings.test(openingBit(need.opening)))
        return false;
    // ...and the first word >= it has that prefix.
    const auto it = std::lower_bound(m_words.cbegin(), m_words.cend(), need.literal);
    if (it != m_words.cend() && it->startsWith(need.literal))
        return true;
    // The literal may go on past the end of its first word ("art.", "don't", "e-mail"): then it
    // is looked for as a substring.
    return !std::all_of(need.literal.cbegin(), need.literal.cend(), isWordChar) && mayOccur(need);
}

bool PrefilterText::mayOccur(const PatternPrefilter::Need &need) const
{
    for (const quint64 opening : need.inner) {
        if (!m_wordOpenings.test(openingBit(opening)))
            return false;
    }
    for (const quint32 pair : need.pairs) {
        if (!m_pairs.test(pairBit(pair)))
            return false;
    }
    return m_text.contains(need.literal);
}

} // namespace tandem::server::judgement
