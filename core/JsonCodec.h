#pragma once

#include "ApiTypes.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

//! JSON encoders and strict decoders for the REST v1 shapes (docs/api/openapi.yaml).
//! Decoders return nullopt and set *error to a human-readable reason on any wrong type.
namespace tandem::json {

QJsonObject toJson(const Customer &value);
QJsonObject toJson(const Ticket &value);
QJsonObject toJson(const Author &value);
QJsonObject toJson(const Message &value);
QJsonObject toJson(const Citation &value);
QJsonObject toJson(const DraftFlag &value);
QJsonObject toJson(const Draft &value);
QJsonObject toJson(const User &value);
QJsonObject toJson(const TicketDetail &value);
QJsonObject toJson(const TicketPage &value);
QJsonObject toJson(const LoginResult &value);
QJsonObject toJson(const NewTicketRequest &value);
QJsonObject toJson(const ReplyRequest &value);
QJsonObject toJson(const ReplyResult &value);
QJsonObject toJson(const TicketPatch &value);
QJsonObject errorToJson(const QString &code, const QString &message);

std::optional<Customer> customerFromJson(const QJsonObject &object, QString *error);
std::optional<Ticket> ticketFromJson(const QJsonObject &object, QString *error);
std::optional<Message> messageFromJson(const QJsonObject &object, QString *error);
std::optional<Draft> draftFromJson(const QJsonObject &object, QString *error);
std::optional<User> userFromJson(const QJsonObject &object, QString *error);
std::optional<TicketDetail> ticketDetailFromJson(const QJsonObject &object, QString *error);
std::optional<TicketPage> ticketPageFromJson(const QJsonObject &object, QString *error);
std::optional<LoginResult> loginResultFromJson(const QJsonObject &object, QString *error);
std::optional<NewTicketRequest> newTicketRequestFromJson(const QJsonObject &object, QString *error);
std::optional<ReplyRequest> replyRequestFromJson(const QJsonObject &object, QString *error);
std::optional<ReplyResult> replyResultFromJson(const QJsonObject &object, QString *error);
std::optional<TicketPatch> ticketPatchFromJson(const QJsonObject &object, QString *error);
//! Reads {"error":{"code","message"}}; nullopt if the body is not that envelope.
std::optional<ApiError> apiErrorFromJson(const QJsonObject &object, int status);

//! Parses \a bytes as a JSON object, with a clear error for anything else.
std::optional<QJsonObject> parseObject(const QByteArray &bytes, QString *error);
QByteArray serialize(const QJsonObject &object);

} // namespace tandem::json
