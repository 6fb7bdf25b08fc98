#include "Outbox.h"

#include "ApiClient.h"
#include "LocalStore.h"

#include "core/Logging.h"

#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::app {

namespace {

auto outboxLog()
{
    return logging::get("sync");
}

// No answer, a server fault, rate limiting or an expired token: the reply may still go through
// later with the same key. Everything else in 4xx is the server's final word.
bool isTransient(const ApiError &error)
{
    return error.status == 0 || error.status >= 500 || error.status == 429 || error.status == 401 ||
           error.status == 408;
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Outbox::Outbox(ApiClient *api, LocalStore *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Outbox::drain);
}

Outbox::~Outbox() = default;

void Outbox::start()
{
    if (m_running)
        return;
    m_running = true;
    // A row left "sending" by a crash may or may not have reached the server; resending it with
    // its own key is exactly-once thanks to the server's idempotency. drain() sends it as is.
    const auto items = m_store->outboxItems();
    const auto resumable = std::count_if(items.cbegin(), items.cend(), [](const OutboxItem &item) {
        return item.state == OutboxState::Queued || item.state == OutboxState::Sending;
    });
    if (resumable > 0)
        outboxLog()->info("outbox resumes {} queued repl{}", resumable, resumable == 1 ? "y" : "ies");
    emitCounts();
    drain();
}

void Outbox::stop()
{
    m_running = false;
    ++m_generation; // an answer in flight is ignored; its row stays "sending" until next start()
    m_inFlight = 0;
    m_retryTimer.stop();
}

void Outbox::setBackoff(std::chrono::milliseconds base, std::chrono::milliseconds max)
{
    m_backoffBase = std::max(base, 1ms);
    m_backoffMax = std::max(max, m_backoffBase);
}

std::optional<qint64> Outbox::queueReply(qint64 ticketId, const ReplyRequest &reply, qint64 baseVersion)
{
    const QString key = newKey();
    const auto id = m_store->insertOutboxItem(ticketId, key, reply, baseVersion);
    if (!id) {
        outboxLog()->error("could not queue a reply to ticket {}", ticketId);
        return std::nullopt;
    }
    outboxLog()->info("queued reply {} to ticket {} (base version {})", *id, ticketId, baseVersion);
    Q_EMIT itemChanged(*id);
    emitCounts();
    drain();
    return id;
}

void Outbox::resendIgnoringConflict(qint64 outboxId)
{
    const auto item = m_store->outboxItem(outboxId);
    if (!item || item->state != OutboxState::Conflict)
        return;
    const quint64 generation = m_generation;
    m_api->ticket(item->ticketId, this,
                  [this, generation, outboxId, key = item->idempotencyKey,
                   ticketId = item->ticketId](const ApiResult<Versioned<TicketDetail>> &result) {
                      if (generation != m_generation)
                          return;
                      if (!result.ok()) {
                          m_store->setOutboxState(outboxId, OutboxState::Conflict, result.error().message);
                          Q_EMIT itemChanged(outboxId);
                          return;
                      }
                      TicketDetail detail = result.value().value;
                      detail.ticket.version = result.value().version;
                      m_store->saveTicketDetail(detail);
                      if (!m_store->rebaseOutboxItem(outboxId, result.value().version, key))
                          return;
                      outboxLog()->info("reply {} to ticket {} rebased onto version {}", outboxId, ticketId,
                                        result.value().version);
                      Q_EMIT itemChanged(outboxId);
                      emitCounts();
                      drain();
                  });
}

void Outbox::retryFailed(qint64 outboxId)
{
    const auto item = m_store->outboxItem(outboxId);
    if (!item || item->state != OutboxState::Failed)
        return;
    // The server refused this key's request; a corrected retry is a new request.
    if (!m_store->rebaseOutboxItem(outboxId, item->baseVersion, newKey()))
        return;
    Q_EMIT itemChanged(outboxId);
    emitCounts();
    drain();
}

bool Outbox::discard(qint64 outboxId)
{
    if (outboxId == m_inFlight)
        return false;
    if (!m_store->removeOutboxItem(outboxId))
        return false;
    Q_EMIT itemChanged(outboxId);
    emitCounts();
    drain(); // a discarded conflict may have been holding back later replies
    return true;
}

void Outbox::retryNow()
{
    m_retryTimer.stop();
    drain();
}

QList<OutboxItem> Outbox::items() const
{
    return m_store->outboxItems();
}

int Outbox::pendingCount() const
{
    const auto items = m_store->outboxItems();
    return int(std::count_if(items.cbegin(), items.cend(), [](const OutboxItem &item) {
        return item.state == OutboxState::Queued || item.state == OutboxState::Sending;
    }));
}

int Outbox::attentionCount() const
{
    const auto items = m_store->outboxItems();
    return int(std::count_if(items.cbegin(), items.cend(), [](const OutboxItem &item) {
        return item.state == OutboxState::Conflict || item.state == OutboxState::Failed;
    }));
}

void Outbox::drain()
{
    if (!m_running || m_inFlight != 0 || m_retryTimer.isActive())
        return;
    QSet<qint64> heldBack; // tickets with an unresolved conflict/failure: later replies wait
    const auto items = m_store->outboxItems();
    for (const OutboxItem &item : items) {
        if (item.state == OutboxState::Conflict || item.state == OutboxState::Failed) {
            heldBack.insert(item.ticketId);
            continue;
        }
        if (heldBack.contains(item.ticketId))
            continue;
        sendItem(item);
        return;
    }
}

void Outbox::sendItem(const OutboxItem &item)
{
    if (!m_store->setOutboxState(item.id, OutboxState::Sending, item.error, true))
        return;
    m_inFlight = item.id;
    Q_EMIT itemChanged(item.id);
    const quint64 generation = m_generation;
    const std::optional<qint64> ifMatch =
        item.baseVersion > 0 ? std::optional(item.baseVersion) : std::nullopt;
    m_api->postReply(item.ticketId, item.request, item.idempotencyKey, ifMatch, this,
                     [this, generation, id = item.id, ticketId = item.ticketId,
                      baseVersion = item.baseVersion](const ApiResult<ReplyResult> &result) {
                         if (generation != m_generation)
                             return;
                         handleResult(id, ticketId, baseVersion, result);
                     });
}

void Outbox::handleResult(qint64 outboxId, qint64 ticketId, qint64 baseVersion,
                          const ApiResult<ReplyResult> &result)
{
    if (result.ok()) {
        m_inFlight = 0;
        m_consecutiveFailures = 0;
        const ReplyResult &reply = result.value();
        // Later replies the agent wrote against the same version follow this one: it is the only
        // change between baseVersion and ticketVersion (If-Match held), so it is no conflict.
        std::optional<std::pair<qint64, qint64>> rebase;
        if (baseVersion > 0 && reply.ticketVersion > baseVersion)
            rebase = std::pair(baseVersion, reply.ticketVersion);
        if (!m_store->completeOutboxItem(outboxId, reply.message, rebase))
            outboxLog()->error("reply {} was sent but could not be recorded locally", outboxId);
        outboxLog()->info("reply {} to ticket {} sent (message {})", outboxId, ticketId, reply.message.id);
        Q_EMIT sent(outboxId, ticketId, reply.message, reply.ticketVersion);
        Q_EMIT itemChanged(outboxId);
        emitCounts();
        drain();
        return;
    }

    const ApiError &error = result.error();
    if (error.status == 412) {
        // Keep m_inFlight until the fresh thread is cached, so nothing overtakes this row.
        const quint64 generation = m_generation;
        m_api->ticket(ticketId, this,
                      [this, generation, outboxId, ticketId,
                       message = error.message](const ApiResult<Versioned<TicketDetail>> &detail) {
                          if (generation != m_generation)
                              return;
                          if (detail.ok()) {
                              TicketDetail fresh = detail.value().value;
                              fresh.ticket.version = detail.value().version;
                              m_store->saveTicketDetail(fresh);
                          }
                          markConflict(outboxId, ticketId, message);
                      });
        return;
    }

    m_inFlight = 0;
    if (isTransient(error)) {
        ++m_consecutiveFailures;
        m_store->setOutboxState(outboxId, OutboxState::Queued, error.message);
        outboxLog()->info("reply {} not delivered ({}); will retry with the same key", outboxId,
                          error.code.toStdString());
        Q_EMIT itemChanged(outboxId);
        scheduleRetry();
        return;
    }
    m_store->setOutboxState(outboxId, OutboxState::Failed, error.message);
    outboxLog()->warn("reply {} to ticket {} rejected: {} ({})", outboxId, ticketId, error.code.toStdString(),
                      error.status);
    Q_EMIT failed(ticketId, outboxId, error.message);
    Q_EMIT itemChanged(outboxId);
    emitCounts();
    drain();
}

void Outbox::markConflict(qint64 outboxId, qint64 ticketId, const QString &message)
{
    m_inFlight = 0;
    m_store->setOutboxState(outboxId, OutboxState::Conflict, message);
    outboxLog()->info("reply {} to ticket {} conflicts with a newer version", outboxId, ticketId);
    Q_EMIT conflict(ticketId, outboxId);
    Q_EMIT itemChanged(outboxId);
    emitCounts();
    drain();
}

void Outbox::scheduleRetry()
{
    // Capped exponential backoff with +/-25 % jitter so many clients do not retry in lockstep.
    const double exponent = std::min(m_consecutiveFailures - 1, 16);
    const double base =
        std::min(double(m_backoffBase.count()) * std::pow(2.0, exponent), double(m_backoffMax.count()));
    const double jitter = base * 0.25 * (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0);
    m_retryTimer.start(std::chrono::milliseconds(qint64(std::max(1.0, base + jitter))));
}

void Outbox::emitCounts()
{
    const int pending = pendingCount();
    const int attention = attentionCount();
    if (pending == m_lastPending && attention == m_lastAttention)
        return;
    m_lastPending = pending;
    m_lastAttention = attention;
    Q_EMIT countsChanged(pending, attention);
}

} // namespace tandem::app
