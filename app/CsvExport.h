#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

//! Table export as CSV (RFC 4180): used by every "Export CSV…" button of the lead and supervisor
//! workspaces. The header row is the model's horizontal headerData(); each top-level row follows
//! with its Qt::DisplayRole texts, so the file says what the table shows.
namespace tandem::app {

//! \a model as UTF-8 CSV: fields separated by commas, records ended by CRLF, a field quoted (and
//! its quotes doubled) when it holds a comma, a quote, CR or LF. Text that a spreadsheet would
//! run as a formula (starting with = + - @, tab or CR) gets a leading single quote; numbers
//! (int/double values, e.g. -3) are written as they are. No byte-order mark.
QByteArray toCsv(const QAbstractItemModel &model);

//! Writes toCsv(\a model) to \a path atomically (nothing is left behind on failure). False with a
//! message for people in \a error (may be null) when the file cannot be written.
bool writeCsv(const QAbstractItemModel &model, const QString &path, QString *error);

} // namespace tandem::app
