#include "ViewsList.h"

#include "Icons.h"
#include "Theme.h"

#include "app/ViewsModel.h"

#include <QPainter>
#include <QStyledItemDelegate>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

//! Paints one view row: icon, name, count pill; the first queue row carries the "Queues" caption.
class ViewsDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static bool startsQueues(const QModelIndex &index)
    {
        if (!index.data(app::ViewsModel::IsQueueRole).toBool())
            return false;
        return index.row() == 0 ||
               !index.siblingAtRow(index.row() - 1).data(app::ViewsModel::IsQueueRole).toBool();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int line = option.fontMetrics.height();
        const int row = line + 14;
        return {120, startsQueues(index) ? row + line + 10 : row};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QPalette &pal = option.palette;
        QRect rect = option.rect;
        if (startsQueues(index)) {
            const int captionHeight = option.fontMetrics.height() + 10;
            QRect caption = rect;
            caption.setHeight(captionHeight);
            QFont small = option.font;
            small.setPointSizeF(small.pointSizeF() * 0.78);
            small.setBold(true);
            painter->setFont(small);
            painter->setPen(theme::dimText(pal));
            painter->drawText(caption.adjusted(14, 0, -8, -2), Qt::AlignLeft | Qt::AlignBottom,
                              ViewsList::tr("QUEUES"));
            rect.setTop(rect.top() + captionHeight);
        }
        const QRect row = rect.adjusted(6, 2, -6, -2);
        const bool selected = option.state & QStyle::State_Selected;
        const bool hovered = option.state & QStyle::State_MouseOver;
        if (selected || hovered) {
            painter->setPen(Qt::NoPen);
            const QColor highlight = pal.color(QPalette::Highlight);
            painter->setBrush(selected ? highlight
                                       : theme::blend(pal.color(QPalette::Base), highlight, 0.12));
            painter->drawRoundedRect(row, 6, 6);
        }
        const QColor textColor = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);

        const QString key = index.data(app::ViewsModel::ViewKeyRole).toString();
        QString iconName = u"queue"_s;
        if (key == u"mine")
            iconName = u"person"_s;
        else if (key == u"unassigned")
            iconName = u"inbox"_s;
        else if (key == u"needs_human")
            iconName = u"needs-human"_s;
        else if (key == u"all")
            iconName = u"all"_s;
        const int iconSize = 16;
        const QRect iconRect(row.left() + 8, row.center().y() - iconSize / 2 + 1, iconSize, iconSize);
        Icons::get(iconName).paint(painter, iconRect, Qt::AlignCenter,
                                   selected ? QIcon::Selected : QIcon::Normal);

        const int count = index.data(app::ViewsModel::CountRole).toInt();
        QFont countFont = option.font;
        countFont.setPointSizeF(countFont.pointSizeF() * 0.9);
        countFont.setBold(true);
        const QFontMetrics countMetrics(countFont);
        const QString countText = QLocale().toString(count);
        const int pillWidth =
            std::max(countMetrics.horizontalAdvance(countText) + 12, countMetrics.height() + 4);
        const QRect pill(row.right() - 6 - pillWidth, row.center().y() - countMetrics.height() / 2 - 1,
                         pillWidth, countMetrics.height() + 2);

        QFont nameFont = option.font;
        nameFont.setBold(key == u"needs_human" && count > 0);
        painter->setFont(nameFont);
        painter->setPen(textColor);
        const QRect nameRect(iconRect.right() + 8, row.top(), pill.left() - iconRect.right() - 14,
                             row.height());
        const QString name = index.data(app::ViewsModel::NameRole).toString();
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

        if (count > 0) {
            QColor pillColor = key == u"needs_human" ? theme::warningColor(pal) : theme::dimText(pal);
            painter->setPen(Qt::NoPen);
            painter->setBrush(selected ? pal.color(QPalette::HighlightedText)
                                       : theme::blend(pal.color(QPalette::Base), pillColor, 0.22));
            painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
            painter->setFont(countFont);
            painter->setPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
            painter->drawText(pill, Qt::AlignCenter, countText);
        }
        if (option.state & QStyle::State_HasFocus && !selected) {
            painter->setPen(QPen(pal.color(QPalette::Highlight), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(row, 6, 6);
        }
        painter->restore();
    }
};

} // namespace

ViewsList::ViewsList(QWidget *parent) : QListView(parent)
{
    setObjectName(u"viewsList"_s);
    setAccessibleName(tr("Views"));
    setAccessibleDescription(tr("Ticket views with the number of tickets in each"));
    setItemDelegate(new ViewsDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setUniformItemSizes(false);
    viewport()->setAutoFillBackground(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void ViewsList::setViewsModel(app::ViewsModel *model)
{
    m_model = model;
    setModel(model);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_model)
                    Q_EMIT viewActivated(m_model->viewAt(current.row()));
            });
}

void ViewsList::selectView(const app::InboxView &view)
{
    if (!m_model)
        return;
    const int row = m_model->rowOf(view);
    if (row >= 0)
        setCurrentIndex(m_model->index(row));
}

} // namespace tandem::ui
