#include "InboxModel.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

// Above this many inserted/removed runs a filter change becomes one model reset: thousands of
// tiny row signals cost views more than a reset does.
constexpr qsizetype kMaxRunsBeforeReset = 256;
// A batch that adds more rows than this (and more than the model holds) resets the model.
constexpr qsizetype kBulkInsertThreshold = 2000;

const QList<int> kChangedRoles = {
    Qt::DisplayRole,
    Qt::ToolTipRole,
    InboxModel::TicketIdRole,
    InboxModel::NeedsHumanRole,
    InboxModel::AssigneeIdRole,
    InboxModel::AssigneeNameRole,
    InboxModel::SlaDueRole,
    InboxModel::VersionRole,
    InboxModel::StatusRole,
    InboxModel::PriorityRole,
    InboxModel::QueueIdRole,
    InboxModel::ConfidenceRole,
    InboxModel::UpdatedAtRole,
    InboxModel::CustomerEmailRole,
    InboxModel::SortRole,
    InboxModel::ReasonCodesRole,
    InboxModel::CrisisRole,
    Qt::AccessibleTextRole,
};

qint64 msOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

QDateTime timeOf(qint64 ms)
{
    return ms == std::numeric_limits<qint64>::min() ? QDateTime()
                                                    : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

InboxModel::InboxModel(QObject *parent) : QAbstractTableModel(parent)
{
    intern(&m_queues, &m_queueIndex, QString());       // index 0: no queue
    intern(&m_languages, &m_languageIndex, QString()); // index 0: unknown language
}

InboxModel::~InboxModel() = default;

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// --- counts and interning ----------------------------------------------------------------------

void InboxModel::countRow(const Row &row, int delta)
{
    if (size_t(row.queue) >= m_queueCounts.size()) {
        m_queueCounts.resize(size_t(row.queue) + 1, 0);
        m_queueCrisisCounts.resize(size_t(row.queue) + 1, 0);
    }
    if (row.status == quint8(TicketStatus::Solved))
        return; // counted by "All" only, like matchesView()
    if (row.assigneeId == kNoAssignee)
        m_unassignedCount += delta;
    if (isMine(row))
        m_mineCount += delta;
    if (row.needsHuman)
        m_needsHumanCount += delta;
    m_queueCounts[row.queue] += delta;
    if (isPinned(row)) {
        m_crisisCount += delta;
        m_queueCrisisCounts[row.queue] += delta;
    }
}

int InboxModel::count(const InboxView &view) const
{
    switch (view.kind) {
    case InboxView::Kind::Mine:
        return m_mineCount;
    case InboxView::Kind::Unassigned:
        return m_unassignedCount;
    case InboxView::Kind::NeedsHuman:
        return m_needsHumanCount;
    case InboxView::Kind::All:
        return int(m_rows.size());
    case InboxView::Kind::Queue: {
        const auto it = m_queueIndex.constFind(view.queue);
        return (it == m_queueIndex.cend() || size_t(*it) >= m_queueCounts.size()) ? 0 : m_queueCounts[*it];
    }
    }
    return 0;
}

QHash<QString, int> InboxModel::crisisCountsByQueue() const
{
    QHash<QString, int> out;
    for (size_t queue = 0; queue < m_queueCrisisCounts.size(); ++queue) {
        if (m_queueCrisisCounts[queue] > 0)
            out.insert(m_queues.at(qsizetype(queue)), m_queueCrisisCounts[queue]);
    }
    return out;
}

QStringList InboxModel::queueIds() const
{
    QStringList ids = m_queues.mid(1); // skip the "no queue" slot
    ids.sort();
    return ids;
}

quint16 InboxModel::intern(QStringList *values, QHash<QString, quint16> *index, const QString &value)
{
    const auto it = index->constFind(value);
    if (it != index->cend())
        return *it;
    if (values->size() >= std::numeric_limits<quint16>::max())
        return 0; // absurdly many distinct values: show them as unknown rather than overflow
    const auto slot = quint16(values->size());
    values->append(value);
    index->insert(value, slot);
    return slot;
}

void InboxModel::fillRow(Row *row, const Ticket &t)
{
    row->id = t.id;
    row->version = t.version;
    row->assigneeId = t.assigneeId.value_or(kNoAssignee);
    row->slaDueMs = msOf(t.slaDueAt);
    row->updatedMs = msOf(t.updatedAt);
    row->subject = t.subject;
    row->customerName = t.customer.name;
    row->customerEmail = t.customer.email;
    row->queue = intern(&m_queues, &m_queueIndex, t.queue);
    row->language =
        intern(&m_languages, &m_languageIndex, t.language.isEmpty() ? t.customer.language : t.language);
    row->status = quint8(t.status);
    row->priority = quint8(t.priority);
    row->reasons = 0;
    for (const QString &code : t.needsHumanCodes)
        row->reasons |= reasonBit(code);
    // A reason code says why a person must look: such a ticket needs one whatever the flag says
    // (the "Needs human" view and its count include every crisis).
    row->needsHuman = t.needsHuman || row->reasons != 0;
    // The list says what the current draft's confidence is; none (sent, discarded) clears it.
    row->confidence = t.draftConfidence ? float(*t.draftConfidence) : -1.0f;
}

// --- whole-model operations ----------------------------------------------------------------------

void InboxModel::setTickets(const QList<Ticket> &tickets)
{
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_queueCounts.assign(m_queues.size(), 0);
    m_queueCrisisCounts.assign(m_queues.size(), 0);
    m_mineCount = m_unassignedCount = m_needsHumanCount = m_crisisCount = 0;
    m_rows.reserve(size_t(tickets.size()));
    for (const Ticket &ticket : tickets) {
        auto existing = m_rowById.constFind(ticket.id);
        Row *row = nullptr;
        if (existing != m_rowById.cend()) {
            row = &m_rows[*existing];
            countRow(*row, -1);
        } else {
            m_rowById.insert(ticket.id, quint32(m_rows.size()));
            row = &m_rows.emplace_back();
        }
        fillRow(row, ticket);
        adoptPendingConfidence(row);
        countRow(*row, +1);
    }
    m_sorted.resize(m_rows.size());
    for (size_t i = 0; i < m_sorted.size(); ++i)
        m_sorted[i] = quint32(i);
    std::sort(m_sorted.begin(), m_sorted.end(), [this](quint32 a, quint32 b) { return lessThan(a, b); });
    m_visible.clear();
    for (quint32 index : m_sorted) {
        if (matchesFilter(m_rows[index]))
            m_visible.push_back(index);
    }
    endResetModel();
    Q_EMIT countsChanged();
}

void InboxModel::sort(int column, Qt::SortOrder order)
{
    setSortColumn(column, order);
}

void InboxModel::setSortColumn(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<quint32> persistentRows;
    persistentRows.reserve(size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        persistentRows.push_back(m_visible[size_t(index.row())]);

    m_sortColumn = column;
    m_sortOrder = order;
    std::sort(m_sorted.begin(), m_sorted.end(), [this](quint32 a, quint32 b) { return lessThan(a, b); });
    m_visible.clear();
    for (quint32 index : m_sorted) {
        if (matchesFilter(m_rows[index]))
            m_visible.push_back(index);
    }

    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i) {
        const qsizetype row = findIn(m_visible, persistentRows[size_t(i)]);
        moved.append(row < 0 ? QModelIndex() : index(int(row), persistent.at(i).column()));
    }
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void InboxModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    // Typing more letters can only hide rows: scan the visible rows instead of all of them.
    const bool narrowing = !m_searchText.isEmpty() && trimmed.contains(m_searchText, Qt::CaseInsensitive);
    m_searchText = trimmed;
    applyFilterChange(narrowing);
}

void InboxModel::setView(const InboxView &view)
{
    if (view == m_view)
        return;
    m_view = view;
    applyFilterChange(false);
}

void InboxModel::setCurrentUserId(qint64 userId)
{
    if (userId == m_currentUserId)
        return;
    m_currentUserId = userId;
    // As countRow() counts: open tickets only.
    m_mineCount = int(std::count_if(m_rows.cbegin(), m_rows.cend(), [this](const Row &row) {
        return row.status != quint8(TicketStatus::Solved) && isMine(row);
    }));
    if (m_view.kind == InboxView::Kind::Mine)
        applyFilterChange(false);
    Q_EMIT countsChanged();
}

void InboxModel::applyFilterChange(bool narrowing)
{
    // m_mark: bit 1 = visible before, bit 2 = visible after.
    m_mark.assign(m_rows.size(), 0);
    for (quint32 index : m_visible)
        m_mark[index] |= 1;
    const std::vector<quint32> &candidates = narrowing ? m_visible : m_sorted;
    std::vector<quint32> next;
    next.reserve(narrowing ? m_visible.size() : m_sorted.size() / 4);
    for (quint32 index : candidates) {
        if (matchesFilter(m_rows[index])) {
            next.push_back(index);
            m_mark[index] |= 2;
        }
    }

    // Count the runs of removed and inserted rows; too many means a reset is cheaper.
    qsizetype runs = 0;
    bool inRun = false;
    for (quint32 index : m_visible) {
        const bool removed = !(m_mark[index] & 2);
        runs += (removed && !inRun) ? 1 : 0;
        inRun = removed;
    }
    inRun = false;
    for (quint32 index : next) {
        const bool inserted = !(m_mark[index] & 1);
        runs += (inserted && !inRun) ? 1 : 0;
        inRun = inserted;
    }
    if (runs == 0)
        return;
    if (runs > kMaxRunsBeforeReset) {
        beginResetModel();
        m_visible = std::move(next);
        endResetModel();
        return;
    }

    // Removals bottom-up, so earlier positions stay valid.
    for (qsizetype end = qsizetype(m_visible.size()) - 1; end >= 0;) {
        if (m_mark[m_visible[size_t(end)]] & 2) {
            --end;
            continue;
        }
        qsizetype start = end;
        while (start > 0 && !(m_mark[m_visible[size_t(start - 1)]] & 2))
            --start;
        beginRemoveRows({}, int(start), int(end));
        m_visible.erase(m_visible.begin() + start, m_visible.begin() + end + 1);
        endRemoveRows();
        end = start - 1;
    }
    // Insertions top-down at their final positions (everything before them is final already).
    for (qsizetype pos = 0; pos < qsizetype(next.size());) {
        if (m_mark[next[size_t(pos)]] & 1) {
            ++pos;
            continue;
        }
        qsizetype end = pos;
        while (end + 1 < qsizetype(next.size()) && !(m_mark[next[size_t(end + 1)]] & 1))
            ++end;
        beginInsertRows({}, int(pos), int(end));
        m_visible.insert(m_visible.begin() + pos, next.begin() + pos, next.begin() + end + 1);
        endInsertRows();
        pos = end + 1;
    }
    Q_ASSERT(m_visible == next);
}

// --- incremental updates -----------------------------------------------------------------------

void InboxModel::insertNewRow(quint32 rowIndex)
{
    m_sorted.insert(m_sorted.begin() + lowerBound(m_sorted, rowIndex), rowIndex);
    if (!matchesFilter(m_rows[rowIndex]))
        return;
    const qsizetype pos = lowerBound(m_visible, rowIndex);
    beginInsertRows({}, int(pos), int(pos));
    m_visible.insert(m_visible.begin() + pos, rowIndex);
    endInsertRows();
}

template <typename Mutate>
void InboxModel::changeRow(quint32 rowIndex, Mutate mutate, QList<quint32> *changed)
{
    // Locate the row by its OLD values: both orders are sorted by them.
    const qsizetype sortedPos = findIn(m_sorted, rowIndex);
    const qsizetype oldPos = findIn(m_visible, rowIndex);
    Q_ASSERT(sortedPos >= 0);
    countRow(m_rows[rowIndex], -1);
    mutate(m_rows[rowIndex]);
    countRow(m_rows[rowIndex], +1);

    m_sorted.erase(m_sorted.begin() + sortedPos);
    m_sorted.insert(m_sorted.begin() + lowerBound(m_sorted, rowIndex), rowIndex);

    const bool visibleNow = matchesFilter(m_rows[rowIndex]);
    if (oldPos < 0 && !visibleNow)
        return;
    if (oldPos >= 0 && !visibleNow) {
        beginRemoveRows({}, int(oldPos), int(oldPos));
        m_visible.erase(m_visible.begin() + oldPos);
        endRemoveRows();
        return;
    }
    if (oldPos < 0) {
        const qsizetype pos = lowerBound(m_visible, rowIndex);
        beginInsertRows({}, int(pos), int(pos));
        m_visible.insert(m_visible.begin() + pos, rowIndex);
        endInsertRows();
        return;
    }
    // Still visible: move it if its sort position changed.
    m_visible.erase(m_visible.begin() + oldPos);
    const qsizetype newPos = lowerBound(m_visible, rowIndex);
    m_visible.insert(m_visible.begin() + oldPos, rowIndex); // restore until the move is announced
    if (newPos != oldPos) {
        beginMoveRows({}, int(oldPos), int(oldPos), {}, int(newPos > oldPos ? newPos + 1 : newPos));
        m_visible.erase(m_visible.begin() + oldPos);
        m_visible.insert(m_visible.begin() + newPos, rowIndex);
        endMoveRows();
    }
    changed->append(rowIndex);
}

void InboxModel::emitDataChanged(const QList<quint32> &changed)
{
    // One dataChanged per batch over the span of changed rows (qBittorrent's lesson: per-row
    // signals dominate refresh cost; views repaint only what is on screen anyway).
    qsizetype first = -1;
    qsizetype last = -1;
    for (quint32 rowIndex : changed) {
        const qsizetype pos = findIn(m_visible, rowIndex);
        if (pos < 0)
            continue;
        first = first < 0 ? pos : std::min(first, pos);
        last = std::max(last, pos);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1), kChangedRoles);
}

