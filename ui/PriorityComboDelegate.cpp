#include "PriorityComboDelegate.h"

#include "app/ReasonCodeRulesModel.h"

#include <QApplication>
#include <QComboBox>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::ReasonCodeRulesModel;

PriorityComboDelegate::PriorityComboDelegate(int column, QObject *parent)
    : QStyledItemDelegate(parent), m_column(column)
{}

QWidget *PriorityComboDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    if (index.column() != m_column)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setObjectName(u"priorityEditor"_s);
    combo->setAccessibleName(tr("Priority for %1").arg(index.siblingAtColumn(0).data().toString()));
    if (index.data(Qt::EditRole).toString().isEmpty())
        combo->addItem(ReasonCodeRulesModel::priorityLabel({}), QString());
    for (const QString &key : ReasonCodeRulesModel::priorityKeys())
        combo->addItem(ReasonCodeRulesModel::priorityLabel(key), key);
    // A choice is the whole edit: commit it at once instead of waiting for the focus to leave.
    auto *self = const_cast<PriorityComboDelegate *>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] {
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo, QAbstractItemDelegate::SubmitModelCache);
    });
    return combo;
}

void PriorityComboDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || index.column() != m_column) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole).toString())));
}

void PriorityComboDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                         const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || index.column() != m_column) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, combo->currentData(), Qt::EditRole);
}

void PriorityComboDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                 const QModelIndex &index) const
{
    if (index.column() == m_column)
        editor->setGeometry(option.rect.adjusted(2, 2, -2, -2));
    else
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

void PriorityComboDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    if (index.column() != m_column) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = item.text;
    item.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    // The cell looks like the combo box it opens; greyed out (not enabled) when it cannot change.
    QStyleOptionComboBox combo;
    if (widget)
        combo.initFrom(widget);
    combo.rect = option.rect.adjusted(2, 2, -2, -2);
    combo.state = option.state & (QStyle::State_Enabled | QStyle::State_HasFocus | QStyle::State_MouseOver);
    combo.palette = option.palette;
    combo.direction = option.direction;
    combo.fontMetrics = option.fontMetrics;
    combo.currentText = text;
    combo.frame = true;
    combo.editable = false;
    if (!option.state.testFlag(QStyle::State_Enabled))
        combo.palette.setCurrentColorGroup(QPalette::Disabled);
    painter->save();
    style->drawComplexControl(QStyle::CC_ComboBox, &combo, painter, widget);
    style->drawControl(QStyle::CE_ComboBoxLabel, &combo, painter, widget);
    painter->restore();
}

QSize PriorityComboDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() != m_column)
        return size;
    // Wide enough for the longest choice and the arrow.
    int widest = 0;
    QStringList keys = ReasonCodeRulesModel::priorityKeys();
    keys.append(QString()); // "Built-in"
    for (const QString &key : std::as_const(keys))
        widest =
            std::max(widest, option.fontMetrics.horizontalAdvance(ReasonCodeRulesModel::priorityLabel(key)));
    QStyleOptionComboBox combo;
    combo.fontMetrics = option.fontMetrics;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QSize content(widest, option.fontMetrics.height());
    const QSize box = style->sizeFromContents(QStyle::CT_ComboBox, &combo, content, widget);
    return {box.width() + 4, std::max(size.height(), box.height() + 4)};
}

} // namespace tandem::ui
