#pragma once

#include "ApiRequest.h"
#include "ApiResult.h"
#include "KbArticle.h"

#include "core/ApiTypes.h"

#include <QHash>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace tandem::app {

//! The only object that talks HTTP to tandemd. Owns the QNetworkAccessManager, adds the bearer
//! token (held in memory only, never logged), retries safe requests with jittered exponential
//! backoff (honouring 429 Retry-After) and decodes answers into typed ApiResult values.
//!
//! Every call takes a \a context object: the callback runs on the context's thread and is
//! dropped if the context is destroyed first. No call blocks or spins an event loop.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    //! \a baseUrl is the server root, e.g. http://127.0.0.1:8080 (the /api/v1 prefix is added per call).
    explicit ApiClient(const QUrl &baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    //! Points later requests at another server root (requests in flight keep their URL).
    void setBaseUrl(const QUrl &baseUrl);

    //! The bearer token for authenticated calls; login() sets it on success.
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    //! Forgets the token (logout() does this too).
    void clearToken();

    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    //! Replaces the retry policy (tests use short delays).
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }

    //! Number of requests currently in flight or waiting for a retry.
    int pendingRequests() const { return int(m_calls.size()); }
    //! Aborts every request in flight; their callbacks get code "aborted".
    void abortAll();

    //! Sends \a request as is. Any HTTP answer that is 2xx arrives as ApiResponse; other statuses
    //! as ApiError decoded from the server's envelope; no answer as status 0 "network_error"/"timeout".
    void send(const ApiRequest &request, QObject *context, ApiCallback<ApiResponse> callback);

    //! POST /auth/login. On success the token is kept for later calls.
    void login(const QString &email, const QString &password, QObject *context,
               ApiCallback<LoginResult> callback);
    //! POST /auth/logout; the token is forgotten whatever the outcome.
    void logout(QObject *context, ApiCallback<NoContent> callback);
    //! GET /me.
    void me(QObject *context, ApiCallback<User> callback);
    //! GET /tickets?cursor=&limit=: the change feed after \a cursor (empty: from the start).
    void listTickets(const QString &cursor, int limit, QObject *context, ApiCallback<TicketPage> callback);
    //! GET /tickets/{id}: thread + current draft, with the version from the ETag.
    void ticket(qint64 id, QObject *context, ApiCallback<Versioned<TicketDetail>> callback);
    //! POST /tickets: a new ticket (phone call logged by an agent; tests use it as intake).
    void createTicket(const NewTicketRequest &request, QObject *context, ApiCallback<Ticket> callback);
    //! POST /tickets/{id}/replies with Idempotency-Key \a idempotencyKey (retried safely) and,
    //! when set, If-Match \a ifMatchVersion (a stale one fails with status 412 "version_mismatch").
    void postReply(qint64 ticketId, const ReplyRequest &reply, const QString &idempotencyKey,
                   std::optional<qint64> ifMatchVersion, QObject *context, ApiCallback<ReplyResult> callback);
    //! PATCH /tickets/{id} with If-Match \a ifMatchVersion; answers the updated ticket.
    void patchTicket(qint64 id, const TicketPatch &patch, qint64 ifMatchVersion, QObject *context,
                     ApiCallback<Ticket> callback);
    //! POST /tickets/{id}/draft/discard.
    void discardDraft(qint64 ticketId, QObject *context, ApiCallback<NoContent> callback);
    //! GET /users: everyone who signs in (to show assignee names).
    void users(QObject *context, ApiCallback<QList<User>> callback);
    //! GET /kb/{id}: a cited knowledge-base article.
    void kbArticle(qint64 id, QObject *context, ApiCallback<KbArticle> callback);

    //! The WebSocket handshake request for \a path (e.g. "/api/v1/events") on this server:
    //! ws:// or wss:// after the base URL's scheme, with the bearer token in the Authorization
    //! header (the token never appears in the URL, so it cannot leak into logs).
    QNetworkRequest webSocketRequest(const QString &path, const QUrlQuery &query = {}) const;

    //! The delay before retry number \a retry (1-based) under \a policy, jitter included.
    static std::chrono::milliseconds backoffDelay(const RetryPolicy &policy, int retry);
    //! Parses a Retry-After header (delta-seconds or an HTTP date); nullopt if absent or invalid.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value);

    //! One quick GET /healthz (no token, 3 s, no retries) on a fresh connection, to learn whether
    //! the server is there at all; reachableChanged() follows as for any request. Used when the
    //! live stream drops, so a dead server shows as offline at once, not after the next poll or a
    //! hung request's timeout.
    void probe();
    //! False since a request got no answer, until one gets any answer.
    bool isReachable() const { return m_reachable; }

Q_SIGNALS:
    //! An authenticated call got 401: the token is expired or revoked; the UI should log in again.
    void unauthorized();
    //! Emitted when reachability changes: false after a request got no answer, true after any answer.
    void reachableChanged(bool reachable);

private:
    struct Call;
    void startAttempt(const std::shared_ptr<Call> &call);
    void finishAttempt(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void complete(const std::shared_ptr<Call> &call, const ApiResult<ApiResponse> &result);
    void scheduleRetry(const std::shared_ptr<Call> &call, std::chrono::milliseconds delay);
    void setReachable(bool reachable);

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_baseUrl;
    QString m_token;
    RetryPolicy m_retryPolicy;
    bool m_reachable = true;
    quint64 m_nextCallId = 1;
    QHash<quint64, std::shared_ptr<Call>> m_calls; //!< in flight or waiting for a retry
};

} // namespace tandem::app
