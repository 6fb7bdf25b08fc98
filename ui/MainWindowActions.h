#pragma once

#include <QCoreApplication>

class QAction;
class QObject;

namespace tandem::ui {

//! Every command of the main window as a QAction (icon, shortcut, status tip), so each is
//! reachable from the menus, the toolbar and the keyboard alike.
struct MainWindowActions
{
    Q_DECLARE_TR_FUNCTIONS(tandem::ui::MainWindowActions)

public:
    //! Creates the actions as children of \a parent.
    explicit MainWindowActions(QObject *parent);

    // Ticket
    QAction *send = nullptr;       //!< Ctrl+Return
    QAction *discard = nullptr;    //!< Ctrl+Shift+D
    QAction *assignToMe = nullptr; //!< Ctrl+Shift+A
    //! Checkable: after a reply goes to the outbox, open the next ticket of the view (on by
    //! default; off stays on the answered ticket). Kept in QSettings "inbox/afterSend".
    QAction *openNextAfterSend = nullptr;
    // Ticket ▸ Regenerate (the tone is the action's data: "empathetic", "concise", "formal")
    QAction *regenerateEmpathetic = nullptr; //!< Ctrl+Alt+1
    QAction *regenerateConcise = nullptr;    //!< Ctrl+Alt+2
    QAction *regenerateFormal = nullptr;     //!< Ctrl+Alt+3
    // Navigation
    QAction *nextTicket = nullptr;     //!< j
    QAction *previousTicket = nullptr; //!< k
    QAction *openTicket = nullptr;     //!< Enter (in the inbox)
    QAction *focusDraft = nullptr;     //!< e
    QAction *focusSearch = nullptr;    //!< /
    QAction *backToInbox = nullptr;    //!< Esc
    // View
    QAction *showOutbox = nullptr; //!< Ctrl+Shift+O: the outbox dock, focused
    // Session
    QAction *refresh = nullptr;         //!< F5
    QAction *retryConnection = nullptr; //!< Ctrl+Shift+R: reconnect now instead of waiting
    QAction *logout = nullptr;
    QAction *quit = nullptr; //!< Ctrl+Q
    // Help
    QAction *shortcuts = nullptr; //!< F1
    QAction *about = nullptr;
};

} // namespace tandem::ui
