#pragma once

#include "SourceViewer.h"

#include "core/ApiTypes.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace tandem::app {
class ReplyController;
class Session;
} // namespace tandem::app

namespace tandem::ui {

class ConflictBanner;

class DraftEditor;
class PresenceBar;
class ThreadView;
class TicketHeader;

//! The right-hand pane for one ticket: header, thread and reply editor, wired to the session.
//! Opening a ticket shows the cached detail at once and asks SyncEngine for a fresh one.
//! Sending goes through the Outbox (written to disk first); the agent's text is autosaved while
//! typing and restored on reopen. A 412 on send shows what changed with "Send anyway" /
//! "Keep editing".
class TicketPane : public QWidget
{
    Q_OBJECT

public:
    explicit TicketPane(app::Session *session, QWidget *parent = nullptr);
    ~TicketPane() override;

    //! The main window's actions, shown as the editor's buttons; their enabled state is kept here.
    void setActions(QAction *send, QAction *discard, QAction *assignToMe);
    //! The Regenerate ▸ tone actions (each action's data is its tone); enabled state kept here.
    void setRegenerateActions(const QList<QAction *> &tones);

    //! Shows \a ticketId (0 shows the empty state).
    void openTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }

    TicketHeader *header() const { return m_header; }
    ThreadView *thread() const { return m_thread; }
    DraftEditor *draftEditor() const { return m_editor; }
    ConflictBanner *conflictBanner() const { return m_conflict; }
    //! "Noah is typing" under the header.
    PresenceBar *presenceBar() const { return m_presence; }
    //! The ticket version the next reply is based on (If-Match).
    qint64 seenVersion() const;
    //! The send rules of the open ticket (what was seen, what may be queued, replies sent).
    app::ReplyController *replyController() const { return m_reply; }
    //! The viewer of the last citation opened (null before the first).
    SourceViewer *sourceViewer() const { return m_sourceViewer; }
    QSplitter *splitter() const { return m_splitter; }

    //! Puts the keyboard focus into the reply text.
    void focusDraft();

public Q_SLOTS:
    //! Queues the editor's text as a reply (or internal note) to the open ticket. While a
    //! promise / unsupported-fact span or a "[gap]" is still in the text, asks first (inline).
    void send();
    //! Asks the server for a new draft in \a tone ("empathetic", "concise", "formal"); asks
    //! first (inline) when the agent has edited the text.
    void regenerate(const QString &tone);
    //! Opens \a sourceId ("kb:<id>" / "ticket:<id>") in the read-only source viewer.
    void openSource(const QString &sourceId, const QString &title);
    //! Discards the AI draft on the server and empties the editor.
    void discardDraft();
    //! Assigns the open ticket to the signed-in agent.
    void assignToMe();

Q_SIGNALS:
    //! A short message for the status bar.
    void statusMessage(const QString &text);
    //! A reply (not a note) to \a ticketId is in the outbox: the agent is done with the ticket
    //! for now (the main window moves on to the next one when set to).
    void replyQueued(qint64 ticketId);

private:
    void reload();
    void sendNow();
    //! True (and the first gap selected, the reason shown) when the reply still has a gap.
    bool refuseWhileGaps();
    void startRegenerate(const QString &tone);
    void onConfirmAccepted(const QString &purpose);
    void renderThread(const QList<Message> &messages);
    void updateActions();
    void onDetailChanged(qint64 ticketId);
    void onDetailFailed(qint64 ticketId, const ApiError &error);
    void onSent(qint64 outboxId, qint64 ticketId, qint64 ticketVersion);
    void onAssigned(qint64 ticketId, const Ticket &ticket);
    void onAssignConflict(qint64 ticketId, const Ticket &mine, const Ticket &current);
    void onConflict(qint64 ticketId, qint64 outboxId);
    void onFailed(qint64 ticketId, qint64 outboxId, const QString &message);
    //! Shows a conflict banner or gives back the text of a refused reply, for the open ticket.
    void showOutboxAttention();
    void sendAnyway(qint64 outboxId);
    void keepEditing(qint64 outboxId);
    QString assigneeName(const std::optional<qint64> &id) const;
    static QString toneName(const QString &tone);

    QPointer<app::Session> m_session;
    qint64 m_ticketId = 0;
    qint64 m_editorTicketId = 0; //!< the ticket whose text the editor holds
    Ticket m_ticket;
    app::ReplyController *m_reply = nullptr;
    bool m_busy = false;                 //!< a discard / assign request is in flight
    bool m_assigning = false;            //!< our assignToMe() is in flight (TicketActions is shared)
    bool m_focusDraftWhenLoaded = false; //!< "e" arrived while the detail was loading

    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    TicketHeader *m_header = nullptr;
    PresenceBar *m_presence = nullptr;
    QSplitter *m_splitter = nullptr;
    ThreadView *m_thread = nullptr;
    ConflictBanner *m_conflict = nullptr;
    DraftEditor *m_editor = nullptr;
    QAction *m_send = nullptr;
    QAction *m_discard = nullptr;
    QAction *m_assign = nullptr;
    QList<QAction *> m_regenerate;
    QPointer<SourceViewer> m_sourceViewer;
    bool m_regenerating = false; //!< a regenerate request is in flight
    qint64 m_minDraftId = 0;     //!< drafts older than a regenerated one are stale fetches
};

} // namespace tandem::ui
