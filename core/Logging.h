#pragma once

#include <QString>
#include <QStringList>

#include <spdlog/spdlog.h>

#include <memory>

//! Per-subsystem spdlog loggers ("http", "db", "draft", "auth", "net", "sync", "ui", ...).
//! Never log tokens, passwords or message bodies.
namespace tandem::logging {

struct Options
{
    QString levelSpec;   //!< "info" or "http=debug,db=info" (a bare level sets the default)
    QString logFilePath; //!< rotating file; empty for stderr only
    bool quiet = false;  //!< no stderr sink (tests)
};

//! Installs the sinks, applies the levels and routes Qt's qDebug/qWarning into spdlog.
//! Returns an error sentence for a malformed level spec, empty on success.
QString setup(const Options &options);

//! The logger for \a subsystem, created on first use with the configured sinks and level.
std::shared_ptr<spdlog::logger> get(const char *subsystem);

//! Parses "http=debug,db=info" (and a bare "warn" for the default). For --log-level.
bool parseLevelSpec(const QString &spec, QString *error);

} // namespace tandem::logging
