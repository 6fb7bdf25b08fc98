#pragma once

#include "StreamEvent.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace tandem::app {

class EventStreamClient;

//! Tells the others what this agent is doing: setViewing() when a ticket opens (and "left" for
//! the previous one), setTyping() on every keystroke (debounced: one "typing" message per few
//! seconds, back to "viewing" when the typing stops). The current state is re-sent every 20 s
//! (presence expires after 30 s on the other side) and after every reconnection.
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

    EventStreamClient *m_stream;
    Timing m_timing;
    qint64 m_ticketId = 0;
    PresenceState m_state = PresenceState::Left;
    QTimer m_refreshTimer;
    QTimer m_typingIdleTimer;
    QElapsedTimer m_lastTypingSent;
};

} // namespace tandem::app
