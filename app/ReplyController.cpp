#include "ReplyController.h"

#include "DraftAutosave.h"
#include "Outbox.h"

#include <algorithm>

namespace tandem::app {

ReplyController::ReplyController(Outbox *outbox, DraftAutosave *autosave, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_autosave(autosave)
{}

void ReplyController::setTicket(qint64 ticketId)
{
    if (ticketId == m_ticketId)
        return;
    m_ticketId = ticketId;
    m_seenVersion = 0;
    m_seenMessageId = 0;
}

void ReplyController::saw(const TicketDetail &detail)
{
    if (detail.ticket.id != m_ticketId || m_ticketId == 0)
        return;
    m_seenVersion = detail.ticket.version;
    for (const Message &message : detail.messages)
        m_seenMessageId = std::max(m_seenMessageId, message.id);
}

ReplyController::Queued ReplyController::queue(const ReplyRequest &reply, const QStringList &gaps)
{
    if (m_ticketId == 0 || m_seenVersion == 0 || !m_outbox)
        return {Refusal::NoTicket};
    if (reply.body.trimmed().isEmpty())
        return {Refusal::Empty};
    if (!reply.internal && !gaps.isEmpty())
        return {Refusal::Gaps};
    const std::optional<qint64> outboxId = m_outbox->queueReply(m_ticketId, reply, m_seenVersion);
    if (!outboxId)
        return {Refusal::NotSaved};
    m_seenAtSend.insert(*outboxId, m_seenMessageId);
    m_baseAtSend.insert(*outboxId, {m_ticketId, m_seenVersion});
    if (m_autosave)
        m_autosave->clear(m_ticketId);
    // A note leaves the AI draft in place; a reply uses it up.
    if (!reply.internal && reply.draftId)
        m_usedDraftId = *reply.draftId;
    return {Refusal::None, *outboxId};
}

void ReplyController::onSent(qint64 outboxId, qint64 ticketId, qint64 ticketVersion)
{
    m_seenAtSend.remove(outboxId);
    // Our own reply moved the ticket from the version it was based on to ticketVersion. If that is
    // the version on screen, the agent has "seen" the result: a follow-up reply must not trip
    // the conflict check on our own message. Later replies based on the same version move too.
    if (!m_baseAtSend.contains(outboxId))
        return;
    const qint64 base = m_baseAtSend.take(outboxId).second;
    if (ticketVersion <= base)
        return;
    if (ticketId == m_ticketId && m_seenVersion == base)
        m_seenVersion = ticketVersion;
    for (auto it = m_baseAtSend.begin(); it != m_baseAtSend.end(); ++it) {
        if (it.value() == std::pair(ticketId, base))
            it.value().second = ticketVersion;
    }
}

std::optional<ReplyRequest> ReplyController::takeBack(qint64 outboxId)
{
    if (!m_outbox)
        return std::nullopt;
    for (const OutboxItem &item : m_outbox->items()) {
        if (item.id != outboxId)
            continue;
        const ReplyRequest request = item.request;
        if (!m_outbox->discard(outboxId))
            return std::nullopt;
        m_seenAtSend.remove(outboxId);
        m_baseAtSend.remove(outboxId);
        return request;
    }
    return std::nullopt;
}

} // namespace tandem::app