void InboxModel::upsert(const QList<Ticket> &tickets)
{
    if (tickets.isEmpty())
        return;
    qsizetype newRows = 0;
    for (const Ticket &ticket : tickets)
        newRows += m_rowById.contains(ticket.id) ? 0 : 1;
    if (newRows > kBulkInsertThreshold && newRows > qsizetype(m_rows.size())) {
        // A big first sync: rebuilding is O(n log n) where row-by-row inserts are O(n^2).
        QList<Ticket> all;
        all.reserve(qsizetype(m_rows.size()) + tickets.size());
        QHash<qint64, float> confidences;
        for (const Row &row : m_rows) {
            Ticket t;
            t.id = row.id;
            t.version = row.version;
            t.assigneeId =
                row.assigneeId == kNoAssignee ? std::nullopt : std::optional<qint64>(row.assigneeId);
            t.slaDueAt = timeOf(row.slaDueMs);
            t.updatedAt = timeOf(row.updatedMs);
            t.subject = row.subject;
            t.customer.name = row.customerName;
            t.customer.email = row.customerEmail;
            t.queue = m_queues.at(row.queue);
            t.language = m_languages.at(row.language);
            t.status = TicketStatus(row.status);
            t.priority = Priority(row.priority);
            t.needsHuman = row.needsHuman;
            t.needsHumanCodes = codesOf(row.reasons);
            if (row.confidence >= 0)
                t.draftConfidence = row.confidence;
            all.append(t);
        }
        all.append(tickets);
        setTickets(all);
        return;
    }

    QList<quint32> changed;
    for (const Ticket &ticket : tickets) {
        const auto existing = m_rowById.constFind(ticket.id);
        if (existing == m_rowById.cend()) {
            const auto rowIndex = quint32(m_rows.size());
            Row &row = m_rows.emplace_back();
            fillRow(&row, ticket);
            adoptPendingConfidence(&row);
            m_rowById.insert(ticket.id, rowIndex);
            countRow(row, +1);
            insertNewRow(rowIndex);
            continue;
        }
        if (m_rows[*existing].version > ticket.version)
            continue; // an older snapshot arriving late
        changeRow(
            *existing, [this, &ticket](Row &row) { fillRow(&row, ticket); }, &changed);
    }
    emitDataChanged(changed);
    Q_EMIT countsChanged();
}

