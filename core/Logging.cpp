#include "Logging.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

using namespace Qt::StringLiterals;

namespace tandem::logging {
namespace {

// Logging configuration is process-wide by nature (spdlog's registry is); it is kept here
// behind functions, never reached for by domain code.
struct State
{
    QMutex mutex;
    std::vector<spdlog::sink_ptr> sinks;
    spdlog::level::level_enum defaultLevel = spdlog::level::info;
    QHash<QString, spdlog::level::level_enum> levels;
};

State &state()
{
    static State s;
    return s;
}

std::optional<spdlog::level::level_enum> levelFromName(const QString &name)
{
    const auto level = spdlog::level::from_str(name.toStdString());
    if (level == spdlog::level::off && name != u"off"_s)
        return std::nullopt;
    return level;
}

bool parseInto(const QString &spec, spdlog::level::level_enum *defaultLevel,
               QHash<QString, spdlog::level::level_enum> *levels, QString *error)
{
    const QStringList parts = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &rawPart : parts) {
        const QString part = rawPart.trimmed();
        const qsizetype eq = part.indexOf(u'=');
        const QString levelName = eq < 0 ? part : part.mid(eq + 1);
        const auto level = levelFromName(levelName);
        if (!level) {
            if (error)
                *error =
                    u"unknown log level \"%1\" (use trace, debug, info, warn, error, critical or off)"_s.arg(
                        levelName);
            return false;
        }
        if (eq < 0)
            *defaultLevel = *level;
        else
            levels->insert(part.left(eq), *level);
    }
    return true;
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    auto log = get("qt");
    const std::string text = message.toStdString();
    switch (type) {
    case QtDebugMsg:
        log->debug(text);
        break;
    case QtInfoMsg:
        log->info(text);
        break;
    case QtWarningMsg:
        log->warn(text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        log->critical(text);
        break;
    }
}

} // namespace

bool parseLevelSpec(const QString &spec, QString *error)
{
    spdlog::level::level_enum def = spdlog::level::info;
    QHash<QString, spdlog::level::level_enum> levels;
    return parseInto(spec, &def, &levels, error);
}

QString setup(const Options &options)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    QString error;
    spdlog::level::level_enum def = spdlog::level::info;
    QHash<QString, spdlog::level::level_enum> levels;
    if (!parseInto(options.levelSpec, &def, &levels, &error))
        return error;
    s.defaultLevel = def;
    s.levels = levels;
    s.sinks.clear();
    if (!options.quiet)
        s.sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!options.logFilePath.isEmpty()) {
        try {
            s.sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                options.logFilePath.toStdString(), 5 * 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex &e) {
            error = u"cannot open log file: %1"_s.arg(QString::fromUtf8(e.what()));
        }
    }
    // Re-apply to loggers that already exist.
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger> &logger) {
        logger->sinks() = s.sinks;
        logger->set_level(s.levels.value(QString::fromStdString(logger->name()), s.defaultLevel));
    });
    lock.unlock();
    qInstallMessageHandler(qtMessageHandler);
    return error;
}

std::shared_ptr<spdlog::logger> get(const char *subsystem)
{
    if (auto existing = spdlog::get(subsystem))
        return existing;
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (auto existing = spdlog::get(subsystem))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(subsystem, s.sinks.begin(), s.sinks.end());
    logger->set_level(s.levels.value(QString::fromLatin1(subsystem), s.defaultLevel));
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
    spdlog::register_logger(logger);
    return logger;
}

} // namespace tandem::logging
