#include "SignalLexicon.h"

#include "PatternOpening.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <bit>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {
constexpr auto kOptions = QRegularExpression::UseUnicodePropertiesOption;
const QString kGreeting = u"greeting_only"_s;
} // namespace

QList<QByteArray> SignalLexicon::builtInDocuments(QString *error)
{
    // lexicon.json, then every lexicon-*.json beside it (the risk cues, kept per language group).
    // TANDEM_JUDGEMENT_LEXICON_DIR reads them from a source tree instead: for whoever edits
    // the lexicon and measures it with `tandemd eval judgement|signals` without a rebuild.
    const QString override = qEnvironmentVariable("TANDEM_JUDGEMENT_LEXICON_DIR");
    const QDir dir(override.isEmpty() ? u":/drafting/judgement"_s : override);
    if (!override.isEmpty())
        tandem::logging::get("draft")->warn("judgement lexicon read from {}", override.toStdString());
    QStringList names = dir.entryList({u"lexicon-*.json"_s}, QDir::Files, QDir::Name);
    names.prepend(u"lexicon.json"_s);
    QList<QByteArray> documents;
    for (const QString &name : std::as_const(names)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"the built-in lexicon %1 is missing"_s.arg(name);
            return {};
        }
        documents.append(file.readAll());
    }
    return documents;
}

const SignalLexicon &SignalLexicon::builtIn()
{
    // Never destroyed: it lives as long as the process, and freeing some 25,000 JIT-compiled
    // patterns at exit (an munmap each) kept an exiting tandemd busy for about a second.
    static const SignalLexicon *const lexicon = new SignalLexicon([] {
        QString error;
        const QList<QByteArray> documents = builtInDocuments(&error);
        std::optional<SignalLexicon> parsed;
        if (error.isEmpty())
            parsed = fromJson(documents, &error, Compile::OnFirstUse);
        if (!parsed) {
            // Only a broken build gets here; the tests load the same resource.
            tandem::logging::get("draft")->critical("judgement lexicon unusable: {}", error.toStdString());
            return SignalLexicon{};
        }
        return std::move(*parsed);
    }());
    return *lexicon;
}

std::optional<SignalLexicon> SignalLexicon::fromJson(const QByteArray &json, QString *error)
{
    return fromJson(QList<QByteArray>{json}, error);
}

std::optional<SignalLexicon> SignalLexicon::fromJson(const QList<QByteArray> &documents, QString *error,
                                                     Compile compile)
{
    const bool now = compile == Compile::Now;
    // Merge the documents: signal -> language -> patterns, in document order.
    QMap<QString, QMap<QString, QJsonArray>> merged;
    for (const QByteArray &json : documents) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        const QJsonObject signalsObject = doc.object().value(u"signals").toObject();
        if (!doc.isObject() || signalsObject.isEmpty()) {
            *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : u"no \"signals\" object"_s;
            return std::nullopt;
        }
        for (auto it = signalsObject.begin(); it != signalsObject.end(); ++it) {
            const QJsonObject byLanguage = it.value().toObject().value(u"patterns").toObject();
            auto &target = merged[it.key()];
            for (auto lang = byLanguage.begin(); lang != byLanguage.end(); ++lang) {
                for (const QJsonValue &p : lang.value().toArray())
                    target[lang.key()].append(p);
            }
        }
    }
    SignalLexicon lexicon;
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        const bool greeting = it.key() == kGreeting;
        const QMap<QString, QJsonArray> &byLanguage = it.value();
        QList<Pattern> compiled;
        QStringList greetings;
        QStringList languages;
        for (auto lang = byLanguage.cbegin(); lang != byLanguage.cend(); ++lang) {
            const QJsonArray &patterns = lang.value();
            for (const QJsonValue &p : patterns) {
                const QString pattern = p.toString();
                const PatternOpening opening = PatternOpening::split(pattern);
                const QRegularExpression re(opening.rest, kOptions);
                std::optional<QRegularExpression> guard;
                if (!opening.guard.isEmpty())
                    guard.emplace(opening.guard, kOptions);
                // A broken pattern is reported, never allowed to hide the others. isValid()
                // compiles (and JIT-compiles) it: only when asked to compile now.
                if (pattern.isEmpty() || (now && (!re.isValid() || (guard && !guard->isValid())))) {
                    const QString why = re.isValid() && guard ? guard->errorString() : re.errorString();
                    *error = u"%1/%2: invalid pattern %3 (%4)"_s.arg(it.key(), lang.key(), pattern, why);
                    return std::nullopt;
                }
                if (greeting)
                    greetings.append(u"(?:"_s + pattern + u')');
                else
                    compiled.append({re, PatternPrefilter::analyse(opening.rest),
                                     PatternPrefilter::analyseBranches(opening.rest), false, guard,
                                     opening.reach, opening.stops, lang.key()});
            }
            if (!patterns.isEmpty())
                languages.append(lang.key());
        }
        if (greeting) {
            // Short whole-message patterns: one anchored expression per few dozen.
            for (qsizetype i = 0; i < greetings.size(); i += 32) {
                const QRegularExpression re(u"^(?:"_s + greetings.mid(i, 32).join(u'|') + u")$"_s, kOptions);
                if (now && !re.isValid()) {
                    *error = u"greeting_only: %1"_s.arg(re.errorString());
                    return std::nullopt;
                }
                lexicon.m_greeting.append(re);
            }
            lexicon.m_counts.insert(it.key(), int(greetings.size()));
        } else if (!compiled.isEmpty()) {
            lexicon.m_counts.insert(it.key(), int(compiled.size()));
            lexicon.m_signals.insert(it.key(), Signal{compiled});
        }
        lexicon.m_languages.insert(it.key(), languages);
    }
    // Every pattern numbered across the lexicon, signal by signal: what it needs (PatternNeeds)
    // and which text bits name it (PatternIndex).
    quint32 base = 0;
    for (Signal &signal : lexicon.m_signals) {
        signal.base = base;
        for (Pattern &p : signal.patterns) {
            lexicon.m_index.add(base++, lexicon.m_needs.add(p.needs, p.branches));
            p.filtered = p.needs.has_value();
            p.needs.reset();
            p.branches.reset();
        }
    }
    lexicon.m_index.finish();
    return lexicon;
}

