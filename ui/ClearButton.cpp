#include "ClearButton.h"

#include <QAction>
#include <QCoreApplication>
#include <QLineEdit>
#include <QToolButton>

namespace tandem::ui {

void enableClearButton(QLineEdit *edit, const QString &what)
{
    // Qt adds an action and a tool button for it; both are what appeared with the call.
    const QList<QAction *> actionsBefore = edit->actions();
    const QList<QToolButton *> buttonsBefore = edit->findChildren<QToolButton *>();
    edit->setClearButtonEnabled(true);
    const QString name = QCoreApplication::translate("tandem::ui::ClearButton", "Clear %1").arg(what);
    for (QAction *action : edit->actions()) {
        if (!actionsBefore.contains(action)) {
            action->setText(name);
            action->setToolTip(name);
        }
    }
    for (QToolButton *button : edit->findChildren<QToolButton *>()) {
        if (!buttonsBefore.contains(button)) {
            button->setAccessibleName(name);
            button->setToolTip(name);
        }
    }
}

} // namespace tandem::ui
