#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace tandem::server {

//! One row of a resolved-ticket corpus: what the customer wrote, its intent and the reply sent.
struct ResolvedRow
{
    QString text;
    QString intent;
    QString response; //!< may be empty in test files without references
};

//! Reads a corpus CSV (RFC 4180: quoted fields, "" escapes, multi-line fields, LF or CRLF) whose
//! header names `text`, `intent` (or `category` when there is no `intent`) and optionally
//! `response`. Returns nullopt with *error naming the first malformed line.
std::optional<QList<ResolvedRow>> readResolvedCsv(const QString &path, QString *error);

//! The same from text already in memory (\a name is used in error messages).
std::optional<QList<ResolvedRow>> parseResolvedCsv(const QString &csv, const QString &name, QString *error);

} // namespace tandem::server
