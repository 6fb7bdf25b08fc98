#pragma once

#include <QWidget>

namespace tandem::ui {

//! A pill showing the AI's confidence in a draft ("82 % · High"), coloured green/amber/red.
//! The word is always shown too, so the colour is never the only signal.
class ConfidenceBadge : public QWidget
{
    Q_OBJECT

public:
    explicit ConfidenceBadge(QWidget *parent = nullptr);

    //! \a confidence in 0..1; a negative value hides the number ("No draft").
    void setConfidence(double confidence);
    double confidence() const { return m_confidence; }
    QString text() const;
    //! "High", "Medium" or "Low" for \a confidence.
    static QString levelName(double confidence);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_confidence = -1.0;
};

} // namespace tandem::ui
