#pragma once

#include "StreamEvent.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace tandem::app {

class EventStreamClient;

//! Tells the others what this agent is doing: setViewing() when a ticket opens (and "left" for
//! the previous one), setTyping() on every keystroke (debounced: one "typing" message per few
//! seconds, back to "viewing" when the typing stops). The current state is re-sent every 20 s
//! (presence expires after 30 s on the other side) and after every reconnection. When another agent
//! arrives on our ticket we answer with our state at once: the stream does not replay presence to a
//! client that just connected, so without the answer they would learn about us only at our next refresh.
class PresenceReporter : public QObject
{
    Q_OBJECT

public:
    //! Timings; tests shorten them.
    struct Timing
    {
        std::chrono::milliseconds refresh{20000};     //!< re-send the current state this often
        std::chrono::milliseconds typingIdle{4000};   //!< no keystroke this long: back to "viewing"
        std::chrono::milliseconds typingRepeat{3000}; //!< at most one "typing" per this interval
    };

    //! \a stream is not owned and must outlive the reporter.
    explicit PresenceReporter(EventStreamClient *stream, QObject *parent = nullptr);
    ~PresenceReporter() override;

    void setTiming(const Timing &timing);

    //! The agent looks at \a ticketId (0: at no ticket). Sends "left" for the previous one.
    void setViewing(qint64 ticketId);
    //! The agent typed in the reply of \a ticketId (call it on every edit; it is debounced).
    void setTyping(qint64 ticketId);
    //! Leaves the current ticket (logout, window closed).
    void clear() { setViewing(0); }

    qint64 currentTicketId() const { return m_ticketId; }
    PresenceState currentState() const { return m_state; }

private:
    void send(PresenceState state);
    void resend();
    void onOthersPresence(const tandem::app::Presence &presence);

    EventStreamClient *m_stream;
    Timing m_timing;
    qint64 m_ticketId = 0;
    PresenceState m_state = PresenceState::Left;
    QTimer m_refreshTimer;
    QTimer m_typingIdleTimer;
    QElapsedTimer m_lastTypingSent;
    QHash<qint64, qint64> m_othersSeenAt; //!< user id -> when last heard on our ticket (m_clock ms)
    QElapsedTimer m_clock;
    qint64 m_lastAnswerAt = -1; //!< m_clock ms of the last answer to a newcomer
};

} // namespace tandem::app
