#include "InboxTable.h"

#include "InboxDelegate.h"

#include "app/InboxModel.h"

#include <QHeaderView>
#include <QKeyEvent>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::InboxModel;

InboxTable::InboxTable(QWidget *parent) : QTableView(parent)
{
    setObjectName(u"inboxTable"_s);
    setAccessibleName(tr("Inbox"));
    setAccessibleDescription(tr("Tickets in the selected view; j and k move, Enter opens"));
    setItemDelegate(new InboxDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Rows drag onto an agent in the team-lead workspace (reassign); the inbox accepts no drops.
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setShowGrid(false);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    // Fixed row heights: the view never asks a million rows for their size.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(InboxDelegate::rowHeight(fontMetrics()));
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setContextMenuPolicy(Qt::ActionsContextMenu);
    horizontalHeader()->setAccessibleName(tr("Inbox columns"));
    connect(this, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model && index.isValid())
            Q_EMIT ticketOpened(m_model->ticketIdAt(index.row()));
    });
}

void InboxTable::setInboxModel(app::InboxModel *model)
{
    m_model = model;
    setModel(model);
    // Header clicks call model->sort() directly: InboxModel sorts its own row index. The
    // indicator is set first: enabling sorting sorts by whatever the indicator shows.
    horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    setSortingEnabled(true);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    // Rows can vanish (filter, view switch): re-announce the current ticket when it changes.
    const auto recheck = [this] {
        onCurrentChanged(currentIndex());
    };
    connect(model, &QAbstractItemModel::modelReset, this, recheck);
    connect(model, &QAbstractItemModel::rowsRemoved, this, recheck);
    connect(model, &QAbstractItemModel::layoutChanged, this, recheck);

    // A header context menu to show or hide columns.
    for (int column = 0; column < model->columnCount(); ++column) {
        auto *action = new QAction(model->headerData(column, Qt::Horizontal).toString(), horizontalHeader());
        action->setCheckable(true);
        action->setChecked(!isColumnHidden(column));
        action->setEnabled(column != InboxModel::SubjectColumn);
        connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnHidden(column, !on); });
        horizontalHeader()->addAction(action);
    }
}

void InboxTable::applyDefaultColumns()
{
    QHeaderView *header = horizontalHeader();
    const QFontMetrics metrics = fontMetrics();
    const auto fit = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 24;
    };
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(InboxModel::SubjectColumn, QHeaderView::Stretch);
    header->resizeSection(InboxModel::CustomerColumn, fit(u"Margareta Lindqvist"_s));
    header->resizeSection(InboxModel::QueueColumn, fit(u"Payments & billing"_s));
    header->resizeSection(InboxModel::PriorityColumn, fit(u"Urgent"_s) + 14);
    header->resizeSection(InboxModel::StatusColumn, fit(u"Pending"_s));
    header->resizeSection(InboxModel::LanguageColumn, fit(u"Lang"_s));
    header->resizeSection(InboxModel::SlaDueColumn, fit(u"overdue 12 h"_s));
    header->resizeSection(InboxModel::ConfidenceColumn, fit(u"100 %"_s) + 30);
    // The subject cell's second line already shows customer, language, queue and status; their
    // own columns (sortable) are one right click on the header away.
    for (const int column : {InboxModel::CustomerColumn, InboxModel::QueueColumn, InboxModel::StatusColumn,
                             InboxModel::LanguageColumn})
        setColumnHidden(column, true);
    syncColumnActions();
}

void InboxTable::syncColumnActions()
{
    const auto actions = horizontalHeader()->actions();
    for (int column = 0; column < actions.size(); ++column) {
        const QSignalBlocker blocker(actions.at(column));
        actions.at(column)->setChecked(!isColumnHidden(column));
    }
}

qint64 InboxTable::currentTicketId() const
{
    const QModelIndex current = currentIndex();
    return (m_model && current.isValid()) ? m_model->ticketIdAt(current.row()) : 0;
}

bool InboxTable::selectTicket(qint64 ticketId)
{
    if (!m_model)
        return false;
    const int row = m_model->rowOfTicket(ticketId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, InboxModel::SubjectColumn);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

qint64 InboxTable::ticketNextTo(qint64 ticketId) const
{
    if (!m_model)
        return 0;
    const int row = m_model->rowOfTicket(ticketId);
    if (row < 0)
        return 0;
    if (row + 1 < m_model->rowCount())
        return m_model->ticketIdAt(row + 1);
    return row > 0 ? m_model->ticketIdAt(row - 1) : 0;
}

void InboxTable::moveCurrent(int delta)
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, m_model->rowCount() - 1) : 0;
    const QModelIndex index = m_model->index(row, current.isValid() ? current.column() : 0);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void InboxTable::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier) {
        if (const qint64 id = currentTicketId(); id != 0)
            Q_EMIT ticketOpened(id);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void InboxTable::onCurrentChanged(const QModelIndex &current)
{
    const qint64 id = (m_model && current.isValid()) ? m_model->ticketIdAt(current.row()) : 0;
    if (id == m_lastTicketId)
        return;
    m_lastTicketId = id;
    Q_EMIT currentTicketChanged(id);
}

} // namespace tandem::ui
