#include "ApprovedWording.h"

#include "TextUtil.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

constexpr int kMinWords = 3;      // "Hi {name}," approves nothing
constexpr int kCacheLimit = 4096; // prepared sources kept per process

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"\\{\\{?[^{}\\n]{1,80}?\\}?\\}"_s);
    return re;
}

// One word of approved text or of a draft as matching reads it: either apostrophe one, and an
// English contraction written out, as the formal tone writes it (ToneStyler: "I've" -> "I have",
// "don't" -> "do not"), so that the two spellings of a sentence are one. Folded already.
QString writtenOut(const QString &word)
{
    static const QRegularExpression contraction(u"^(\\p{L}+)'(ve|ll|re|m|d|s|t)(\\W*)$"_s,
                                                QRegularExpression::UseUnicodePropertiesOption);
    static const QHash<QString, QString> expanded{{u"ve"_s, u"have"_s},
                                                  {u"ll"_s, u"will"_s},
                                                  {u"re"_s, u"are"_s},
                                                  {u"m"_s, u"am"_s},
                                                  {u"d"_s, u"would"_s}};
    static const QHash<QString, QString> irregular{{u"can't"_s, u"cannot"_s},
                                                   {u"won't"_s, u"will not"_s},
                                                   {u"it's"_s, u"it is"_s},
                                                   {u"that's"_s, u"that is"_s},
                                                   {u"let's"_s, u"let us"_s}};
    const auto m = contraction.match(word);
    if (!m.hasMatch())
        return word;
    const QString stem = m.captured(1);
    const QString suffix = m.captured(2);
    const QString rest = m.captured(3);
    if (const auto it = irregular.constFind(stem + u'\'' + suffix); it != irregular.cend())
        return *it + rest;
    if (suffix == u"t" && stem.endsWith(u'n'))
        return stem.chopped(1) + u" not"_s + rest;
    if (const auto it = expanded.constFind(suffix); it != expanded.cend())
        return stem + u' ' + *it + rest;
    return word; // "customer's" is a possessive
}

} // namespace

ApprovedWording::Normalized ApprovedWording::normalized(QStringView s)
{
    // Case folded, either apostrophe one, contractions written out, each whitespace run one
    // character ('\n' when it holds a line break, else ' '); each character keeps the span of
    // the original it stands for, so that a match maps back to the draft.
    Normalized out;
    const auto put = [&out](QChar c, qsizetype from, qsizetype to) {
        out.text.append(c);
        out.from.append(from);
        out.to.append(to);
    };
    qsizetype i = 0;
    while (i < s.size()) {
        if (s.at(i).isSpace()) {
            const qsizetype runStart = i;
            bool lineBreak = false;
            for (; i < s.size() && s.at(i).isSpace(); ++i)
                lineBreak = lineBreak || s.at(i) == u'\n';
            put(lineBreak ? u'\n' : u' ', runStart, i);
            continue;
        }
        const qsizetype wordStart = i;
        QString word;
        for (; i < s.size() && !s.at(i).isSpace(); ++i) {
            const QChar c = s.at(i);
            word.append(c == u'\u2019' ? QChar(u'\'') : c.isSurrogate() ? c : c.toCaseFolded());
        }
        const QString written = word.contains(u'\'') ? writtenOut(word) : word;
        if (written.size() == word.size()) {
            for (qsizetype k = 0; k < word.size(); ++k)
                put(written.at(k), wordStart + k, wordStart + k + 1);
        } else {
            for (const QChar c : written)
                put(c, wordStart, i);
        }
    }
    return out;
}

