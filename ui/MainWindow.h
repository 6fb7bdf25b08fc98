#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDockWidget;
class QLineEdit;
class QMenu;
class QSplitter;
class QTabWidget;

namespace tandem {
struct Ticket;
}

namespace tandem::app {
class Session;
}

namespace tandem::ui {

class AlertNotifier;
class InboxTable;
class LeadWorkspace;
class OutboxView;
class StatusIndicators;
class SupervisorWorkspace;
class TicketPane;
class ViewsList;
struct MainWindowActions;

//! The agent's workstation: views on the left, the inbox in the centre, the open ticket on the
//! right. Keyboard first (j/k, Enter, e, /, Esc, Ctrl+Return), every command also in the menus
//! and toolbar. Geometry, splitter sizes, inbox columns, docks and the last view persist in QSettings.
//! Side panels (the outbox, ...) are docks created in buildDocks() through addPanel(), which also
//! lists them in the View menu. Leads and above also get the team-lead workspace, supervisors and
//! above the AI-quality workspace, each a tab beside the inbox. The server enforces the roles; the window
//! only hides what a role cannot use. Every role gets the crisis alert: a tray message (or a banner
//! above the workspaces) when a crisis ticket arrives, once per ticket.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    //! \a session is not owned and must outlive the window. With \a restoreState false the saved
    //! window layout is ignored (screenshots use the defaults).
    explicit MainWindow(app::Session *session, bool restoreState = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    ViewsList *viewsList() const { return m_views; }
    QLineEdit *searchEdit() const { return m_search; }
    InboxTable *inboxTable() const { return m_inbox; }
    TicketPane *ticketPane() const { return m_ticket; }
    StatusIndicators *statusIndicators() const { return m_status; }
    OutboxView *outboxView() const { return m_outboxView; }
    QDockWidget *outboxDock() const { return m_outboxDock; }
    //! The central tabs: the inbox, then "Queues & team" for leads and "AI quality" for supervisors.
    QTabWidget *workspaces() const { return m_workspaces; }
    //! nullptr when the signed-in role may not use it.
    LeadWorkspace *leadWorkspace() const { return m_lead; }
    SupervisorWorkspace *supervisorWorkspace() const { return m_supervisor; }
    //! Where crisis alerts go (tray message, or the banner above the workspaces).
    AlertNotifier *crisisNotifier() const { return m_crisisNotifier; }
    //! Brings the workspace the signed-in role starts its day in to the front (screenshots).
    void showHomeWorkspace();
    const MainWindowActions &actions() const { return *m_actions; }

    //! Saves geometry, splitters and header state (also done on close).
    void saveState();

    //! Wraps \a content in a dock (hidden until asked for unless \a visible), named \a objectName
    //! for the saved layout, and adds its show/hide action to the View menu.
    QDockWidget *addPanel(const QString &objectName, const QString &title, QWidget *content,
                          Qt::DockWidgetArea area, bool visible = false);

public Q_SLOTS:
    //! Shows the outbox dock and puts the focus in its list.
    void showOutbox();
    //! After a reply to \a ticketId went to the outbox: the next ticket of the view opens (unless
    //! "Open the next ticket after sending" is off) and the inbox list takes the focus.
    void goOnAfterSend(qint64 ticketId);
    //! Shows \a ticketId (switching to "All" when the current view hides it) and opens it.
    void revealTicket(qint64 ticketId);

Q_SIGNALS:
    //! The agent chose "Sign out".
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void buildMenus();
    //! Every dock of the window is created here (the View menu lists them).
    void buildDocks();
    void buildWorkspaces();
    //! The crisis alert (MainWindowAlerts.cpp).
    void buildAlerts();
    void announceCrisis(const QList<tandem::Ticket> &tickets);
    void updateUserNames();
    void connectActions();
    void restoreSavedState(bool restore);
    void selectFirstRowIfNone();
    void backToInbox();
    void showShortcuts();
    void showAbout();

    QPointer<app::Session> m_session;
    std::unique_ptr<MainWindowActions> m_actions;
    QSplitter *m_splitter = nullptr;
    ViewsList *m_views = nullptr;
    QLineEdit *m_search = nullptr;
    InboxTable *m_inbox = nullptr;
    TicketPane *m_ticket = nullptr;
    StatusIndicators *m_status = nullptr;
    QMenu *m_viewMenu = nullptr;
    OutboxView *m_outboxView = nullptr;
    QDockWidget *m_outboxDock = nullptr;
    QTabWidget *m_workspaces = nullptr;
    LeadWorkspace *m_lead = nullptr;
    SupervisorWorkspace *m_supervisor = nullptr;
    AlertNotifier *m_crisisNotifier = nullptr;
};

} // namespace tandem::ui
