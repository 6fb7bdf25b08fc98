#pragma once

#include "core/Enums.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

//! When a draft must go to a person first, why (reason codes of core/ReasonCodes.h) and at what
//! priority: what the judgement found (crisis, vulnerable, fraud, legal, complaint, manipulation,
//! repeat contact, several requests, unsupported language), low confidence, out of scope, strong
//! negative sentiment, sensitive intents. Configured in a JSON file (escalation-policy.json, the
//! built-in default): threshold rules merge from defaults over queue and intent to
//! "queue/intent"; "codes" says per reason code whether it escalates and the priority it sets.
//! A crisis always escalates, at urgent priority. The engine still offers a draft, clearly marked.
class EscalationPolicy
{
public:
    //! One merged set of rules. Unset fields in a file keep the value from the level above.
    struct Rules
    {
        double minConfidence = 0.0;
        bool useModelAbstention = true;
        bool escalateOutOfScope = true;
        double negativeSentimentAtOrBelow = -0.6;
        int repeatContactMessages = 3; //!< 0 disables the rule
        //! Earlier tickets of the same customer younger than this count towards repeat contact.
        int repeatWindowDays = 30;
        bool sensitive = false;
        bool always = false; //!< escalate every ticket this rule applies to
        QString reason;      //!< shown instead of the generic sensitive-topic reason
        QString code;        //!< reason code of a sensitive intent (e.g. "vulnerable"); "policy" if unset
        //! A sensitive intent escalates only when the judgement also read its code in the text:
        //! the model's reading of the topic alone is not evidence ("can I move my instalment
        //! while I'm in hospital for my knee" reads as hardship to a model that has seen few such).
        bool needsEvidence = false;
        //! With needsEvidence: at or above this confidence the model's reading is enough on its
        //! own (a phishing story the fraud words missed, read as fraud at 0.96); 1 = never.
        double evidenceUnlessConfidence = 1.0;
    };

    //! What one reason code does.
    struct CodeRule
    {
        bool escalate = true;
        Priority priority = Priority::High;
    };

    //! What the engine observed about one ticket.
    struct Signals
    {
        QString queue;
        QString intent;
        double confidence = 1.0;
        bool modelAbstained = false;
        bool outOfScope = false;
        double sentimentScore = 0.0;
        int customerMessages = 1;
        bool noKnowledge = false; //!< an intent, but nothing in the knowledge covers it
        //! Reason codes the judgement found (CaseAssessor), with the evidence for each.
        QStringList judged;
        QHash<QString, QString> judgedEvidence;
        bool unclear = false; //!< no request in the message: a clarifying question, no escalation
        //! Risk concepts the judgement read without calling it a crisis ("someone who may harm",
        //! "dying"): enough evidence for a sensitive intent that needs some (needs_evidence).
        QStringList riskSigns;
        //! Codes whose words the judgement read and explained away (the settled past, a planned
        //! stay in hospital, a question about what would happen if): a sensitive intent of that
        //! code has no evidence then, whatever the model's confidence.
        QStringList setAside;

        //! The signals as stored per ticket (draft_signals), so a policy can be re-applied later.
        QJsonObject toJson() const;
        static std::optional<Signals> fromJson(const QJsonObject &object);
    };

    struct Decision
    {
        bool needsHuman = false;
        QString reason;      //!< human-readable, "; "-joined when several rules fired
        QStringList reasons; //!< one entry per rule that fired
        //! Reason codes (core/ReasonCodes.h) of the rules that fired, most serious first.
        QStringList codes;
        //! The priority the ticket should have at least (Normal when nothing fired).
        Priority priority = Priority::Normal;
    };

    //! The settings row (table settings) that holds the policy in force, when one was stored.
    static constexpr QStringView kSettingName = u"escalation_policy";

    //! The built-in policy (the resource :/drafting/escalation-policy.json).
    static EscalationPolicy builtIn();
    //! The built-in policy document as JSON (what GET /policy/escalation shows until a PUT).
    static QJsonObject builtInJson();
    static std::optional<EscalationPolicy> fromFile(const QString &path, QString *error);
    static std::optional<EscalationPolicy> fromJson(const QJsonObject &object, QString *error);

    Rules rulesFor(const QString &queue, const QString &intent) const;
    CodeRule ruleFor(const QString &code) const;
    Decision decide(const Signals &observed) const;

private:
    QJsonObject m_defaults;
    QHash<QString, QJsonObject> m_queues;
    QHash<QString, QJsonObject> m_intents;
    QHash<QString, QJsonObject> m_queueIntents;
    QHash<QString, CodeRule> m_codes;
};

} // namespace tandem::server
