// The leads' and supervisors' workspaces in the main window (issue #6): which role gets which,
// where they sit, and how they follow the inbox.
#include "InboxTable.h"
#include "LeadWorkspace.h"
#include "MainWindow.h"
#include "SupervisorWorkspace.h"

#include "app/Session.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {
constexpr int kWorkspaceMessageMs = 6000;
}

void MainWindow::buildWorkspaces()
{
    const Role role = m_session->currentUser().role;
    if (LeadWorkspace::availableFor(role)) {
        m_lead = new LeadWorkspace(m_session, m_workspaces);
        m_workspaces->addTab(m_lead, tr("Queues && team"));
        connect(m_inbox, &InboxTable::currentTicketChanged, m_lead, &LeadWorkspace::setSelectedTicket);
        connect(m_lead, &LeadWorkspace::statusMessage, this,
                [this](const QString &text) { statusBar()->showMessage(text, kWorkspaceMessageMs); });
        m_lead->setSelectedTicket(m_inbox->currentTicketId());
        // Reassigning by drag: a ticket dragged from the inbox over the tab opens the workspace,
        // and is dropped on an agent there (as browsers switch tabs under a dragged link).
        m_workspaces->tabBar()->setChangeCurrentOnDrag(true);
        m_workspaces->tabBar()->setAcceptDrops(true);
    }
    if (SupervisorWorkspace::availableFor(role)) {
        m_supervisor = new SupervisorWorkspace(m_session->api(), m_workspaces);
        m_workspaces->addTab(m_supervisor, tr("AI quality"));
    }
    if (m_workspaces->count() < 2) {
        // One workspace: its tab bar is hidden, and a hidden bar cannot take the focus the tab
        // widget hands it, so Tab after Send went nowhere (and readers heard of a hidden tab list).
        m_workspaces->setFocusPolicy(Qt::NoFocus);
        m_workspaces->tabBar()->setFocusPolicy(Qt::NoFocus);
    }
    if (m_workspaces->count() > 1) {
        // The toolbar's commands are the inbox's (refresh, next ticket, send...): only there.
        if (auto *bar = findChild<QToolBar *>(u"mainToolBar"_s)) {
            connect(m_workspaces, &QTabWidget::currentChanged, bar,
                    [bar](int index) { bar->setVisible(index == 0); });
        }
        // Ctrl+1 … Ctrl+9 switch workspaces, as in browsers.
        m_viewMenu->addSeparator();
        for (int i = 0; i < m_workspaces->count() && i < 9; ++i) {
            auto *action = new QAction(m_workspaces->tabText(i), this);
            action->setObjectName(u"workspaceAction%1"_s.arg(i + 1));
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            connect(action, &QAction::triggered, this, [this, i] { m_workspaces->setCurrentIndex(i); });
            m_viewMenu->addAction(action);
            addAction(action);
        }
    }
}

void MainWindow::showHomeWorkspace()
{
    if (m_supervisor) {
        m_workspaces->setCurrentWidget(m_supervisor);
        return;
    }
    m_workspaces->setCurrentWidget(m_lead ? static_cast<QWidget *>(m_lead) : m_workspaces->widget(0));
}

} // namespace tandem::ui