template <typename OnPattern>
void SignalLexicon::forEachReachable(const Signal &signal, const PrefilterText &text,
                                     OnPattern onPattern) const
{
    const std::vector<quint64> &candidates = m_index.candidates(text);
    std::vector<quint8> &verdicts = text.patternCache(&m_index).verdicts;
    const quint32 end = signal.base + quint32(signal.patterns.size());
    for (quint32 word = signal.base / 64; word * 64 < end; ++word) {
        quint64 bits = candidates[word];
        if (word == signal.base / 64)
            bits &= ~quint64(0) << (signal.base % 64);
        while (bits != 0) {
            const quint32 g = word * 64 + quint32(std::countr_zero(bits));
            bits &= bits - 1;
            if (g >= end)
                return;
            const qsizetype i = qsizetype(g - signal.base);
            quint8 &verdict = verdicts[g];
            if (verdict == 0)
                verdict = m_needs.mayMatch(g, text) ? 2 : 1;
            if (verdict == 2 && !onPattern(i))
                return;
        }
    }
}

void SignalLexicon::compileAll() const
{
    for (const Signal &signal : m_signals) {
        for (const Pattern &p : signal.patterns) {
            p.re.optimize();
            if (p.guard)
                p.guard->optimize();
        }
    }
    for (const QRegularExpression &re : m_greeting)
        re.optimize();
}

QString SignalLexicon::find(QStringView signal, const QString &folded) const
{
    return find(signal, PrefilterText(folded));
}

QString SignalLexicon::find(QStringView signal, const PrefilterText &text) const
{
    const QList<Hit> hits = findAll(signal, text, 1);
    return hits.isEmpty() ? QString() : hits.first().phrase;
}

QList<SignalLexicon::Hit> SignalLexicon::findAll(QStringView signal, const PrefilterText &text,
                                                 qsizetype enough) const
{
    QList<Hit> hits;
    const auto it = m_signals.constFind(signal.toString());
    if (it == m_signals.cend())
        return hits;
    forEachReachable(*it, text, [&](qsizetype i) {
        const Pattern &p = it->patterns.at(i);
        const auto found = next(p, text.text(), 0);
        if (!found)
            return true;
        const auto [start, end] = *found;
        const Hit hit{text.text().mid(start, end - start).trimmed(), start, end, p.language};
        // Two patterns catching the same words ("so tired of everything", "tired of everything")
        // are one phrase, not two.
        const auto overlapping = std::find_if(
            hits.begin(), hits.end(), [&](const Hit &h) { return hit.start < h.end && h.start < hit.end; });
        if (overlapping == hits.end()) {
            hits.append(hit);
            if (enough > 0 && hits.size() >= enough)
                return false;
        } else if (hit.end - hit.start > overlapping->end - overlapping->start) {
            *overlapping = hit;
        }
        return true;
    });
    return hits;
}

