#include "TableColumns.h"

#include <QHeaderView>
#include <QTableView>

namespace tandem::ui {

void fitColumnsToContents(QTableView *view, int maxWidth)
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMaximumSectionSize(maxWidth);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
}

} // namespace tandem::ui
