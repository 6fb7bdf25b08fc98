#include "ConflictBanner.h"

#include "DisplayText.h"
#include "Icons.h"
#include "Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ConflictBanner::ConflictBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"conflictBanner"_s);
    setAccessibleName(tr("The ticket changed"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(6);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    m_details = new QLabel(this);
    m_details->setObjectName(u"conflictDetails"_s);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAccessibleName(tr("New messages"));
    layout->addWidget(m_details);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_keepEditing = new QPushButton(Icons::get(u"keep-editing"), tr("&Keep editing"), this);
    m_keepEditing->setObjectName(u"keepEditingButton"_s);
    m_keepEditing->setAccessibleName(tr("Keep editing"));
    m_keepEditing->setToolTip(tr("Take the reply back into the editor to adjust it"));
    buttons->addWidget(m_keepEditing);
    m_sendAnyway = new QPushButton(Icons::get(u"send"), tr("Send &anyway"), this);
    m_sendAnyway->setObjectName(u"sendAnywayButton"_s);
    m_sendAnyway->setAccessibleName(tr("Send anyway"));
    m_sendAnyway->setToolTip(tr("Send the reply as it is, after the new messages"));
    buttons->addWidget(m_sendAnyway);
    layout->addLayout(buttons);

    connect(m_sendAnyway, &QPushButton::clicked, this, [this] {
        const qint64 id = m_outboxId;
        dismiss();
        Q_EMIT sendAnywayRequested(id);
    });
    connect(m_keepEditing, &QPushButton::clicked, this, [this] {
        const qint64 id = m_outboxId;
        dismiss();
        Q_EMIT keepEditingRequested(id);
    });
    updateColours();
    hide();
}

void ConflictBanner::showConflict(qint64 outboxId, const QList<Message> &newMessages)
{
    m_outboxId = outboxId;
    m_title->setText(newMessages.isEmpty() ? tr("Not sent: the ticket changed while you were writing.")
                                           : tr("Not sent: %n new message(s) arrived while you were writing.",
                                                nullptr, static_cast<int>(newMessages.size())));
    QStringList lines;
    const qsizetype first = std::max<qsizetype>(0, newMessages.size() - kMaxMessagesShown);
    if (first > 0)
        lines << tr("(%n earlier message(s) not shown)", nullptr, static_cast<int>(first));
    for (qsizetype i = first; i < newMessages.size(); ++i) {
        const Message &message = newMessages.at(i);
        QString body = DisplayText::sanitize(message.body).simplified();
        if (body.size() > kMaxCharsPerMessage)
            body = body.left(kMaxCharsPerMessage) + u'…';
        const QString who = message.author.name.isEmpty()
                                ? DisplayText::authorKind(message.author.kind, false)
                                : DisplayText::sanitize(message.author.name).left(80);
        lines << tr("%1 (%2): %3")
                     .arg(who, DisplayText::authorKind(message.author.kind, message.internal), body);
    }
    if (lines.isEmpty())
        lines << tr("Someone else changed the ticket (status, assignee or draft).");
    m_details->setText(lines.join(u"\n"));
    show();
    m_keepEditing->setFocus();
}

void ConflictBanner::dismiss()
{
    m_outboxId = 0;
    hide();
}

QString ConflictBanner::detailsText() const
{
    return m_details->text();
}

void ConflictBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void ConflictBanner::updateColours()
{
    QPalette pal = palette();
    const QColor warning = theme::warningColor(pal);
    const QColor window = QPalette().color(QPalette::Window);
    pal.setColor(QPalette::Window, theme::blend(window, warning, theme::isDark(QPalette()) ? 0.22 : 0.14));
    setPalette(pal);
}

} // namespace tandem::ui
