#pragma once

#include "core/ApiTypes.h"
#include "server/storage/KbRepository.h"
#include "server/storage/QueueRepository.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <random>

namespace tandem::server {

//! The demo company "Lumen Pay" as written in resources/demo/*.json (our own text), and the
//! composition of realistic tickets from it: scenario x language x customer x slot values.
class DemoContent
{
public:
    struct DemoUser
    {
        QString email;
        QString name;
        Role role = Role::Agent;
    };

    struct LanguageTexts
    {
        QStringList subjects;
        QStringList messages;
        QStringList followups;
        QString agentReply;
    };

    struct Scenario
    {
        QString intent;
        QString queue;
        Priority priority = Priority::Normal;
        QString difficulty;
        QStringList tags;
        bool repeatContact = false;
        QHash<QString, LanguageTexts> texts; //!< by language
    };

    //! A composed ticket: what a customer sends, and what an experienced agent answered.
    struct ComposedTicket
    {
        const Scenario *scenario = nullptr;
        QString language;
        NewTicketRequest request;
        QStringList followups;
        QString agentReply;
        Priority priority = Priority::Normal;
        QHash<QString, QString> slots; //!< the values an agent would look up (order, amount, ...)
    };

    //! Loads the JSON files from \a directory (a resource path such as ":/demo").
    bool load(const QString &directory, QString *error);

    const QList<DemoUser> &users() const { return m_users; }
    const QList<Queue> &queues() const { return m_queues; }
    const QList<KbArticle> &articles() const { return m_articles; }
    const QList<Scenario> &scenarios() const { return m_scenarios; }
    const QStringList &outOfScope() const { return m_outOfScope; }

    ComposedTicket compose(std::mt19937 &rng) const;

private:
    QString fill(const QString &text, const QHash<QString, QString> &slots) const;
    QHash<QString, QString> slotValues(const QString &language, const QString &customerName,
                                       std::mt19937 &rng) const;

    QList<DemoUser> m_users;
    QList<Queue> m_queues;
    QList<KbArticle> m_articles;
    QList<Scenario> m_scenarios;
    QStringList m_outOfScope;
    QHash<QString, QList<Customer>> m_customers; //!< by language
    QStringList m_merchants;
    QHash<QString, QString> m_intentQueue;
};

} // namespace tandem::server
