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

PrefilterText::PrefilterText(const QString &folded) : m_text(folded)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i <= m_text.size(); ++i) {
        const bool inWord = i < m_text.size() && (m_text.at(i).isLetterOrNumber() || m_text.at(i).isMark());
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            m_words.push_back(m_text.mid(start, i - start));
            start = -1;
        }
    }
    std::sort(m_words.begin(), m_words.end());
}

bool PrefilterText::mayContain(const QList<PatternPrefilter::Need> &needs) const
{
    for (const PatternPrefilter::Need &n : needs) {
        if (n.wordStart) {
            // A word that starts with the literal: the first word >= it, if it has that prefix.
            const auto it = std::lower_bound(m_words.cbegin(), m_words.cend(), n.literal);
            if (it != m_words.cend() && it->startsWith(n.literal))
                return true;
            // The literal may continue past a word character the word split does not know.
            if (n.literal.contains(u'\'') || n.literal.contains(u'-')) {
                if (m_text.contains(n.literal))
                    return true;
            }
        } else if (m_text.contains(n.literal)) {
            return true;
        }
    }
    return false;
}

} // namespace tandem::server::judgement
