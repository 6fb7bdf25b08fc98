#pragma once

#include <QString>
#include <QStringList>

namespace tandem {

//! The machine-readable reasons a ticket goes to a person first ("needs_human_codes" in the API).
//! One table for the server (judgement, statistics, escalation policy) and the desktop (chips).
namespace reason {

inline constexpr QStringView kCrisis = u"crisis";
inline constexpr QStringView kVulnerable = u"vulnerable";
inline constexpr QStringView kFraud = u"fraud";
inline constexpr QStringView kLegal = u"legal";
inline constexpr QStringView kComplaint = u"complaint";
inline constexpr QStringView kRepeatContact = u"repeat_contact";
inline constexpr QStringView kMultiIssue = u"multi_issue";
inline constexpr QStringView kManipulation = u"manipulation";
inline constexpr QStringView kUnsupportedLanguage = u"unsupported_language";
inline constexpr QStringView kOutOfScope = u"out_of_scope";
inline constexpr QStringView kLowConfidence = u"low_confidence";
inline constexpr QStringView kNegativeSentiment = u"negative_sentiment";
inline constexpr QStringView kPolicy = u"policy";

//! Every code, most serious first: the order codes are shown and sorted in.
const QStringList &all();
bool isKnown(QStringView code);
//! Rank of a code in all() (0 = most serious); all().size() for an unknown code.
int severity(QStringView code);
//! \a codes without duplicates or unknown entries, most serious first.
QStringList normalized(const QStringList &codes);
//! A short English label ("Crisis", "Repeat contact"); the desktop translates its own.
QString label(QStringView code);

} // namespace reason
} // namespace tandem