namespace {

bool isSentenceEnd(QChar c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u'\u2026';
}

// Whether the literal \a part (normalized) is at \a at of \a text (normalized): a space of the
// part stands for any whitespace run.
bool literalAt(const QString &text, qsizetype at, const QString &part)
{
    if (at + part.size() > text.size())
        return false;
    for (qsizetype k = 0; k < part.size(); ++k) {
        const QChar want = part.at(k);
        const QChar have = text.at(at + k);
        if (want == u' ' ? (have != u' ' && have != u'\n') : have != want)
            return false;
    }
    return true;
}

// The end of a match of parts[index..] placed at \a at, a slot before each part but the first:
// a slot is one to four words ("Atelier Brume", "1 299,50 kr", "[order number]") on one line,
// the fewest that let the rest follow. -1 when it cannot be placed there.
qsizetype matchFrom(const QString &text, const QStringList &parts, qsizetype index, qsizetype at)
{
    if (index > 0) {
        // The slot before parts[index], tried in the order a regular expression would
        // (\\S+(?:[ \\t]\\S+){0,3}?): one word, longest first, then two words, and so on.
        qsizetype tokenStart = at;
        for (int words = 0; words < 4; ++words) {
            if (tokenStart >= text.size() || text.at(tokenStart).isSpace())
                return -1;
            qsizetype tokenEnd = tokenStart;
            while (tokenEnd < text.size() && !text.at(tokenEnd).isSpace())
                ++tokenEnd;
            for (qsizetype e = tokenEnd; e > tokenStart; --e) {
                if (!literalAt(text, e, parts.at(index)))
                    continue;
                const qsizetype next = e + parts.at(index).size();
                const qsizetype end =
                    index + 1 == parts.size() ? next : matchFrom(text, parts, index + 1, next);
                if (end >= 0)
                    return end;
            }
            if (tokenEnd >= text.size() || text.at(tokenEnd) != u' ')
                return -1;
            tokenStart = tokenEnd + 1;
        }
        return -1;
    }
    if (!literalAt(text, at, parts.first()))
        return -1;
    const qsizetype next = at + parts.first().size();
    return parts.size() == 1 ? next : matchFrom(text, parts, 1, next);
}

} // namespace

QList<std::pair<qsizetype, qsizetype>> ApprovedWording::matches(const Sentence &sentence,
                                                                const Normalized &body)
{
    QList<std::pair<qsizetype, qsizetype>> out;
    const QString &text = body.text;
    const QString &head = sentence.parts.first();
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype candidate = at;
        if (!head.isEmpty() && head.at(0) != u' ') {
            candidate = text.indexOf(head.at(0), at);
            if (candidate < 0)
                break;
        }
        // A sentence that opens with a slot opens a sentence of the draft, so that the slot
        // cannot swallow the words before it.
        const bool opensHere =
            !sentence.opensWithSlot || candidate == 0 || text.at(candidate - 1) == u'\n' ||
            (text.at(candidate - 1) == u' ' && candidate >= 2 && isSentenceEnd(text.at(candidate - 2)));
        const qsizetype end = opensHere ? matchFrom(text, sentence.parts, 0, candidate) : -1;
        if (end > candidate) {
            out.append({body.from.at(candidate), body.to.at(end - 1) - body.from.at(candidate)});
            at = end;
        } else {
            at = candidate + 1;
        }
    }
    return out;
}

namespace {

// The longest run of ASCII letters and digits in the literal words of \a sentence (outside its
// slots, in words without an apostrophe, which normalized() may write out): every match of the
// sentence contains it, in some case. "" when there is no such run of 4 or more.
QString needleOf(const QString &sentence)
{
    QString text = sentence;
    text.replace(placeholder(), u" "_s);
    QString best;
    static const QRegularExpression space(u"\\s+"_s);
    for (const QString &word : text.split(space, Qt::SkipEmptyParts)) {
        if (word.contains(u'\'') || word.contains(u'’'))
            continue;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= word.size(); ++i) {
            const bool ascii = i < word.size() && word.at(i).unicode() < 128 && word.at(i).isLetterOrNumber();
            if (ascii)
                continue;
            if (i - start > best.size())
                best = word.mid(start, i - start);
            start = i + 1;
        }
    }
    return best.size() >= 4 ? best : QString();
}

bool isRunChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// The maximal runs of letters and digits in \a text, lower case, 3 characters or more.
template <typename OnRun> void forEachRun(QStringView text, OnRun onRun)
{
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool in = i < text.size() && isRunChar(text.at(i));
        if (in && start < 0) {
            start = i;
        } else if (!in && start >= 0) {
            if (i - start >= 3)
                onRun(text.mid(start, i - start).toString().toLower());
            start = -1;
        }
    }
}

// The runs that every match of the sentence (matches()) holds as whole runs of the body: those of the
// words a slot, an apostrophe (a contraction may be written out) or the sentence's ends do not
// touch, i.e. the words with whitespace on both sides.
QStringList boundedRuns(const QString &sentence)
{
    QStringList runs;
    static const QRegularExpression space(u"\\s+"_s);
    qsizetype last = 0;
    auto segment = [&](QStringView text) {
        const QStringList words = text.toString().split(space);
        for (qsizetype i = 1; i + 1 < words.size(); ++i) {
            const QString &w = words.at(i);
            if (w.contains(u'\'') || w.contains(u'’'))
                continue;
            forEachRun(w, [&runs](const QString &run) {
                if (!runs.contains(run))
                    runs.append(run);
            });
        }
    };
    auto it = placeholder().globalMatch(sentence);
    while (it.hasNext()) {
        const auto m = it.next();
        segment(QStringView(sentence).mid(last, m.capturedStart() - last));
        last = m.capturedEnd();
    }
    segment(QStringView(sentence).mid(last));
    return runs;
}

