#include "DraftAutosave.h"

#include "LocalStore.h"

#include "core/Logging.h"

#include <algorithm>

using namespace std::chrono_literals;

namespace tandem::app {

namespace {
// However fast the agent types, text never sits unsaved for longer than this.
constexpr std::chrono::milliseconds kMaxWait = 1000ms;
} // namespace

DraftAutosave::DraftAutosave(LocalStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(400ms);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosave::flush);
}

DraftAutosave::~DraftAutosave()
{
    flush();
}

void DraftAutosave::setDelay(std::chrono::milliseconds delay)
{
    m_timer.setInterval(std::clamp(delay, 0ms, kMaxWait));
}

std::chrono::milliseconds DraftAutosave::delay() const
{
    return m_timer.intervalAsDuration();
}

void DraftAutosave::setText(qint64 ticketId, const QString &text)
{
    m_pending.insert(ticketId, text);
    // Debounce: restart on each keystroke, but only while the first unsaved change is younger
    // than kMaxWait, so continuous typing still reaches the disk about once a second.
    if (!m_timer.isActive()) {
        m_firstPending.start();
        m_timer.start();
    } else if (m_firstPending.elapsed() + m_timer.interval() <= kMaxWait.count()) {
        m_timer.start();
    }
}

QString DraftAutosave::text(qint64 ticketId) const
{
    const auto pending = m_pending.constFind(ticketId);
    if (pending != m_pending.cend())
        return *pending;
    return m_store->autosave(ticketId).value_or(QString());
}

bool DraftAutosave::hasText(qint64 ticketId) const
{
    return !text(ticketId).isEmpty();
}

void DraftAutosave::clear(qint64 ticketId)
{
    m_pending.remove(ticketId);
    m_store->clearAutosave(ticketId);
    if (m_pending.isEmpty())
        m_timer.stop();
}

void DraftAutosave::flush()
{
    m_timer.stop();
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        // An emptied editor leaves nothing to restore.
        const bool ok = it.value().isEmpty() ? m_store->clearAutosave(it.key())
                                             : m_store->saveAutosave(it.key(), it.value());
        if (ok)
            Q_EMIT saved(it.key());
        else
            logging::get("db")->warn("autosave of ticket {} failed", it.key());
    }
}

} // namespace tandem::app
