#include "ResolvedCsv.h"

#include <QFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::server {

std::optional<QList<ResolvedRow>> readResolvedCsv(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1"_s.arg(path);
        return std::nullopt;
    }
    return parseResolvedCsv(QString::fromUtf8(file.readAll()), path, error);
}

std::optional<QList<ResolvedRow>> parseResolvedCsv(const QString &csv, const QString &name, QString *error)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    QList<int> recordLines;
    const qsizetype n = csv.size();
    qsizetype i = csv.startsWith(u'\xFEFF') ? 1 : 0;
    auto endRecord = [&] {
        record.append(field);
        if (!(record.size() == 1 && record.first().isEmpty())) {
            records.append(record);
            recordLines.append(recordLine);
        }
        record.clear();
        field.clear();
        fieldStarted = false;
        recordLine = line;
    };
    for (; i < n; ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && csv.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            ++line;
            endRecord();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        *error = u"%1:%2: a quoted field is never closed"_s.arg(name).arg(recordLine);
        return std::nullopt;
    }
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (records.isEmpty()) {
        *error = u"%1: empty file"_s.arg(name);
        return std::nullopt;
    }
    const QStringList header = records.takeFirst();
    recordLines.removeFirst();
    QStringList lower;
    for (const QString &h : header)
        lower.append(h.trimmed().toLower());
    const qsizetype textCol = lower.indexOf(u"text"_s);
    qsizetype intentCol = lower.indexOf(u"intent"_s);
    if (intentCol < 0)
        intentCol = lower.indexOf(u"category"_s);
    const qsizetype responseCol = lower.indexOf(u"response"_s);
    if (textCol < 0 || intentCol < 0) {
        *error = u"%1: the header needs a \"text\" and an \"intent\" or \"category\" column"_s.arg(name);
        return std::nullopt;
    }
    QList<ResolvedRow> rows;
    rows.reserve(records.size());
    for (qsizetype r = 0; r < records.size(); ++r) {
        const QStringList &rec = records.at(r);
        if (rec.size() != header.size()) {
            *error = u"%1:%2: %3 fields where the header has %4"_s.arg(name)
                         .arg(recordLines.at(r))
                         .arg(rec.size())
                         .arg(header.size());
            return std::nullopt;
        }
        ResolvedRow row{rec.at(textCol), rec.at(intentCol).trimmed(),
                        responseCol >= 0 ? rec.at(responseCol) : QString()};
        if (row.text.trimmed().isEmpty() || row.intent.isEmpty()) {
            *error = u"%1:%2: empty text or intent"_s.arg(name).arg(recordLines.at(r));
            return std::nullopt;
        }
        rows.append(row);
    }
    return rows;
}

} // namespace tandem::server