// A source's sentences long enough to count, each with its needle and bounded runs. Drafts reuse
// the same few hundred sources: each is split and analysed once per process.
QList<ApprovedWording::Sentence> prepared(const QString &source)
{
    static QMutex mutex;
    static QHash<QString, QList<ApprovedWording::Sentence>> cache;
    {
        const QMutexLocker lock(&mutex);
        if (const auto it = cache.constFind(source); it != cache.cend())
            return *it;
    }
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    QList<ApprovedWording::Sentence> sentences;
    for (const auto &[start, length] : text::sentenceSpans(source)) {
        const QString sentence = source.mid(start, length);
        QString withoutSlots = sentence;
        withoutSlots.remove(placeholder());
        int words = 0;
        auto it = word.globalMatch(withoutSlots);
        while (it.hasNext() && words < kMinWords) {
            it.next();
            ++words;
        }
        if (words < kMinWords)
            continue;
        ApprovedWording::Sentence prepared{sentence, needleOf(sentence), boundedRuns(sentence)};
        qsizetype last = 0;
        auto slots = placeholder().globalMatch(sentence);
        while (slots.hasNext()) {
            const auto m = slots.next();
            prepared.opensWithSlot = prepared.opensWithSlot || m.capturedStart() == 0;
            prepared.parts.append(
                ApprovedWording::normalized(QStringView(sentence).mid(last, m.capturedStart() - last)).text);
            last = m.capturedEnd();
        }
        prepared.parts.append(ApprovedWording::normalized(QStringView(sentence).mid(last)).text);
        sentences.append(prepared);
    }
    const QMutexLocker lock(&mutex);
    if (cache.size() >= kCacheLimit)
        cache.clear();
    cache.insert(source, sentences);
    return sentences;
}

} // namespace

ApprovedWording::ApprovedWording(const QStringList &approvedSources)
{
    QSet<QString> seen;
    for (const QString &source : approvedSources) {
        for (const Sentence &sentence : prepared(source)) {
            if (!seen.contains(sentence.text)) {
                seen.insert(sentence.text);
                m_sentences.append(sentence);
            }
        }
    }
}

QList<QPair<int, int>> ApprovedWording::spansIn(const QString &body) const
{
    if (m_scanned && body == m_body)
        return m_spans;
    m_body = body;
    m_scanned = true;
    m_spans.clear();
    // What rules a sentence out is read on the body as matching reads it (contractions written
    // out), so that "I've" in a draft can meet "I have" in the knowledge base.
    m_normalized = normalized(body);
    QSet<QString> bodyRuns;
    forEachRun(m_normalized.text, [&bodyRuns](const QString &run) { bodyRuns.insert(run); });
    for (const Sentence &approved : m_sentences) {
        if (!approved.needle.isEmpty() && !m_normalized.text.contains(approved.needle, Qt::CaseInsensitive))
            continue;
        const QStringList &runs = approved.runs;
        if (!std::all_of(runs.cbegin(), runs.cend(), [&](const QString &r) { return bodyRuns.contains(r); }))
            continue;
        // Repeated verbatim (the judgement's own replies always are): found without matches().
        const QString &sentence = approved.text;
        const qsizetype spansBefore = m_spans.size();
        if (!sentence.contains(u'{')) {
            for (qsizetype at = body.indexOf(sentence); at >= 0;
                 at = body.indexOf(sentence, at + sentence.size()))
                m_spans.append({int(at), int(sentence.size())});
        }
        if (m_spans.size() > spansBefore)
            continue;
        for (const auto &[at, length] : matches(approved, m_normalized))
            m_spans.append({int(at), int(length)});
    }
    return m_spans;
}

bool ApprovedWording::covers(const QString &body, int start, int length) const
{
    if (m_sentences.isEmpty())
        return false;
    const auto spans = spansIn(body);
    return std::any_of(spans.cbegin(), spans.cend(), [&](const QPair<int, int> &s) {
        return s.first <= start && start + length <= s.first + s.second;
    });
}

} // namespace tandem::server
