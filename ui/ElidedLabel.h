#pragma once

#include <QLabel>

namespace tandem::ui {

//! A one-line plain-text label that elides instead of clipping or widening its layout; the full
//! text is in the tool tip. Never interprets markup (customer names are untrusted).
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    //! Sets the text and its tool tip.
    void setFullText(const QString &text);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace tandem::ui
