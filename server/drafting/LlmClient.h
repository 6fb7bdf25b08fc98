#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QThread>
#include <QUrl>

#include <memory>
#include <optional>

class QObject;

namespace tandem::server {

//! Where and how to reach an OpenAI-compatible chat-completions endpoint.
struct LlmClientConfig
{
    QUrl baseUrl;         //!< e.g. http://127.0.0.1:8081 (the client appends /v1/chat/completions)
    QString model;        //!< sent as "model"
    QString apiKey;       //!< sent as "Authorization: Bearer"; empty sends no header. Never logged.
    int timeoutMs = 8000; //!< whole request, connect to last byte
    double temperature = 0.2;
    qint64 maxResponseBytes = 256 * 1024; //!< larger responses are aborted
};

//! One chat message of the request.
struct ChatMessage
{
    QString role; //!< "system" or "user"
    QString content;
};

//! What came back: the assistant's text, or why there is none.
struct LlmReply
{
    enum class Error
    {
        None,
        Timeout,   //!< no complete answer within the timeout
        Network,   //!< connection refused, reset, DNS, ...
        Http,      //!< a status other than 2xx
        Malformed, //!< not the JSON of a chat completion
        TooLarge,  //!< response larger than maxResponseBytes
    };
    Error error = Error::None;
    int httpStatus = 0;
    QString content; //!< choices[0].message.content when error is None
    QString detail;  //!< for logs and flags: never contains the key or message bodies
    bool ok() const { return error == Error::None; }
};

//! Blocking client for POST {base}/v1/chat/completions. The request runs on the client's own
//! thread (with its own QNetworkAccessManager and event loop), so the caller's event loop is not
//! re-entered; the caller blocks for at most the configured timeout. Redirects are not followed
//! (the key must not travel to another host); loopback endpoints bypass any proxy.
class LlmClient
{
public:
    explicit LlmClient(LlmClientConfig config);
    ~LlmClient();
    LlmClient(const LlmClient &) = delete;
    LlmClient &operator=(const LlmClient &) = delete;

    //! Sends the conversation and waits for the answer (at most timeoutMs plus a short grace).
    LlmReply complete(const QList<ChatMessage> &messages);

    const LlmClientConfig &config() const { return m_config; }
    QUrl endpoint() const;

    //! The JSON request body: {"model", "messages": [{"role", "content"}], "temperature"}.
    static QByteArray requestBody(const QString &model, const QList<ChatMessage> &messages,
                                  double temperature);
    //! Reads choices[0].message.content of a chat-completion response.
    static LlmReply parseResponse(const QByteArray &body);
    //! The key from an environment variable or a file (first line, trimmed); nullopt with
    //! *error when a source is named but empty or unreadable. Both empty: no key ("").
    static std::optional<QString> readApiKey(const QString &environmentVariable, const QString &filePath,
                                             QString *error);

private:
    LlmClientConfig m_config;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread, owns the QNetworkAccessManager
};

} // namespace tandem::server
