#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;

namespace tandem::app {
class PresenceModel;
}

namespace tandem::ui {

//! A slim line under the ticket header naming the other agents on the open ticket ("Noah is
//! typing", "Mia is viewing"), with a glyph per state. Follows PresenceModel live and hides itself
//! when nobody else is there (presence expires by itself in the model).
class PresenceBar : public QFrame
{
    Q_OBJECT

public:
    explicit PresenceBar(app::PresenceModel *model, QWidget *parent = nullptr);

    //! The ticket whose visitors are shown (0: none, the bar hides).
    void setTicketId(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    //! What the bar says; empty when hidden.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void refresh();

    QPointer<app::PresenceModel> m_model;
    qint64 m_ticketId = 0;
    bool m_typing = false;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace tandem::ui
