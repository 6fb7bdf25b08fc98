#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLineEdit;
class QSplitter;

namespace tandem::app {
class Session;
}

namespace tandem::ui {

class InboxTable;
class StatusIndicators;
class TicketPane;
class ViewsList;
struct MainWindowActions;

//! The agent's workstation: views on the left, the inbox in the centre, the open ticket on the
//! right. Keyboard first (j/k, Enter, e, /, Esc, Ctrl+Return), every command also in the menus
//! and toolbar. Geometry, splitter sizes, inbox columns and the last view persist in QSettings.
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
    const MainWindowActions &actions() const { return *m_actions; }

    //! Saves geometry, splitters and header state (also done on close).
    void saveState();

Q_SIGNALS:
    //! The agent chose "Sign out".
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void buildMenus();
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
};

} // namespace tandem::ui
