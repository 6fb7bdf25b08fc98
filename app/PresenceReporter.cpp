#include "PresenceReporter.h"

#include "EventStreamClient.h"

using namespace std::chrono_literals;

namespace tandem::app {

PresenceReporter::PresenceReporter(EventStreamClient *stream, QObject *parent)
    : QObject(parent), m_stream(stream)
{
    m_refreshTimer.setInterval(m_timing.refresh);
    connect(&m_refreshTimer, &QTimer::timeout, this, &PresenceReporter::resend);
    m_typingIdleTimer.setSingleShot(true);
    m_typingIdleTimer.setInterval(m_timing.typingIdle);
    connect(&m_typingIdleTimer, &QTimer::timeout, this, [this] {
        if (m_ticketId != 0 && m_state == PresenceState::Typing)
            send(PresenceState::Viewing);
    });
    // After a reconnection the others may have expired us: say again where we are.
    connect(m_stream, &EventStreamClient::connected, this, &PresenceReporter::resend);
    connect(m_stream, &EventStreamClient::presenceReceived, this, &PresenceReporter::onOthersPresence);
    m_clock.start();
}

void PresenceReporter::onOthersPresence(const Presence &presence)
{
    if (m_ticketId == 0 || presence.ticketId != m_ticketId || m_state == PresenceState::Left)
        return;
    if (presence.state == PresenceState::Left) {
        m_othersSeenAt.remove(presence.userId);
        return;
    }
    const qint64 now = m_clock.elapsed();
    const auto last = m_othersSeenAt.constFind(presence.userId);
    // New here (or silent for longer than a presence lives): they may not know about us yet.
    const bool newcomer = last == m_othersSeenAt.cend() || now - *last > 25000;
    m_othersSeenAt.insert(presence.userId, now);
    if (!newcomer || (m_lastAnswerAt >= 0 && now - m_lastAnswerAt < 1000))
        return; // at most one answer a second, whoever arrives
    m_lastAnswerAt = now;
    send(m_state);
}

PresenceReporter::~PresenceReporter() = default;

void PresenceReporter::setTiming(const Timing &timing)
{
    m_timing = timing;
    m_refreshTimer.setInterval(std::max(m_timing.refresh, 10ms));
    m_typingIdleTimer.setInterval(std::max(m_timing.typingIdle, 10ms));
}

void PresenceReporter::setViewing(qint64 ticketId)
{
    ticketId = std::max<qint64>(0, ticketId);
    if (ticketId == m_ticketId) {
        if (ticketId != 0 && m_state != PresenceState::Viewing)
            send(PresenceState::Viewing);
        return;
    }
    if (m_ticketId != 0)
        m_stream->sendPresence(m_ticketId, PresenceState::Left);
    m_typingIdleTimer.stop();
    m_othersSeenAt.clear();
    m_ticketId = ticketId;
    if (ticketId == 0) {
        m_state = PresenceState::Left;
        m_refreshTimer.stop();
        return;
    }
    send(PresenceState::Viewing);
    m_refreshTimer.start();
}

void PresenceReporter::setTyping(qint64 ticketId)
{
    if (ticketId <= 0)
        return;
    if (ticketId != m_ticketId)
        setViewing(ticketId);
    m_typingIdleTimer.start();
    const bool repeatDue =
        !m_lastTypingSent.isValid() || m_lastTypingSent.elapsed() >= m_timing.typingRepeat.count();
    if (m_state != PresenceState::Typing || repeatDue)
        send(PresenceState::Typing);
}

void PresenceReporter::send(PresenceState state)
{
    m_state = state;
    if (state == PresenceState::Typing)
        m_lastTypingSent.start();
    m_stream->sendPresence(m_ticketId, state); // dropped while offline; resent on reconnect
}

void PresenceReporter::resend()
{
    if (m_ticketId != 0 && m_state != PresenceState::Left)
        send(m_state);
}

} // namespace tandem::app
