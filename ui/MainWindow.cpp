#include "MainWindow.h"

#include "ClearButton.h"
#include "DisplayText.h"
#include "DraftEditor.h"
#include "Icons.h"
#include "InboxTable.h"
#include "MainWindowActions.h"
#include "OutboxView.h"
#include "StatusIndicators.h"
#include "ThreadView.h"
#include "TicketPane.h"
#include "ViewsList.h"

#include "app/InboxModel.h"
#include "app/LocalStore.h"

#include "app/Session.h"
#include "app/SyncEngine.h"
#include "app/ViewsModel.h"
#include "core/Permissions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

constexpr int kStatusMessageMs = 6000;

//! Forwards Down/Return from the search box to the inbox, so typing a query and arrowing
//! into the results needs no Tab.
class SearchKeys : public QObject
{
public:
    SearchKeys(QLineEdit *search, InboxTable *inbox) : QObject(search), m_inbox(inbox) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            m_inbox->setFocus(Qt::ShortcutFocusReason);
            if (!m_inbox->currentIndex().isValid())
                m_inbox->moveCurrent(0);
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    InboxTable *m_inbox;
};

} // namespace

MainWindow::MainWindow(app::Session *session, bool restoreState, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_actions(std::make_unique<MainWindowActions>(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(Icons::get(u"app-tandem"));
    // The application display name ("Tandem") is appended by Qt: "Ava Lindqvist — Tandem".
    setWindowTitle(DisplayText::sanitize(session->currentUser().name).simplified().left(80));
    setAccessibleName(tr("Tandem"));
    buildLayout();
    buildMenus();
    buildDocks();
    buildAlerts();
    connectActions();
    updateUserNames();
    restoreSavedState(restoreState);
    showHomeWorkspace();
    // The session may have filled the inbox from its cache before the window existed.
    QTimer::singleShot(0, this, &MainWindow::selectFirstRowIfNone);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildLayout()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);

    m_views = new ViewsList(m_splitter);
    m_views->setViewsModel(m_session->views());
    m_views->setMinimumWidth(150);

    auto *centre = new QWidget(m_splitter);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 6, 0, 0);
    centreLayout->setSpacing(6);
    m_search = new QLineEdit(centre);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setAccessibleName(tr("Search tickets"));
    m_search->setPlaceholderText(tr("Search subject, customer or email  ( / )"));
    enableClearButton(m_search, tr("the search"));
    // The magnifier is an icon button too: named, so a screen reader does not meet a nameless one.
    m_search->addAction(Icons::get(u"search"), QLineEdit::LeadingPosition)->setText(tr("Search"));
    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(6, 0, 6, 0);
    searchRow->addWidget(m_search);
    centreLayout->addLayout(searchRow);
    m_inbox = new InboxTable(centre);
    m_inbox->setInboxModel(m_session->inbox());
    centreLayout->addWidget(m_inbox, 1);
    // Down/Return in the search box move to the inbox.
    m_search->installEventFilter(new SearchKeys(m_search, m_inbox));

    m_ticket = new TicketPane(m_session, m_splitter);
    m_ticket->setActions(m_actions->send, m_actions->discard, m_actions->assignToMe);
    m_ticket->setRegenerateActions(
        {m_actions->regenerateEmpathetic, m_actions->regenerateConcise, m_actions->regenerateFormal});
    m_ticket->setMinimumWidth(380);

    m_splitter->addWidget(m_views);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_ticket);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 1);
    // The inbox is the first workspace; buildWorkspaces() adds the others a role may use.
    m_workspaces = new QTabWidget(this);
    m_workspaces->setObjectName(u"workspaces"_s);
    m_workspaces->setAccessibleName(tr("Workspaces"));
    m_workspaces->setDocumentMode(true);
    m_workspaces->setTabBarAutoHide(true);
    m_workspaces->addTab(m_splitter, Icons::get(u"inbox"), tr("Inbox"));
    // Above every workspace: the crisis alert banner (buildAlerts()), hidden until it is needed.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_workspaces, 1);
    setCentralWidget(central);

    m_status = new StatusIndicators(m_session, this);
    statusBar()->addPermanentWidget(m_status);
    statusBar()->setSizeGripEnabled(false);

    // Tab order: views -> search -> inbox -> thread -> reply text -> its buttons.
    DraftEditor *editor = m_ticket->draftEditor();
    setTabOrder(m_views, m_search);
    setTabOrder(m_search, m_inbox);
    setTabOrder(m_inbox, m_ticket->thread());
    setTabOrder(m_ticket->thread(), editor->editor());
    m_inbox->addAction(m_actions->openTicket);
}

