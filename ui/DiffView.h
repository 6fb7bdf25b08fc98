#pragma once

#include "app/WordDiff.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace tandem::ui {

//! The AI's draft and the reply that was sent, side by side, as a word-level diff. Removed words
//! are struck through on the draft side and inserted words underlined on the sent side, each
//! with a tinted background as well, so the marking never depends on colour alone. Both texts
//! are untrusted: shown as plain text, control characters removed, each side bounded.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    //! Longer texts are cut (and the legend says so) before they are compared.
    static constexpr qsizetype kMaxChars = 20000;

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    //! Compares \a draft (before) with \a sent (after) and shows both sides.
    void setTexts(const QString &draft, const QString &sent);
    void clear();

    //! The segments on display (for tests and accessibility).
    const QList<app::DiffSegment> &segments() const { return m_segments; }
    QPlainTextEdit *draftView() const { return m_draft; }
    QPlainTextEdit *sentView() const { return m_sent; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QPlainTextEdit *m_draft = nullptr;
    QPlainTextEdit *m_sent = nullptr;
    QLabel *m_legend = nullptr;
    QList<app::DiffSegment> m_segments;
    bool m_truncated = false;
    bool m_complete = true;
};

} // namespace tandem::ui
