#include "SupervisorClient.h"

#include "ApiDecoding.h"

#include "ApiClient.h"

#include "core/JsonCodec.h"
#include "core/StatsJson.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

ApiResult<EscalationPolicyDocument> decodePolicy(const ApiResponse &response)
{
    auto result =
        decoding::decodeObject<EscalationPolicyDocument>(response, json::escalationPolicyDocumentFromJson);
    if (result.ok() && result.value().version == 0) {
        if (const auto version = decoding::versionFromEtag(response.header("ETag")))
            result.value().version = *version;
    }
    return result;
}

} // namespace

SupervisorClient::SupervisorClient(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

SupervisorClient::~SupervisorClient() = default;

void SupervisorClient::suggestionStats(const QDateTime &from, const QDateTime &to, const QString &groupBy,
                                       QObject *context, ApiCallback<SuggestionStatsReport> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/stats/suggestions"_s;
    if (from.isValid())
        request.query.addQueryItem(u"from"_s, isoUtc(from));
    if (to.isValid())
        request.query.addQueryItem(u"to"_s, isoUtc(to));
    if (!groupBy.isEmpty())
        request.query.addQueryItem(u"group_by"_s, groupBy);
    m_api->send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decoding::decodeObject<SuggestionStatsReport>(result.value(),
                                                               json::suggestionStatsReportFromJson));
    });
}

void SupervisorClient::reviews(const ReviewFilter &filter, const QString &cursor, QObject *context,
                               ApiCallback<ReviewPage> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/reviews"_s;
    auto add = [&request](const QString &key, const QString &value) {
        if (!value.isEmpty())
            request.query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    if (filter.from.isValid())
        add(u"from"_s, isoUtc(filter.from));
    if (filter.to.isValid())
        add(u"to"_s, isoUtc(filter.to));
    add(u"outcome"_s, filter.outcome);
    add(u"intent"_s, filter.intent);
    add(u"language"_s, filter.language);
    add(u"queue"_s, filter.queue);
    if (filter.agentId)
        add(u"agent_id"_s, QString::number(*filter.agentId));
    add(u"verdict"_s, filter.verdict);
    if (filter.spotCheck)
        add(u"spot_check"_s, u"true"_s);
    add(u"limit"_s, QString::number(std::clamp(filter.limit, 1, 200)));
    add(u"cursor"_s, cursor);
    m_api->send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decoding::decodeObject<ReviewPage>(result.value(), json::reviewPageFromJson));
    });
}

void SupervisorClient::postVerdict(qint64 reviewId, const VerdictRequest &verdict, QObject *context,
                                   ApiCallback<ReviewItem> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/reviews/%1/verdict"_s.arg(reviewId);
    request.body = json::serialize(json::toJson(verdict));
    m_api->send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decoding::decodeObject<ReviewItem>(result.value(), json::reviewItemFromJson));
    });
}

void SupervisorClient::escalationPolicy(QObject *context, ApiCallback<EscalationPolicyDocument> callback)
{
    ApiRequest request;
    request.path = u"/api/v1/policy/escalation"_s;
    m_api->send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decodePolicy(result.value()));
    });
}

void SupervisorClient::saveEscalationPolicy(const QJsonObject &policy, qint64 version, QObject *context,
                                            ApiCallback<EscalationPolicyDocument> callback)
{
    ApiRequest request;
    request.method = "PUT";
    request.path = u"/api/v1/policy/escalation"_s;
    request.body = json::serialize(QJsonObject{{u"policy"_s, policy}});
    request.ifMatchVersion = version;
    m_api->send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok()) {
            ApiError error = result.error();
            if (isConflict(error))
                error.message = tr("Someone else changed the escalation policy after you opened it. "
                                   "Reload it to see their version; your changes were not saved.");
            return callback(error);
        }
        callback(decodePolicy(result.value()));
    });
}

void SupervisorClient::previewEscalationPolicy(const QJsonObject &policy, int days, QObject *context,
                                               ApiCallback<PolicyPreview> callback)
{
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/policy/escalation/preview"_s;
    request.body = json::serialize(QJsonObject{{u"policy"_s, policy}, {u"days"_s, std::clamp(days, 1, 31)}});
    m_api->send(request, context, [callback](const ApiResult<ApiResponse> &result) {
        if (!result.ok())
            return callback(result.error());
        callback(decoding::decodeObject<PolicyPreview>(result.value(), json::policyPreviewFromJson));
    });
}

} // namespace tandem::app
