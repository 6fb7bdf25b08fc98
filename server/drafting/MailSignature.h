#pragma once

#include <QString>

namespace tandem::server::text {

//! A message without the signature block under the writer's name: the job title, the
//! organisation and what it does, its phone line and register number ("Southside Listening Line –
//! support for anyone feeling suicidal, 24/7", "Krízové centrum – pomoc obetiam domáceho násilia,
//! Linka pomoci: 0800 555 300"). What an organisation says about itself is not what its employee
//! says about themselves: a helpline worker asking for an invoice is no one at risk.
//!
//! The block starts at the last line that is the writer's name (a token of \a customerName,
//! titles and initials allowed: "Natalie Cooper", "Mgr. Zuzana Horváthová", "— M. Dąbrowski"),
//! and is cut only when everything below it reads as a signature: at most ten short lines, at
//! least one of them contact or register details (a phone or register number, an address on the
//! web or by mail, a company form), no quoted or forwarded mail ("> …", "-------- Mensagem
//! reencaminhada", "De: …": a planted approval there is still read), no postscript ("P.S.",
//! "PD:", "NB") and no line in which the
//! writer speaks of themselves ("I", "my", "ich", "je", "mi", "jag", "mnie"…). A name followed by
//! "No puedo más." keeps it: nothing there is a signature. The name line itself stays.
QString withoutSignature(const QString &body, const QString &customerName);

} // namespace tandem::server::text
