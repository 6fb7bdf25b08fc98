#include "QueueStatsClient.h"

#include "ApiDecoding.h"

#include "ApiClient.h"
#include "EventStreamClient.h"

#include "core/JsonCodec.h"
#include "core/Logging.h"
#include "core/StatsJson.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::app {
namespace {

//! The report of a finished request, or its error (unreadable answers included).
template <typename T, typename Decode>
ApiResult<T> reportOf(const ApiResult<ApiResponse> &result, Decode decode)
{
    return result.ok() ? decoding::decodeObject<T>(result.value(), decode) : ApiResult<T>(result.error());
}

} // namespace

QueueStatsClient::QueueStatsClient(ApiClient *api, QObject *parent) : QObject(parent), m_api(api)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(2s);
    m_periodic.setInterval(60s);
    connect(&m_debounce, &QTimer::timeout, this, &QueueStatsClient::refresh);
    connect(&m_periodic, &QTimer::timeout, this, &QueueStatsClient::refresh);
}

QueueStatsClient::~QueueStatsClient() = default;

void QueueStatsClient::followEvents(EventStreamClient *events)
{
    if (!events)
        return;
    // Every pushed ticket.*, message.created or draft event arrives as one applied batch.
    connect(events, &EventStreamClient::ticketsApplied, this, [this] {
        if (m_running)
            nudge();
    });
    // Back online after a gap: the figures may be minutes old.
    connect(events, &EventStreamClient::connected, this, [this] {
        if (m_running)
            nudge();
    });
}

void QueueStatsClient::setDebounce(std::chrono::milliseconds delay)
{
    m_debounce.setInterval(delay);
}

void QueueStatsClient::setInterval(std::chrono::milliseconds interval)
{
    m_periodic.setInterval(std::max(interval, 100ms));
}

void QueueStatsClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_periodic.start();
    refresh();
}

void QueueStatsClient::stop()
{
    m_running = false;
    m_periodic.stop();
    m_debounce.stop();
}

void QueueStatsClient::nudge()
{
    m_debounce.start();
}

void QueueStatsClient::refresh()
{
    m_debounce.stop();
    if (!m_api)
        return;
    if (m_inFlight > 0) {
        m_again = true;
        return;
    }
    if (m_running)
        m_periodic.start(); // the next periodic refresh counts from this one
    m_inFlight = 2;

    ApiRequest queues;
    queues.path = u"/api/v1/stats/queues"_s;
    m_api->send(queues, this, [this](const ApiResult<ApiResponse> &result) {
        const auto report = reportOf<QueueStatsReport>(result, json::queueStatsReportFromJson);
        if (report.ok()) {
            m_lastRefreshedAt = QDateTime::currentDateTimeUtc();
            Q_EMIT queueStatsReceived(report.value());
        } else {
            const ApiError &error = report.error();
            m_forbidden = m_forbidden || error.status == 403;
            logging::get("net")->warn("queue statistics failed: {} {}", error.status,
                                      error.code.toStdString());
            Q_EMIT failed(error);
        }
        finishOne();
    });

    ApiRequest agents;
    agents.path = u"/api/v1/stats/agents"_s;
    m_api->send(agents, this, [this](const ApiResult<ApiResponse> &result) {
        const auto report = reportOf<AgentStatsReport>(result, json::agentStatsReportFromJson);
        if (report.ok()) {
            m_lastRefreshedAt = QDateTime::currentDateTimeUtc();
            Q_EMIT agentStatsReceived(report.value());
        } else {
            const ApiError &error = report.error();
            m_forbidden = m_forbidden || error.status == 403;
            logging::get("net")->warn("agent statistics failed: {} {}", error.status,
                                      error.code.toStdString());
            Q_EMIT failed(error);
        }
        finishOne();
    });
}

void QueueStatsClient::finishOne()
{
    if (--m_inFlight > 0)
        return;
    if (m_forbidden) {
        // Not a lead (or no longer): asking every minute would only repeat the 403.
        m_forbidden = false;
        m_again = false;
        stop();
    }
    m_inFlight = 0;
    Q_EMIT refreshFinished();
    if (m_again) {
        m_again = false;
        refresh();
    }
}

} // namespace tandem::app
