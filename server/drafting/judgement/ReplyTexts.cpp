#include "ReplyTexts.h"

#include "core/Logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

const ReplyTexts &ReplyTexts::builtIn()
{
    static const ReplyTexts texts = [] {
        QFile file(u":/drafting/judgement/replies.json"_s);
        QString error;
        std::optional<ReplyTexts> parsed;
        if (file.open(QIODevice::ReadOnly))
            parsed = fromJson(file.readAll(), &error);
        else
            error = u"the built-in replies are missing"_s;
        if (!parsed) {
            tandem::logging::get("draft")->critical("judgement replies unusable: {}", error.toStdString());
            return ReplyTexts{};
        }
        return std::move(*parsed);
    }();
    return texts;
}

QString ReplyTexts::key(Kind kind)
{
    switch (kind) {
    case Kind::Holding:
        return u"holding"_s;
    case Kind::Unsupported:
        return u"unsupported"_s;
    case Kind::Clarify:
        return u"clarify"_s;
    case Kind::Crisis:
        return u"crisis"_s;
    case Kind::Vulnerable:
        return u"vulnerable"_s;
    case Kind::Handover:
        return u"handover"_s;
    case Kind::RepeatAck:
        return u"repeat_ack"_s;
    case Kind::MultiAck:
        return u"multi_ack"_s;
    }
    return {};
}

std::optional<ReplyTexts> ReplyTexts::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject languages = doc.object().value(u"languages").toObject();
    if (!doc.isObject() || languages.isEmpty()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : u"no \"languages\" object"_s;
        return std::nullopt;
    }
    ReplyTexts texts;
    for (auto it = languages.begin(); it != languages.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        QHash<QString, QString> byKind;
        for (auto k = o.begin(); k != o.end(); ++k) {
            if (k.value().isString() && k.key() != u"name")
                byKind.insert(k.key(), k.value().toString());
        }
        if (!byKind.isEmpty())
            texts.m_texts.insert(it.key(), byKind);
    }
    return texts;
}

QString ReplyTexts::resolve(const QString &language) const
{
    if (m_texts.contains(language))
        return language;
    const QString base = language.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
    return m_texts.contains(base) ? base : QString();
}

QString ReplyTexts::text(Kind kind, const QString &language) const
{
    const QString lang = resolve(language);
    return lang.isEmpty() ? QString() : m_texts.value(lang).value(key(kind));
}

} // namespace tandem::server::judgement
