#include "RomanisedLanguages.h"

#include "core/Logging.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {

namespace {

struct Words
{
    QStringList latin; //!< lower case, diacritics removed
    int otherScript = 0;
    int letters = 0;
};

Words latinWords(const QString &text)
{
    Words w;
    const QString decomposed = text.toLower().normalized(QString::NormalizationForm_D);
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            w.latin.append(current);
        current.clear();
    };
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isLetter()) {
            ++w.letters;
            if (c.script() == QChar::Script_Latin) {
                current.append(c);
                continue;
            }
            ++w.otherScript;
        } else if ((c == u'\'' || c == QChar(0x2019)) && !current.isEmpty()) {
            // "don't" is one English word, not Hausa "don" and a "t".
            current.append(u'\'');
            continue;
        } else if (c.isDigit()) {
            // Arabizi writes sounds with digits in words ("3ayez", "la2", "7aga").
            current.append(c);
            continue;
        }
        flush();
    }
    flush();
    // Numbers alone ("44970", "2") are no words of any language.
    w.latin.removeIf([](const QString &t) {
        return std::none_of(t.cbegin(), t.cend(), [](QChar c) { return c.isLetter(); });
    });
    return w;
}

} // namespace

const RomanisedLanguages &RomanisedLanguages::builtIn()
{
    static const RomanisedLanguages languages = [] {
        QFile file(u":/drafting/romanised-words.json"_s);
        QString error;
        std::optional<RomanisedLanguages> parsed;
        if (file.open(QIODevice::ReadOnly))
            parsed = fromJson(file.readAll(), &error);
        else
            error = u"the built-in word lists are missing"_s;
        if (!parsed) {
            tandem::logging::get("draft")->critical("romanised word lists unusable: {}", error.toStdString());
            return RomanisedLanguages{};
        }
        return std::move(*parsed);
    }();
    return languages;
}

std::optional<RomanisedLanguages> RomanisedLanguages::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject languages = doc.object().value(u"languages").toObject();
    if (!doc.isObject() || languages.isEmpty()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : u"no \"languages\" object"_s;
        return std::nullopt;
    }
    RomanisedLanguages result;
    for (auto it = languages.begin(); it != languages.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        Language language;
        language.code = it.key();
        for (const QJsonValue v : o.value(u"as_hint").toArray())
            language.asHint.append(v.toString());
        for (const QJsonValue v : o.value(u"words").toArray()) {
            const QString word = v.toString();
            if (word.isEmpty() || word.contains(u' ') || word != word.toLower()) {
                *error = u"%1: \"%2\" is not one lower-case word"_s.arg(language.code, word);
                return std::nullopt;
            }
            language.words.insert(word);
        }
        if (language.words.isEmpty()) {
            *error = u"%1: no words"_s.arg(language.code);
            return std::nullopt;
        }
        result.m_languages.append(language);
    }
    return result;
}

QStringList RomanisedLanguages::languages() const
{
    QStringList codes;
    for (const Language &l : m_languages)
        codes.append(l.code);
    return codes;
}

QString RomanisedLanguages::guess(const QString &text, const QString &hint) const
{
    const Words words = latinWords(text);
    // (A word has a letter: with any word there are letters to divide by.)
    if (words.latin.isEmpty() || double(words.otherScript) / words.letters > kMaxOtherScript)
        return {};
    const QString h = hint.left(3).section(u'-', 0, 0).toLower();
    QString best;
    double bestShare = 0;
    for (const Language &l : m_languages) {
        QSet<QString> distinct;
        int hits = 0;
        for (const QString &t : words.latin) {
            if (l.words.contains(t)) {
                ++hits;
                distinct.insert(t);
            }
        }
        const double share = double(hits) / words.latin.size();
        const bool hinted = !h.isEmpty() && (l.code == h || l.asHint.contains(h));
        const bool enough = (distinct.size() >= kMinDistinct && share >= kMinShare) ||
                            (hinted && distinct.size() >= kHintMinDistinct && share >= kHintMinShare);
        if (enough && share > bestShare) {
            bestShare = share;
            best = l.asHint.contains(h) ? h : l.code;
        }
    }
    return best;
}

} // namespace tandem::server
