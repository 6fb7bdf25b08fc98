#pragma once

#include "DraftEngine.h"
#include "GroundedDraftEngine.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace tandem::server {

//! Which drafting engine tandemd runs, from the command line (`--llm-url`, `--llm-model`,
//! `--llm-key-file`, `--llm-timeout-ms`) or an embedding app.
struct DraftEngineConfig
{
    GroundedEngineOptions grounded; //!< company facts, merchants, escalation policy
    QString llmUrl;                 //!< OpenAI-compatible base URL; empty = grounded engine only
    QString llmModel;               //!< required with llmUrl
    QString llmKeyFile;             //!< file whose first line is the API key (wins over the variable)
    QString llmKeyVariable = QStringLiteral("TANDEM_LLM_API_KEY"); //!< used when set and no file is given
    int llmTimeoutMs = 8000;
    double llmTemperature = 0.2;

    bool llmEnabled() const { return !llmUrl.isEmpty(); }
};

//! The engine tandemd drafts with, and the grounded engine inside it (the demo trains it).
struct DraftEngines
{
    std::unique_ptr<DraftEngine> engine;
    GroundedDraftEngine *grounded = nullptr; //!< owned by engine (or engine itself)
};

//! Builds the configured engine: GroundedDraftEngine, or an LlmDraftEngine around one when an
//! LLM URL is configured. Fails (nullopt, *error) on an unusable database, an invalid URL, a
//! missing model name or an unreadable key file; never puts the key in *error or a log.
class DraftEngineFactory
{
public:
    static std::optional<DraftEngines> create(QSqlDatabase db, const DraftEngineConfig &config,
                                              QString *error);
};

} // namespace tandem::server
