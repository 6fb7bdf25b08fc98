#pragma once

#include "FactRoles.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tandem::server {

//! The facts a reply may state because the customer gave them: their name, the order, amounts,
//! dates and merchant they mention, their own contact details. Extracted from the customer's
//! text only, never from earlier replies. Every amount and date keeps the role the customer gave
//! it (paid, refund, due, claimed: FactRoles), so a slot is only filled with a value in its role.
struct TicketFacts
{
    //! An amount or a date as the customer wrote it, with its role and span in their text.
    struct Value
    {
        QString text;
        QString key; //!< EntityScanner's normalised key ("amount:4500")
        FactRole role = FactRole::Unknown;
        int start = 0;
        int length = 0;
    };

    QString name; //!< first name
    QString fullName;
    QString order;
    QString account;
    QString invoice;
    QString amount; //!< the first amount, as the customer wrote it, whatever its role
    QString date;   //!< the first date, likewise
    QString merchant;
    QString email;
    QString phone;
    QList<Value> amounts; //!< every amount, in order
    QList<Value> dates;   //!< every date, in order

    //! \a merchants are names known to the company (matched case-insensitively as whole words).
    static TicketFacts extract(const QString &customerText, const QString &customerName,
                               const QStringList &merchants = {});

    //! The value for a canonical slot ("name", "order", "amount", ...), or "" when unknown.
    QString value(const QString &slot) const;
    //! The amounts ("amount") or dates ("date") that may fill a slot expecting \a role
    //! (FactRoles::fits), one per distinct value.
    QList<Value> valuesFor(const QString &slot, FactRole role) const;
};

} // namespace tandem::server
