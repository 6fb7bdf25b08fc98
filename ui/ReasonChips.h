#pragma once

#include <QStringList>
#include <QWidget>

namespace tandem::ui {

//! Why a ticket needs a person, as small rounded labels, one per reason code of
//! core/ReasonCodes.h ("Crisis", "Vulnerable customer", ...), most serious first. A crisis is a
//! strong red that reads on light and dark themes; every other reason is calm and neutral, so
//! the red stays rare. The widget form sits in the ticket header (the ticket's own reason text is
//! its tool tip); paint() draws the same chips in the inbox delegate. The words are always
//! written: colour is never the only signal.
class ReasonChips : public QWidget
{
    Q_OBJECT

public:
    explicit ReasonChips(QWidget *parent = nullptr);

    //! Shows \a codes (normalized order); \a reasonText (untrusted) becomes the tool tip.
    void setReasons(const QStringList &codes, const QString &reasonText);
    QStringList codes() const { return m_codes; }
    //! The words on the chips as they are painted now (with a "+N" chip when space ran out).
    QStringList chipTexts() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    //! The font chips are written in: \a base a little smaller, bold.
    static QFont chipFont(const QFont &base);
    //! Chip height in \a font.
    static int chipHeight(const QFont &font);
    //! Paints \a codes as chips in \a area from its leading edge (its trailing edge with
    //! \a alignTrailing), at most \a maxChips of them (then "+N"), fewer if the width runs out.
    //! \a bounds is the rectangle right-to-left layouts mirror in (a cell, a widget).
    //! Returns the width used (0: nothing painted).
    static int paint(QPainter *painter, const QRect &area, const QRect &bounds, const QStringList &codes,
                     const QFont &font, const QPalette &palette, Qt::LayoutDirection direction, int maxChips,
                     bool alignTrailing = false, bool selected = false);
    //! The chip words paint() would write for \a codes with room for \a maxWidth.
    static QStringList fittingTexts(const QStringList &codes, const QFont &font, int maxChips, int maxWidth);
    //! The width paint() would use for \a codes with room for \a maxWidth.
    static int chipsWidth(const QStringList &codes, const QFont &font, int maxChips, int maxWidth);
    //! Chip background and text colour for \a code.
    static QColor background(const QPalette &palette, QStringView code, bool selected = false);
    static QColor foreground(const QPalette &palette, QStringView code, bool selected = false);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QStringList m_codes;
};

} // namespace tandem::ui
