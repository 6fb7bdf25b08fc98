#pragma once

#include <QString>
#include <QStringList>

namespace tandem::server {

//! The facts a reply may state because the customer gave them: their name, the order, amount,
//! date and merchant they mention, their own contact details. Extracted from the customer's
//! text only, never from earlier replies.
struct TicketFacts
{
    QString name; //!< first name
    QString fullName;
    QString order;
    QString account;
    QString invoice;
    QString amount; //!< as the customer wrote it
    QString date;
    QString merchant;
    QString email;
    QString phone;

    //! \a merchants are names known to the company (matched case-insensitively as whole words).
    static TicketFacts extract(const QString &customerText, const QString &customerName,
                               const QStringList &merchants = {});

    //! The value for a canonical slot ("name", "order", "amount", ...), or "" when unknown.
    QString value(const QString &slot) const;
};

} // namespace tandem::server
