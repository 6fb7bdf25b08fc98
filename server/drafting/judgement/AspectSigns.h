#pragma once

#include <QList>
#include <QString>

namespace tandem::server::judgement {

class PrefilterText;
class SignalLexicon;

//! A reason told by two or three of its aspects together, in languages the desk does not serve
//! and has no tuned phrases for: a charge and "I did not buy it" (fraud); a caller "from the
//! bank" and the code given to him (fraud); words to the assistant as a machine and an order to
//! break its rules (manipulation); an approval said to be given, by a colleague, of money
//! (manipulation); a first, a further and a last point (several requests). Each aspect is
//! ordinary alone ("a payment of 45 €", "your colleague"): only the family's aspects together
//! say anything. Lexicon signals signs_<family>_<n>, like EmergencySigns.
struct AspectReading
{
    QString code;     //!< reason code (core/ReasonCodes.h)
    QString evidence; //!< "an unknown charge: “debitat” + “nu am cumpărat”"
};

QList<AspectReading> readAspects(const SignalLexicon &lexicon, const PrefilterText &prepared);

} // namespace tandem::server::judgement
