#pragma once

#include "NeedsHumanBanner.h"

#include "core/Ticket.h"

#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace tandem::ui {

class ElidedLabel;
class ReasonChips;

//! The top of the ticket pane: subject, then customer, language, queue, SLA, status, priority
//! and assignee as caption/value pairs. A ticket that needs a person shows why as reason chips
//! (the AI's reason text is their tool tip), or as that text in one elided line (NeedsHumanBanner)
//! when the server sent no codes.
//! All text is plain (customer data is untrusted).
class TicketHeader : public QWidget
{
    Q_OBJECT

public:
    explicit TicketHeader(QWidget *parent = nullptr);

    //! Shows \a ticket; \a assigneeName is empty for an unassigned ticket.
    void setTicket(const Ticket &ticket, const QString &assigneeName);
    void clear();
    bool hasTicket() const { return m_ticket.id != 0; }

    //! The value label of a field, for tests: "customer", "language", "queue", "sla", "status",
    //! "priority", "assignee".
    QString fieldText(const QString &field) const;
    //! The reason chips (hidden when the ticket has no reason codes).
    ReasonChips *reasonChips() const { return m_reasons; }
    //! The needs-a-human line used when there are no codes.
    NeedsHumanBanner *needsHumanLabel() const { return m_needsHuman; }

protected:
    void changeEvent(QEvent *event) override;

private:
    ElidedLabel *addField(QGridLayout *grid, int row, int column, const QString &key, const QString &caption,
                          int columnSpan = 1);
    void refresh();

    Ticket m_ticket;
    QString m_assigneeName;
    QLabel *m_subject = nullptr;
    NeedsHumanBanner *m_needsHuman = nullptr;
    ReasonChips *m_reasons = nullptr;
    QHash<QString, ElidedLabel *> m_fields;
    QList<QLabel *> m_captions;
    QTimer m_clock; //!< keeps "Due in ..." current
};

} // namespace tandem::ui
