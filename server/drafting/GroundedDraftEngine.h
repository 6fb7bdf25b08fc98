#pragma once

#include "DraftEngine.h"
#include "EscalationPolicy.h"
#include "GroundedEngineOptions.h"
#include "KnowledgeIndex.h"

#include "server/drafting/intent/IntentClassifier.h"

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

//! The retrieval engine: classifies the intent (IntentClassifier), retrieves the best resolved
//! reply or knowledge-base template for it with SQLite FTS5 (bm25, weighted by what humans did
//! with earlier drafts), writes in the customer's language, fills slots from the ticket (gaps
//! and flags for what it cannot know), applies the requested tone, flags risks on their spans
//! and applies the escalation policy (the one stored in the settings table when there is one).
//! A pure function of its input and the knowledge in the database: draft() only reads; the
//! signals it decided with go back in DraftResult::escalationSignals for the caller to keep.
//! draft() runs in four steps: judge (judge()), choose (TemplateChooser), compose
//! (ReplyComposer) and flag (DraftFlagger), then the policy decides.
class GroundedDraftEngine : public DraftEngine
{
public:
    explicit GroundedDraftEngine(QSqlDatabase db, GroundedEngineOptions options = {});

    QString name() const override;
    DraftResult draft(const DraftRequest &request) override;
    //! Creates the index if needed and retrains the intent model when its knowledge changed.
    void reload() override;
    //! After a bulk load (the demo seed): the retrieval index merged for fast searches.
    void compactIndex() { m_index.compact(); }
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
    struct Reading; // what the judge step made of a request
    Reading judge(const DraftRequest &request);
    //! The escalation decision on what the other steps found, into \a result.
    void decide(const Reading &reading, bool ownReply, bool templateFound, DraftResult *result) const;

    bool retrain(QString *error);
    //! The intent model's reading of \a customerText (trained first if it never was); out of
    //! scope when there is no model.
    IntentPrediction predictIntent(const QString &customerText);
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
    //! Languages the knowledge answers in: read once, again after reload() (and, while there
    //! is no knowledge at all, after an outcome that may have taught the first).
    std::optional<QStringList> m_served;
    std::optional<EscalationPolicy> m_storedPolicy;
    qint64 m_storedPolicyVersion = 0;
};

} // namespace tandem::server
