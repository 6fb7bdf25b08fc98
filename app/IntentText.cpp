#include "IntentText.h"

#include <QHash>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::app {

QString IntentText::label(const QString &intent)
{
    if (intent.isEmpty())
        return tr("Unknown");
    // The product's own intents, said as a person would; the banking77 keys read well once
    // acronyms and brand names are spelled as people write them ("ATM support", "Apple Pay or
    // Google Pay", "PIN blocked").
    if (intent == u"complaint_ai_answer")
        return tr("Complaint about an AI answer");
    if (intent == u"out_of_scope")
        return tr("Not a topic we handle");
    if (intent == u"data_request")
        return tr("Data request (GDPR)");
    static const QHash<QString, QString> spelled{{u"ai"_s, u"AI"_s},
                                                 {u"atm"_s, u"ATM"_s},
                                                 {u"pin"_s, u"PIN"_s},
                                                 {u"id"_s, u"ID"_s},
                                                 {u"sms"_s, u"SMS"_s},
                                                 {u"iban"_s, u"IBAN"_s},
                                                 {u"sepa"_s, u"SEPA"_s},
                                                 {u"eu"_s, u"EU"_s},
                                                 {u"uk"_s, u"UK"_s},
                                                 {u"us"_s, u"US"_s},
                                                 {u"vat"_s, u"VAT"_s},
                                                 {u"gdpr"_s, u"GDPR"_s},
                                                 {u"apple"_s, u"Apple"_s},
                                                 {u"google"_s, u"Google"_s},
                                                 {u"pay"_s, u"Pay"_s},
                                                 {u"visa"_s, u"Visa"_s},
                                                 {u"mastercard"_s, u"Mastercard"_s}};
    QStringList words = intent.split(u'_', Qt::SkipEmptyParts);
    const bool brandPay = words.contains(u"apple"_s) || words.contains(u"google"_s);
    for (QString &w : words) {
        const auto it = spelled.constFind(w);
        if (it != spelled.cend() && (w != u"pay" || brandPay))
            w = *it;
    }
    QString text = words.join(u' ');
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString IntentText::keyFor(const QString &text)
{
    const QString typed = text.simplified();
    if (typed.isEmpty())
        return {};
    for (const QString &key : {u"complaint_ai_answer"_s, u"out_of_scope"_s, u"data_request"_s}) {
        if (typed.compare(label(key), Qt::CaseInsensitive) == 0)
            return key;
    }
    QString key = typed.toLower();
    key.replace(u' ', u'_').replace(u'-', u'_');
    return key;
}

QString IntentText::spelledOut(const QString &key)
{
    QString text = key.simplified();
    text.replace(u'_', u' ').replace(u'-', u' ');
    text = text.simplified();
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace tandem::app
