#pragma once

#include <QCoreApplication>
#include <QString>

namespace tandem::app {

//! The words people read for an intent key ("complaint_ai_answer" -> "Complaint about an AI
//! answer", "apple_pay_or_google_pay" -> "Apple Pay or Google Pay") and for a queue id: one home
//! for the draft editor, the inbox and the supervisor's tables, so no raw key reaches a screen.
class IntentText
{
    Q_DECLARE_TR_FUNCTIONS(tandem::app::IntentText)

public:
    //! "Unknown" for an empty key; the product's own intents by name; any other key spelled out
    //! (underscores as spaces, acronyms and brands as people write them, first letter capital).
    static QString label(const QString &intent);
    //! The key a person means by \a text: a label this class gives ("Complaint about an AI
    //! answer"), or words as typed ("Refund status", "refund-status") -> "refund_status".
    static QString keyFor(const QString &text);
    //! A key of words joined by '_' or '-' as a phrase ("vip_support" -> "Vip support").
    static QString spelledOut(const QString &key);
};

} // namespace tandem::app
