// The crisis alert in the main window: app::CrisisDetector decides which tickets are news (once
// per ticket, live stream or pull); AlertNotifier, the mechanism of the lead workspace's SLA
// breach alerts, delivers it as a tray message or, without a tray, as a banner above the
// workspaces. Either way the ticket is already on top of the inbox (InboxModel::CrisisRole).
#include "AlertNotifier.h"
#include "DisplayText.h"
#include "MainWindow.h"

#include "app/CrisisDetector.h"
#include "app/Session.h"

#include "core/Ticket.h"

#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {
constexpr int kMaxSubjectChars = 80;
constexpr int kStatusMessageMs = 10000;
} // namespace

void MainWindow::buildAlerts()
{
    m_crisisNotifier = new AlertNotifier(centralWidget());
    m_crisisNotifier->setObjectName(u"crisisBanner"_s);
    m_crisisNotifier->setAccessibleName(tr("Crisis alert"));
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(0, m_crisisNotifier);
    connect(m_session->crisis(), &app::CrisisDetector::crisisArrived, this, &MainWindow::announceCrisis);
    connect(m_crisisNotifier, &AlertNotifier::openTicketRequested, this, &MainWindow::revealTicket);
}

void MainWindow::announceCrisis(const QList<Ticket> &tickets)
{
    if (tickets.isEmpty())
        return;
    const Ticket &first = tickets.first();
    QString title;
    QString message;
    if (tickets.size() == 1) {
        QString subject = DisplayText::sanitize(first.subject).simplified();
        if (subject.size() > kMaxSubjectChars)
            subject = subject.left(kMaxSubjectChars - 1) + u'…';
        title = tr("Crisis: ticket #%1").arg(first.id);
        // Only what the agent needs to act: which ticket. The other reasons are on its chips.
        message = subject.isEmpty() ? tr("A customer needs a person now.")
                                    : tr("“%1” needs a person now.").arg(subject);
    } else {
        title = tr("Crisis: %1 tickets").arg(tickets.size()); // never one: no plural forms needed
        message = tr("They need a person now; they are at the top of the inbox.");
    }
    m_crisisNotifier->notify(title, message, AlertNotifier::Severity::Critical, first.id);
    statusBar()->showMessage(title, kStatusMessageMs);
}

} // namespace tandem::ui
