#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace tandem::app {
class OutboxModel;
}

namespace tandem::ui {

class ConfirmStrip;

//! The outbox: every reply not yet accepted by the server, oldest first, with its state (queued,
//! sending, ticket changed, failed + reason) and what the agent can do about it: open the ticket,
//! Retry (sends now; after a conflict, sends anyway) or Discard (asked inline first, since the
//! typed reply is lost). Lives in a dock of the main window; works on app::OutboxModel only.
class OutboxView : public QWidget
{
    Q_OBJECT

public:
    explicit OutboxView(app::OutboxModel *model, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *openButton() const { return m_open; }
    ConfirmStrip *confirmStrip() const { return m_confirm; }
    //! The row the buttons act on; -1 when the list is empty.
    int currentRow() const;
    //! Puts the focus on the list (selecting the first row if none is).
    void focusList();

public Q_SLOTS:
    void retryCurrent();
    //! Asks first; discards once the agent confirms.
    void discardCurrent();

Q_SIGNALS:
    //! The agent wants to see the ticket of a queued reply.
    void openTicketRequested(qint64 ticketId);

private:
    void updateState();
    void onConfirmed(const QString &purpose);

    QPointer<app::OutboxModel> m_model;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
    QListView *m_list = nullptr;
    ConfirmStrip *m_confirm = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace tandem::ui
