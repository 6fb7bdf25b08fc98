#pragma once

#include "DraftEngine.h"
#include "EscalationPolicy.h"
#include "KnowledgeIndex.h"

#include "server/drafting/intent/IntentClassifier.h"
#include "server/drafting/judgement/ReplyTexts.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

//! What the grounded engine knows about the company it writes for.
struct GroundedEngineOptions
{
    //! Canonical keys "company", "website", "website_url", "support_phone", "support_email",
    //! "support_hours", or lower-case placeholder labels ("live chat"), to values.
    QHash<QString, QString> companyFacts;
    QStringList merchants; //!< merchant names the slot filler recognises in customer text
    EscalationPolicy policy = EscalationPolicy::builtIn();
    //! Signposting for people at risk, by language ("default" for any other): the lines a crisis
    //! reply shows (emergency number, crisis line). Company configuration: never invented.
    QHash<QString, QString> crisisContacts;
    //! intent -> family (its queue): two requests of one family are one matter, not several.
    QHash<QString, QString> intentFamilies;
    //! Intent-model coverage whose abstention threshold applies: the model abstains (low_confidence)
    //! on the least sure tenth of in-domain messages. 0.8 escalated one routine ticket in five, which
    //! buries the hard cases; the judgement catches those by what they say, not by model doubt.
    double coverage = 0.9;

    //! Reads a company file like resources/demo/company.json: "name", "support_hours",
    //! "website", "support_phone", "support_email", "merchants" and "crisis_contacts" (an object
    //! of language -> text, "default" for the rest; all optional).
    static std::optional<GroundedEngineOptions> fromCompanyFile(const QString &path, QString *error);
};

//! The retrieval engine: classifies the intent (IntentClassifier), retrieves the best resolved
//! reply or knowledge-base template for it with SQLite FTS5 (bm25, weighted by what humans did
//! with earlier drafts), writes in the customer's language, fills slots from the ticket (gaps
//! and flags for what it cannot know), applies the requested tone, flags risks on their spans
//! and applies the escalation policy (the one stored in the settings table when there is one).
//! A pure function of its input and the knowledge in the database: draft() only reads; the
//! signals it decided with go back in DraftResult::escalationSignals for the caller to keep.
class GroundedDraftEngine : public DraftEngine
{
public:
    explicit GroundedDraftEngine(QSqlDatabase db, GroundedEngineOptions options = {});

    QString name() const override;
    DraftResult draft(const DraftRequest &request) override;
    //! Creates the index if needed and retrains the intent model when its knowledge changed.
    void reload() override;
    //! Learning: edited/own replies become resolved examples, as_is raises the weight of the
    //! draft's source, discarded lowers it (see DraftLearning).
    void recordOutcome(const DraftOutcome &outcome) override;

    //! Adds labelled examples (text, intent), e.g. the demo company's own messages, to what the
    //! intent model learns from besides article titles and resolved requests; trains now.
    bool train(const QList<QPair<QString, QString>> &examples, QString *error);
    //! Like train() but leaves the training to the next reload() (start-up trains only once).
    void addExamples(const QList<QPair<QString, QString>> &examples);
    //! Uses an already trained model as is (evaluation); reload() will not replace it.
    void setClassifier(IntentClassifier classifier);
    const std::optional<IntentClassifier> &classifier() const { return m_classifier; }

    //! "" when the engine is usable; otherwise why it is not (e.g. not an SQLite database).
    QString error() const { return m_error; }

    //! The rules for regenerating with a tone; "" means the plain draft.
    static QStringList tones();

private:
    struct Choice
    {
        GroundingSource source;
        bool found = false;
        bool otherLanguage = false;
    };
    bool retrain(QString *error);
    Choice chooseTemplate(const QString &intent, const QString &language, const QString &query,
                          const QString &customerText, QList<GroundingSource> *evidence) const;
    //! A reply of the judgement's own (holding, crisis, clarifying question ...) in \a language,
    //! or English when that language has none; *written says which language it is in.
    QString judgementReply(judgement::ReplyTexts::Kind kind, const QString &language, QString *written) const;
    QList<judgement::PieceIntent> pieceIntents(const QString &customerText,
                                               const IntentPrediction &whole) const;
    const QStringList &servedLanguages();
    //! The policy stored in the settings table ("escalation_policy"), else the configured one.
    const EscalationPolicy &policyInForce();

    QSqlDatabase m_db;
    GroundedEngineOptions m_options;
    KnowledgeIndex m_index;
    std::optional<IntentClassifier> m_classifier;
    bool m_fixedClassifier = false;
    QList<QPair<QString, QString>> m_examples;
    QString m_trainedOn; // signature of the knowledge the model was trained on
    QString m_error;
    QStringList m_served; // languages the knowledge answers in (refreshed by reload())
    std::optional<EscalationPolicy> m_storedPolicy;
    qint64 m_storedPolicyVersion = 0;
};

} // namespace tandem::server
