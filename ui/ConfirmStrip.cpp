#include "ConfirmStrip.h"

#include "DisplayText.h"
#include "Theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ConfirmStrip::ConfirmStrip(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"confirmStrip"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 8, 6);
    layout->setSpacing(8);
    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    m_message = new QLabel(this);
    m_message->setObjectName(u"confirmMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);
    texts->addWidget(m_message);
    m_details = new QLabel(this);
    m_details->setObjectName(u"confirmDetails"_s);
    m_details->setTextFormat(Qt::PlainText); // the details quote draft text: never rich text
    m_details->setWordWrap(true);
    texts->addWidget(m_details);
    layout->addLayout(texts, 1);
    m_reject = new QPushButton(this);
    m_reject->setObjectName(u"confirmRejectButton"_s);
    layout->addWidget(m_reject, 0, Qt::AlignVCenter);
    m_accept = new QPushButton(this);
    m_accept->setObjectName(u"confirmAcceptButton"_s);
    layout->addWidget(m_accept, 0, Qt::AlignVCenter);
    // Enter and Space both answer with the focused button (outside a dialog a push button
    // ignores Enter unless it is auto-default).
    m_reject->setAutoDefault(true);
    m_accept->setAutoDefault(true);
    m_reject->setAccessibleName(tr("Cancel"));
    m_accept->setAccessibleName(tr("Confirm"));
    setTabOrder(m_reject, m_accept);
    connect(m_accept, &QPushButton::clicked, this, [this] { answer(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { answer(false); });
    updateColours();
    hide();
}

void ConfirmStrip::ask(const QString &purpose, const QString &message, const QStringList &details,
                       const QString &acceptText, const QString &rejectText)
{
    m_purpose = purpose;
    m_message->setText(message);
    m_details->setText(details.join(u'\n'));
    m_details->setVisible(!details.isEmpty());
    m_accept->setText(acceptText);
    m_accept->setAccessibleName(DisplayText::withoutMnemonic(acceptText));
    m_reject->setText(rejectText);
    m_reject->setAccessibleName(DisplayText::withoutMnemonic(rejectText));
    setAccessibleName(message);
    show();
    // The agent reads the question first; the safe answer (reject) keeps the focus out of harm.
    m_reject->setFocus(Qt::OtherFocusReason);
}

void ConfirmStrip::dismiss()
{
    m_purpose.clear();
    hide();
}

QString ConfirmStrip::message() const
{
    return m_message->text();
}

void ConfirmStrip::answer(bool accept)
{
    const QString purpose = m_purpose;
    dismiss();
    if (purpose.isEmpty())
        return;
    if (accept)
        Q_EMIT accepted(purpose);
    else
        Q_EMIT rejected(purpose);
}

void ConfirmStrip::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void ConfirmStrip::updateColours()
{
    // From the application palette, so setting ours does not feed back into the next change.
    const QPalette app;
    QPalette p = palette();
    p.setColor(QPalette::Window, theme::blend(app.color(QPalette::Window), theme::warningColor(app),
                                              theme::isDark(app) ? 0.22 : 0.14));
    setPalette(p);
}

} // namespace tandem::ui
