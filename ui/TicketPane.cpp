#include "TicketPane.h"

#include "ConfirmStrip.h"
#include "ConflictBanner.h"
#include "DisplayText.h"
#include "DraftEditor.h"
#include "SourceViewer.h"
#include "ThreadView.h"
#include "TicketHeader.h"

#include "app/ApiClient.h"
#include "app/DraftActions.h"
#include "app/DraftAutosave.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include "core/Logging.h"

#include <QAction>
#include <QCheckBox>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::OutboxState;

TicketPane::TicketPane(app::Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(u"ticketPane"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_empty =
        new QLabel(tr("Select a ticket in the inbox.\nj / k move, Enter opens, e edits the reply."), m_stack);
    m_empty->setObjectName(u"emptyTicketPane"_s);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_stack->addWidget(m_empty);

    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_header = new TicketHeader(content);
    layout->addWidget(m_header);
    auto *line = new QFrame(content);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);

    m_splitter = new QSplitter(Qt::Vertical, content);
    m_splitter->setObjectName(u"ticketSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_thread = new ThreadView(m_splitter);
    auto *bottom = new QWidget(m_splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(8, 6, 8, 0);
    bottomLayout->setSpacing(4);
    m_conflict = new ConflictBanner(bottom);
    bottomLayout->addWidget(m_conflict);
    m_editor = new DraftEditor(bottom);
    m_editor->layout()->setContentsMargins(4, 4, 4, 8);
    bottomLayout->addWidget(m_editor, 1);
    m_splitter->addWidget(m_thread);
    m_splitter->addWidget(bottom);
    // The reply is where the agent works: it gets as much room as the thread.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    m_stack->addWidget(content);

    connect(m_editor, &DraftEditor::textEdited, this, [this](qint64 ticketId, const QString &text) {
        if (m_session)
            m_session->autosave()->setText(ticketId, text);
    });
    connect(m_editor->editor(), &QPlainTextEdit::textChanged, this, &TicketPane::updateActions);
    connect(m_editor, &DraftEditor::citationActivated, this, &TicketPane::openSource);
    connect(m_editor->confirmStrip(), &ConfirmStrip::accepted, this, &TicketPane::onConfirmAccepted);
    connect(m_editor->confirmStrip(), &ConfirmStrip::rejected, this,
            [this] { m_editor->editor()->setFocus(); });
    connect(m_conflict, &ConflictBanner::sendAnywayRequested, this, &TicketPane::sendAnyway);
    connect(m_conflict, &ConflictBanner::keepEditingRequested, this, &TicketPane::keepEditing);

    if (m_session) {
        app::SyncEngine *sync = m_session->sync();
        connect(sync, &app::SyncEngine::ticketDetailChanged, this, &TicketPane::onDetailChanged);
        connect(sync, &app::SyncEngine::ticketDetailFailed, this, &TicketPane::onDetailFailed);
        connect(sync, &app::SyncEngine::usersChanged, this, [this] {
            if (m_ticketId != 0)
                m_header->setTicket(m_ticket, assigneeName(m_ticket.assigneeId));
        });
        connect(sync, &app::SyncEngine::ticketsUpdated, this, [this](const QList<Ticket> &tickets) {
            for (const Ticket &ticket : tickets) {
                if (ticket.id == m_ticketId) {
                    m_ticket = ticket;
                    m_header->setTicket(m_ticket, assigneeName(m_ticket.assigneeId));
                    if (m_editorTicketId == m_ticketId)
                        m_editor->setTicketInfo(m_ticket);
                    updateActions();
                }
            }
        });
        app::Outbox *outbox = m_session->outbox();
        connect(outbox, &app::Outbox::sent, this,
                [this](qint64 outboxId, qint64 ticketId, const Message &, qint64) {
                    onSent(outboxId, ticketId);
                });
        connect(outbox, &app::Outbox::conflict, this, &TicketPane::onConflict);
        connect(outbox, &app::Outbox::failed, this, &TicketPane::onFailed);
        connect(outbox, &app::Outbox::itemChanged, this, [this] {
            if (m_ticketId != 0 && m_session && m_session->store()->hasTicketDetail(m_ticketId))
                renderThread(m_session->store()->messages(m_ticketId));
        });
    }
    openTicket(0);
}

TicketPane::~TicketPane()
{
    if (m_session)
        m_session->autosave()->flush();
}

void TicketPane::setActions(QAction *send, QAction *discard, QAction *assignToMe)
{
    m_send = send;
    m_discard = discard;
    m_assign = assignToMe;
    m_editor->setActions(send, discard, assignToMe);
    updateActions();
}

void TicketPane::setRegenerateActions(const QList<QAction *> &tones)
{
    m_regenerate = tones;
    m_editor->setRegenerateActions(tones);
    updateActions();
}

void TicketPane::openTicket(qint64 ticketId)
{
    if (ticketId == m_ticketId && ticketId != 0)
        return;
    if (m_session)
        m_session->autosave()->flush();
    m_conflict->dismiss();
    m_focusDraftWhenLoaded = false;
    m_ticketId = ticketId;
    m_editorTicketId = 0;
    m_seenVersion = 0;
    m_seenMessageId = 0;
    m_ticket = Ticket{};
    m_minDraftId = 0;
    if (ticketId == 0 || !m_session) {
        if (m_session)
            m_session->sync()->closeTicket();
        m_stack->setCurrentIndex(0);
        m_header->clear();
        m_thread->clearThread();
        m_editor->clear();
        updateActions();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_thread->clearThread(tr("Loading the conversation…"));
    m_editor->setTicket(0, std::nullopt);
    reload();
    m_session->sync()->openTicket(ticketId);
}

void TicketPane::focusDraft()
{
    if (m_ticketId == 0)
        return;
    if (m_editorTicketId != m_ticketId) {
        // "e" right after "j": the thread is still loading; focus the editor once it is there.
        m_focusDraftWhenLoaded = true;
        return;
    }
    m_editor->editor()->setFocus(Qt::ShortcutFocusReason);
}

void TicketPane::reload()
{
    if (!m_session || m_ticketId == 0)
        return;
    app::LocalStore *store = m_session->store();
    const std::optional<TicketDetail> detail = store->ticketDetail(m_ticketId);
    if (!detail) {
        m_header->clear();
        updateActions();
        return;
    }
    m_ticket = detail->ticket;
    m_header->setTicket(m_ticket, assigneeName(m_ticket.assigneeId));
    if (!store->hasTicketDetail(m_ticketId)) {
        updateActions();
        return; // the fetch is on its way; keep "Loading…"
    }
    renderThread(detail->messages);
    m_seenVersion = detail->ticket.version;
    for (const Message &message : detail->messages)
        m_seenMessageId = std::max(m_seenMessageId, message.id);

    // A draft the agent already used or discarded may still come back from a fetch that raced it.
    std::optional<Draft> draft = detail->draft;
    if (draft && draft->id == m_usedDraftId)
        draft.reset();
    if (draft && draft->id < m_minDraftId)
        draft = m_editor->draft(); // a fetch that started before the regenerated draft existed
    if (m_editorTicketId != m_ticketId) {
        m_editorTicketId = m_ticketId;
        m_editor->setTicket(m_ticketId, draft, m_session->autosave()->text(m_ticketId));
        showOutboxAttention();
        if (std::exchange(m_focusDraftWhenLoaded, false))
            m_editor->editor()->setFocus(Qt::ShortcutFocusReason);
    } else {
        m_editor->updateDraft(draft);
    }
    m_editor->setTicketInfo(m_ticket);
    updateActions();
}

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

void TicketPane::updateActions()
{
    const bool open = m_ticketId != 0 && m_editorTicketId == m_ticketId;
    if (m_send)
        m_send->setEnabled(open && !m_editor->text().trimmed().isEmpty());
    if (m_discard)
        m_discard->setEnabled(open && !m_busy && m_editor->draft().has_value());
    if (m_assign) {
        const bool mine = m_session && m_ticket.assigneeId == m_session->currentUser().id;
        m_assign->setEnabled(m_ticketId != 0 && !m_busy && !mine);
    }
    for (QAction *tone : std::as_const(m_regenerate))
        tone->setEnabled(open && !m_busy && !m_regenerating);
    m_editor->regenerateButton()->setEnabled(open && !m_busy && !m_regenerating);
}

void TicketPane::send()
{
    if (!m_session || m_ticketId == 0 || m_editorTicketId != m_ticketId)
        return;
    if (m_editor->reply().body.isEmpty()) {
        m_editor->setStatus(tr("Write a reply first."), true);
        return;
    }
    // An internal note never reaches the customer: no promise to check.
    const QStringList checks =
        m_editor->internalCheck()->isChecked() ? QStringList{} : m_editor->unresolvedChecks();
    if (!checks.isEmpty()) {
        m_editor->confirmStrip()->ask(u"send"_s, tr("The reply still contains things to check:"), checks,
                                      tr("I checked these: send"), tr("Keep editing"));
        return;
    }
    sendNow();
}

void TicketPane::sendNow()
{
    if (!m_session || m_ticketId == 0 || m_editorTicketId != m_ticketId)
        return;
    m_editor->confirmStrip()->dismiss();
    const ReplyRequest reply = m_editor->reply();
    if (reply.body.isEmpty()) {
        m_editor->setStatus(tr("Write a reply first."), true);
        return;
    }
    const std::optional<qint64> outboxId = m_session->outbox()->queueReply(m_ticketId, reply, m_seenVersion);
    if (!outboxId) {
        m_editor->setStatus(tr("The reply could not be saved, so it was not sent. Try again."), true);
        return;
    }
    m_seenAtSend.insert(*outboxId, m_seenMessageId);
    m_session->autosave()->clear(m_ticketId);
    // A note leaves the AI draft in place; a reply uses it up.
    std::optional<Draft> remaining = reply.internal ? m_editor->draft() : std::nullopt;
    if (!reply.internal && reply.draftId)
        m_usedDraftId = *reply.draftId;
    m_editor->setTicket(m_ticketId, remaining);
    m_editor->setStatus(reply.internal ? tr("Adding the note…") : tr("Sending…"));
    renderThread(m_session->store()->messages(m_ticketId));
    updateActions();
}

void TicketPane::discardDraft()
{
    if (!m_session || m_ticketId == 0 || m_busy || !m_editor->draft())
        return;
    m_busy = true;
    updateActions();
    const qint64 ticketId = m_ticketId;
    const qint64 draftId = m_editor->draft()->id;
    m_session->api()->discardDraft(
        ticketId, this, [this, ticketId, draftId](const app::ApiResult<app::NoContent> &result) {
            m_busy = false;
            if (!result.ok()) {
                if (ticketId == m_ticketId)
                    m_editor->setStatus(
                        tr("Could not discard the draft: %1").arg(result.error().message.left(200)), true);
                updateActions();
                return;
            }
            m_usedDraftId = draftId;
            m_session->autosave()->clear(ticketId);
            if (ticketId == m_ticketId) {
                m_editor->setTicket(ticketId, std::nullopt);
                m_editor->setStatus(tr("Draft discarded. Write your own reply."));
                m_session->sync()->openTicket(ticketId);
            }
            updateActions();
        });
}

void TicketPane::regenerate(const QString &tone)
{
    if (!m_session || m_ticketId == 0 || m_editorTicketId != m_ticketId || m_busy || m_regenerating ||
        !app::DraftActions::isValidTone(tone))
        return;
    if (m_editor->isEdited()) {
        // Never drop typed work silently: ask inline; Ctrl+Z still brings the text back afterwards.
        m_editor->confirmStrip()->ask(u"regenerate:"_s + tone,
                                      tr("Replace your edited text with a new %1 draft?").arg(toneName(tone)),
                                      {tr("Your text stays in the editor's undo history (Ctrl+Z).")},
                                      tr("Replace my text"), tr("Keep my edit"));
        return;
    }
    startRegenerate(tone);
}

void TicketPane::startRegenerate(const QString &tone)
{
    if (!m_session || m_ticketId == 0)
        return;
    m_regenerating = true;
    m_editor->setStatus(tr("Writing a %1 draft…").arg(toneName(tone)));
    updateActions();
    const qint64 ticketId = m_ticketId;
    const bool edited = m_editor->isEdited();
    app::DraftActions::regenerate(
        m_session->api(), ticketId, tone, this,
        [this, ticketId, tone, edited](const app::ApiResult<Draft> &result) {
            m_regenerating = false;
            if (ticketId != m_ticketId) {
                updateActions();
                return;
            }
            if (!result.ok()) {
                m_editor->setStatus(
                    tr("Could not regenerate the draft: %1").arg(result.error().message.left(200)), true);
                updateActions();
                return;
            }
            m_minDraftId = result.value().id;
            m_editor->replaceWithDraft(result.value());
            m_editor->setStatus(edited ? tr("New %1 draft. Ctrl+Z brings your text back.").arg(toneName(tone))
                                       : tr("New %1 draft.").arg(toneName(tone)));
            m_session->sync()->openTicket(ticketId); // the ticket's version went up
            updateActions();
        });
}

void TicketPane::onConfirmAccepted(const QString &purpose)
{
    if (purpose == u"send"_s) {
        sendNow();
    } else if (purpose.startsWith(u"regenerate:"_s)) {
        startRegenerate(purpose.mid(11));
    }
}

QString TicketPane::toneName(const QString &tone)
{
    if (tone == u"empathetic"_s)
        return tr("empathetic");
    if (tone == u"concise"_s)
        return tr("concise");
    if (tone == u"formal"_s)
        return tr("formal");
    return tone;
}

void TicketPane::openSource(const QString &sourceId, const QString &title)
{
    if (!m_session)
        return;
    if (!m_sourceViewer)
        m_sourceViewer = new SourceViewer(m_session->api(), this);
    m_sourceViewer->showSource(sourceId, title);
    m_sourceViewer->show(); // non-modal: the agent can keep the article open while editing
    m_sourceViewer->raise();
    m_sourceViewer->activateWindow();
}

void TicketPane::assignToMe()
{
    if (!m_session || m_ticketId == 0 || m_busy)
        return;
    patchAssignee(m_ticket.version, true);
}

void TicketPane::patchAssignee(qint64 version, bool retryOnConflict)
{
    m_busy = true;
    updateActions();
    const qint64 ticketId = m_ticketId;
    TicketPatch patch;
    patch.assigneeId = std::optional<qint64>(m_session->currentUser().id);
    m_session->api()->patchTicket(
        ticketId, patch, version, this,
        [this, ticketId, retryOnConflict](const app::ApiResult<Ticket> &result) {
            if (result.ok()) {
                m_busy = false;
                if (ticketId == m_ticketId) {
                    m_ticket = result.value();
                    m_header->setTicket(m_ticket, assigneeName(m_ticket.assigneeId));
                }
                Q_EMIT statusMessage(tr("Assigned to you."));
                m_session->sync()->pullNow();
                updateActions();
                return;
            }
            if (result.error().status == 412 && retryOnConflict) {
                // Someone changed the ticket meanwhile; assigning is safe to repeat on the new version.
                m_session->api()->ticket(
                    ticketId, this,
                    [this, ticketId](const app::ApiResult<app::Versioned<TicketDetail>> &fresh) {
                        if (fresh.ok() && ticketId == m_ticketId) {
                            patchAssignee(fresh.value().version, false);
                        } else {
                            m_busy = false;
                            updateActions();
                        }
                    });
                return;
            }
            m_busy = false;
            Q_EMIT statusMessage(tr("Could not assign the ticket: %1").arg(result.error().message.left(200)));
            updateActions();
        });
}

void TicketPane::onDetailChanged(qint64 ticketId)
{
    if (ticketId != m_ticketId)
        return;
    reload();
}

void TicketPane::onDetailFailed(qint64 ticketId, const ApiError &error)
{
    if (ticketId != m_ticketId)
        return;
    if (!m_session->store()->hasTicketDetail(ticketId))
        m_thread->clearThread(tr("Could not load the conversation: %1").arg(error.message.left(200)));
    Q_EMIT statusMessage(tr("Could not refresh the ticket; showing the saved copy."));
}

void TicketPane::onSent(qint64 outboxId, qint64 ticketId)
{
    m_seenAtSend.remove(outboxId);
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
        const qint64 seen = m_seenAtSend.value(item.id, -1);
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
    for (const app::OutboxItem &item : m_session->outbox()->items()) {
        if (item.id != outboxId)
            continue;
        const ReplyRequest request = item.request;
        if (!m_session->outbox()->discard(outboxId))
            return;
        m_seenAtSend.remove(outboxId);
        m_editor->setText(request.body); // autosaved like typing
        m_editor->internalCheck()->setChecked(request.internal);
        m_editor->setStatus(tr("Your reply is back in the editor."));
        renderThread(m_session->store()->messages(m_ticketId));
        focusDraft();
        return;
    }
}

QString TicketPane::assigneeName(const std::optional<qint64> &id) const
{
    if (!id || !m_session)
        return {};
    if (*id == m_session->currentUser().id)
        return tr("You");
    for (const User &user : m_session->store()->users()) {
        if (user.id == *id)
            return user.name;
    }
    return tr("Agent #%1").arg(*id);
}

} // namespace tandem::ui
