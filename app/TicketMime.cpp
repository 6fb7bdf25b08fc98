#include "TicketMime.h"

#include <QMimeData>

using namespace Qt::StringLiterals;

namespace tandem::app::ticketmime {
namespace {
constexpr int kMaxIds = 1000;
}

QStringList types()
{
    return {QString::fromLatin1(kTicketIdsType)};
}

QByteArray encode(const QList<qint64> &ticketIds)
{
    QByteArrayList lines;
    lines.reserve(ticketIds.size());
    for (qint64 id : ticketIds)
        lines.append(QByteArray::number(id));
    return lines.join('\n');
}

std::optional<QList<qint64>> decode(const QByteArray &payload)
{
    const QByteArrayList lines = payload.trimmed().split('\n');
    if (payload.trimmed().isEmpty() || lines.size() > kMaxIds)
        return std::nullopt;
    QList<qint64> ids;
    ids.reserve(lines.size());
    for (const QByteArray &line : lines) {
        bool ok = false;
        const qint64 id = line.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

QMimeData *create(const QList<qint64> &ticketIds)
{
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kTicketIdsType), encode(ticketIds));
    QStringList text;
    for (qint64 id : ticketIds)
        text.append(u"#%1"_s.arg(id));
    data->setText(text.join(u", "_s));
    return data;
}

std::optional<QList<qint64>> fromMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kTicketIdsType)))
        return std::nullopt;
    return decode(data->data(QString::fromLatin1(kTicketIdsType)));
}

} // namespace tandem::app::ticketmime
