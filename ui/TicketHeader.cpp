#include "TicketHeader.h"

#include "app/InboxView.h"

#include "DisplayText.h"
#include "ElidedLabel.h"
#include "NeedsHumanBanner.h"
#include "ReasonChips.h"
#include "Theme.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

TicketHeader::TicketHeader(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"ticketHeader"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(6);

    m_subject = new QLabel(this);
    m_subject->setObjectName(u"ticketSubject"_s);
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont subjectFont = m_subject->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.25);
    subjectFont.setBold(true);
    m_subject->setFont(subjectFont);
    m_subject->setAccessibleName(tr("Subject"));
    layout->addWidget(m_subject);

    // One line however long the AI's reason is (elided; the whole text is its tool tip).
    m_needsHuman = new NeedsHumanBanner(this);
    m_needsHuman->setObjectName(u"needsHumanReason"_s);
    m_needsHuman->hide();
    layout->addWidget(m_needsHuman);
    m_reasons = new ReasonChips(this);
    m_reasons->hide();
    layout->addWidget(m_reasons);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(2);
    addField(grid, 0, 0, u"customer"_s, tr("Customer"), 2);
    addField(grid, 0, 2, u"language"_s, tr("Language"));
    addField(grid, 0, 3, u"queue"_s, tr("Queue"));
    addField(grid, 2, 0, u"status"_s, tr("Status"));
    addField(grid, 2, 1, u"priority"_s, tr("Priority"));
    addField(grid, 2, 2, u"assignee"_s, tr("Assignee"));
    addField(grid, 2, 3, u"sla"_s, tr("SLA"));
    for (int column = 0; column < 4; ++column)
        grid->setColumnStretch(column, 1);
    layout->addLayout(grid);

    m_clock.setInterval(30000);
    connect(&m_clock, &QTimer::timeout, this, &TicketHeader::refresh);
    clear();
}

ElidedLabel *TicketHeader::addField(QGridLayout *grid, int row, int column, const QString &key,
                                    const QString &caption, int columnSpan)
{
    auto *captionLabel = new QLabel(caption.toUpper(), this);
    captionLabel->setTextFormat(Qt::PlainText);
    QFont small = captionLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.78);
    small.setBold(true);
    captionLabel->setFont(small);
    m_captions.append(captionLabel);
    grid->addWidget(captionLabel, row, column, 1, columnSpan);

    auto *value = new ElidedLabel(this);
    value->setObjectName(key + u"Field"_s);
    value->setAccessibleName(caption);
    captionLabel->setBuddy(value);
    m_fields.insert(key, value);
    // Space between the two rows of fields comes from a taller value row.
    grid->addWidget(value, row + 1, column, 1, columnSpan, Qt::AlignTop);
    if (row == 0)
        grid->setRowMinimumHeight(row + 1, value->fontMetrics().height() + 8);
    return value;
}

void TicketHeader::setTicket(const Ticket &ticket, const QString &assigneeName)
{
    m_ticket = ticket;
    m_assigneeName = assigneeName;
    refresh();
    m_clock.start();
}

void TicketHeader::clear()
{
    m_ticket = Ticket{};
    m_ticket.id = 0;
    m_assigneeName.clear();
    m_clock.stop();
    refresh();
}

QString TicketHeader::fieldText(const QString &field) const
{
    const ElidedLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

void TicketHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        refresh();
}

void TicketHeader::refresh()
{
    const QPalette pal = palette();
    for (QLabel *caption : std::as_const(m_captions)) {
        QPalette captionPalette = caption->palette();
        captionPalette.setColor(QPalette::WindowText, theme::dimText(pal));
        caption->setPalette(captionPalette);
    }
    const bool has = m_ticket.id != 0;
    const auto setField = [this](const QString &key, const QString &text, const QColor &color = {}) {
        ElidedLabel *label = m_fields.value(key);
        label->setFullText(text);
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, color.isValid() ? color : palette().color(QPalette::WindowText));
        label->setPalette(p);
    };
    if (!has) {
        m_subject->setText(tr("No ticket open"));
        m_needsHuman->hide();
        m_reasons->hide();
        for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
            setField(it.key(), u"–"_s);
        return;
    }
    m_subject->setText(DisplayText::breakable(DisplayText::sanitize(m_ticket.subject).left(500)));
    QString customer = DisplayText::sanitize(m_ticket.customer.name);
    if (!m_ticket.customer.email.isEmpty())
        customer += u" <"_s + DisplayText::sanitize(m_ticket.customer.email) + u'>';
    setField(u"customer"_s, customer);
    const QString language = m_ticket.language.isEmpty() ? m_ticket.customer.language : m_ticket.language;
    setField(u"language"_s, DisplayText::language(language));
    setField(u"queue"_s, app::queueDisplayName(m_ticket.queue));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool overdue =
        m_ticket.slaDueAt.isValid() && m_ticket.slaDueAt < now && m_ticket.status != TicketStatus::Solved;
    const QString sla = m_ticket.status == TicketStatus::Solved
                            ? tr("Stopped")
                            : DisplayText::timeUntil(m_ticket.slaDueAt, now);
    setField(u"sla"_s, sla, overdue ? theme::dangerColor(pal) : QColor());
    setField(u"status"_s, DisplayText::status(m_ticket.status));
    setField(u"priority"_s, DisplayText::priority(m_ticket.priority),
             m_ticket.priority >= Priority::High ? theme::priorityColor(pal, m_ticket.priority) : QColor());
    setField(u"assignee"_s, m_assigneeName.isEmpty() ? tr("Unassigned") : m_assigneeName);

    // The codes say why in a word each; the AI's sentence stays one hover away (and in the draft
    // editor's banner), so the header does not say the same thing twice.
    m_reasons->setReasons(m_ticket.needsHumanCodes, m_ticket.needsHumanReason);
    m_reasons->setVisible(!m_reasons->codes().isEmpty());
    if (m_ticket.needsHuman && m_reasons->codes().isEmpty()) {
        const QString reason = m_ticket.needsHumanReason.isEmpty()
                                   ? tr("The AI asks a human to handle this ticket.")
                                   : DisplayText::sanitize(m_ticket.needsHumanReason).left(2000);
        m_needsHuman->setReasons(tr("Needs a human: %1").arg(reason), {});
        QPalette p = m_needsHuman->palette();
        p.setColor(QPalette::WindowText, theme::warningColor(pal));
        m_needsHuman->setPalette(p);
        m_needsHuman->show();
    } else {
        m_needsHuman->hide();
    }
}

} // namespace tandem::ui
