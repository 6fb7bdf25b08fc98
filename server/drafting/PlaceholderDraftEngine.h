#pragma once

#include "DraftEngine.h"

#include "server/storage/KbRepository.h"

#include <QHash>
#include <QSet>

namespace tandem::server {

class Database;

//! A deliberately simple stand-in until the real engine lands: picks the knowledge-base article
//! sharing the most (idf-weighted) words with the customer's messages and fills its reply
//! template. Its "confidence" is that overlap squashed to 0..1, not a calibrated probability,
//! and its engine name says so.
class PlaceholderDraftEngine : public DraftEngine
{
public:
    explicit PlaceholderDraftEngine(Database &db);

    QString name() const override;
    DraftResult draft(const DraftRequest &request) override;
    void reload() override;

    static QSet<QString> sensitiveIntents();

private:
    struct Indexed
    {
        KbArticle article;
        QSet<QString> words;
    };

    QString fillTemplate(const QString &text, const DraftRequest &request, QList<DraftFlag> *flags) const;

    Database &m_db;
    QList<Indexed> m_articles;
    QHash<QString, double> m_idf;
};

//! Lower-cased words of three or more letters; shared by the placeholder engine and its tests.
QSet<QString> wordsOf(const QString &text);

} // namespace tandem::server
