#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

namespace tandem::app {
class ApiClient;
}

namespace tandem::bench {

class InboxClient;
class RawStreamClient;
class TicketPoster;
class ServerProcess;

//! What fanout_bench measures with; the command line fills it.
struct FanoutOptions
{
    int clients = 200;
    int engineClients = -1; //!< how many of the clients are app-engine clients (the rest raw); < 0: all
    int tickets = 200;
    int intervalMs = 50;
    int coalesceMs = -1;  //!< the stream client's coalescing delay; < 0 keeps the app's default
    int timeoutMs = 5000; //!< a ticket not in a client's inbox this long after its POST is a failure
    QString tandemdPath;
    QString serverLogLevel; //!< tandemd --log-level; empty: warn
    QString serverLogPath;  //!< a file for tandemd's stderr; empty: a pipe read on failure only
};

//! The live-inbox latency benchmark (issue 5): starts tandemd, measures plain POST /tickets
//! round trips with no stream client, connects N clients to GET /api/v1/events (E of them
//! app-engine clients, the rest bare sockets), then creates M tickets through the intake API and
//! measures, per ticket and client, the time from just before the POST to the frame reaching the
//! client and to the ticket being a row of that client's InboxModel. Asynchronous from start to
//! finished(exitCode); no nested event loops.
class FanoutBench : public QObject
{
    Q_OBJECT

public:
    explicit FanoutBench(FanoutOptions options, QObject *parent = nullptr);
    ~FanoutBench() override;

    void start();

Q_SIGNALS:
    //! 0 when every ticket reached every client in time and nothing failed, 1 otherwise.
    void finished(int exitCode);

private:
    struct Post
    {
        qint64 sentNs = 0; //!< benchNowNs() just before the request was handed to the network stack
        qint64 doneNs = 0; //!< the reply arrived (0: not yet)
        qint64 ticketId = 0;
        int status = 0;
    };
    enum SeriesId
    {
        Warmup,
        Baseline, //!< no stream client connected
        Measured, //!< N stream clients connected
    };
    struct Series
    {
        SeriesId id = Warmup;
        std::vector<Post> posts;
        qsizetype sent = 0;
        qsizetype done = 0;
        std::function<void()> onDone;
    };

    void logIn(qsizetype userIndex);
    void runSeries(Series *series, int count, std::function<void()> onDone);
    void sendNext();
    void onPosted(int seriesId, qsizetype index, qint64 sentNs, qint64 doneNs, int status, qint64 ticketId,
                  const QString &error);
    void connectClients();
    void onClientOnline();
    void checkDelivery();
    void report();
    void abortRun(const QString &reason);
    void finish(int exitCode);
    QByteArray ticketBody(int number) const;

    FanoutOptions m_options;
    std::unique_ptr<ServerProcess> m_server;
    QNetworkAccessManager m_network;
    QTemporaryDir m_storeDir;
    QStringList m_users;  //!< the agents the clients sign in as (round robin)
    QStringList m_tokens; //!< same order as m_users
    QString m_posterToken;
    std::vector<std::unique_ptr<app::ApiClient>> m_apis; //!< one per user, shared by its clients
    std::vector<std::unique_ptr<InboxClient>> m_clients;
    std::vector<std::unique_ptr<RawStreamClient>> m_rawClients;
    int m_online = 0;
    Series m_warmup{Warmup};
    Series m_baseline{Baseline};
    Series m_measured{Measured};
    Series *m_current = nullptr;
    int m_ticketNumber = 0;
    QThread m_posterThread;
    TicketPoster *m_poster = nullptr; //!< lives in m_posterThread, deleted when it finishes
    QTimer m_postTimer;
    QTimer m_deliveryTimer;
    QTimer m_connectTimeout;
    qint64 m_idleKiB = -1;
    qint64 m_connectedKiB = -1;
    bool m_finished = false;
};

} // namespace tandem::bench
