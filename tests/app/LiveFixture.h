#pragma once

// Shared helpers of the live/lossless integration suites: agents logged in against a real
// tandemd, Sessions built from their tokens, short engine timings, server-side counts.

#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/EventStreamClient.h"
#include "app/Outbox.h"
#include "app/PresenceReporter.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include "core/JsonCodec.h"

#include <QJsonArray>
#include <QUuid>

#include <chrono>
#include <memory>

namespace tandem::test {

//! One signed-in agent: their token and who they are.
struct Agent
{
    QString token;
    User user;
};

//! Logs \a email in over real HTTP and reads /me. An empty token on failure.
inline Agent loginAgent(const QString &baseUrl, const QString &email)
{
    TestHttp http(baseUrl);
    Agent agent;
    if (!http.login(email))
        return agent;
    agent.token = http.token();
    if (auto user = json::userFromJson(http.get(QStringLiteral("/api/v1/me")).json(), nullptr))
        agent.user = *user;
    return agent;
}

//! Stream timings short enough for tests (the protocol's are 10 s / 30 s).
inline app::EventStreamClient::Timing fastStream()
{
    using namespace std::chrono_literals;
    app::EventStreamClient::Timing timing;
    timing.pingInterval = 200ms;
    timing.deadAfter = 1200ms;
    timing.connectTimeout = 1500ms;
    timing.backoffBase = 50ms;
    timing.backoffMax = 400ms;
    return timing;
}

inline app::RetryPolicy fastRetries(int attempts = 2)
{
    using namespace std::chrono_literals;
    app::RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = 20ms;
    policy.maxDelay = 100ms;
    return policy;
}

//! A Session of \a agent against \a url (the server or a fault proxy), store at \a path.
//! With \a fast, every retry and heartbeat timing is shortened for tests.
inline std::unique_ptr<app::Session> makeSession(const QString &url, const Agent &agent, const QString &path,
                                                 bool fast = true)
{
    using namespace std::chrono_literals;
    auto *api = new app::ApiClient(QUrl(url));
    api->setToken(agent.token);
    auto session = std::make_unique<app::Session>(api, agent.user, path);
    if (fast) {
        api->setRetryPolicy(fastRetries());
        session->events()->setTiming(fastStream());
        session->outbox()->setBackoff(50ms, 500ms);
    }
    return session;
}

//! How many messages of \a ticketId on the server have exactly \a body.
inline int serverCount(TestHttp &http, qint64 ticketId, const QString &body)
{
    const auto response = http.get(QStringLiteral("/api/v1/tickets/%1").arg(ticketId));
    int count = 0;
    const QJsonArray messages = response.json().value(QStringLiteral("messages")).toArray();
    for (const QJsonValue &message : messages)
        count += message.toObject().value(QStringLiteral("body")).toString() == body ? 1 : 0;
    return count;
}

inline qint64 serverVersion(TestHttp &http, qint64 ticketId)
{
    return http.get(QStringLiteral("/api/v1/tickets/%1").arg(ticketId))
        .json()
        .value(QStringLiteral("version"))
        .toInteger();
}

//! Creates a ticket through the intake API; its id, 0 on failure.
inline qint64 createTicket(TestHttp &http, const QString &subject)
{
    const NewTicketRequest request{
        subject,
        Customer{QStringLiteral("Eva Live"), QStringLiteral("eva.live@example.com"), QStringLiteral("en")},
        QStringLiteral("My parcel has not arrived yet."), QStringLiteral("orders")};
    const auto response = http.post(QStringLiteral("/api/v1/tickets"), json::toJson(request));
    return response.status == 201 ? response.json().value(QStringLiteral("id")).toInteger() : 0;
}

inline QString uniqueBody(const QString &prefix)
{
    return prefix + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace tandem::test
