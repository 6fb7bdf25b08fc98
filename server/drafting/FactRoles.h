#pragma once

#include "EntityScanner.h"

#include <QString>

namespace tandem::server {

//! What an amount or a date stands for in a sentence.
enum class FactRole
{
    Unknown, //!< no cue near it: it could be anything
    Past,    //!< already happened: an amount paid or charged, the date of a payment, order, return
    Refund,  //!< money coming back: a refund or reimbursement amount (amounts only)
    Due,     //!< still to come: an amount due, owed, outstanding or next; a due or future date
    Claimed  //!< what the customer says someone approved, promised or agreed: on no record
};

//! Reads the role of a value from the cue words around it ("paid", "was", "last week" against
//! "due", "next", "outstanding"; "refund"; "approved", "promised") in en, sv, de, es, fr, nl, fi,
//! pl, it and pt: the nearest cue in the same clause wins, words before the value count more
//! than words after it, and a claim of approval wins when it is close. Used for values in the
//! customer's text and for the slots of a reply template, so a slot is only filled with a value
//! stated in the role the template gives it.
class FactRoles
{
public:
    //! The role of the amount or date at [start, start + length) in \a text.
    static FactRole ofValue(const QString &text, int start, int length, Entity::Kind kind);
    //! The role a template slot at [start, start + length) expects: from its own label ("Amount
    //! Due", "Refund Amount") when that has a cue, else from the template's words around it (other
    //! placeholders do not count). Never Claimed: a template states facts, it does not claim them.
    static FactRole ofSlot(const QString &templateText, int start, int length, const QString &label,
                           Entity::Kind kind);
    //! True if a value stated as \a value may fill a slot that expects \a slot. A claimed value
    //! fits nothing; a slot with a role takes only a value with the same role (a date of a
    //! refund counts as past); a slot with no role takes any value that is not claimed.
    static bool fits(FactRole slot, FactRole value, Entity::Kind kind);
    //! "an amount already paid or charged", "a due or future date", ...
    static QString describe(FactRole role, Entity::Kind kind);
    static QString name(FactRole role);
};

} // namespace tandem::server
