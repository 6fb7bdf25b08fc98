#pragma once

#include "DraftEngine.h"
#include "GroundedDraftEngine.h"
#include "LlmClient.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace tandem::server {

//! Settings of the LLM engine besides the endpoint.
struct LlmEngineOptions
{
    LlmClientConfig client;
    QHash<QString, QString> companyFacts; //!< as GroundedEngineOptions: facts the draft may state
    int maxDraftChars = 4000;             //!< longer answers are rejected (fallback)
};

//! Drafts with an OpenAI-compatible chat-completions model on top of the grounded engine. The
//! grounded engine still does all the judging (intent, language, sentiment, escalation,
//! retrieval, slots); the model only rewrites the grounded draft from the cited sources, with
//! the customer's text passed as delimited data (LlmPrompt). Its answer is validated and
//! risk-flagged like any draft (RiskFlagger against the same sources) and keeps the citations;
//! needs_human stays what the grounded policy decided. On timeout, network or HTTP error,
//! malformed JSON, or an empty, oversize or tag-echoing answer, the grounded draft is returned
//! with an "llm_fallback" flag and the engine name "grounded-retrieval+llm-fallback".
class LlmDraftEngine : public DraftEngine
{
public:
    LlmDraftEngine(std::unique_ptr<GroundedDraftEngine> grounded, QSqlDatabase db, LlmEngineOptions options);
    ~LlmDraftEngine() override;

    QString name() const override;
    //! Blocks for at most the client's timeout (plus a short grace) while the model answers.
    DraftResult draft(const DraftRequest &request) override;
    void reload() override;
    void recordOutcome(const DraftOutcome &outcome) override;

    GroundedDraftEngine &grounded() { return *m_grounded; }
    const LlmClient &client() const { return m_client; }

    //! Engine name of a grounded draft returned because the model failed.
    static QString fallbackName();

private:
    DraftResult fallback(DraftResult grounded, const QString &why) const;

    std::unique_ptr<GroundedDraftEngine> m_grounded;
    QSqlDatabase m_db;
    LlmEngineOptions m_options;
    LlmClient m_client;
};

} // namespace tandem::server