void MainWindow::buildMenus()
{
    const MainWindowActions &a = *m_actions;
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(a.refresh);
    file->addAction(a.retryConnection);
    file->addSeparator();
    file->addAction(a.logout);
    file->addAction(a.quit);

    QMenu *ticket = menuBar()->addMenu(tr("&Ticket"));
    ticket->addAction(a.send);
    ticket->addAction(a.discard);
    ticket->addAction(a.assignToMe);
    ticket->addSeparator();
    ticket->addAction(a.openNextAfterSend);
    ticket->addSeparator();
    QMenu *regenerate = ticket->addMenu(tr("&Regenerate"));
    regenerate->setObjectName(u"regenerateMenuBarMenu"_s);
    regenerate->addActions({a.regenerateEmpathetic, a.regenerateConcise, a.regenerateFormal});

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(a.nextTicket);
    go->addAction(a.previousTicket);
    go->addAction(a.openTicket);
    go->addSeparator();
    go->addAction(a.focusSearch);
    go->addAction(a.focusDraft);
    go->addAction(a.backToInbox);

    // Filled by buildDocks(): one show/hide entry per panel.
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(u"viewMenu"_s);
    m_viewMenu->addAction(a.showOutbox);
    m_viewMenu->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(a.shortcuts);
    help->addAction(a.about);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(18, 18));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(a.refresh);
    bar->addSeparator();
    bar->addAction(a.previousTicket);
    bar->addAction(a.nextTicket);
    bar->addSeparator();
    bar->addAction(a.assignToMe);
    bar->addAction(a.discard);
    bar->addAction(a.send);
    // Every toolbar button announces its action's name to assistive technology.
    for (QAction *action : bar->actions()) {
        if (QWidget *button = bar->widgetForAction(action))
            button->setAccessibleName(DisplayText::withoutMnemonic(action->text()));
    }
    // Actions that live only in menus still need their shortcuts active in the window.
    addActions({a.nextTicket, a.previousTicket, a.focusDraft, a.focusSearch, a.backToInbox, a.send, a.discard,
                a.assignToMe, a.refresh, a.quit, a.shortcuts, a.regenerateEmpathetic, a.regenerateConcise,
                a.regenerateFormal, a.showOutbox, a.retryConnection});
}

QDockWidget *MainWindow::addPanel(const QString &objectName, const QString &title, QWidget *content,
                                  Qt::DockWidgetArea area, bool visible)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // the key of its place in the saved window state
    dock->setAccessibleName(title);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    dock->setWidget(content);
    addDockWidget(area, dock);
    dock->setVisible(visible);
    if (m_viewMenu)
        m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::buildDocks()
{
    m_outboxView = new OutboxView(m_session->outboxModel(), this);
    // Below the inbox and ticket, full width: the three panes keep their room, and each pending
    // reply's reason fits on its line.
    m_outboxDock = addPanel(u"outboxDock"_s, tr("Outbox"), m_outboxView, Qt::BottomDockWidgetArea);
    // The View menu's "Outbox" (Ctrl+Shift+O) shows and focuses it; a second, toggling entry would
    // only confuse.
    m_viewMenu->removeAction(m_outboxDock->toggleViewAction());
    buildWorkspaces();
}