void InboxModel::setConfidences(const QHash<qint64, double> &confidences)
{
    QList<quint32> changed;
    for (auto it = confidences.cbegin(); it != confidences.cend(); ++it) {
        const auto existing = m_rowById.constFind(it.key());
        const auto value = float(std::clamp(it.value(), 0.0, 1.0));
        if (existing == m_rowById.cend()) {
            m_pendingConfidence.insert(it.key(), value);
            continue;
        }
        if (m_rows[*existing].confidence != value)
            changeRow(
                *existing, [value](Row &row) { row.confidence = value; }, &changed);
    }
    emitDataChanged(changed);
}

void InboxModel::setConfidence(qint64 ticketId, double confidence)
{
    setConfidences({{ticketId, confidence}});
}

void InboxModel::adoptPendingConfidence(Row *row)
{
    // A draft fetched before its ticket was listed: used unless the list brought its own.
    const auto it = m_pendingConfidence.find(row->id);
    if (it == m_pendingConfidence.end())
        return;
    if (row->confidence < 0)
        row->confidence = *it;
    m_pendingConfidence.erase(it);
}

qint64 InboxModel::ticketIdAt(int row) const
{
    return (row < 0 || size_t(row) >= m_visible.size()) ? 0 : m_rows[m_visible[size_t(row)]].id;
}

int InboxModel::rowOfTicket(qint64 ticketId) const
{
    const auto existing = m_rowById.constFind(ticketId);
    if (existing == m_rowById.cend())
        return -1;
    return int(findIn(m_visible, *existing));
}

} // namespace tandem::app
