#include "CrisisFirstProxy.h"

namespace tandem::app {

CrisisFirstProxy::CrisisFirstProxy(int crisisRole, QObject *parent)
    : QSortFilterProxyModel(parent), m_crisisRole(crisisRole)
{
    QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
}

void CrisisFirstProxy::sort(int column, Qt::SortOrder order)
{
    m_column = column;
    m_order = order;
    // The direction is applied in lessThan(): a descending base sort would put crises last.
    QSortFilterProxyModel::sort(0, Qt::AscendingOrder);
    invalidate();
}

bool CrisisFirstProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftCrisis = left.data(m_crisisRole).toBool();
    const bool rightCrisis = right.data(m_crisisRole).toBool();
    if (leftCrisis != rightCrisis)
        return leftCrisis;
    if (m_column >= 0) {
        const QVariant a = left.siblingAtColumn(m_column).data(sortRole());
        const QVariant b = right.siblingAtColumn(m_column).data(sortRole());
        int order = 0;
        if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
            order = a.toString().compare(b.toString(), Qt::CaseInsensitive);
        } else {
            const QPartialOrdering c = QVariant::compare(a, b);
            order = c == QPartialOrdering::Less ? -1 : (c == QPartialOrdering::Greater ? 1 : 0);
        }
        if (order != 0)
            return m_order == Qt::AscendingOrder ? order < 0 : order > 0;
    }
    return left.row() < right.row();
}

} // namespace tandem::app
