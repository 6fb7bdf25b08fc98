#include "TicketPoster.h"

#include "LatencyStats.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace tandem::bench {

TicketPoster::TicketPoster(QString baseUrl, QString token)
    : m_baseUrl(std::move(baseUrl)), m_token(std::move(token))
{}

TicketPoster::~TicketPoster() = default;

void TicketPoster::post(int series, qsizetype index, const QByteArray &body)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(QUrl(m_baseUrl + u"/api/v1/tickets"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setTransferTimeout(30000);
    const qint64 sentNs = benchNowNs();
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, series, index, sentNs] {
        const qint64 doneNs = benchNowNs();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 id =
            status == 201 ? QJsonDocument::fromJson(reply->readAll()).object().value(u"id").toInteger() : 0;
        Q_EMIT posted(series, index, sentNs, doneNs, status, id,
                      reply->error() == QNetworkReply::NoError ? QString() : reply->errorString());
    });
}

} // namespace tandem::bench
