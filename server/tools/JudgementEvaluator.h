#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

#include "server/drafting/intent/IntentMetrics.h"

#include <optional>

namespace tandem::server {

class TicketService;
class Database;

//! One labelled case of a judgement suite (tests/judgement/cases.jsonl, one JSON object a line).
struct JudgementCase
{
    struct Prior
    {
        QString subject;
        QString body;
        int daysAgo = 7;
        QString status = QStringLiteral("open");
    };
    QString id;
    QString category;
    QString language;
    QString queue;
    QString customerName;
    QString customerEmail;
    QString customerLanguage;
    QList<Prior> history;
    QString subject;
    QString body;
    QStringList followups;
    // expect
    bool needsHuman = false;
    QStringList codesAny;
    QString priorityMin;
    QString priorityMax;
    QString draftLanguage;
    QStringList mustNotContainUnflagged;
    QString intent; //!< optional: the request's intent, to score the draft's confidence against

    //! Parses one line; nullopt with *error on malformed or incomplete cases.
    static std::optional<JudgementCase> fromJson(const QJsonObject &object, QString *error);
};

//! Runs a judgement suite through the ticket service (the path a channel takes: the customer's
//! earlier tickets first, then the ticket, then each follow-up) and scores what came out:
//! crisis recall (escalated as crisis at urgent priority), escalation recall, right reason,
//! false escalations (or a priority above the case's maximum), draft language, and facts the
//! draft states unflagged that it must not. Per category, per language and overall.
class JudgementEvaluator
{
public:
    struct Counts
    {
        int cases = 0;
        int crisisCases = 0, crisisHits = 0;
        int escalateCases = 0, escalated = 0, rightReason = 0;
        int routineCases = 0, falseEscalations = 0;
        int priorityCases = 0, priorityOk = 0;
        int languageCases = 0, languageOk = 0;
        int unflaggedFacts = 0;
        void add(const Counts &o);
        QJsonObject toJson() const;
    };
    struct Report
    {
        Counts overall;
        QHash<QString, Counts> byCategory;
        QHash<QString, Counts> byLanguage;
        QList<QJsonObject> failures; //!< what each failed case expected and got
        //! Per reason code and language: cases expecting the code, and how many got it.
        QHash<QString, QHash<QString, QPair<int, int>>> codeRecall;
        //! Per reason code and language: cases that must not be escalated, and how many got it.
        QHash<QString, QHash<QString, QPair<int, int>>> codeFalsePositive;
        double draftP50Ms = 0, draftP99Ms = 0;
        //! The slowest cases (id, ms per customer message), slowest first: where a p99 comes from.
        QList<std::pair<QString, double>> slowest;
        //! Per case: the draft's confidence, read as the probability that the case may be
        //! answered without a person (truth "send" when the case expects no human, else "person").
        QList<intent::ScoredPrediction> sendable;
        //! Cases labelled with an intent: the draft's confidence against a right intent (the same
        //! reading as the banking77 calibration figures).
        struct LabelledIntent
        {
            QString id; //!< the case
            intent::ScoredPrediction prediction;
        };
        QList<LabelledIntent> intents;
        QJsonObject toJson() const;
        //! The targets; the unmet ones, described (empty when all hold).
        QStringList missedTargets() const;
    };

    JudgementEvaluator(TicketService &tickets, Database &db) : m_tickets(tickets), m_db(db) {}

    //! Whether run() first drafts a few cases untimed (default), as a running server would have.
    void setWarmUp(bool on) { m_warmUp = on; }

    static std::optional<QList<JudgementCase>> readCases(const QString &path, QString *error);
    Report run(const QList<JudgementCase> &cases);

private:
    struct Outcome
    {
        QStringList codes;
        QString intent;
        double confidence = 0;
    };
    Counts score(const JudgementCase &c, QJsonObject *failure, Outcome *outcome);

    TicketService &m_tickets;
    Database &m_db;
    int m_serial = 0;
    bool m_warmUp = true;
};

} // namespace tandem::server
