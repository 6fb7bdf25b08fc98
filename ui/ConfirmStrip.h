#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace tandem::ui {

//! A non-modal question shown inline (never a nested event loop): a message, an optional list of
//! details, an accept button and a reject button. Used before sending a reply with unchecked
//! promises and before replacing edited text with a regenerated draft.
class ConfirmStrip : public QFrame
{
    Q_OBJECT

public:
    explicit ConfirmStrip(QWidget *parent = nullptr);

    //! Shows the question; \a purpose names what accepting does (read back by accepted()).
    void ask(const QString &purpose, const QString &message, const QStringList &details,
             const QString &acceptText, const QString &rejectText);
    //! Hides the strip without answering.
    void dismiss();
    bool isAsking() const { return !m_purpose.isEmpty(); }
    QString purpose() const { return m_purpose; }

    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *rejectButton() const { return m_reject; }
    QString message() const;

Q_SIGNALS:
    void accepted(const QString &purpose);
    void rejected(const QString &purpose);

protected:
    void changeEvent(QEvent *event) override;

private:
    void answer(bool accept);
    void updateColours();

    QString m_purpose;
    QLabel *m_message = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace tandem::ui
