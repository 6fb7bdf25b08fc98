#include "ScreenshotTaker.h"

#include "InboxTable.h"
#include "LeadWorkspace.h"
#include "MainWindow.h"
#include "SupervisorPerformanceTab.h"
#include "SupervisorWorkspace.h"
#include "TicketPane.h"

#include "app/InboxModel.h"
#include "app/QueueStatsClient.h"
#include "app/QueueStatsModel.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include "core/Logging.h"

#include <QPixmap>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ScreenshotTaker::ScreenshotTaker(MainWindow *window, app::Session *session, QString path, int row, QSize size,
                                 QObject *parent)
    : QObject(parent), m_window(window), m_session(session), m_path(std::move(path)), m_row(std::max(0, row)),
      m_size(size)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(u"timed out waiting for the first sync and the ticket detail"_s); });
}

void ScreenshotTaker::start(int timeoutMs)
{
    m_timeout.start(timeoutMs);
    m_window->resize(m_size);
    m_window->showHomeWorkspace();
    if (LeadWorkspace *lead = m_window->leadWorkspace(); lead && lead->isVisibleTo(m_window)) {
        m_leadReady = lead->queueModel()->rowCount() > 0;
        connect(lead->client(), &app::QueueStatsClient::refreshFinished, this, [this] {
            m_leadReady = true;
            captureWhenWorkspacesReady();
        });
    }
    if (SupervisorWorkspace *supervisor = m_window->supervisorWorkspace()) {
        m_supervisorReady = false;
        connect(supervisor->performanceTab(), &SupervisorPerformanceTab::loaded, this, [this] {
            m_supervisorReady = true;
            captureWhenWorkspacesReady();
        });
    }
    connect(m_session->sync(), &app::SyncEngine::lastSyncAtChanged, this, &ScreenshotTaker::onSynced);
    connect(m_session->sync(), &app::SyncEngine::ticketDetailChanged, this, &ScreenshotTaker::onDetail);
    if (m_session->sync()->lastSyncAt().isValid())
        onSynced();
}

void ScreenshotTaker::onSynced()
{
    if (m_ticketId != 0 || m_done)
        return;
    app::InboxModel *inbox = m_session->inbox();
    if (inbox->rowCount() == 0)
        return; // an empty first page: wait for the next pull
    const int row = std::min(m_row, inbox->rowCount() - 1);
    m_ticketId = inbox->ticketIdAt(row);
    InboxTable *table = m_window->inboxTable();
    table->selectTicket(m_ticketId);
    table->setFocus();
    m_window->ticketPane()->openTicket(m_ticketId);
    // The row may have been open already (auto-selected during the sync): ask for the detail
    // again so onDetail() fires once it is fresh in the cache.
    m_session->sync()->openTicket(m_ticketId);
}

void ScreenshotTaker::onDetail(qint64 ticketId)
{
    if (ticketId != m_ticketId || m_done)
        return;
    m_ticketReady = true;
    captureWhenWorkspacesReady();
}

void ScreenshotTaker::captureWhenWorkspacesReady()
{
    if (!m_ticketReady || !m_leadReady || !m_supervisorReady || m_done)
        return;
    // Let the panes lay themselves out (posted LayoutRequest events) before grabbing.
    QTimer::singleShot(0, this, [this] { QTimer::singleShot(0, this, &ScreenshotTaker::capture); });
}

void ScreenshotTaker::capture()
{
    if (m_done || !m_window)
        return;
    m_done = true;
    m_timeout.stop();
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(m_path, "PNG")) {
        m_done = false;
        fail(u"could not write %1"_s.arg(m_path));
        return;
    }
    logging::get("ui")->info("screenshot of ticket {} written to {}", m_ticketId, m_path.toStdString());
    Q_EMIT finished(0);
}

void ScreenshotTaker::fail(const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    logging::get("ui")->error("screenshot failed: {}", reason.toStdString());
    Q_EMIT finished(2);
}

} // namespace tandem::ui
