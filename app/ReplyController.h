#pragma once

#include "core/ApiTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>
#include <utility>

namespace tandem::app {

class DraftAutosave;
class Outbox;

//! The send rules of the open ticket, without widgets (ui/TicketPane shows them): what the agent
//! has seen of the ticket (the version a reply is based on, If-Match; the newest message), what
//! may be queued (no empty text, no gap of the draft still in a reply: the server refuses that
//! too), and what became of each reply sent from here (our own reply moves the seen version, so a
//! follow-up never conflicts with it; "Keep editing" takes a reply back out of the outbox; a draft
//! sent or discarded is never offered again).
class ReplyController : public QObject
{
    Q_OBJECT

public:
    enum class Refusal
    {
        None,     //!< queued
        NoTicket, //!< nothing open, or its detail not loaded yet
        Empty,    //!< no text
        Gaps,     //!< a reply (not a note) still holds a gap of its draft
        NotSaved, //!< the outbox could not write it to disk
    };
    struct Queued
    {
        Refusal refusal = Refusal::None;
        qint64 outboxId = 0;
    };

    //! \a outbox and \a autosave are not owned and must outlive the controller.
    ReplyController(Outbox *outbox, DraftAutosave *autosave, QObject *parent = nullptr);

    //! The ticket on screen changed (0: none): what was seen of the previous one is forgotten.
    void setTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    //! The agent now sees \a detail of the open ticket (ignored for another ticket).
    void saw(const TicketDetail &detail);
    //! The ticket version the next reply is based on (0 before the detail was seen).
    qint64 seenVersion() const { return m_seenVersion; }
    //! The newest message the agent has seen.
    qint64 seenMessageId() const { return m_seenMessageId; }

    //! Queues \a reply to the open ticket, based on what the agent saw; \a gaps are the draft's
    //! gaps still in the text (a note may quote them). The text is then no longer autosaved, and a
    //! reply uses its draft up.
    Queued queue(const ReplyRequest &reply, const QStringList &gaps);
    //! The outbox delivered \a outboxId, which moved \a ticketId to \a ticketVersion.
    void onSent(qint64 outboxId, qint64 ticketId, qint64 ticketVersion);
    //! The newest message id the agent had seen when \a outboxId was queued (-1: unknown).
    qint64 seenAtSend(qint64 outboxId) const { return m_seenAtSend.value(outboxId, -1); }
    //! "Keep editing": the reply taken back out of the outbox; nullopt when it already left.
    std::optional<ReplyRequest> takeBack(qint64 outboxId);
    //! The draft was discarded on the server.
    void markDraftUsed(qint64 draftId) { m_usedDraftId = draftId; }
    //! A draft sent or discarded from here (a fetch that raced it may still bring it back).
    bool isDraftUsed(qint64 draftId) const { return draftId != 0 && draftId == m_usedDraftId; }

private:
    QPointer<Outbox> m_outbox;
    QPointer<DraftAutosave> m_autosave;
    qint64 m_ticketId = 0;
    qint64 m_seenVersion = 0;
    qint64 m_seenMessageId = 0;
    qint64 m_usedDraftId = 0;
    QHash<qint64, qint64> m_seenAtSend; //!< outbox id -> newest message id seen when queued
    //! outbox id -> (ticket, version the reply was based on)
    QHash<qint64, std::pair<qint64, qint64>> m_baseAtSend;
};

} // namespace tandem::app
