#pragma once

#include <QStringList>

namespace tandem::server {

//! Entry point for `tandemd eval signals --csv FILE [--show N] [--json]`: runs the judgement's
//! phrase signals (judgement::CaseAssessor, without the intent model) over every message of a
//! corpus of routine requests (banking77, Bitext) and prints how many raise each reason code:
//! the false-positive rate of each signal on text that needs no person.
int runSignalsCommand(const QStringList &args);

} // namespace tandem::server
