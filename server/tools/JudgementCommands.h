#pragma once

#include <QStringList>

namespace tandem::server {

//! Entry point for `tandemd eval judgement --cases FILE [--json] [--check]`: starts the demo
//! company in a scratch directory, runs the suite through the ticket service
//! (JudgementEvaluator) and prints the figures. With --check, exits 1 when a target is missed.
int runJudgementCommand(const QStringList &args);

} // namespace tandem::server
