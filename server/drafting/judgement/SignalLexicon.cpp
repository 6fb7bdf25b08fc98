#include "SignalLexicon.h"

#include "core/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {
namespace {
constexpr auto kOptions = QRegularExpression::UseUnicodePropertiesOption;
const QString kGreeting = u"greeting_only"_s;
} // namespace

const SignalLexicon &SignalLexicon::builtIn()
{
    static const SignalLexicon lexicon = [] {
        QFile file(u":/drafting/judgement/lexicon.json"_s);
        QString error;
        std::optional<SignalLexicon> parsed;
        if (file.open(QIODevice::ReadOnly))
            parsed = fromJson(file.readAll(), &error);
        else
            error = u"the built-in lexicon is missing"_s;
        if (!parsed) {
            // Only a broken build gets here; the tests load the same resource.
            tandem::logging::get("draft")->critical("judgement lexicon unusable: {}", error.toStdString());
            return SignalLexicon{};
        }
        return std::move(*parsed);
    }();
    return lexicon;
}

std::optional<SignalLexicon> SignalLexicon::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    const QJsonObject signalsObject = root.value(u"signals").toObject();
    if (!doc.isObject() || signalsObject.isEmpty()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : u"no \"signals\" object"_s;
        return std::nullopt;
    }
    SignalLexicon lexicon;
    for (auto it = signalsObject.begin(); it != signalsObject.end(); ++it) {
        const bool greeting = it.key() == kGreeting;
        const QJsonObject byLanguage = it.value().toObject().value(u"patterns").toObject();
        QList<Pattern> compiled;
        QStringList greetings;
        QStringList languages;
        for (auto lang = byLanguage.begin(); lang != byLanguage.end(); ++lang) {
            const QJsonArray patterns = lang.value().toArray();
            for (const QJsonValue &p : patterns) {
                const QString pattern = p.toString();
                QRegularExpression re(pattern, kOptions);
                // A broken pattern is reported, never allowed to hide the others.
                if (pattern.isEmpty() || !re.isValid()) {
                    *error = u"%1/%2: invalid pattern %3 (%4)"_s.arg(it.key(), lang.key(), pattern,
                                                                     re.errorString());
                    return std::nullopt;
                }
                // JIT-compiled now, once per process, so no draft pays for it later.
                re.optimize();
                if (greeting)
                    greetings.append(u"(?:"_s + pattern + u')');
                else
                    compiled.append({re, PatternPrefilter::analyse(pattern)});
            }
            if (!patterns.isEmpty())
                languages.append(lang.key());
        }
        if (greeting) {
            // Short whole-message patterns: one anchored expression per few dozen.
            for (qsizetype i = 0; i < greetings.size(); i += 32) {
                QRegularExpression re(u"^(?:"_s + greetings.mid(i, 32).join(u'|') + u")$"_s, kOptions);
                if (!re.isValid()) {
                    *error = u"greeting_only: %1"_s.arg(re.errorString());
                    return std::nullopt;
                }
                re.optimize();
                lexicon.m_greeting.append(re);
            }
            lexicon.m_counts.insert(it.key(), int(greetings.size()));
        } else if (!compiled.isEmpty()) {
            lexicon.m_counts.insert(it.key(), int(compiled.size()));
            lexicon.m_signals.insert(it.key(), compiled);
        }
        lexicon.m_languages.insert(it.key(), languages);
    }
    return lexicon;
}

QString SignalLexicon::find(QStringView signal, const QString &folded) const
{
    return find(signal, PrefilterText(folded));
}

QString SignalLexicon::find(QStringView signal, const PrefilterText &text) const
{
    const auto it = m_signals.constFind(signal.toString());
    if (it == m_signals.cend())
        return {};
    for (const Pattern &p : *it) {
        if (p.needs && !text.mayContain(*p.needs))
            continue;
        const QRegularExpressionMatch m = p.re.match(text.text());
        if (m.hasMatch())
            return m.captured(0).trimmed();
    }
    return {};
}

QString SignalLexicon::findWithoutPrefilter(QStringView signal, const QString &folded) const
{
    for (const Pattern &p : m_signals.value(signal.toString())) {
        const QRegularExpressionMatch m = p.re.match(folded);
        if (m.hasMatch())
            return m.captured(0).trimmed();
    }
    return {};
}

QList<QRegularExpression> SignalLexicon::unfiltered(QStringView signal) const
{
    QList<QRegularExpression> out;
    for (const Pattern &p : m_signals.value(signal.toString())) {
        if (!p.needs)
            out.append(p.re);
    }
    return out;
}

QList<QRegularExpression> SignalLexicon::patterns(QStringView signal) const
{
    QList<QRegularExpression> out;
    for (const Pattern &p : m_signals.value(signal.toString()))
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
