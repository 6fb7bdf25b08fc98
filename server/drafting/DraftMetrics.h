#pragma once

#include <QString>

namespace tandem::server {

//! How close a draft is to the reply a human actually sent, on lower-cased word tokens
//! (so "{{Order Number}}" in a reference and the gap "[order number]" compare equal).
namespace draftmetrics {

//! SQuAD-style bag-of-words F1 (0..1).
double tokenF1(const QString &candidate, const QString &reference);
//! ROUGE-L F1 (beta = 1): longest common token subsequence (0..1).
double rougeL(const QString &candidate, const QString &reference);
//! True if \a text contains a template placeholder ({{...}} or {...}).
bool leaksPlaceholder(const QString &text);

} // namespace draftmetrics
} // namespace tandem::server
