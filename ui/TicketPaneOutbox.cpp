// TicketPane: what happens to a reply after Send (the outbox's pending entries in the thread,
// sent / conflict / refused, "Send anyway" / "Keep editing"). Split from TicketPane.cpp, which
// builds the pane and handles opening, editing, regenerating and assigning.
#include "TicketPane.h"

#include "ConflictBanner.h"
#include "DisplayText.h"
#include "DraftEditor.h"
#include "ThreadView.h"

#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/ReplyController.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include <QCheckBox>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::OutboxState;

void TicketPane::renderThread(const QList<Message> &messages)
{
    QList<ThreadView::PendingEntry> pending;
    for (const app::OutboxItem &item : m_session->outbox()->items()) {
        if (item.ticketId != m_ticketId)
            continue;
        QString state;
        switch (item.state) {
        case OutboxState::Queued:
            state = item.attempts > 0 ? tr("Waiting to send (offline?)") : tr("Waiting to send");
            break;
        case OutboxState::Sending:
            state = tr("Sending…");
            break;
        case OutboxState::Conflict:
            state = tr("Not sent: the ticket changed");
            break;
        case OutboxState::Failed:
            state = tr("Not sent");
            break;
        }
        pending.append({item.request.body, state, item.request.internal});
    }
    m_thread->setThread(m_ticketId, messages, pending);
}

void TicketPane::onSent(qint64 outboxId, qint64 ticketId, qint64 ticketVersion)
{
    m_reply->onSent(outboxId, ticketId, ticketVersion);
    m_session->sync()->pullNow();
    if (ticketId != m_ticketId) {
        Q_EMIT statusMessage(tr("Reply sent."));
        return;
    }
    m_editor->setStatus(tr("Sent."));
    Q_EMIT statusMessage(tr("Reply sent to %1.").arg(DisplayText::sanitize(m_ticket.customer.name).left(80)));
    renderThread(m_session->store()->messages(ticketId));
    m_session->sync()->openTicket(ticketId); // fresh thread, status and the next draft
}

void TicketPane::onConflict(qint64 ticketId, qint64 outboxId)
{
    Q_UNUSED(outboxId);
    if (ticketId == m_ticketId) {
        // The outbox cached the fresh thread before reporting the conflict: show it, then the banner.
        reload();
        showOutboxAttention();
        return;
    }
    Q_EMIT statusMessage(tr("A reply was not sent because its ticket changed. Open the ticket to decide."));
}

void TicketPane::onFailed(qint64 ticketId, qint64 outboxId, const QString &message)
{
    Q_UNUSED(outboxId);
    if (ticketId == m_ticketId)
        showOutboxAttention();
    else
        Q_EMIT statusMessage(tr("A reply was refused by the server: %1").arg(message.left(200)));
}

void TicketPane::showOutboxAttention()
{
    if (!m_session || m_ticketId == 0 || m_editorTicketId != m_ticketId)
        return;
    const QList<Message> messages = m_session->store()->messages(m_ticketId);
    for (const app::OutboxItem &item : m_session->outbox()->items()) {
        if (item.ticketId != m_ticketId)
            continue;
        if (item.state == OutboxState::Failed) {
            // Give the agent their words back; the server will not take them as they were.
            if (m_editor->text().trimmed().isEmpty())
                m_editor->setText(item.request.body);
            m_editor->setStatus(tr("Not sent: %1").arg(item.error.left(200)), true);
            m_session->outbox()->discard(item.id);
            continue;
        }
        if (item.state != OutboxState::Conflict || m_conflict->outboxId() == item.id)
            continue;
        const qint64 seen = m_reply->seenAtSend(item.id);
        QList<Message> fresh;
        for (const Message &message : messages) {
            const bool isNew = seen >= 0 ? message.id > seen : message.createdAt > item.createdAt;
            if (isNew)
                fresh.append(message);
        }
        m_editor->setStatus({});
        m_conflict->showConflict(item.id, fresh);
        break;
    }
}

void TicketPane::sendAnyway(qint64 outboxId)
{
    if (!m_session)
        return;
    m_session->outbox()->resendIgnoringConflict(outboxId);
    m_editor->setStatus(tr("Sending…"));
}

void TicketPane::keepEditing(qint64 outboxId)
{
    if (!m_session)
        return;
    const std::optional<ReplyRequest> request = m_reply->takeBack(outboxId);
    if (!request)
        return;
    m_editor->setText(request->body); // autosaved like typing
    m_editor->internalCheck()->setChecked(request->internal);
    m_editor->setStatus(tr("Your reply is back in the editor."));
    renderThread(m_session->store()->messages(m_ticketId));
    focusDraft();
}

} // namespace tandem::ui
