#pragma once

#include <QStringList>

namespace tandem::server {

//! Entry point for `tandemd eval drafts ...`. \a args are the arguments after the program name,
//! e.g. {"eval", "drafts", "--corpus", "R.csv", "--test", "T.csv", "--json"} or
//! {"eval", "drafts", "--corpus", "R.csv", "--cv", "5", "--json"}. Prints the report to stdout
//! and errors to stderr; returns the process exit code (0 ok, 1 failure, 2 usage error).
int runDraftCommand(const QStringList &args);

} // namespace tandem::server