void MainWindow::connectActions()
{
    const MainWindowActions &a = *m_actions;
    // Writing to a ticket needs it in sight: from another workspace (Ctrl+Return on the AI quality
    // tab, say) these only bring the inbox back, and the agent decides there.
    auto onTicket = [this](void (TicketPane::*act)()) {
        return [this, act] {
            if (m_workspaces->currentIndex() != 0) {
                m_workspaces->setCurrentIndex(0);
                return;
            }
            (m_ticket->*act)();
        };
    };
    connect(a.send, &QAction::triggered, m_ticket, onTicket(&TicketPane::send));
    connect(a.discard, &QAction::triggered, m_ticket, onTicket(&TicketPane::discardDraft));
    connect(a.assignToMe, &QAction::triggered, m_ticket, onTicket(&TicketPane::assignToMe));
    for (QAction *tone : {a.regenerateEmpathetic, a.regenerateConcise, a.regenerateFormal}) {
        connect(tone, &QAction::triggered, m_ticket,
                [this, tone] { m_ticket->regenerate(tone->data().toString()); });
    }
    connect(a.nextTicket, &QAction::triggered, this, [this] { m_inbox->moveCurrent(1); });
    connect(a.previousTicket, &QAction::triggered, this, [this] { m_inbox->moveCurrent(-1); });
    connect(a.openTicket, &QAction::triggered, this, [this] {
        if (const qint64 id = m_inbox->currentTicketId(); id != 0) {
            m_ticket->openTicket(id);
            m_ticket->thread()->setFocus(Qt::ShortcutFocusReason);
        }
    });
    connect(m_inbox, &InboxTable::ticketOpened, this, [this](qint64 id) {
        m_ticket->openTicket(id);
        m_ticket->thread()->setFocus(Qt::ShortcutFocusReason);
    });
    connect(a.focusDraft, &QAction::triggered, m_ticket, &TicketPane::focusDraft);
    connect(a.focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(a.backToInbox, &QAction::triggered, this, &MainWindow::backToInbox);
    connect(a.refresh, &QAction::triggered, m_session->sync(), &app::SyncEngine::pullNow);
    connect(a.retryConnection, &QAction::triggered, m_status, &StatusIndicators::retryNow);
    connect(a.showOutbox, &QAction::triggered, this, &MainWindow::showOutbox);
    connect(m_status, &StatusIndicators::outboxRequested, this, &MainWindow::showOutbox);
    connect(m_outboxView, &OutboxView::openTicketRequested, this, &MainWindow::revealTicket);
    connect(m_session->sync(), &app::SyncEngine::usersChanged, this, &MainWindow::updateUserNames);
    connect(a.logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_inbox, &InboxTable::currentTicketChanged, m_ticket, &TicketPane::openTicket);
    connect(m_ticket, &TicketPane::replyQueued, this, &MainWindow::goOnAfterSend);
    connect(a.openNextAfterSend, &QAction::toggled, this,
            [](bool next) { QSettings().setValue(u"inbox/afterSend"_s, next ? u"next"_s : u"stay"_s); });
    connect(m_ticket, &TicketPane::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });

    // Filtering as you type, coalesced so a fast typist does not re-filter on every key.
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, [this] {
        m_session->inbox()->setSearchText(m_search->text().trimmed());
        selectFirstRowIfNone();
    });

    connect(m_views, &ViewsList::viewActivated, this, [this](const app::InboxView &view) {
        if (view == m_session->inbox()->view())
            return;
        m_session->inbox()->setView(view);
        QSettings().setValue(u"inbox/view"_s, view.key());
        selectFirstRowIfNone();
    });

    // A fresh inbox (first sync) gets its top row selected, so j/k work at once.
    const auto later = [this] {
        QTimer::singleShot(0, this, &MainWindow::selectFirstRowIfNone);
    };
    connect(m_session->inbox(), &QAbstractItemModel::rowsInserted, this, later);
    connect(m_session->inbox(), &QAbstractItemModel::modelReset, this, later);
}

void MainWindow::restoreSavedState(bool restore)
{
    const QSettings settings;
    const QString viewKey = settings.value(u"inbox/view"_s).toString();
    // An agent starts with their own tickets, leads and above (who own few) with every ticket;
    // the last view chosen wins after that.
    const app::InboxView home = allowed(m_session->currentUser().role, Permission::Reassign)
                                    ? app::InboxView::all()
                                    : app::InboxView::mine();
    const app::InboxView view = restore ? app::InboxView::fromKey(viewKey).value_or(home) : home;
    m_session->inbox()->setView(view);
    m_views->selectView(view);

    m_inbox->applyDefaultColumns();
    resize(1280, 800);
    m_splitter->setSizes({215, 530, 535});
    m_ticket->splitter()->setSizes({380, 340});
    if (!restore)
        return;
    m_actions->openNextAfterSend->setChecked(settings.value(u"inbox/afterSend"_s).toString() != u"stay"_s);
    restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray());
    QMainWindow::restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
    m_splitter->restoreState(settings.value(u"mainWindow/splitter"_s).toByteArray());
    m_ticket->splitter()->restoreState(settings.value(u"mainWindow/ticketSplitter"_s).toByteArray());
    if (m_inbox->horizontalHeader()->restoreState(settings.value(u"inbox/header"_s).toByteArray()))
        m_inbox->syncColumnActions();
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, QMainWindow::saveState());
    settings.setValue(u"mainWindow/splitter"_s, m_splitter->saveState());
    settings.setValue(u"mainWindow/ticketSplitter"_s, m_ticket->splitter()->saveState());
    settings.setValue(u"inbox/header"_s, m_inbox->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}

