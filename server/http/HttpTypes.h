#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace tandem::server {

//! A request as the routes see it, independent of the HTTP library underneath.
struct HttpRequest
{
    QString method; //!< "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;
    QString requestId;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

//! A response as the routes produce it.
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    //! The error envelope {"error":{"code","message"}}, plus optional extra fields beside "error".
    static HttpResponse error(int status, const QString &code, const QString &message,
                              const QJsonObject &extra = {});
    static HttpResponse empty(int status);
    void setHeader(const QByteArray &name, const QByteArray &value);
};

} // namespace tandem::server
