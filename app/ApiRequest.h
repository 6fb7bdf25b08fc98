#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <optional>

namespace tandem::app {

//! One HTTP call to tandemd as a plain value; ApiClient turns it into a QNetworkRequest.
struct ApiRequest
{
    QByteArray method = "GET";                    //!< GET, POST, PATCH, DELETE
    QString path;                                 //!< e.g. "/api/v1/tickets/12"; appended to the base URL
    QUrlQuery query;                              //!< e.g. cursor=...&limit=...
    QByteArray body;                              //!< JSON bytes; empty for no body
    QList<QPair<QByteArray, QByteArray>> headers; //!< extra headers (Authorization is added by the client)
    QString idempotencyKey;                       //!< sent as Idempotency-Key when not empty
    std::optional<qint64> ifMatchVersion;         //!< sent as If-Match: "<version>" when set
    std::chrono::milliseconds timeout{15000};     //!< per-request transfer timeout
    bool authenticated = true;                    //!< false for login and health checks
    //! false: one try only, the caller keeps its own retry loop and shows its state (the outbox:
    //! "waiting to send" at the first failure, not "sending" through the client's retries).
    bool clientRetries = true;

    //! Safe to send again after a failure: GETs, and POSTs carrying an Idempotency-Key.
    bool isRetryable() const
    {
        if (!clientRetries)
            return false;
        return method == "GET" || method == "HEAD" || (method == "POST" && !idempotencyKey.isEmpty());
    }
};

//! Bounded retry with jittered exponential backoff (libQuotient-style table, computed).
struct RetryPolicy
{
    int maxAttempts = 4;                            //!< total tries including the first
    std::chrono::milliseconds baseDelay{500};       //!< delay before the 2nd try; doubles each time
    std::chrono::milliseconds maxDelay{8000};       //!< cap of one computed delay
    std::chrono::milliseconds maxRetryAfter{60000}; //!< cap on a server's 429 Retry-After
    double jitter = 0.25;                           //!< +/- fraction of random spread on each delay
};

//! The raw outcome of a request that got an HTTP answer (any status).
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    //! The first header named \a name (case-insensitive), empty if absent.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
};

} // namespace tandem::app
