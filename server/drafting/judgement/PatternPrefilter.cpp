#include "PatternPrefilter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

constexpr int kMinLiteral = 3;

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

// The needs of one branch: skip what consumes nothing (\b, lookarounds), then a literal run or a
// group whose every alternative opens with one.
std::optional<QList<PatternPrefilter::Need>> branchNeeds(const QString &b, bool wordStartIn)
{
    bool wordStart = wordStartIn;
    qsizetype i = 0;
    while (i < b.size()) {
        if (b.mid(i, 2) == u"\\b") {
            wordStart = true;
            i += 2;
        } else if (b.mid(i, 3) == u"(?<" || b.mid(i, 3) == u"(?=" || b.mid(i, 3) == u"(?!") {
            const qsizetype end = skipGroup(b, i);
            if (end < 0)
                return std::nullopt;
            i = end;
        } else {
            break;
        }
    }
    if (i >= b.size())
        return std::nullopt;
    if (b.at(i) == u'(') {
        if (b.mid(i, 2) == u"(?" && b.mid(i, 3) != u"(?:")
            return std::nullopt; // inline options, atomic groups: run the pattern
        const qsizetype end = skipGroup(b, i);
        if (end < 0 || (end < b.size() && isQuantifier(b.at(end))))
            return std::nullopt; // an optional group proves nothing
        const qsizetype inner = b.mid(i, 3) == u"(?:" ? i + 3 : i + 1;
        QList<PatternPrefilter::Need> needs;
        for (const QString &alt : alternatives(b, inner, end - 1)) {
            const auto n = branchNeeds(alt, wordStart);
            if (!n)
                return std::nullopt;
            needs.append(*n);
        }
        return needs;
    }
    // A literal run: letters, digits, spaces, apostrophes, hyphens and escaped punctuation.
    QString run;
    qsizetype j = i;
    while (j < b.size()) {
        const QChar c = b.at(j);
        if (c == u'\\' && j + 1 < b.size() && !b.at(j + 1).isLetterOrNumber()) {
            run += b.at(j + 1);
            j += 2;
            continue;
        }
        if (!(c.isLetterOrNumber() || c == u' ' || c == u'\'' || c == u'-' || c.isMark()))
            break;
        run += c;
        ++j;
    }
    if (j < b.size() && isQuantifier(b.at(j)) && !run.isEmpty())
        run.chop(1); // the last character is optional
    if (wordStart) {
        const QString firstWord = run.section(u' ', 0, 0);
        if (firstWord.size() >= kMinLiteral && !run.startsWith(u' '))
            return QList<PatternPrefilter::Need>{{firstWord, true}};
    }
    if (run.size() >= kMinLiteral)
        return QList<PatternPrefilter::Need>{{run, false}};
    return std::nullopt;
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
    return needs;
}

namespace {

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

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

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
    m_wordOpenings.reserve(m_words.size() * 3);
    for (const QString &w : m_words) {
        for (qsizetype n = 1; n <= 3 && n <= w.size(); ++n)
            m_wordOpenings.insert(openingKey(QStringView(w).left(n)));
    }
    m_pairs.reserve(size_t(m_text.size()));
    for (qsizetype i = 0; i + 1 < m_text.size(); ++i)
        m_pairs.insert(pairKey(m_text.at(i), m_text.at(i + 1)));
}

bool PrefilterText::mayStartWord(const QString &literal) const
{
    // A word that starts with the literal: its first characters open some word...
    const QStringView opening = QStringView(literal).left(3);
    if (std::all_of(opening.cbegin(), opening.cend(), isWordChar) &&
        !m_wordOpenings.contains(openingKey(opening)))
        return false;
    // ...and the first word >= it has that prefix.
    const auto it = std::lower_bound(m_words.cbegin(), m_words.cend(), literal);
    if (it != m_words.cend() && it->startsWith(literal))
        return true;
    // The literal may continue past a word character the word split does not know.
    return (literal.contains(u'\'') || literal.contains(u'-')) && mayOccur(literal);
}

bool PrefilterText::mayOccur(const QString &literal) const
{
    for (qsizetype i = 0; i + 1 < literal.size(); ++i) {
        if (!m_pairs.contains(pairKey(literal.at(i), literal.at(i + 1))))
            return false;
    }
    return m_text.contains(literal);
}

bool PrefilterText::mayContain(const QList<PatternPrefilter::Need> &needs) const
{
    return std::any_of(needs.cbegin(), needs.cend(), [this](const PatternPrefilter::Need &n) {
        return n.wordStart ? mayStartWord(n.literal) : mayOccur(n.literal);
    });
}

} // namespace tandem::server::judgement
