#pragma once

#include <QString>

namespace tandem::server::text {

//! A message without what the sender's mail system appends to every mail: the confidentiality
//! or data-protection notice ("This e-mail is confidential and intended solely for the
//! addressee…", "AVISO LEGAL: … De acuerdo con el RGPD…", "Ai sensi del Regolamento UE
//! 2016/679…"), company register lines ("Amtsgericht Stuttgart HRB 724418", "Registered in
//! England and Wales", "KvK", "P.IVA") and contact lines ("T: 0161 555 0192", a bare phone
//! number or web address), in the ten served languages. None of it is something the customer
//! says: a footer's "GDPR" is no data request, its "Amtsgericht" no court, and the "118" of a
//! phone number no emergency number. A notice is recognised as a block of the message's second
//! half that names at least two of: confidentiality, the intended addressee, receipt in error,
//! a duty to delete or notify, a disclaimer heading, data-protection law; a customer's own
//! "please delete my data under GDPR" names no addressee and no confidentiality. The names and
//! titles of a signature stay (they say nothing either way). A message that is nothing but
//! footer is returned whole. A notice also tells the reader how *their* personal data is
//! processed ("behandlas dina personuppgifter enligt dataskyddsförordningen").
//!
//! The parts can be cut one at a time: withoutSignature() recognises a signature by its contact
//! details, so it reads the message after the notices go (NoticesOnly) and before the register,
//! contact and device lines do (LinesOnly).
enum class FooterParts
{
    Everything,
    NoticesOnly,
    LinesOnly
};
QString withoutMailFooter(const QString &body, FooterParts parts = FooterParts::Everything);

} // namespace tandem::server::text
