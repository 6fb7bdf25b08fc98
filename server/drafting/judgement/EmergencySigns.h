#pragma once

#include <QString>

namespace tandem::server::judgement {

class PrefilterText;
class SignalLexicon;

//! An emergency told by its signs, not named: two different signs of one kind (a drooping face
//! and slurred words; swollen lips and wheezing; smoke and a landing filling up), in any order and
//! in any of the languages. Each kind is read as aspects (lexicon signals signs_<kind>_<n>), so
//! that one sign written in two languages' words is still one.
struct EmergencyReading
{
    QString crisis;  //!< the evidence when two signs of one kind were read; empty otherwise
    QString oneSign; //!< the first kind with a single sign ("a fire “smoke”"): a sign of risk
};

EmergencyReading readEmergency(const SignalLexicon &lexicon, const PrefilterText &prepared);

} // namespace tandem::server::judgement