QList<std::pair<qsizetype, qsizetype>> SignalLexicon::spans(QStringView signal, const QString &folded) const
{
    return m_signals.contains(signal.toString()) ? spans(signal, PrefilterText(folded))
                                                 : QList<std::pair<qsizetype, qsizetype>>{};
}

QList<std::pair<qsizetype, qsizetype>> SignalLexicon::spans(QStringView signal,
                                                            const PrefilterText &text) const
{
    QList<std::pair<qsizetype, qsizetype>> out;
    const auto it = m_signals.constFind(signal.toString());
    if (it == m_signals.cend())
        return out;
    forEachReachable(*it, text, [&](qsizetype i) {
        const Pattern &p = it->patterns.at(i);
        qsizetype from = 0;
        while (const auto found = next(p, text.text(), from)) {
            const auto [start, end] = *found;
            if (end > start)
                out.append({start, end});
            from = std::max(end, start + 1);
        }
        return true;
    });
    return out;
}

QString SignalLexicon::blanked(QStringView signal, const QString &folded) const
{
    // Matched on the original text: one blanked span cannot create or hide another's match.
    QString out = folded;
    for (const auto &[start, end] : spans(signal, folded))
        out.replace(start, end - start, QString(end - start, u' '));
    return out;
}

const QList<SignalLexicon::Pattern> &SignalLexicon::patternsOf(QStringView signal) const
{
    static const QList<Pattern> none;
    const auto it = m_signals.constFind(signal.toString());
    return it == m_signals.cend() ? none : it->patterns;
}

QString SignalLexicon::findWithoutPrefilter(QStringView signal, const QString &folded) const
{
    for (const Pattern &p : patternsOf(signal)) {
        if (const auto found = next(p, folded, 0))
            return folded.mid(found->first, found->second - found->first).trimmed();
    }
    return {};
}

std::optional<std::pair<qsizetype, qsizetype>> SignalLexicon::next(const Pattern &p, const QString &text,
                                                                   qsizetype from)
{
    while (from <= text.size()) {
        const QRegularExpressionMatch m = p.re.match(text, from);
        if (!m.hasMatch())
            return std::nullopt;
        qsizetype start = m.capturedStart(0);
        if (p.guard && !p.guard
                            ->match(text, start, QRegularExpression::NormalMatch,
                                    QRegularExpression::AnchorAtOffsetMatchOption)
                            .hasMatch()) {
            from = start + 1; // the written pattern fails here and is tried one further on
            continue;
        }
        // The clause run: as far back as it reaches without crossing the end of a clause.
        for (int back = 0; back < p.reach && start > 0 && !p.stops.contains(text.at(start - 1)); ++back)
            --start;
        return std::pair{start, m.capturedEnd(0)};
    }
    return std::nullopt;
}

QList<QRegularExpression> SignalLexicon::unfiltered(QStringView signal) const
{
    QList<QRegularExpression> out;
    for (const Pattern &p : patternsOf(signal)) {
        if (!p.filtered)
            out.append(p.re);
    }
    return out;
}

QList<QRegularExpression> SignalLexicon::patterns(QStringView signal) const
{
    QList<QRegularExpression> out;
    for (const Pattern &p : patternsOf(signal))
        out.append(p.re);
    return out;
}

bool SignalLexicon::isGreetingOnly(const QString &folded) const
{
    if (m_greeting.isEmpty())
        return false;
    // Punctuation, symbols and emoji around the words do not make a request.
    QString core = folded;
    static const QRegularExpression edges(u"^[\\s\\p{P}\\p{S}]+|[\\s\\p{P}\\p{S}]+$"_s, kOptions);
    core.remove(edges);
    if (core.isEmpty())
        return true; // "??", "!!!", an emoji
    return std::any_of(m_greeting.cbegin(), m_greeting.cend(),
                       [&](const QRegularExpression &re) { return re.match(core).hasMatch(); });
}

} // namespace tandem::server::judgement
