#pragma once

#include "ApiResult.h"

#include "core/Stats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

namespace tandem::app {

class ApiClient;

//! Filters of GET /reviews; empty strings and unset values are not sent.
struct ReviewFilter
{
    QDateTime from;
    QDateTime to;
    QString outcome; //!< as_is | edited | own
    QString intent;
    QString language;
    QString queue;
    std::optional<qint64> agentId;
    QString verdict;        //!< none | good | should_have_been_edited | harmful
    bool spotCheck = false; //!< the random sample of as-is replies without a verdict
    int limit = 50;         //!< 1..200
    bool operator==(const ReviewFilter &) const = default;
};

//! The supervisor's calls: AI-quality statistics, draft reviews and verdicts, and the escalation
//! policy (GET, PUT with If-Match, preview). Typed wrappers over ApiClient::send(); callbacks run
//! on \a context's thread and are dropped with it, like every ApiClient call.
class SupervisorClient : public QObject
{
    Q_OBJECT

public:
    //! \a api is not owned and must outlive this object.
    explicit SupervisorClient(ApiClient *api, QObject *parent = nullptr);
    ~SupervisorClient() override;

    ApiClient *api() const { return m_api; }

    //! GET /stats/suggestions?from=&to=&group_by=; invalid times are left to the server's defaults.
    void suggestionStats(const QDateTime &from, const QDateTime &to, const QString &groupBy, QObject *context,
                         ApiCallback<SuggestionStatsReport> callback);
    //! GET /reviews with \a filter, after \a cursor (empty: the first page).
    void reviews(const ReviewFilter &filter, const QString &cursor, QObject *context,
                 ApiCallback<ReviewPage> callback);
    //! POST /reviews/{id}/verdict; answers the updated ReviewItem.
    void postVerdict(qint64 reviewId, const VerdictRequest &verdict, QObject *context,
                     ApiCallback<ReviewItem> callback);
    //! GET /policy/escalation (the version also comes from the ETag when the body lacks it).
    void escalationPolicy(QObject *context, ApiCallback<EscalationPolicyDocument> callback);
    //! PUT /policy/escalation with If-Match \a version. A 412 arrives as an ApiError with code
    //! "version_mismatch" and a message saying someone else changed the policy: reload it.
    void saveEscalationPolicy(const QJsonObject &policy, qint64 version, QObject *context,
                              ApiCallback<EscalationPolicyDocument> callback);
    //! POST /policy/escalation/preview over the last \a days (1..31) days.
    void previewEscalationPolicy(const QJsonObject &policy, int days, QObject *context,
                                 ApiCallback<PolicyPreview> callback);

    //! True for the error a stale If-Match gets (someone saved in between).
    static bool isConflict(const ApiError &error) { return error.status == 412; }

private:
    ApiClient *m_api;
};

} // namespace tandem::app
