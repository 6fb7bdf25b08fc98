// InboxModel: the order of the rows (crisis first, then the sort column, then newest update and
// id) and which rows the view and search let through. Split from InboxModel.cpp, which keeps the
// rows, the counts and the incremental updates.
#include "InboxModel.h"

#include "core/ReasonCodes.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

quint16 bitOf(QStringView code)
{
    const int rank = reason::severity(code);
    return rank < 16 ? quint16(1u << rank) : quint16(0);
}

// Looked up once: the comparator asks for it on every comparison of a sort.
const quint16 kCrisisBit = bitOf(reason::kCrisis);

} // namespace

quint16 InboxModel::reasonBit(QStringView code)
{
    return bitOf(code);
}

QStringList InboxModel::codesOf(quint16 reasons)
{
    QStringList codes;
    const QStringList &all = reason::all();
    for (qsizetype rank = 0; rank < all.size() && rank < 16 && reasons != 0; ++rank) {
        if (reasons & (1u << rank))
            codes.append(all.at(rank));
    }
    return codes;
}

bool InboxModel::isPinned(const Row &row)
{
    return (row.reasons & kCrisisBit) != 0 && row.status != quint8(TicketStatus::Solved);
}

int InboxModel::compareRows(quint32 left, quint32 right) const
{
    if (left == right)
        return 0;
    const Row &a = m_rows[left];
    const Row &b = m_rows[right];
    // An open crisis comes before everything, whatever the column and direction: a person must
    // read it now. Part of the comparator (not a separate list), so both orders stay one sorted
    // index and every update remains a binary search.
    if (const bool pinned = isPinned(a); pinned != isPinned(b))
        return pinned ? -1 : 1;
    int result = 0;
    switch (m_sortColumn) {
    case SubjectColumn:
        result = a.subject.compare(b.subject, Qt::CaseInsensitive);
        break;
    case CustomerColumn:
        result = a.customerName.compare(b.customerName, Qt::CaseInsensitive);
        break;
    case QueueColumn:
        result = m_queues.at(a.queue).compare(m_queues.at(b.queue));
        break;
    case PriorityColumn:
        result = threeWay(a.priority, b.priority);
        break;
    case StatusColumn:
        result = threeWay(a.status, b.status);
        break;
    case LanguageColumn:
        result = m_languages.at(a.language).compare(m_languages.at(b.language));
        break;
    case SlaDueColumn: {
        // Tickets without an SLA sort after every due time.
        const qint64 da = a.slaDueMs == kNoTime ? std::numeric_limits<qint64>::max() : a.slaDueMs;
        const qint64 db = b.slaDueMs == kNoTime ? std::numeric_limits<qint64>::max() : b.slaDueMs;
        result = threeWay(da, db);
        break;
    }
    case ConfidenceColumn:
        result = threeWay(a.confidence, b.confidence);
        break;
    default:
        break;
    }
    if (result != 0)
        return m_sortOrder == Qt::AscendingOrder ? (result < 0 ? -1 : 1) : (result < 0 ? 1 : -1);
    // Ties: most recently updated first, then by id, so the order is total and stable.
    if (a.updatedMs != b.updatedMs)
        return a.updatedMs > b.updatedMs ? -1 : 1;
    return threeWay(a.id, b.id);
}

qsizetype InboxModel::lowerBound(const std::vector<quint32> &order, quint32 rowIndex) const
{
    const auto it =
        std::lower_bound(order.cbegin(), order.cend(), rowIndex,
                         [this](quint32 element, quint32 value) { return lessThan(element, value); });
    return it - order.cbegin();
}

qsizetype InboxModel::findIn(const std::vector<quint32> &order, quint32 rowIndex) const
{
    const qsizetype pos = lowerBound(order, rowIndex);
    return (pos < qsizetype(order.size()) && order[size_t(pos)] == rowIndex) ? pos : -1;
}

bool InboxModel::matchesView(const Row &row, const InboxView &view) const
{
    // Working views list open work only; solved tickets stay reachable through "All".
    if (view.kind != InboxView::Kind::All && row.status == quint8(TicketStatus::Solved))
        return false;
    switch (view.kind) {
    case InboxView::Kind::Mine:
        return isMine(row);
    case InboxView::Kind::Unassigned:
        return row.assigneeId == kNoAssignee;
    case InboxView::Kind::NeedsHuman:
        return row.needsHuman; // includes every ticket with a reason code (fillRow())
    case InboxView::Kind::All:
        return true;
    case InboxView::Kind::Queue:
        return m_queues.at(row.queue) == view.queue;
    }
    return true;
}

bool InboxModel::isMine(const Row &row) const
{
    if (row.assigneeId == kNoAssignee)
        return isPinned(row); // an open crisis nobody owns yet is everyone's: it must be seen
    return row.assigneeId == m_currentUserId;
}

bool InboxModel::matchesSearch(const Row &row, const QString &text) const
{
    if (text.isEmpty())
        return true;
    // QString::contains with CaseInsensitive folds on the fly: no allocation per row.
    return row.subject.contains(text, Qt::CaseInsensitive) ||
           row.customerName.contains(text, Qt::CaseInsensitive) ||
           row.customerEmail.contains(text, Qt::CaseInsensitive);
}

bool InboxModel::matchesFilter(const Row &row) const
{
    return matchesView(row, m_view) && matchesSearch(row, m_searchText);
}

} // namespace tandem::app
