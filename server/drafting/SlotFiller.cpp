#include "SlotFiller.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

// {x}, {{x}} and the half-closed forms people leave behind ({{x}, {x}}).
const QRegularExpression &placeholderRe()
{
    static const QRegularExpression re(u"\\{\\{?\\s*([^{}\\n]{1,80}?)\\s*\\}?\\}"_s);
    return re;
}

QString normaliseLabel(const QString &label)
{
    QString l = label.toLower().simplified();
    l.replace(u'_', u' ');
    static const QRegularExpression anonymised(u"\\s*\\banonymi[sz]ed\\b"_s);
    l.remove(anonymised);
    l.remove(u'\'');
    return l.trimmed();
}

const QHash<QString, QString> &canonicalTable()
{
    static const QHash<QString, QString> table = [] {
        QHash<QString, QString> t;
        const QList<QPair<QString, QStringList>> groups{
            {u"name"_s,
             {u"name"_s, u"client name"_s, u"client first name"_s, u"customer name"_s,
              u"customer first name"_s, u"first name"_s, u"clients name"_s}},
            {u"full_name"_s, {u"full name"_s, u"client full name"_s, u"customer full name"_s}},
            {u"order"_s,
             {u"order"_s, u"order number"_s, u"order id"_s, u"order no"_s, u"purchase id"_s,
              u"purchase number"_s, u"order reference"_s, u"purchase"_s}},
            {u"amount"_s,
             {u"amount"_s, u"refund amount"_s, u"money amount"_s, u"total amount"_s, u"amount due"_s}},
            {u"date"_s, {u"date"_s, u"due date"_s}},
            {u"merchant"_s, {u"merchant"_s, u"store"_s, u"store name"_s, u"seller"_s, u"shop"_s}},
            {u"account"_s, {u"account number"_s, u"account id"_s, u"account no"_s}},
            {u"invoice"_s, {u"invoice number"_s, u"invoice id"_s, u"bill number"_s, u"bill id"_s}},
            {u"company"_s, {u"company"_s, u"company name"_s}},
            {u"website"_s, {u"website"_s, u"website name"_s, u"site name"_s}},
            {u"website_url"_s, {u"website url"_s, u"url"_s, u"site url"_s}},
            {u"support_phone"_s,
             {u"customer support phone number"_s, u"support phone number"_s,
              u"customer service phone number"_s, u"customer support number"_s, u"toll free number"_s,
              u"phone number"_s}},
            {u"support_email"_s,
             {u"customer support email"_s, u"customer support email address"_s, u"support email"_s,
              u"customer service email"_s, u"customer service email address"_s}},
            {u"support_hours"_s,
             {u"customer support hours"_s, u"customer support availability"_s, u"customer service hours"_s,
              u"support hours"_s, u"business hours"_s, u"working hours"_s}}};
        for (const auto &[key, labels] : groups) {
            for (const QString &l : labels)
                t.insert(l, key);
        }
        return t;
    }();
    return table;
}

// Amounts and dates are filled by role; every other slot by its name alone.
bool isRoleSlot(const QString &canonical)
{
    return canonical == u"amount" || canonical == u"date";
}

Entity::Kind kindOf(const QString &canonical)
{
    return canonical == u"date" ? Entity::Kind::Date : Entity::Kind::Amount;
}

} // namespace

QString SlotFiller::canonicalSlot(const QString &label)
{
    return canonicalTable().value(normaliseLabel(label));
}

QString SlotFiller::gapLabel(const QString &label)
{
    static const QHash<QString, QString> labels{{u"order"_s, u"order number"_s},
                                                {u"account"_s, u"account number"_s},
                                                {u"invoice"_s, u"invoice number"_s},
                                                {u"full_name"_s, u"name"_s}};
    const QString canonical = canonicalSlot(label);
    if (canonical.isEmpty())
        return label.simplified();
    return labels.value(canonical, canonical.startsWith(u"support_"_s) || canonical.startsWith(u"website"_s)
                                       ? label.simplified()
                                       : canonical);
}

bool SlotFiller::hasPlaceholder(const QString &text)
{
    return placeholderRe().match(text).hasMatch();
}

QList<SlotFiller::Slot> SlotFiller::templateSlots(const QString &templateText)
{
    QList<Slot> out;
    auto it = placeholderRe().globalMatch(templateText);
    while (it.hasNext()) {
        const auto m = it.next();
        Slot s;
        s.label = m.captured(1);
        s.canonical = canonicalSlot(s.label);
        s.start = int(m.capturedStart());
        s.length = int(m.capturedLength());
        if (isRoleSlot(s.canonical))
            s.role = FactRoles::ofSlot(templateText, s.start, s.length, s.label, kindOf(s.canonical));
        out.append(s);
    }
    return out;
}

QString SlotFiller::roleValue(const Slot &slot, QString *why) const
{
    const QList<TicketFacts::Value> fitting = m_facts.valuesFor(slot.canonical, slot.role);
    if (fitting.size() == 1)
        return fitting.first().text;
    const Entity::Kind kind = kindOf(slot.canonical);
    QStringList shown;
    if (fitting.size() > 1) {
        for (const TicketFacts::Value &v : fitting)
            shown.append(v.text);
        *why = u"the customer mentions more than one that could fit here (%1)"_s.arg(shown.join(u", "_s));
        return {};
    }
    const QList<TicketFacts::Value> &all = kind == Entity::Kind::Date ? m_facts.dates : m_facts.amounts;
    for (const TicketFacts::Value &v : all) {
        const QString item = v.text + u" as "_s + FactRoles::describe(v.role, kind);
        if (!shown.contains(item))
            shown.append(item);
    }
    if (!shown.isEmpty())
        *why = u"this needs %1; the customer only gave %2"_s.arg(FactRoles::describe(slot.role, kind),
                                                                 shown.join(u", "_s));
    return {};
}

SlotFiller::Result SlotFiller::fill(const QString &templateText) const
{
    Result r;
    qsizetype last = 0;
    const QList<Slot> all = templateSlots(templateText);
    for (const Slot &slot : all) {
        r.body += QStringView(templateText).mid(last, slot.start - last);
        last = slot.start + slot.length;
        const QString &label = slot.label;
        const QString &canonical = slot.canonical;
        QString why;
        QString value;
        if (isRoleSlot(canonical))
            value = roleValue(slot, &why);
        else if (!canonical.isEmpty())
            value = m_facts.value(canonical);
        if (value.isEmpty() && why.isEmpty())
            value = m_company.value(canonical.isEmpty() ? normaliseLabel(label) : canonical);
        if (value.isEmpty() && why.isEmpty() && canonical.isEmpty())
            value = m_company.value(normaliseLabel(label));
        if (!value.isEmpty()) {
            r.body += value;
            r.filled.append(canonical.isEmpty() ? normaliseLabel(label) : canonical);
            continue;
        }
        // Unknown, or known in another role: a visible gap the agent must fill, never a leaked
        // placeholder and never a value the customer gave for something else.
        const QString gap = gapLabel(label);
        const QString shown = u'[' + gap + u']';
        const QString message =
            why.isEmpty() ? u"missing: %1 (fill it in before sending)"_s.arg(gap.toLower())
                          : u"missing: %1 (%2; fill it in before sending)"_s.arg(gap.toLower(), why);
        r.flags.append({u"missing_slot"_s, message, int(r.body.size()), int(shown.size())});
        r.missing.append(gap);
        r.body += shown;
    }
    r.body += QStringView(templateText).mid(last);
    return r;
}

} // namespace tandem::server
