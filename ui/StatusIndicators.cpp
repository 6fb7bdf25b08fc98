#include "StatusIndicators.h"

#include "DisplayText.h"
#include "Theme.h"

#include "app/ApiClient.h"
#include "app/EventStreamClient.h"
#include "app/Outbox.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::ui {

using app::EventStreamClient;

namespace {

QString seconds(std::chrono::milliseconds delay)
{
    return QString::number(std::max<qint64>(1, qint64(std::ceil(double(delay.count()) / 1000.0))));
}

void setTextColor(QWidget *widget, QPalette::ColorRole role, const QColor &color)
{
    QPalette pal = widget->palette();
    pal.setColor(role, color);
    widget->setPalette(pal);
}

} // namespace

StatusIndicators::StatusIndicators(app::Session *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(u"statusIndicators"_s);
    setAccessibleName(tr("Connection and outbox status"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(6);
    const auto makeLabel = [this, layout](const QString &name, const QString &accessible) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        label->setTextFormat(Qt::PlainText);
        label->setAccessibleName(accessible);
        layout->addWidget(label);
        return label;
    };
    m_dot = makeLabel(u"connectionDot"_s, tr("Connection indicator"));
    m_dot->setText(u"●"_s);
    m_connection = makeLabel(u"connectionState"_s, tr("Connection"));
    m_live = makeLabel(u"liveState"_s, tr("Live updates"));
    m_retry = new QToolButton(this);
    m_retry->setObjectName(u"retryConnectionButton"_s);
    m_retry->setText(tr("Retry now"));
    m_retry->setAccessibleName(tr("Retry the connection now"));
    m_retry->setToolTip(tr("Try to reach the server now instead of waiting"));
    m_retry->setAutoRaise(true);
    m_retry->hide();
    m_retry->setCursor(Qt::PointingHandCursor);
    layout->addWidget(m_retry);
    layout->addSpacing(12);
    m_lastSync = makeLabel(u"lastSync"_s, tr("Last sync"));
    layout->addSpacing(12);
    m_outbox = new QToolButton(this);
    m_outbox->setObjectName(u"outboxCount"_s);
    m_outbox->setAccessibleName(tr("Outbox"));
    m_outbox->setToolTip(tr("Show the replies waiting to be sent (Ctrl+Shift+O)"));
    m_outbox->setAutoRaise(true);
    m_outbox->setCursor(Qt::PointingHandCursor);
    layout->addWidget(m_outbox);
    connect(m_outbox, &QToolButton::clicked, this, &StatusIndicators::outboxRequested);
    connect(m_retry, &QToolButton::clicked, this, &StatusIndicators::retryNow);

    if (m_session) {
        app::SyncEngine *sync = m_session->sync();
        connect(sync, &app::SyncEngine::syncStateChanged, this, [this](app::SyncEngine::State state) {
            if (state == app::SyncEngine::State::Online)
                setReachable(true);
            else if (state == app::SyncEngine::State::Offline && m_session->sync()->isRunning())
                setReachable(false);
            refresh();
        });
        connect(sync, &app::SyncEngine::lastSyncAtChanged, this, &StatusIndicators::refresh);
        connect(m_session->api(), &app::ApiClient::reachableChanged, this, &StatusIndicators::setReachable);
        connect(m_session, &app::Session::connectionStateChanged, this,
                [this](EventStreamClient::State state) {
                    if (state == EventStreamClient::State::Online)
                        setReachable(true);
                    refresh();
                });
        connect(m_session->outbox(), &app::Outbox::countsChanged, this, [this](int pending, int attention) {
            m_pending = pending;
            m_attention = attention;
            refresh();
        });
        m_pending = m_session->outbox()->pendingCount();
        m_attention = m_session->outbox()->attentionCount();
        if (sync->state() == app::SyncEngine::State::Online ||
            m_session->connectionState() == EventStreamClient::State::Online)
            m_reachable = true;
    }
    connect(&m_tick, &QTimer::timeout, this, &StatusIndicators::refresh);
    refresh();
}

QString StatusIndicators::connectionText() const
{
    return m_connection->text();
}

QString StatusIndicators::liveText() const
{
    return m_live->isHidden() ? QString() : m_live->text();
}

QString StatusIndicators::lastSyncText() const
{
    return m_lastSync->text();
}

QString StatusIndicators::outboxText() const
{
    return m_outbox->text();
}

void StatusIndicators::retryNow()
{
    if (!m_session)
        return;
    m_session->events()->reconnectNow();
    m_session->sync()->pullNow();
    m_session->outbox()->retryNow();
}

void StatusIndicators::setReachable(bool reachable)
{
    m_reachable = reachable;
    refresh();
}

void StatusIndicators::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void StatusIndicators::refresh()
{
    const QPalette pal = palette();
    const EventStreamClient::State live =
        m_session ? m_session->connectionState() : EventStreamClient::State::Offline;
    const std::chrono::milliseconds retryIn =
        m_session ? m_session->events()->nextRetryIn() : std::chrono::milliseconds(0);
    Connection state = Connection::Connecting;
    if (live == EventStreamClient::State::Online || m_reachable == true)
        state = Connection::Online;
    else if (m_reachable == false || !m_session)
        state = Connection::Offline;

    bool countdown = false;
    QColor dotColor = theme::warningColor(pal);
    switch (state) {
    case Connection::Connecting:
        m_connection->setText(tr("Connecting…"));
        break;
    case Connection::Online:
        m_connection->setText(tr("Online"));
        dotColor =
            live == EventStreamClient::State::Online ? theme::successColor(pal) : theme::warningColor(pal);
        break;
    case Connection::Offline:
        countdown = retryIn.count() > 0;
        m_connection->setText(countdown ? tr("Offline · retrying in %1 s").arg(seconds(retryIn))
                                        : tr("Offline · retrying"));
        dotColor = theme::dangerColor(pal);
        break;
    }
    setTextColor(m_dot, QPalette::WindowText, dotColor);
    setTextColor(m_retry, QPalette::ButtonText, pal.color(QPalette::Link)); // reads as an action
    m_connection->setToolTip(state == Connection::Offline
                                 ? tr("You can keep reading and writing; replies wait in the outbox "
                                      "and go out when the server is back.")
                                 : QString());

    // The live stream, when the server answers: changes arrive as they happen, or by polling.
    m_live->setVisible(state == Connection::Online);
    if (live == EventStreamClient::State::Online) {
        m_live->setText(u"· "_s + tr("Live"));
        m_live->setToolTip(tr("Changes by others arrive as they happen"));
    } else if (live == EventStreamClient::State::Connecting) {
        m_live->setText(u"· "_s + tr("Live updates connecting…"));
        m_live->setToolTip({});
    } else {
        countdown = countdown || retryIn.count() > 0;
        m_live->setText(u"· "_s + (retryIn.count() > 0
                                       ? tr("Live updates paused · retrying in %1 s").arg(seconds(retryIn))
                                       : tr("Live updates paused")));
        m_live->setToolTip(tr("Changes are fetched every few seconds until the live stream is back"));
    }
    m_retry->setVisible(m_session &&
                        (state == Connection::Offline ||
                         (state == Connection::Online && live == EventStreamClient::State::Offline)));

    QDateTime last = m_session ? m_session->sync()->lastSyncAt() : QDateTime();
    if (!last.isValid()) {
        m_lastSync->setText(tr("Not synced yet"));
        m_lastSync->setToolTip({});
    } else {
        const qint64 ago = last.secsTo(QDateTime::currentDateTimeUtc());
        m_lastSync->setText(
            ago < 60
                ? tr("Synced at %1").arg(QLocale().toString(last.toLocalTime().time(), QLocale::ShortFormat))
                : tr("Last sync %1 ago").arg(DisplayText::duration(ago)));
        m_lastSync->setToolTip(DisplayText::dateTime(last));
    }

    QString outbox = m_pending == 0   ? tr("Outbox empty")
                     : m_pending == 1 ? tr("Outbox: 1 waiting")
                                      : tr("Outbox: %1 waiting").arg(m_pending);
    if (m_attention > 0)
        outbox += u" · "_s + (m_attention == 1 ? tr("1 needs you") : tr("%1 need you").arg(m_attention));
    m_outbox->setText(outbox);
    m_outbox->setAccessibleDescription(outbox);
    setTextColor(m_outbox, QPalette::ButtonText,
                 m_attention > 0 ? theme::dangerColor(pal) : pal.color(QPalette::WindowText));

    // Tick every second while a countdown shows, else often enough for "x min ago".
    const int interval = countdown ? 1000 : 15000;
    if (!m_tick.isActive() || m_tick.interval() != interval)
        m_tick.start(interval);
    if (state != m_state) {
        m_state = state;
        Q_EMIT connectionChanged(state);
    }
}

} // namespace tandem::ui