void MainWindow::showOutbox()
{
    // A sixth of the window (four or five replies at 1280x800): the conversation above keeps
    // most of its lines; the dock can be dragged taller, floated or moved to a side.
    if (m_outboxDock->isHidden() && !m_outboxDock->isFloating())
        resizeDocks({m_outboxDock}, {std::clamp(height() / 6, 110, 220)}, Qt::Vertical);
    m_outboxDock->show();
    m_outboxDock->raise();
    m_outboxView->focusList();
}

void MainWindow::revealTicket(qint64 ticketId)
{
    if (ticketId == 0)
        return;
    m_workspaces->setCurrentIndex(0); // the inbox, where the ticket opens
    if (!m_inbox->selectTicket(ticketId)) {
        m_search->clear();
        m_session->inbox()->setSearchText({});
        m_views->selectView(app::InboxView::all());
        m_session->inbox()->setView(app::InboxView::all());
        m_inbox->selectTicket(ticketId);
    }
    m_ticket->openTicket(ticketId);
}

void MainWindow::updateUserNames()
{
    QHash<qint64, QString> names;
    for (const User &user : m_session->store()->users())
        names.insert(user.id, user.name);
    m_session->inbox()->setUserNames(names);
}

void MainWindow::selectFirstRowIfNone()
{
    if (m_inbox->currentIndex().isValid() || m_session->inbox()->rowCount() == 0)
        return;
    m_inbox->moveCurrent(0);
}

void MainWindow::goOnAfterSend(qint64 ticketId)
{
    // The reply is in the outbox: the agent's next decision is which ticket to take, so the
    // keyboard goes back to the list (not to whatever button is beside Send). The next ticket is
    // the one below the answered ticket in the view as the agent saw it, before any re-sort.
    if (m_actions->openNextAfterSend->isChecked() && m_inbox->currentTicketId() == ticketId) {
        if (const qint64 next = m_inbox->ticketNextTo(ticketId); next != 0)
            m_inbox->selectTicket(next);
    }
    m_inbox->setFocus(Qt::OtherFocusReason);
}

void MainWindow::backToInbox()
{
    // Esc inside the outbox closes it (a dock has no other keyboard way out) and goes home.
    if (m_outboxDock->isVisible() && !m_outboxDock->isFloating() &&
        m_outboxDock->isAncestorOf(focusWidget())) {
        m_outboxDock->hide();
        m_inbox->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    if (m_search->hasFocus() && !m_search->text().isEmpty()) {
        m_search->clear();
        return;
    }
    m_inbox->setFocus(Qt::ShortcutFocusReason);
    if (!m_inbox->currentIndex().isValid())
        m_inbox->moveCurrent(0);
}

void MainWindow::showShortcuts()
{
    const MainWindowActions &a = *m_actions;
    QStringList lines;
    const QList<const QAction *> tones{a.regenerateEmpathetic, a.regenerateConcise, a.regenerateFormal};
    for (const QAction *action :
         {a.nextTicket, a.previousTicket, a.openTicket, a.focusDraft, a.focusSearch, a.backToInbox, a.send,
          a.discard, a.assignToMe, a.regenerateEmpathetic, a.regenerateConcise, a.regenerateFormal,
          a.showOutbox, a.refresh, a.retryConnection, a.quit}) {
        // A tone is a menu item under "Regenerate"; listed alone, "Concise" would say nothing.
        const QString name = DisplayText::withoutMnemonic(action->text());
        lines << tr("%1\t%2").arg(action->shortcut().toString(QKeySequence::NativeText),
                                  tones.contains(action) ? tr("Regenerate the draft: %1").arg(name) : name);
    }
    // Ctrl+1 … Ctrl+9: the workspaces (leads and supervisors).
    for (int i = 1; i <= 9; ++i) {
        if (const auto *action = findChild<QAction *>(u"workspaceAction%1"_s.arg(i))) {
            lines << tr("%1\t%2").arg(action->shortcut().toString(QKeySequence::NativeText),
                                      tr("Show %1").arg(DisplayText::withoutMnemonic(action->text())));
        }
    }
    // The reply editor's own key (it acts inside the editor only).
    lines << tr("%1\t%2").arg(QKeySequence(Qt::Key_F8).toString(QKeySequence::NativeText),
                              tr("Next gap to fill in (in the reply)"));
    auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"), lines.join(u'\n'),
                                QMessageBox::Close, this);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(
        QMessageBox::NoIcon, tr("About Tandem"),
        tr("Tandem %1\nAI drafts, humans decide.").arg(QCoreApplication::applicationVersion()),
        QMessageBox::Close, this);
    box->setIconPixmap(Icons::get(u"app-tandem").pixmap(64, 64));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace tandem::ui
