#pragma once

#include "Stats.h"

#include <QJsonObject>

#include <optional>

//! JSON encoders and strict decoders for the stats, reviews and policy shapes (core/Stats.h).
//! Keys are snake_case as everywhere in the API; times are ISO 8601 UTC strings; optional values
//! are null when absent. Decoders return nullopt and set *error on any wrong type.
namespace tandem::json {

QJsonObject toJson(const QueueStatsReport &value);
QJsonObject toJson(const AgentStatsReport &value);
QJsonObject toJson(const SuggestionStatsReport &value);
QJsonObject toJson(const ReviewItem &value);
QJsonObject toJson(const ReviewPage &value);
QJsonObject toJson(const VerdictRequest &value);
QJsonObject toJson(const EscalationPolicyDocument &value);
QJsonObject toJson(const PolicyPreview &value);

std::optional<QueueStatsReport> queueStatsReportFromJson(const QJsonObject &object, QString *error);
std::optional<AgentStatsReport> agentStatsReportFromJson(const QJsonObject &object, QString *error);
std::optional<SuggestionStatsReport> suggestionStatsReportFromJson(const QJsonObject &object, QString *error);
std::optional<ReviewItem> reviewItemFromJson(const QJsonObject &object, QString *error);
std::optional<ReviewPage> reviewPageFromJson(const QJsonObject &object, QString *error);
std::optional<VerdictRequest> verdictRequestFromJson(const QJsonObject &object, QString *error);
std::optional<EscalationPolicyDocument> escalationPolicyDocumentFromJson(const QJsonObject &object,
                                                                         QString *error);
std::optional<PolicyPreview> policyPreviewFromJson(const QJsonObject &object, QString *error);

} // namespace tandem::json
