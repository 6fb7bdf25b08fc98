#pragma once

#include <QLabel>
#include <QStringList>

namespace tandem::ui {

//! "Needs a human" in one line, however long the AI's reasons are: the text (plain, untrusted)
//! elided at the leading side, the reason chips (ReasonChips, crisis red, "+N" when they do not
//! all fit) at the trailing side. The whole text and the reasons' words are in the tool tip and
//! the accessible description, so nothing is lost to the elision. A QLabel, so text() is the full
//! text and callers keep using it as one (colours, margins and background come from the label).
class NeedsHumanBanner : public QLabel
{
    Q_OBJECT

public:
    explicit NeedsHumanBanner(QWidget *parent = nullptr);

    //! Shows \a text (untrusted: control characters go, line breaks become spaces) and the chips
    //! of \a codes (core/ReasonCodes.h; normalized: most serious first, unknown codes dropped).
    void setReasons(const QString &text, const QStringList &codes);
    QStringList codes() const { return m_codes; }
    //! The text as painted at the current width (elided with "…" when it does not fit).
    QString visibleText() const;
    //! The chip words as painted at the current width (with "+N" when space ran out).
    QStringList visibleChips() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Layout
    {
        QRect text;
        QRect chips;
    };
    Layout layoutFor(const QRect &area) const;
    int chipsRoom(int available) const;

    QStringList m_codes;
};

} // namespace tandem::ui
