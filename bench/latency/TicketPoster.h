#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace tandem::bench {

//! Creates tickets through POST /api/v1/tickets from its own thread (moveToThread), so that the
//! round trip it measures is the server's and the network's, not the time the benchmark's main
//! thread (busy with up to 200 stream clients) takes to notice the reply.
class TicketPoster : public QObject
{
    Q_OBJECT

public:
    TicketPoster(QString baseUrl, QString token);
    ~TicketPoster() override;

    //! Sends \a body; posted() follows with the same \a series and \a index. Call in the
    //! poster's thread (QMetaObject::invokeMethod).
    void post(int series, qsizetype index, const QByteArray &body);

Q_SIGNALS:
    //! \a sentNs / \a doneNs are benchNowNs() just before the request went out and when its reply
    //! arrived; \a ticketId is 0 unless the server answered 201 with the new ticket.
    void posted(int series, qsizetype index, qint64 sentNs, qint64 doneNs, int status, qint64 ticketId,
                const QString &error);

private:
    QString m_baseUrl;
    QString m_token;
    QNetworkAccessManager *m_network = nullptr; //!< created in the poster's thread, on first use
};

} // namespace tandem::bench
