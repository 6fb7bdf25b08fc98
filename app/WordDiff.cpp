#include "WordDiff.h"

#include <QHash>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

using Kind = DiffSegment::Kind;

// The code point at \a i (a surrogate pair counts as one) and its length in UTF-16 units.
char32_t codePointAt(const QString &text, qsizetype i, int *length)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *length = 1;
    return c.unicode();
}

bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) || c == U'_';
}

bool isApostrophe(char32_t c)
{
    return c == U'\'' || c == U'\u2019';
}

bool joinsPrevious(char32_t c)
{
    // Combining marks, variation selectors and the zero-width joiner stay with what they modify.
    return QChar::isMark(c) || c == U'\u200d' || (c >= U'\ufe00' && c <= U'\ufe0f');
}

void append(QList<DiffSegment> &segments, Kind kind, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!segments.isEmpty() && segments.last().kind == kind)
        segments.last().text += text;
    else
        segments.append({kind, text});
}

bool isBlank(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

// Makes the result read like a person would describe it: a lone space between two changes is
// part of the change ("a b" -> "c d" is one replacement, not two), and within a change the
// removal comes before the insertion.
QList<DiffSegment> tidy(const QList<DiffSegment> &raw)
{
    QList<DiffSegment> out;
    QString removed;
    QString inserted;
    auto flush = [&] {
        append(out, Kind::Removed, removed);
        append(out, Kind::Inserted, inserted);
        removed.clear();
        inserted.clear();
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const DiffSegment &segment = raw.at(i);
        if (segment.kind == Kind::Removed) {
            removed += segment.text;
        } else if (segment.kind == Kind::Inserted) {
            inserted += segment.text;
        } else if (i > 0 && i + 1 < raw.size() && isBlank(segment.text)) {
            removed += segment.text; // between two changes: fold into both sides
            inserted += segment.text;
        } else {
            flush();
            append(out, Kind::Equal, segment.text);
        }
    }
    flush();
    return out;
}

struct Edit
{
    Kind kind;
    qsizetype index; //!< token index into a (Equal, Removed) or b (Inserted)
};

// Myers' greedy algorithm with the V array kept per step for the backtrack. False when more
// than \a maxEdits edits would be needed.
bool myers(const std::vector<int> &a, const std::vector<int> &b, int maxEdits, std::vector<Edit> *edits)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = std::min(n + m, maxEdits);
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    std::vector<std::vector<int>> trace; // trace[d][k + d] = furthest x on diagonal k after step d
    trace.reserve(size_t(max) + 1);
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                        ? v[size_t(offset + k + 1)]
                        : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m)
                found = d;
        }
        trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
    }
    if (found < 0)
        return false;

    std::vector<Edit> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &prev = trace[size_t(d - 1)];
        auto at = [&](int k) {
            return prev[size_t(k + d - 1)];
        };
        const int k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        const int startX = down ? prevX : prevX + 1;
        while (x > startX) {
            --x;
            --y;
            reversed.push_back({Kind::Equal, x});
        }
        if (down)
            reversed.push_back({Kind::Inserted, prevY});
        else
            reversed.push_back({Kind::Removed, prevX});
        x = prevX;
        y = prevY;
    }
    while (x > 0) {
        --x;
        reversed.push_back({Kind::Equal, x});
    }
    edits->assign(reversed.rbegin(), reversed.rend());
    return true;
}

} // namespace

QStringList WordDiff::tokenize(const QString &text)
{
    QStringList tokens;
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        int length = 0;
        const char32_t c = codePointAt(text, i, &length);
        qsizetype end = i + length;
        if (QChar::isSpace(c)) {
            while (end < size && text.at(end).isSpace())
                ++end;
        } else if (isWordChar(c)) {
            while (end < size) {
                int l = 0;
                const char32_t next = codePointAt(text, end, &l);
                if (isWordChar(next)) {
                    end += l;
                } else if (isApostrophe(next) && end + l < size) {
                    int l2 = 0;
                    if (!QChar::isLetterOrNumber(codePointAt(text, end + l, &l2)))
                        break;
                    end += l + l2;
                } else {
                    break;
                }
            }
        } else {
            while (end < size) {
                int l = 0;
                const char32_t next = codePointAt(text, end, &l);
                if (!joinsPrevious(next))
                    break;
                end += l;
                if (next == U'\u200d' && end < size) { // a joined emoji sequence
                    codePointAt(text, end, &l);
                    end += l;
                }
            }
        }
        tokens.append(text.mid(i, end - i));
        i = end;
    }
    return tokens;
}

WordDiff::Result WordDiff::diff(const QString &before, const QString &after, const Limits &limits)
{
    const QStringList a = tokenize(before);
    const QStringList b = tokenize(after);

    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;

    auto join = [](const QStringList &tokens, qsizetype from, qsizetype to) {
        QString text;
        for (qsizetype i = from; i < to; ++i)
            text += tokens.at(i);
        return text;
    };

    Result result;
    QList<DiffSegment> raw;
    append(raw, Kind::Equal, join(a, 0, prefix));

    const qsizetype aEnd = a.size() - suffix;
    const qsizetype bEnd = b.size() - suffix;
    const qsizetype aCount = aEnd - prefix;
    const qsizetype bCount = bEnd - prefix;
    std::vector<Edit> edits;
    bool solved = false;
    if (aCount <= limits.maxTokens && bCount <= limits.maxTokens) {
        QHash<QString, int> ids;
        // Tokens become small integers so the inner loop compares ints, not strings.
        auto encodeStable = [&](const QStringList &tokens, qsizetype from, qsizetype to) {
            std::vector<int> out;
            out.reserve(size_t(to - from));
            for (qsizetype i = from; i < to; ++i) {
                auto it = ids.constFind(tokens.at(i));
                if (it == ids.constEnd())
                    it = ids.insert(tokens.at(i), int(ids.size()));
                out.push_back(*it);
            }
            return out;
        };
        const std::vector<int> left = encodeStable(a, prefix, aEnd);
        const std::vector<int> right = encodeStable(b, prefix, bEnd);
        solved = myers(left, right, std::max(0, limits.maxEdits), &edits);
    }
    if (solved) {
        for (const Edit &edit : edits) {
            if (edit.kind == Kind::Inserted)
                append(raw, Kind::Inserted, b.at(prefix + edit.index));
            else
                append(raw, edit.kind, a.at(prefix + edit.index));
        }
    } else {
        result.complete = false;
        append(raw, Kind::Removed, join(a, prefix, aEnd));
        append(raw, Kind::Inserted, join(b, prefix, bEnd));
    }
    append(raw, Kind::Equal, join(a, aEnd, a.size()));
    result.segments = tidy(raw);
    return result;
}

} // namespace tandem::app
