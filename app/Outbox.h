#pragma once

#include "ApiResult.h"
#include "OutboxItem.h"

#include "core/ApiTypes.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace tandem::app {

class ApiClient;
class LocalStore;

//! Sends replies reliably. queueReply() writes the reply with a fresh idempotency key to disk
//! BEFORE it leaves; the row is then sent with If-Match, one at a time, oldest first.
//! 201 removes the row and caches the message; no answer / 5xx keeps it queued and retries with
//! the SAME key (capped exponential backoff + jitter, and at once on retryNow(), which the Session
//! calls when the event stream reconnects); 412 marks it "conflict"; another 4xx marks it "failed".
//! A sent reply rebases the later rows of its ticket that were based on the same version (the
//! agent's own replies never conflict with each other). Rows left "sending" by a crash are resent with their
//! key on start(): the server's idempotency makes that exactly-once. A conflict/failed row holds back later
//! rows of the same ticket (so replies never overtake each other) but not other tickets.
class Outbox : public QObject
{
    Q_OBJECT

public:
    //! Neither \a api nor \a store is owned; both must outlive the outbox.
    Outbox(ApiClient *api, LocalStore *store, QObject *parent = nullptr);
    ~Outbox() override;

    //! Resumes queued and sending rows. Idempotent.
    void start();
    //! Stops sending; rows stay on disk. A request in flight is forgotten (its row stays
    //! "sending" and is resent with the same key on the next start()).
    void stop();

    //! Writes the reply to the outbox (synchronous=FULL) and starts sending it.
    //! \a baseVersion is the ticket version the agent saw (If-Match). Returns the outbox row id,
    //! or nullopt when the row could not be written (nothing is sent then).
    std::optional<qint64> queueReply(qint64 ticketId, const ReplyRequest &reply, qint64 baseVersion);
    //! After a conflict: sends the row again against the ticket's current version (fetched from
    //! the server first, which also refreshes the cached thread). Keeps its idempotency key: the
    //! server stores only successful replies under a key, so a 412 leaves the key unused.
    void resendIgnoringConflict(qint64 outboxId);
    //! Queues a failed row again (with a new key) after the agent fixed the cause.
    void retryFailed(qint64 outboxId);
    //! Drops a conflict/failed/queued row (not one in flight).
    bool discard(qint64 outboxId);
    //! Retries queued rows now instead of waiting for the backoff (e.g. when back online).
    void retryNow();

    //! Rows on disk, oldest first.
    QList<OutboxItem> items() const;
    //! Rows still to be sent (queued + sending).
    int pendingCount() const;
    //! Rows waiting for the agent (conflict + failed).
    int attentionCount() const;

    //! Backoff between outbox retries after a failed send (defaults 1 s .. 15 s, +/-25 % jitter):
    //! the cap keeps "drained within 30 s of the server's return" even without a reconnect signal.
    void setBackoff(std::chrono::milliseconds base, std::chrono::milliseconds max);

Q_SIGNALS:
    //! pendingCount() or attentionCount() changed.
    void countsChanged(int pending, int attention);
    //! A row was added, changed state or disappeared.
    void itemChanged(qint64 outboxId);
    //! The server accepted the reply (201, or a replay of it). The message is cached already.
    void sent(qint64 outboxId, qint64 ticketId, const tandem::Message &message, qint64 ticketVersion);
    //! 412: the ticket changed since the agent wrote. Emitted after the ticket's fresh thread and
    //! draft were fetched into the LocalStore (when reachable), so the UI can show what changed.
    void conflict(qint64 ticketId, qint64 outboxId);
    //! The server rejected the reply for good; \a message is the server's sentence.
    void failed(qint64 ticketId, qint64 outboxId, const QString &message);

private:
    void drain();
    void sendItem(const OutboxItem &item);
    void scheduleRetry();
    void emitCounts();
    void handleResult(qint64 outboxId, qint64 ticketId, qint64 baseVersion,
                      const ApiResult<ReplyResult> &result);
    void markConflict(qint64 outboxId, qint64 ticketId, const QString &message);

    ApiClient *m_api;
    LocalStore *m_store;
    QTimer m_retryTimer;
    std::chrono::milliseconds m_backoffBase{1000};
    std::chrono::milliseconds m_backoffMax{15000};
    int m_consecutiveFailures = 0;
    bool m_running = false;
    qint64 m_inFlight = 0; //!< outbox id on the wire, 0 when idle
    quint64 m_generation = 0;
    int m_lastPending = -1;
    int m_lastAttention = -1;
};

} // namespace tandem::app
