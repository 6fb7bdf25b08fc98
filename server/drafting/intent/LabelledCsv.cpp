// readLabelledCsv: a small RFC 4180 reader for the `text,intent` training files.
#include "server/drafting/intent/IntentClassifier.h"

#include <QFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace tandem::server {

namespace {

//! Splits CSV text into records of fields. Tracks the line each record starts on for errors.
class CsvParser
{
public:
    explicit CsvParser(QStringView text) : m_text(text) {}

    //! Next record into *fields; false at the end of input or on error (then error() is set).
    bool next(QStringList *fields)
    {
        fields->clear();
        if (m_pos >= m_text.size())
            return false;
        m_recordLine = m_line;
        QString field;
        bool quoted = false;
        bool afterQuote = false; // a closing quote was seen: only a separator may follow
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos++];
            if (quoted) {
                if (c == u'"') {
                    if (m_pos < m_text.size() && m_text[m_pos] == u'"') {
                        field += u'"';
                        ++m_pos;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == u'\n')
                        ++m_line;
                    field += c;
                }
                continue;
            }
            if (c == u',') {
                fields->append(field);
                field.clear();
                afterQuote = false;
            } else if (c == u'\n' || c == u'\r') {
                if (c == u'\r' && m_pos < m_text.size() && m_text[m_pos] == u'\n')
                    ++m_pos;
                ++m_line;
                fields->append(field);
                return true;
            } else if (afterQuote) {
                m_error = u"line %1: unexpected character after a closing quote"_s.arg(m_recordLine);
                return false;
            } else if (c == u'"') {
                if (!field.isEmpty()) {
                    m_error = u"line %1: quote inside an unquoted field"_s.arg(m_recordLine);
                    return false;
                }
                quoted = true;
            } else {
                field += c;
            }
        }
        if (quoted) {
            m_error = u"line %1: quoted field is not closed before the end of the file"_s.arg(m_recordLine);
            return false;
        }
        fields->append(field);
        return true;
    }

    const QString &error() const { return m_error; }
    int recordLine() const { return m_recordLine; }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_recordLine = 1;
    QString m_error;
};

bool isBlank(const QStringList &fields)
{
    return fields.size() == 1 && fields.first().trimmed().isEmpty();
}

} // namespace

std::optional<QList<QPair<QString, QString>>> readLabelledCsv(const QString &path, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = path + u": "_s + message;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return fail(u"not valid UTF-8"_s);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    CsvParser parser(text);
    QStringList fields;
    if (!parser.next(&fields))
        return fail(parser.error().isEmpty() ? u"empty file"_s : parser.error());
    qsizetype textColumn = -1;
    qsizetype labelColumn = -1;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString name = fields[i].trimmed().toLower();
        if (name == u"text"_s && textColumn < 0)
            textColumn = i;
        else if (name == u"intent"_s)
            labelColumn = i; // `intent` wins over `category` when both exist
        else if (name == u"category"_s && labelColumn < 0)
            labelColumn = i;
    }
    if (textColumn < 0 || labelColumn < 0)
        return fail(u"the header needs a `text` column and an `intent` or `category` column"_s);
    const qsizetype columns = fields.size();

    QList<QPair<QString, QString>> rows;
    while (parser.next(&fields)) {
        if (isBlank(fields))
            continue;
        if (fields.size() != columns) {
            return fail(u"line %1: expected %2 fields, found %3"_s.arg(parser.recordLine())
                            .arg(columns)
                            .arg(fields.size()));
        }
        const QString label = fields[labelColumn].trimmed();
        if (label.isEmpty())
            return fail(u"line %1: empty intent"_s.arg(parser.recordLine()));
        rows.append({fields[textColumn], label});
    }
    if (!parser.error().isEmpty())
        return fail(parser.error());
    return rows;
}

} // namespace tandem::server
