#include "StatusIndicators.h"

#include "DisplayText.h"
#include "Theme.h"

#include "app/ApiClient.h"
#include "app/Outbox.h"
#include "app/Session.h"
#include "app/SyncEngine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace tandem::ui {

StatusIndicators::StatusIndicators(app::Session *session, QWidget *parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(u"statusIndicators"_s);
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
    m_connection = makeLabel(u"connectionState"_s, tr("Connection"));
    layout->addSpacing(12);
    m_lastSync = makeLabel(u"lastSync"_s, tr("Last sync"));
    layout->addSpacing(12);
    m_outbox = makeLabel(u"outboxCount"_s, tr("Outbox"));

    if (m_session) {
        connect(m_session->sync(), &app::SyncEngine::syncStateChanged, this, &StatusIndicators::refresh);
        connect(m_session->sync(), &app::SyncEngine::lastSyncAtChanged, this, &StatusIndicators::refresh);
        connect(m_session->outbox(), &app::Outbox::countsChanged, this, [this](int pending, int attention) {
            m_pending = pending;
            m_attention = attention;
            refresh();
        });
        m_pending = m_session->outbox()->pendingCount();
        m_attention = m_session->outbox()->attentionCount();
    }
    m_tick.setInterval(15000);
    connect(&m_tick, &QTimer::timeout, this, &StatusIndicators::refresh);
    m_tick.start();
    refresh();
}

QString StatusIndicators::connectionText() const
{
    return m_connection->text();
}
QString StatusIndicators::lastSyncText() const
{
    return m_lastSync->text();
}
QString StatusIndicators::outboxText() const
{
    return m_outbox->text();
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
    QColor dotColor = theme::dimText(pal);
    QString state = tr("Offline");
    QDateTime last;
    if (m_session) {
        last = m_session->sync()->lastSyncAt();
        switch (m_session->sync()->state()) {
        case app::SyncEngine::State::Online:
            state = tr("Online");
            dotColor = theme::successColor(pal);
            break;
        case app::SyncEngine::State::Syncing:
            state = tr("Syncing…");
            dotColor = theme::warningColor(pal);
            break;
        case app::SyncEngine::State::Offline:
            state = m_session->sync()->isRunning() ? tr("Offline: retrying") : tr("Offline");
            dotColor = theme::dangerColor(pal);
            break;
        }
    }
    m_dot->setText(u"●"_s);
    QPalette dotPalette = m_dot->palette();
    dotPalette.setColor(QPalette::WindowText, dotColor);
    m_dot->setPalette(dotPalette);
    m_connection->setText(state);

    if (!last.isValid()) {
        m_lastSync->setText(tr("Not synced yet"));
    } else {
        const qint64 ago = last.secsTo(QDateTime::currentDateTimeUtc());
        m_lastSync->setText(
            ago < 60
                ? tr("Synced at %1").arg(QLocale().toString(last.toLocalTime().time(), QLocale::ShortFormat))
                : tr("Last sync %1 ago").arg(DisplayText::duration(ago)));
        m_lastSync->setToolTip(DisplayText::dateTime(last));
    }

    QString outbox = m_pending == 0 ? tr("Outbox empty") : tr("Outbox: %n waiting", nullptr, m_pending);
    if (m_attention > 0)
        outbox += u" · "_s + tr("%n need(s) you", nullptr, m_attention);
    m_outbox->setText(outbox);
    QPalette outboxPalette = m_outbox->palette();
    outboxPalette.setColor(QPalette::WindowText,
                           m_attention > 0 ? theme::dangerColor(pal) : pal.color(QPalette::WindowText));
    m_outbox->setPalette(outboxPalette);
}

} // namespace tandem::ui
