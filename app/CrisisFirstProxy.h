#pragma once

#include <QSortFilterProxyModel>

namespace tandem::app {

//! A sort proxy for the lead workspace's small tables: rows whose \a crisisRole is set (a bool, or
//! a count above 0) come first whatever the column and order the header asks for; within each
//! group the rows follow the column's sortRole(), or the source's own order when the header
//! shows no sort column (-1). Strings compare case-insensitively; ties keep the source order.
class CrisisFirstProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    CrisisFirstProxy(int crisisRole, QObject *parent = nullptr);

    //! Remembers the header's column and order; the proxy itself always stays sorted, so the
    //! crisis rows stay first even in the source order (the base class would not sort at -1).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    //! The column the header asked for (-1: the source order); sortColumn() is the proxy's own.
    int requestedSortColumn() const { return m_column; }
    Qt::SortOrder requestedSortOrder() const { return m_order; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_crisisRole;
    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
};

} // namespace tandem::app
