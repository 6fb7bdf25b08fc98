#include "DemoModel.h"

#include "DemoContent.h"

#include "server/storage/Migrations.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {

DemoModel::DemoModel(const DemoContent &content)
{
    // The demo ships its own intent examples: the customers' messages it was written with.
    for (const DemoContent::Scenario &scenario : content.scenarios()) {
        for (const DemoContent::LanguageTexts &texts : scenario.texts) {
            for (const QString &text : texts.messages + texts.subjects)
                m_examples.append({text, scenario.intent});
        }
    }
    // Off-topic messages teach the model what is none of its business (reserved intent).
    for (const QString &text : content.outOfScope())
        m_examples.append({text, u"out_of_scope"_s});
    // Same content, same order (scenario texts live in a QHash): deterministic training and key.
    std::sort(m_examples.begin(), m_examples.end());

    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView(TANDEM_VERSION));
    // A newer model format (or seeding with it) must not reuse an older cached model or template.
    hash.addData(QByteArray::number(IntentClassifier::formatVersion()));
    // A seeded template is only good for the schema it was written with.
    hash.addData(QByteArray::number(Migrations::kCurrentVersion));
    for (const auto &[text, intent] : std::as_const(m_examples))
        hash.addData(QString(text + u'\t' + intent + u'\n').toUtf8());
    const QString key = QString::fromLatin1(hash.result().toHex().left(16));
    m_fileName = u"demo-intents-"_s + key + u".model"_s;
    m_templateFileName = u"demo-company-"_s + key + u".db"_s;
}

QStringList DemoModel::searchDirs()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("TANDEM_DEMO_MODEL_DIR");
    if (!fromEnv.isEmpty())
        dirs.append(fromEnv);
    if (QCoreApplication::instance())
        dirs.append(QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../share/tandem"_s));
    dirs.append(cacheDir());
    return dirs;
}

QString DemoModel::cacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
}

std::optional<IntentClassifier> DemoModel::loadPrebuilt() const
{
    for (const QString &dir : searchDirs()) {
        const QString path = dir + u'/' + m_fileName;
        if (!QFile::exists(path))
            continue;
        QString error;
        if (auto model = IntentClassifier::load(path, &error))
            return model;
        // A damaged or older file: try the next place, train if none is good.
        tandem::logging::get("draft")->warn("demo model {} not loaded: {}", path.toStdString(),
                                            error.toStdString());
    }
    return std::nullopt;
}

QString DemoModel::findTemplate() const
{
    for (const QString &dir : searchDirs()) {
        const QString path = dir + u'/' + m_templateFileName;
        if (QFile::exists(path))
            return path;
    }
    return {};
}

} // namespace tandem::server
