#include "PresenceModel.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tandem::app {

namespace {

// A replayed presence whose server expiry passed longer ago than this is history, not presence
// (tolerates a few seconds of clock difference between client and server).
constexpr qint64 kClockToleranceMs = 5000;

QString describe(const PresenceModel::Entry &entry)
{
    // "Noah" rather than "Noah Fischer": the banner and the inbox tooltip are short.
    const QString firstName = entry.name.section(u' ', 0, 0, QString::SectionSkipEmpty);
    const QString who = firstName.isEmpty() ? entry.name : firstName;
    return entry.state == PresenceState::Typing ? PresenceModel::tr("%1 is typing").arg(who)
                                                : PresenceModel::tr("%1 is viewing").arg(who);
}

} // namespace

PresenceModel::PresenceModel(QObject *parent) : QAbstractListModel(parent)
{
    m_clock.start();
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, &PresenceModel::expire);
}

PresenceModel::~PresenceModel() = default;

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return describe(entry);
    case UserIdRole:
        return entry.userId;
    case NameRole:
        return entry.name;
    case TicketIdRole:
        return entry.ticketId;
    case StateRole:
        return toString(entry.state);
    case TypingRole:
        return entry.state == PresenceState::Typing;
    default:
        return {};
    }
}

QHash<int, QByteArray> PresenceModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(UserIdRole, "userId");
    names.insert(NameRole, "name");
    names.insert(TicketIdRole, "ticketId");
    names.insert(StateRole, "state");
    names.insert(TypingRole, "typing");
    return names;
}

void PresenceModel::setTimeToLive(std::chrono::milliseconds ttl)
{
    m_ttl = std::max(ttl, 10ms);
}

int PresenceModel::rowOf(qint64 userId, qint64 ticketId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).userId == userId && m_entries.at(row).ticketId == ticketId)
            return row;
    }
    return -1;
}

void PresenceModel::apply(const Presence &presence)
{
    if (presence.userId <= 0 || presence.ticketId <= 0 || presence.userId == m_currentUserId)
        return;
    const int row = rowOf(presence.userId, presence.ticketId);
    if (presence.state == PresenceState::Left) {
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
        Q_EMIT ticketPresenceChanged(presence.ticketId);
        return;
    }
    if (presence.expiresAt.isValid() &&
        presence.expiresAt.msecsTo(QDateTime::currentDateTimeUtc()) > kClockToleranceMs)
        return; // an old event replayed after a reconnect
    const qint64 expiresAt = nowMs() + m_ttl.count();
    if (row >= 0) {
        Entry &entry = m_entries[row];
        const bool changed = entry.state != presence.state || entry.name != presence.name;
        entry.state = presence.state;
        entry.name = presence.name;
        entry.expiresAtMs = expiresAt;
        if (changed) {
            Q_EMIT dataChanged(index(row), index(row),
                               {Qt::DisplayRole, Qt::ToolTipRole, NameRole, StateRole, TypingRole});
            Q_EMIT ticketPresenceChanged(presence.ticketId);
        }
    } else {
        const int at = int(m_entries.size());
        beginInsertRows({}, at, at);
        m_entries.append({presence.userId, presence.name, presence.ticketId, presence.state, expiresAt});
        endInsertRows();
        Q_EMIT ticketPresenceChanged(presence.ticketId);
    }
    scheduleExpiry();
}

void PresenceModel::clear()
{
    if (m_entries.isEmpty())
        return;
    QList<qint64> tickets;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!tickets.contains(entry.ticketId))
            tickets.append(entry.ticketId);
    }
    beginResetModel();
    m_entries.clear();
    endResetModel();
    m_expiryTimer.stop();
    for (qint64 ticketId : std::as_const(tickets))
        Q_EMIT ticketPresenceChanged(ticketId);
}

QList<PresenceModel::Entry> PresenceModel::others(qint64 ticketId) const
{
    QList<Entry> out;
    for (const Entry &entry : m_entries) {
        if (entry.ticketId == ticketId)
            out.append(entry);
    }
    std::stable_sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        return a.state == PresenceState::Typing && b.state != PresenceState::Typing;
    });
    return out;
}

QString PresenceModel::summary(qint64 ticketId) const
{
    QStringList parts;
    for (const Entry &entry : others(ticketId))
        parts.append(describe(entry));
    return parts.join(u", "_s);
}

std::optional<PresenceState> PresenceModel::strongestState(qint64 ticketId) const
{
    std::optional<PresenceState> strongest;
    for (const Entry &entry : m_entries) {
        if (entry.ticketId != ticketId)
            continue;
        if (entry.state == PresenceState::Typing)
            return PresenceState::Typing;
        strongest = PresenceState::Viewing;
    }
    return strongest;
}

void PresenceModel::expire()
{
    const qint64 now = nowMs();
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).expiresAtMs > now)
            continue;
        const qint64 ticketId = m_entries.at(row).ticketId;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
        Q_EMIT ticketPresenceChanged(ticketId);
    }
    scheduleExpiry();
}

void PresenceModel::scheduleExpiry()
{
    if (m_entries.isEmpty()) {
        m_expiryTimer.stop();
        return;
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Entry &entry : std::as_const(m_entries))
        next = std::min(next, entry.expiresAtMs);
    m_expiryTimer.start(std::chrono::milliseconds(std::max<qint64>(0, next - nowMs())));
}

} // namespace tandem::app
