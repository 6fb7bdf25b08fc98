#include "PatternOpening.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {

// One past the ')' closing the group that opens at \a open, or -1 (escapes and character
// classes skipped: a ')' in them closes nothing).
qsizetype groupEnd(const QString &p, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == u'\\') {
            ++i;
        } else if (c == u'[') {
            ++i;
            if (i < p.size() && p.at(i) == u'^')
                ++i;
            if (i < p.size() && p.at(i) == u']')
                ++i;
            while (i < p.size() && p.at(i) != u']') {
                if (p.at(i) == u'\\')
                    ++i;
                ++i;
            }
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i + 1;
        }
    }
    return -1;
}

// The characters of a plain negated class body ("." "!" "?" "\n" "("), or a null string when
// the class holds anything else (a range, a property, a nested class).
QString plainStops(QStringView body)
{
    QString stops;
    for (qsizetype i = 0; i < body.size(); ++i) {
        QChar c = body.at(i);
        if (c == u'\\') {
            if (++i >= body.size())
                return {};
            const QChar e = body.at(i);
            if (e == u'n')
                c = u'\n';
            else if (e.isLetterOrNumber())
                return {}; // \s, \w, \d, \p: not a plain character
            else
                c = e;
        } else if (c == u'-' || c == u'[' || c == u'^') {
            return {};
        }
        stops.append(c);
    }
    return stops.isEmpty() ? QString() : stops;
}

} // namespace

PatternOpening PatternOpening::split(const QString &pattern)
{
    PatternOpening out;
    out.rest = pattern;
    // "[^.!?\n]{0,240}rest"
    static const QRegularExpression run(uR"(^\[\^((?:\\.|[^\]\\])+)\]\{0,(\d{1,4})\})"_s);
    if (const QRegularExpressionMatch m = run.match(pattern); m.hasMatch()) {
        const QString stops = plainStops(m.capturedView(1));
        if (!stops.isNull() && m.capturedLength(0) < pattern.size()) {
            out.stops = stops;
            out.reach = m.capturedView(2).toInt();
            out.rest = pattern.mid(m.capturedLength(0));
        }
    }
    // "(?!guard)rest", unless the rest then opens with a clause run (the guard would be checked
    // where the run starts, not where the rest matched).
    if (out.rest.startsWith(u"(?!"_s)) {
        const qsizetype end = groupEnd(out.rest, 0);
        if (end > 0 && end < out.rest.size() && !out.rest.mid(end).startsWith(u"[^"_s)) {
            out.guard = out.rest.left(end);
            out.rest = out.rest.mid(end);
        }
    }
    return out;
}

} // namespace tandem::server::judgement
