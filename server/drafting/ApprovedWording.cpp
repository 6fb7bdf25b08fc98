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
constexpr int kCacheLimit = 4096; // sources, and compiled sentences, kept per process

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"\\{\\{?[^{}\\n]{1,80}?\\}?\\}"_s);
    return re;
}

// The sentence as a pattern: its words literally (any run of whitespace for a space, any case)
// and each slot as a value of up to four tokens ("Atelier Brume", "1 299,50 kr", "[order
// number]"). A sentence that opens with a slot must open a sentence of the draft too, so the slot
// cannot swallow the words before it.
// One word of approved text as a pattern: either apostrophe, and an English contraction also
// written out, as the formal tone writes it (ToneStyler: "I've" -> "I have", "don't" -> "do not").
QString wordPattern(const QString &word)
{
    static const QRegularExpression contraction(u"^(\\p{L}+)['’](ve|ll|re|m|d|s|t)(\\W*)$"_s,
                                                QRegularExpression::UseUnicodePropertiesOption);
    static const QHash<QString, QString> expanded{{u"ve"_s, u"have"_s},
                                                  {u"ll"_s, u"will"_s},
                                                  {u"re"_s, u"are"_s},
                                                  {u"m"_s, u"am"_s},
                                                  {u"d"_s, u"would"_s}};
    static const QHash<QString, QString> irregular{{u"can't"_s, u"cannot"_s},
                                                   {u"won't"_s, u"will\\s+not"_s},
                                                   {u"it's"_s, u"it\\s+is"_s},
                                                   {u"that's"_s, u"that\\s+is"_s},
                                                   {u"let's"_s, u"let\\s+us"_s}};
    auto apostrophes = [](const QString &w) {
        static const QRegularExpression apostrophe(u"['’]"_s);
        QStringList parts = w.split(apostrophe);
        for (QString &p : parts)
            p = QRegularExpression::escape(p);
        return parts.join(u"['’]"_s);
    };
    const auto m = contraction.match(word);
    if (!m.hasMatch())
        return apostrophes(word);
    const QString stem = m.captured(1);
    const QString suffix = m.captured(2);
    const QString rest = QRegularExpression::escape(m.captured(3));
    const QString written = QRegularExpression::escape(stem) + u"['’]"_s + suffix;
    const QString key = (stem + u'\'' + suffix).toLower();
    QString full;
    if (irregular.contains(key))
        full = irregular.value(key);
    else if (suffix == u"t" && stem.endsWith(u'n', Qt::CaseInsensitive))
        full = QRegularExpression::escape(stem.chopped(1)) + u"\\s+not"_s; // "don't" -> "do not"
    else if (expanded.contains(suffix))
        full = QRegularExpression::escape(stem) + u"\\s+"_s + expanded.value(suffix);
    else
        return written + rest; // "customer's" is a possessive
    return u"(?:"_s + written + u'|' + full + u')' + rest;
}

QRegularExpression compile(const QString &sentence)
{
    auto literal = [](QStringView s) {
        static const QRegularExpression space(u"\\s+"_s);
        const QStringList words = s.toString().split(space);
        QStringList escaped;
        for (const QString &w : words)
            escaped.append(w.isEmpty() ? QString() : wordPattern(w));
        return escaped.join(u"\\s+"_s);
    };
    QString re;
    qsizetype last = 0;
    auto it = placeholder().globalMatch(sentence);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() == 0)
            re += u"(?:^|(?<=[.!?:\\x{2026}]\\s)|(?<=\\n))"_s;
        re += literal(QStringView(sentence).mid(last, m.capturedStart() - last));
        re += u"\\S+(?:[ \\t\\x{00A0}]\\S+){0,3}?"_s;
        last = m.capturedEnd();
    }
    re += literal(QStringView(sentence).mid(last));
    return QRegularExpression(re, QRegularExpression::CaseInsensitiveOption |
                                      QRegularExpression::UseUnicodePropertiesOption);
}

// Drafts reuse the same few hundred knowledge-base sentences: each is compiled once per process
// (compiling and JIT-compiling one costs milliseconds). A copy of a QRegularExpression shares
// the compiled and JIT code, which any thread may match with.
QRegularExpression compiled(const QString &sentence)
{
    static QMutex mutex;
    static QHash<QString, QRegularExpression> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(sentence); it != cache.cend())
        return *it;
    if (cache.size() >= kCacheLimit)
        cache.clear();
    QRegularExpression re = compile(sentence);
    re.optimize();
    return *cache.insert(sentence, re);
}

// The longest run of ASCII letters and digits in the literal words of \a sentence (outside its
// slots, in words without an apostrophe, which compile() may write out): every match of the
// sentence's pattern contains it, in some case. "" when there is no such run of 4 or more.
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

// The runs that every match of compile(sentence) holds as whole runs of the body: those of the
// words a slot, an apostrophe (a contraction may be written out) or the sentence's ends do not
// touch, i.e. the words with \s+ of the pattern on both sides.
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
        if (words >= kMinWords)
            sentences.append({sentence, needleOf(sentence), boundedRuns(sentence)});
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
    QSet<QString> bodyRuns;
    forEachRun(body, [&bodyRuns](const QString &run) { bodyRuns.insert(run); });
    for (const Sentence &approved : m_sentences) {
        if (!approved.needle.isEmpty() && !body.contains(approved.needle, Qt::CaseInsensitive))
            continue;
        const QStringList &runs = approved.runs;
        if (!std::all_of(runs.cbegin(), runs.cend(), [&](const QString &r) { return bodyRuns.contains(r); }))
            continue;
        // Repeated verbatim (the judgement's own replies always are): found without a pattern.
        const QString &sentence = approved.text;
        const qsizetype spansBefore = m_spans.size();
        if (!sentence.contains(u'{')) {
            for (qsizetype at = body.indexOf(sentence); at >= 0;
                 at = body.indexOf(sentence, at + sentence.size()))
                m_spans.append({int(at), int(sentence.size())});
        }
        if (m_spans.size() > spansBefore)
            continue;
        const QRegularExpression re = compiled(sentence);
        auto it = re.globalMatch(body);
        while (it.hasNext()) {
            const auto m = it.next();
            m_spans.append({int(m.capturedStart()), int(m.capturedLength())});
        }
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
