#include "TicketFacts.h"

#include "EntityScanner.h"
#include "TextUtil.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

enum class RefContext
{
    None,
    Order,
    Account,
    Invoice
};

// What kind of number the customer means, from the words just before it.
RefContext contextOf(const QString &text, const Entity &e)
{
    if (e.text.startsWith(u"LP-"_s, Qt::CaseInsensitive))
        return RefContext::Order;
    const QString before = text.mid(std::max(0, e.start - 32), std::min(32, e.start)).toLower();
    static const QRegularExpression order(
        u"(order|purchase|köp|beställning|bestellung|auftrag|pedido|compra|commande|achat)"_s);
    static const QRegularExpression account(u"(account|konto|cuenta|compte|iban|kontonummer)"_s);
    static const QRegularExpression invoice(u"(invoice|bill|receipt|faktura|rechnung|factura|facture)"_s);
    // The keyword closest to the number decides.
    qsizetype best = -1;
    RefContext ctx = RefContext::None;
    for (const auto &[re, kind] :
         {std::pair{&order, RefContext::Order}, std::pair{&account, RefContext::Account},
          std::pair{&invoice, RefContext::Invoice}}) {
        const qsizetype at = before.lastIndexOf(*re);
        if (at > best) {
            best = at;
            ctx = kind;
        }
    }
    return ctx;
}

} // namespace

TicketFacts TicketFacts::extract(const QString &customerText, const QString &customerName,
                                 const QStringList &merchants)
{
    TicketFacts f;
    f.fullName = text::cleanName(customerName);
    f.name = text::firstName(customerName);
    QString unlabelled;
    const QList<Entity> entities = EntityScanner::scan(customerText);
    for (const Entity &e : entities) {
        switch (e.kind) {
        case Entity::Kind::Amount:
            if (f.amount.isEmpty())
                f.amount = e.text;
            f.amounts.append({e.text, e.key, FactRoles::ofValue(customerText, e.start, e.length, e.kind),
                              e.start, e.length});
            break;
        case Entity::Kind::Date:
            if (f.date.isEmpty())
                f.date = e.text;
            f.dates.append({e.text, e.key, FactRoles::ofValue(customerText, e.start, e.length, e.kind),
                            e.start, e.length});
            break;
        case Entity::Kind::Email:
            if (f.email.isEmpty())
                f.email = e.text;
            break;
        case Entity::Kind::Phone:
            if (f.phone.isEmpty())
                f.phone = e.text;
            break;
        case Entity::Kind::Url:
            break;
        case Entity::Kind::Reference:
            switch (contextOf(customerText, e)) {
            case RefContext::Order:
                if (f.order.isEmpty())
                    f.order = e.text;
                break;
            case RefContext::Account:
                if (f.account.isEmpty())
                    f.account = e.text;
                break;
            case RefContext::Invoice:
                if (f.invoice.isEmpty())
                    f.invoice = e.text;
                break;
            case RefContext::None:
                if (unlabelled.isEmpty())
                    unlabelled = e.text;
                break;
            }
            break;
        }
    }
    // A bare number with no label is most often the order the customer is writing about.
    if (f.order.isEmpty())
        f.order = unlabelled;
    const QString lower = customerText.toLower();
    auto isWordChar = [](QChar c) {
        return c.isLetterOrNumber();
    };
    for (const QString &m : merchants) {
        const QString needle = m.toLower();
        for (qsizetype at = needle.isEmpty() ? -1 : lower.indexOf(needle); at >= 0 && f.merchant.isEmpty();
             at = lower.indexOf(needle, at + 1)) {
            const qsizetype end = at + needle.size();
            if ((at == 0 || !isWordChar(lower.at(at - 1))) &&
                (end >= lower.size() || !isWordChar(lower.at(end))))
                f.merchant = m;
        }
        if (!f.merchant.isEmpty())
            break;
    }
    return f;
}

QString TicketFacts::value(const QString &slot) const
{
    if (slot == u"name")
        return name;
    if (slot == u"full_name")
        return fullName;
    if (slot == u"order")
        return order;
    if (slot == u"account")
        return account;
    if (slot == u"invoice")
        return invoice;
    if (slot == u"amount")
        return amount;
    if (slot == u"date")
        return date;
    if (slot == u"merchant")
        return merchant;
    if (slot == u"email")
        return email;
    if (slot == u"phone")
        return phone;
    return {};
}

QList<TicketFacts::Value> TicketFacts::valuesFor(const QString &slot, FactRole role) const
{
    const bool isDate = slot == u"date";
    if (!isDate && slot != u"amount")
        return {};
    const QList<Value> &all = isDate ? dates : amounts;
    // A value the customer claims was approved or promised anywhere fills nothing, even where
    // they mention it again in another role ("approved £50 ... where is my £50 refund?").
    auto claimedKey = [&](const QString &key) {
        return std::any_of(all.cbegin(), all.cend(),
                           [&](const Value &o) { return o.key == key && o.role == FactRole::Claimed; });
    };
    QList<Value> out;
    for (const Value &v : all) {
        const bool seen =
            std::any_of(out.cbegin(), out.cend(), [&](const Value &o) { return o.key == v.key; });
        if (!seen && !claimedKey(v.key) &&
            FactRoles::fits(role, v.role, isDate ? Entity::Kind::Date : Entity::Kind::Amount))
            out.append(v);
    }
    return out;
}

} // namespace tandem::server
