#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;

namespace tandem::test {
class FaultProxy;
class TestServer;
} // namespace tandem::test

namespace tandem::soak {

//! `lossless-soak --cycles N`: for N cycles starts the client engine (`--client`, a child
//! process), lets it queue replies and kills it (SIGKILL) or the server (SIGKILL, then restart)
//! at a random step of the send path; odd cycles kill the client, even ones the server. A final
//! client drains what is left, then the server's threads are reconciled with what the clients
//! confirmed as queued. The last line on stdout is `cycles=N sent=S lost=L duplicated=D`.
class SoakRunner
{
public:
    struct Options
    {
        int cycles = 10;
        int replies = 3;      //!< replies queued per cycle
        quint32 seed = 0;     //!< 0: random
        bool verbose = false; //!< progress per cycle on stderr, the children's stderr too
    };

    explicit SoakRunner(Options options);
    ~SoakRunner();

    //! Runs the soak; returns the process exit code (0 when nothing was lost or duplicated).
    int run();

private:
    enum class Victim
    {
        Client,
        Server,
    };
    struct ChildRun
    {
        std::unique_ptr<QProcess> process;
        QByteArray buffer;
        bool drained = false;
        int attention = 0;
        QString failure;
    };

    bool setUp(QString *error);
    bool runCycle(int cycle, Victim victim, QString *error);
    bool drainAll(QString *error);
    std::unique_ptr<ChildRun> spawn(int cycle, int replies, std::function<void(const QByteArray &)> onMarker);
    void readLines(ChildRun &run, const std::function<void(const QByteArray &)> &onMarker, int cycle);
    bool restartServer(QString *error);
    void reconcile(int *sent, int *lost, int *duplicated, int *unexpected);
    QString prefix(int cycle) const;
    void progress(const QString &line) const;

    Options m_options;
    QString m_runId;
    QString m_workDir;
    QString m_token;
    QList<qint64> m_tickets;
    std::unique_ptr<tandem::test::TestServer> m_server;
    std::unique_ptr<tandem::test::FaultProxy> m_proxy;
    QSet<QString> m_confirmed; //!< bodies a client said were queued
    int m_clientKills = 0;
    int m_serverKills = 0;
    int m_lateServerKills = 0;        //!< server kills that came after the client had finished
    QHash<QString, int> m_killPoints; //!< the marker a kill followed: queued / sending / sent
    int m_attention = 0;
};

//! Runs the parent mode on \a arguments; returns the process exit code.
int runSoak(const QStringList &arguments);

} // namespace tandem::soak
