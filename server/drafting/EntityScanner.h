#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace tandem::server {

//! A fact-like span of text: something a draft must not invent.
struct Entity
{
    enum class Kind
    {
        Email,
        Url,
        Amount,
        Date,
        Reference, //!< order, account, invoice or other reference number
        Phone
    };
    Kind kind = Kind::Reference;
    int start = 0;
    int length = 0;
    QString text; //!< as written
    QString key;  //!< normalised, for comparing the same fact written differently

    static QString kindName(Kind kind);
};

//! Finds amounts, dates, URLs, e-mail addresses, phone numbers and order/account numbers in
//! free text in en, sv, de, es, fr, nl, fi, pl, it and pt, with their spans. Spans never
//! overlap: e-mails and URLs win over the numbers inside them, amounts and dates over phones.
class EntityScanner
{
public:
    static QList<Entity> scan(const QString &text);

    //! Normalised keys of every entity in \a text, prefixed by kind ("amount:4500", "date:3.3").
    static QSet<QString> keys(const QString &text);
    static QString keyOf(const Entity &entity);

    //! The value of an amount in cents ("£1,299.50", "1 299,50 kr" -> 129950), or -1.
    static qint64 amountCents(const QString &amountText);
};

} // namespace tandem::server
