#pragma once

#include <QHostAddress>
#include <QString>

namespace tandem::server {

//! Everything tandemd needs to start; filled from the command line or by an embedding app.
struct ServerConfig
{
    QString databasePath; //!< SQLite file; created when missing
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;               //!< 0 picks a free port
    bool demo = false;                 //!< seed the demo company into an empty database
    int simulateEverySeconds = 0;      //!< demo arrivals; 0 = off
    qint64 maxBodyBytes = 1024 * 1024; //!< larger request bodies get 413
    //! With --demo: train the demo's intent model even if a prebuilt one exists, and save it in
    //! this directory (`tandemd build-demo-model`); empty = load a prebuilt or cached model.
    QString demoModelOutputDir;
    // Optional LLM drafting (docs/drafting.md, "LLM engine"; ADR 0005).
    QString llmUrl;          //!< OpenAI-compatible base URL; empty = the grounded engine only
    QString llmModel;        //!< model name sent to llmUrl
    QString llmKeyFile;      //!< file whose first line is the API key; empty = $TANDEM_LLM_API_KEY
    int llmTimeoutMs = 8000; //!< give up on the model and fall back after this long
};

} // namespace tandem::server
