#pragma once

#include "core/Draft.h"
#include "core/Enums.h"
#include "core/Message.h"
#include "core/Ticket.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace tandem::server {

struct TicketFacts;

//! Learning from humans: what agents send becomes knowledge. A reply sent "edited" or "own"
//! becomes a resolved example for the ticket's intent and language (with the customer's own
//! facts turned back into {slots}); a draft sent "as_is" raises the weight of the source it
//! started from, a discarded draft lowers it. Called by TicketService inside its transaction.
class DraftLearning
{
public:
    explicit DraftLearning(QSqlDatabase db) : m_db(std::move(db)) {}

    //! After a (non-internal) reply was stored. \a draft is the draft it was based on, if any.
    void recordReply(const Ticket &ticket, const QList<Message> &thread, const std::optional<Draft> &draft,
                     const QString &sentBody, ReplyOutcome outcome, const QStringList &merchants = {});
    //! After a draft was discarded.
    void recordDiscard(const Draft &draft);

    //! \a reply with this customer's facts (name, order, amounts, dates, merchant) and any gaps
    //! ("[order number]") replaced by slots, so it can be reused for the next customer.
    static QString templatize(const QString &reply, const TicketFacts &facts);

    static constexpr double kAsIsFactor = 1.15;
    static constexpr double kDiscardFactor = 0.8;

private:
    QSqlDatabase m_db;
};

} // namespace tandem::server
