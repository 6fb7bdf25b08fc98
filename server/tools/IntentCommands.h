#pragma once

#include <QStringList>

namespace tandem::server {

//! Entry point for `tandemd train-intents ...` and `tandemd eval intents ...`. `args` are the
//! arguments after the program name (e.g. {"eval", "intents", "--train", "a.csv", ...} or
//! {"train-intents", "--data", "x.csv", "--out", "model"}). Prints results to stdout and errors
//! to stderr; returns the process exit code (0 ok, 1 failure, 2 usage error).
int runIntentCommand(const QStringList &args);

} // namespace tandem::server
