#include "GroundedEngineOptions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

using namespace Qt::StringLiterals;

namespace tandem::server {

std::optional<GroundedEngineOptions> GroundedEngineOptions::fromCompanyFile(const QString &path,
                                                                            QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1"_s.arg(path);
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        *error = u"%1: not a JSON object"_s.arg(path);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    GroundedEngineOptions options;
    const QList<QPair<QString, QString>> keys{{u"name"_s, u"company"_s},
                                              {u"website"_s, u"website"_s},
                                              {u"website_url"_s, u"website_url"_s},
                                              {u"support_phone"_s, u"support_phone"_s},
                                              {u"support_email"_s, u"support_email"_s},
                                              {u"support_hours"_s, u"support_hours"_s}};
    for (const auto &[json, key] : keys) {
        if (o.value(json).isString() && !o.value(json).toString().isEmpty())
            options.companyFacts.insert(key, o.value(json).toString());
    }
    const QJsonObject crisis = o.value(u"crisis_contacts").toObject();
    for (auto it = crisis.begin(); it != crisis.end(); ++it) {
        if (it.key() != u"comment" && it.value().isString() && !it.value().toString().trimmed().isEmpty())
            options.crisisContacts.insert(it.key(), it.value().toString().trimmed());
    }
    const QJsonArray merchants = o.value(u"merchants").toArray();
    for (const QJsonValue &m : merchants) {
        if (m.isString() && !m.toString().trimmed().isEmpty())
            options.merchants.append(m.toString().trimmed());
    }
    return options;
}

} // namespace tandem::server
