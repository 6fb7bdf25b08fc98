#include "DraftEngineFactory.h"

#include "LlmDraftEngine.h"

#include "core/Logging.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace tandem::server {

std::optional<DraftEngines> DraftEngineFactory::create(QSqlDatabase db, const DraftEngineConfig &config,
                                                       QString *error)
{
    auto grounded = std::make_unique<GroundedDraftEngine>(db, config.grounded);
    if (!grounded->error().isEmpty()) {
        *error = grounded->error();
        return std::nullopt;
    }
    DraftEngines engines;
    engines.grounded = grounded.get();
    if (!config.llmEnabled()) {
        engines.engine = std::move(grounded);
        return engines;
    }

    const QUrl url(config.llmUrl, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) ||
        !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        *error = u"the LLM URL must be http(s)://host[:port][/path] (got \"%1\")"_s.arg(config.llmUrl);
        return std::nullopt;
    }
    if (config.llmModel.trimmed().isEmpty()) {
        *error = u"an LLM model name is required with an LLM URL"_s;
        return std::nullopt;
    }
    if (config.llmTimeoutMs < 100 || config.llmTimeoutMs > 120000) {
        *error = u"the LLM timeout must be between 100 and 120000 ms (got %1)"_s.arg(config.llmTimeoutMs);
        return std::nullopt;
    }
    QString key;
    if (!config.llmKeyFile.isEmpty()) {
        const auto fromFile = LlmClient::readApiKey({}, config.llmKeyFile, error);
        if (!fromFile)
            return std::nullopt;
        key = *fromFile;
    } else if (!config.llmKeyVariable.isEmpty()) {
        key = qEnvironmentVariable(config.llmKeyVariable.toUtf8().constData()).trimmed();
    }
    const QHostAddress host(url.host());
    const bool loopback = url.host() == u"localhost"_s || (!host.isNull() && host.isLoopback());
    auto log = tandem::logging::get("draft");
    if (!key.isEmpty() && url.scheme() == u"http"_s && !loopback)
        log->warn("the LLM API key is sent over plain http to {}; use https", url.host().toStdString());

    LlmEngineOptions options;
    options.client.baseUrl = url;
    options.client.model = config.llmModel.trimmed();
    options.client.apiKey = key;
    options.client.timeoutMs = config.llmTimeoutMs;
    options.client.temperature = config.llmTemperature;
    options.companyFacts = config.grounded.companyFacts;
    auto llm = std::make_unique<LlmDraftEngine>(std::move(grounded), std::move(db), std::move(options));
    log->info("drafting with {} at {} (timeout {} ms, API key {}), falling back to the grounded engine",
              llm->name().toStdString(), llm->client().endpoint().toString().toStdString(),
              config.llmTimeoutMs, key.isEmpty() ? "none" : "set");
    engines.engine = std::move(llm);
    return engines;
}

} // namespace tandem::server
