#pragma once

#include <QString>

namespace tandem::server {

//! Character-level Levenshtein distance between what the AI drafted and what a human sent.
//! Inputs longer than \a cap characters are truncated to keep the cost bounded (O(cap^2)).
int editDistance(QStringView a, QStringView b, int cap = 8000);

} // namespace tandem::server
