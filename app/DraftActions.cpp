#include "DraftActions.h"

#include "ApiClient.h"

#include "core/JsonCodec.h"

#include <QJsonObject>

#include <utility>

using namespace Qt::StringLiterals;

namespace tandem::app {

bool DraftActions::isValidTone(const QString &tone)
{
    return tone == u"empathetic"_s || tone == u"concise"_s || tone == u"formal"_s;
}

void DraftActions::regenerate(ApiClient *client, qint64 ticketId, const QString &tone, QObject *context,
                              ApiCallback<Draft> callback)
{
    if (!isValidTone(tone)) {
        ApiError error;
        error.code = u"invalid_tone"_s;
        error.message = u"Unknown tone"_s;
        callback(error);
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.path = u"/api/v1/tickets/%1/draft/regenerate"_s.arg(ticketId);
    request.body = json::serialize(QJsonObject{{u"tone"_s, tone}});
    // Not retried: a second POST would write yet another draft.
    client->send(request, context, [callback = std::move(callback)](const ApiResult<ApiResponse> &result) {
        if (!result.ok()) {
            callback(result.error());
            return;
        }
        QString error;
        std::optional<Draft> draft;
        if (const auto object = json::parseObject(result.value().body, &error))
            draft = json::draftFromJson(*object, &error);
        if (!draft) {
            ApiError apiError;
            apiError.status = result.value().status;
            apiError.code = u"bad_response"_s;
            apiError.message = u"The server sent a draft the app cannot read: %1"_s.arg(error.left(200));
            callback(apiError);
            return;
        }
        callback(*draft);
    });
}

} // namespace tandem::app
