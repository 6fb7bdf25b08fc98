#pragma once

#include <QStyledItemDelegate>

namespace tandem::ui {

//! The "priority at least" column of the reason-code rules (app::ReasonCodeRulesModel): drawn as
//! a combo box even when not editing, so it reads as something to choose, greyed out when the row
//! cannot change (crisis) or the priority does not apply; edited with a real QComboBox whose
//! choice is committed at once. Qt::EditRole is the priority key ("high"), "" for the built-in
//! rule, which is offered only while it is the current value.
class PriorityComboDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit PriorityComboDelegate(int column, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_column;
};

} // namespace tandem::ui
