#include "CsvExport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

// OWASP "CSV injection": a cell starting with one of these is a formula to Excel/LibreOffice.
bool looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
           first == u'\r';
}

QString field(const QVariant &value)
{
    QString text = value.toString();
    if (!isNumber(value) && looksLikeFormula(text))
        text.prepend(u'\'');
    const bool quote =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!quote)
        return text;
    text.replace(u"\""_s, u"\"\""_s);
    return u'"' + text + u'"';
}

void appendRecord(QString *out, const QStringList &fields)
{
    out->append(fields.join(u','));
    out->append(u"\r\n"_s);
}

} // namespace

QByteArray toCsv(const QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    const int rows = model.rowCount();
    QString out;
    QStringList fields;
    fields.reserve(columns);
    for (int column = 0; column < columns; ++column)
        fields.append(field(model.headerData(column, Qt::Horizontal, Qt::DisplayRole)));
    appendRecord(&out, fields);
    for (int row = 0; row < rows; ++row) {
        fields.clear();
        for (int column = 0; column < columns; ++column)
            fields.append(field(model.data(model.index(row, column), Qt::DisplayRole)));
        appendRecord(&out, fields);
    }
    return out.toUtf8();
}

bool writeCsv(const QAbstractItemModel &model, const QString &path, QString *error)
{
    QSaveFile file(path);
    const auto fail = [&] {
        if (error) {
            *error = QCoreApplication::translate("tandem::app::CsvExport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        }
        file.cancelWriting();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail();
    const QByteArray bytes = toCsv(model);
    if (file.write(bytes) != bytes.size())
        return fail();
    if (!file.commit())
        return fail();
    return true;
}

} // namespace tandem::app
