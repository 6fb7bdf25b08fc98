#pragma once

#include <QStringList>

namespace tandem::server {

//! Entry point for `tandemd eval risk --cases A.jsonl,B.jsonl,... [--negatives CORPUS.csv,...]
//! [--l2 X] [--miss-cost C] [--out risk-model.json] [--json]`: trains the judgement's crisis model
//! (judgement::RiskModel) on labelled suites and corpora of routine requests, and measures it
//! honestly: each suite in turn is left out, the model is trained on the others (and four fifths of
//! the corpora) and scored on it (and the fifth left out). --out writes the model trained on all.
int runRiskCommand(const QStringList &args);

} // namespace tandem::server
