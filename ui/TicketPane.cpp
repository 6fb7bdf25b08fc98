#include "TicketPane.h"

#include "ConfirmStrip.h"
#include "ConflictBanner.h"
#include "DisplayText.h"
#include "DraftEditor.h"
#include "PresenceBar.h"
#include "SourceViewer.h"
#include "ThreadView.h"
#include "TicketHeader.h"

#include "app/ApiClient.h"
#include "app/DraftActions.h"
#include "app/DraftAutosave.h"
#include "app/LocalStore.h"
#include "app/Outbox.h"
#include "app/PresenceReporter.h"
#include "app/ReplyController.h"
#include "app/Session.h"
#include "app/SyncEngine.h"
#include "app/TicketActions.h"

#include "core/Logging.h"
#include "core/Permissions.h"

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
    if (m_session)
        m_reply = new app::ReplyController(m_session->outbox(), m_session->autosave(), this);
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
    m_presence = new PresenceBar(session ? session->presence() : nullptr, content);
    layout->addWidget(m_presence);
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
    // The reply area keeps its height when the window changes size: a short window takes the
    // space from the thread (which scrolls), never from the draft, its checks and its buttons.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    layout->addWidget(m_splitter, 1);
    m_stack->addWidget(content);

    connect(m_editor, &DraftEditor::textEdited, this, [this](qint64 ticketId, const QString &text) {
        if (!m_session)
            return;
        m_session->autosave()->setText(ticketId, text);
        m_session->presenceReporter()->setTyping(ticketId); // debounced by the reporter
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
                [this](qint64 outboxId, qint64 ticketId, const Message &, qint64 ticketVersion) {
                    onSent(outboxId, ticketId, ticketVersion);
                });
        connect(outbox, &app::Outbox::conflict, this, &TicketPane::onConflict);
        app::TicketActions *actions = m_session->actions();
        connect(actions, &app::TicketActions::patched, this, &TicketPane::onAssigned);
        connect(actions, &app::TicketActions::conflict, this, &TicketPane::onAssignConflict);
        connect(actions, &app::TicketActions::failed, this, [this](qint64 ticketId, const ApiError &error) {
            if (!std::exchange(m_assigning, false))
                return;
            m_busy = false;
            Q_EMIT statusMessage(
                tr("Could not assign ticket %1: %2").arg(ticketId).arg(error.message.left(200)));
            updateActions();
        });
        connect(outbox, &app::Outbox::failed, this, &TicketPane::onFailed);
        connect(outbox, &app::Outbox::itemChanged, this, [this](qint64 outboxId) {
            if (m_ticketId != 0 && m_session && m_session->store()->hasTicketDetail(m_ticketId))
                renderThread(m_session->store()->messages(m_ticketId));
            // "Sending…" must not stay on screen while the reply waits for the server.
            const auto item = m_session ? m_session->store()->outboxItem(outboxId) : std::nullopt;
            if (item && item->ticketId == m_ticketId && item->state == OutboxState::Queued &&
                item->attempts > 0)
                m_editor->setStatus(tr("Not sent yet: waiting for the server. It goes out by itself "
                                       "(Outbox: Ctrl+Shift+O)."));
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
    if (m_reply)
        m_reply->setTicket(ticketId);
    m_ticket = Ticket{};
    m_minDraftId = 0;
    m_presence->setTicketId(ticketId);
    if (m_session)
        m_session->presenceReporter()->setViewing(ticketId); // 0: "left" for the previous one
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

qint64 TicketPane::seenVersion() const
{
    return m_reply ? m_reply->seenVersion() : 0;
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
    m_reply->saw(*detail);

    // A draft the agent already used or discarded may still come back from a fetch that raced it.
    std::optional<Draft> draft = detail->draft;
    if (draft && m_reply->isDraftUsed(draft->id))
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

void TicketPane::updateActions()
{
    const bool open = m_ticketId != 0 && m_editorTicketId == m_ticketId;
    if (m_send)
        m_send->setEnabled(open && !m_editor->text().trimmed().isEmpty());
    if (m_discard)
        m_discard->setEnabled(open && !m_busy && m_editor->draft().has_value());
    if (m_assign) {
        const qint64 me = m_session ? m_session->currentUser().id : 0;
        const bool mine = m_session && m_ticket.assigneeId == me;
        // Anyone may take an unowned ticket; taking one from its owner is a reassignment, which
        // the shared permission table gives to leads (the server refuses it to the rest).
        const bool fromSomeoneElse = m_session && m_ticket.assigneeId && !mine;
        const bool mayReassign = m_session && allowed(m_session->currentUser().role, Permission::Reassign);
        m_assign->setEnabled(m_ticketId != 0 && !m_busy && !mine && (!fromSomeoneElse || mayReassign));
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
    if (refuseWhileGaps())
        return;
    // An internal note never reaches the customer: no promise to check.
    const bool internal = m_editor->internalCheck()->isChecked();
    QStringList checks = internal ? QStringList{} : m_editor->unresolvedChecks();
    // A ticket that needs a person: the AI's draft goes out only when the agent changed it or
    // says, here, that they read it. "Keep editing" has the focus, so Enter does no harm.
    const bool unchangedForAPerson = !internal && m_editor->needsHuman() && !m_editor->isEdited();
    if (unchangedForAPerson)
        checks.prepend(tr("This ticket needs a person, and the reply is the AI's draft, unchanged."));
    if (!checks.isEmpty()) {
        m_editor->confirmStrip()->ask(
            u"send"_s,
            unchangedForAPerson ? tr("Read the draft before it goes:")
                                : tr("The reply still contains things to check:"),
            checks, unchangedForAPerson ? tr("I read it: send as is") : tr("I checked these: send"),
            tr("Keep editing"));
        return;
    }
    sendNow();
}

bool TicketPane::refuseWhileGaps()
{
    // A reply with a gap of its draft still in it ("[date]") never goes out: no "send anyway".
    // The server refuses it as well (422 unfilled_placeholder). A note may quote a gap.
    if (m_editor->internalCheck()->isChecked())
        return false;
    const QStringList gaps = m_editor->unfilledGaps();
    if (gaps.isEmpty())
        return false;
    m_editor->confirmStrip()->dismiss();
    m_editor->selectNextGap();
    m_editor->setStatus(tr("Fill in %1 before sending (F8: next gap).").arg(gaps.join(u", "_s)), true);
    return true;
}

void TicketPane::sendNow()
{
    if (!m_session || m_ticketId == 0 || m_editorTicketId != m_ticketId)
        return;
    m_editor->confirmStrip()->dismiss();
    if (refuseWhileGaps())
        return;
    const ReplyRequest reply = m_editor->reply();
    switch (m_reply->queue(reply, m_editor->unfilledGaps()).refusal) {
    case app::ReplyController::Refusal::None:
        break;
    case app::ReplyController::Refusal::Empty:
        m_editor->setStatus(tr("Write a reply first."), true);
        return;
    case app::ReplyController::Refusal::Gaps:
        refuseWhileGaps(); // selects the gap and says what to fill in
        return;
    case app::ReplyController::Refusal::NoTicket:
        m_editor->setStatus(tr("The ticket is still loading. Try again in a moment."), true);
        return;
    case app::ReplyController::Refusal::NotSaved:
        m_editor->setStatus(tr("The reply could not be saved, so it was not sent. Try again."), true);
        return;
    }
    // A note leaves the AI draft in place; a reply uses it up.
    std::optional<Draft> remaining = reply.internal ? m_editor->draft() : std::nullopt;
    m_editor->setTicket(m_ticketId, remaining);
    if (m_session->connectionState() != app::EventStreamClient::State::Online)
        m_editor->setStatus(tr("Queued in the outbox: it goes out as soon as the server answers."));
    else
        m_editor->setStatus(reply.internal ? tr("Adding the note…") : tr("Sending…"));
    renderThread(m_session->store()->messages(m_ticketId));
    updateActions();
    if (reply.internal)
        focusDraft(); // a note is usually followed by the reply itself
    else
        Q_EMIT replyQueued(m_ticketId);
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
            m_reply->markDraftUsed(draftId);
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
    m_busy = true;
    m_assigning = true;
    updateActions();
    // Conditional on the version the agent sees: if someone took the ticket meanwhile, the server
    // refuses and onAssignConflict() says who, instead of silently taking it from them.
    m_session->actions()->assignToMe(m_ticketId,
                                     m_ticket.version > 0 ? std::optional(m_ticket.version) : std::nullopt);
}

void TicketPane::onAssigned(qint64 ticketId, const Ticket &ticket)
{
    if (!std::exchange(m_assigning, false))
        return;
    m_busy = false;
    if (ticketId == m_ticketId) {
        m_ticket = ticket;
        m_header->setTicket(m_ticket, assigneeName(m_ticket.assigneeId));
    }
    Q_EMIT statusMessage(ticket.assigneeId == m_session->currentUser().id ? tr("Assigned to you.")
                                                                          : tr("Ticket updated."));
    updateActions();
}

void TicketPane::onAssignConflict(qint64 ticketId, const Ticket &mine, const Ticket &current)
{
    if (!m_assigning)
        return;
    if (ticketId == m_ticketId) {
        m_ticket = current;
        m_header->setTicket(m_ticket, assigneeName(m_ticket.assigneeId));
    }
    const qint64 me = m_session->currentUser().id;
    const bool takenByOther =
        current.assigneeId && *current.assigneeId != me && current.assigneeId != mine.assigneeId;
    if (!takenByOther && current.version > mine.version && ticketId == m_ticketId) {
        // Something else changed (a new message, a status): taking an unowned ticket is still
        // what the agent meant, so try once more against the version now on screen.
        m_session->actions()->assignToMe(ticketId, current.version);
        return;
    }
    m_assigning = false;
    m_busy = false;
    if (takenByOther)
        Q_EMIT statusMessage(
            tr("%1 took this ticket meanwhile; it stays with them.").arg(assigneeName(current.assigneeId)));
    updateActions();
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
