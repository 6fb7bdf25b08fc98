#pragma once

#include "core/Message.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace tandem::ui {

//! Shown above the reply editor when a send hit 412: the ticket changed while the agent wrote.
//! Lists what is new (plain text, capped) and offers "Send anyway" or "Keep editing".
class ConflictBanner : public QFrame
{
    Q_OBJECT

public:
    static constexpr int kMaxMessagesShown = 3;
    static constexpr int kMaxCharsPerMessage = 280;

    explicit ConflictBanner(QWidget *parent = nullptr);

    //! Shows the banner for outbox row \a outboxId with the messages that arrived since.
    void showConflict(qint64 outboxId, const QList<Message> &newMessages);
    void dismiss();
    qint64 outboxId() const { return m_outboxId; }
    QString detailsText() const;

    QPushButton *sendAnywayButton() const { return m_sendAnyway; }
    QPushButton *keepEditingButton() const { return m_keepEditing; }

Q_SIGNALS:
    void sendAnywayRequested(qint64 outboxId);
    void keepEditingRequested(qint64 outboxId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    qint64 m_outboxId = 0;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_sendAnyway = nullptr;
    QPushButton *m_keepEditing = nullptr;
};

} // namespace tandem::ui
