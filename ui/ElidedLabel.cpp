#include "ElidedLabel.h"

#include "DisplayText.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace tandem::ui {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

ElidedLabel::ElidedLabel(const QString &text, QWidget *parent) : ElidedLabel(parent)
{
    setFullText(text);
}

void ElidedLabel::setFullText(const QString &text)
{
    QString line = text;
    line.replace(u'\n', u' ');
    setText(line);
    setToolTip(DisplayText::plainToolTip(line)); // names and subjects are untrusted
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(u"Mmm…"_s), metrics.height()};
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(text()) + 2, metrics.height()};
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString elided = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    QStyleOption option;
    option.initFrom(this);
    style()->drawItemText(&painter, area, static_cast<int>(alignment()) | Qt::TextSingleLine, option.palette,
                          isEnabled(), elided, foregroundRole());
}

} // namespace tandem::ui
