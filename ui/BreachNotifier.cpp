#include "BreachNotifier.h"

#include "Icons.h"
#include "Theme.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {
constexpr int kTrayMessageMs = 10000;
}

BreachNotifier::BreachNotifier(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"breachBanner"_s);
    setAccessibleName(tr("SLA breach alert"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    m_title = new QLabel(this);
    m_title->setObjectName(u"breachTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    texts->addWidget(m_title);
    m_text = new QLabel(this);
    m_text->setObjectName(u"breachText"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    texts->addWidget(m_text);
    layout->addLayout(texts, 1);
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(u"breachDismissButton"_s);
    m_dismiss->setAccessibleName(tr("Dismiss the breach alert"));
    m_dismiss->setFocusPolicy(Qt::TabFocus);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    connect(m_dismiss, &QPushButton::clicked, this, &BreachNotifier::dismiss);
    updateColours();
    hide();
}

BreachNotifier::~BreachNotifier() = default;

BreachNotifier::Channel BreachNotifier::effectiveChannel() const
{
    if (m_channel != Channel::Automatic)
        return m_channel;
    return QSystemTrayIcon::isSystemTrayAvailable() ? Channel::Tray : Channel::Banner;
}

void BreachNotifier::notify(const QString &title, const QString &message)
{
    if (effectiveChannel() == Channel::Tray) {
        if (!m_tray) {
            // Parented to nothing visible: the icon only exists to carry the notification.
            m_tray = new QSystemTrayIcon(Icons::get(u"app-tandem"), this);
            m_tray->setToolTip(tr("Tandem"));
        }
        m_tray->show();
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, kTrayMessageMs);
    } else {
        m_title->setText(title);
        m_text->setText(message);
        show();
        // Screen readers hear the alert without the focus moving.
        QAccessibleEvent event(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
    Q_EMIT notified(title, message);
}

void BreachNotifier::dismiss()
{
    hide();
}

QString BreachNotifier::bannerTitle() const
{
    return m_title->text();
}

QString BreachNotifier::bannerText() const
{
    return m_text->text();
}

void BreachNotifier::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void BreachNotifier::updateColours()
{
    QPalette pal = palette();
    const QColor danger = theme::dangerColor(pal);
    const QColor window = QPalette().color(QPalette::Window);
    pal.setColor(QPalette::Window, theme::blend(window, danger, theme::isDark(QPalette()) ? 0.25 : 0.12));
    setPalette(pal);
}

} // namespace tandem::ui
