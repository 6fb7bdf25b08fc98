#pragma once

#include "core/User.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace tandem::app {
class Session;
}

namespace tandem::soak {

//! What the parent asks one client run to do.
struct SoakClientOptions
{
    QUrl url;              //!< the server (through the parent's fault proxy)
    QString storePath;     //!< the same file every cycle: the outbox survives kills
    QList<qint64> tickets; //!< replies go round-robin to these
    QString prefix;        //!< reply i gets the body prefix + "r" + i
    int replies = 3;       //!< replies to queue this run (0: only drain what is left)
    int cycle = 0;
};

//! `lossless-soak --client`: the real desktop engine (Session: LocalStore, Outbox, SyncEngine,
//! EventStreamClient) run headless. It prints one line per step of the send path on stdout
//! ("ready", "queued <i>", "sending <outbox id>", "sent <outbox id>", "drained attention=<n>")
//! so the parent can kill it (or the server) at a chosen point, and exits 0 once the outbox is
//! empty. The token comes from the TANDEM_SOAK_TOKEN environment variable.
class SoakClient : public QObject
{
    Q_OBJECT

public:
    explicit SoakClient(SoakClientOptions options, QObject *parent = nullptr);
    ~SoakClient() override;

    //! Starts; finished() reports the exit code.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void fetchUser();
    void startSession(const User &user);
    void checkReady();
    void queueNext();
    void checkDrained();
    void finish(int exitCode);

    SoakClientOptions m_options;
    std::unique_ptr<app::Session> m_session;
    QTimer m_deadline;
    int m_meAttempts = 0;
    int m_queued = 0;
    bool m_synced = false;
    bool m_ready = false;
    bool m_done = false;
};

//! Runs the client mode on \a arguments (after --client); returns the process exit code.
int runSoakClient(const QStringList &arguments);

} // namespace tandem::soak
