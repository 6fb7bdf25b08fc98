#include "PresenceBar.h"

#include "PresenceGlyph.h"
#include "Theme.h"

#include "app/PresenceModel.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace tandem::ui {

PresenceBar::PresenceBar(app::PresenceModel *model, QWidget *parent) : QFrame(parent), m_model(model)
{
    setObjectName(u"presenceBar"_s);
    setAccessibleName(tr("Other agents on this ticket"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 3, 12, 3);
    layout->setSpacing(6);
    m_icon = new QLabel(this);
    m_icon->setObjectName(u"presenceIcon"_s);
    m_icon->setFixedSize(16, 16);
    layout->addWidget(m_icon);
    m_text = new QLabel(this);
    m_text->setObjectName(u"presenceText"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAccessibleName(tr("Other agents on this ticket"));
    layout->addWidget(m_text, 1);
    if (m_model) {
        connect(m_model, &app::PresenceModel::ticketPresenceChanged, this, [this](qint64 ticketId) {
            if (ticketId == m_ticketId)
                refresh();
        });
    }
    hide();
}

void PresenceBar::setTicketId(qint64 ticketId)
{
    m_ticketId = ticketId;
    refresh();
}

QString PresenceBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void PresenceBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !isHidden())
        refresh();
}

void PresenceBar::paintEvent(QPaintEvent *event)
{
    // A tint of the state's colour over the window background, so it follows light and dark themes.
    const QColor accent =
        PresenceGlyph::color(palette(), m_typing ? app::PresenceState::Typing : app::PresenceState::Viewing);
    QPainter painter(this);
    painter.fillRect(rect(), theme::blend(palette().color(QPalette::Window), accent, m_typing ? 0.18 : 0.08));
    QFrame::paintEvent(event);
}

void PresenceBar::refresh()
{
    const QString summary = (m_model && m_ticketId != 0) ? m_model->summary(m_ticketId) : QString();
    const auto state = (m_model && m_ticketId != 0) ? m_model->strongestState(m_ticketId) : std::nullopt;
    if (summary.isEmpty() || !state) {
        m_text->clear();
        setAccessibleDescription({});
        hide();
        return;
    }
    const bool typing = *state == app::PresenceState::Typing;
    const QString text = typing ? tr("%1 — they may be replying too").arg(summary) : summary;
    const bool changed = m_text->text() != text;
    m_text->setText(text);
    setAccessibleDescription(text);

    m_typing = typing;
    m_icon->setPixmap(
        PresenceGlyph::pixmap(*state, PresenceGlyph::color(palette(), *state), 16, devicePixelRatioF()));
    update();
    show();
    if (changed && QAccessible::isActive()) {
        // Screen readers hear the change without the agent moving focus.
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

} // namespace tandem::ui
