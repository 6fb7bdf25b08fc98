#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

class QMimeData;

//! Dragging tickets between views: the inbox produces, the lead workspace's agent table accepts.
//! The payload of "application/x-tandem-ticket-ids" is the ids as ASCII decimals, one per line.
namespace tandem::app::ticketmime {

//! The drag-and-drop type of ticket ids.
inline constexpr char kTicketIdsType[] = "application/x-tandem-ticket-ids";

QStringList types();
//! Ids -> payload bytes ("12\n34").
QByteArray encode(const QList<qint64> &ticketIds);
//! Strict: nullopt for an empty payload, anything not a positive decimal id, or more than 1000 ids.
std::optional<QList<qint64>> decode(const QByteArray &payload);
//! A new QMimeData (caller owns it) with the ids and a "#12, #34" text/plain fallback.
QMimeData *create(const QList<qint64> &ticketIds);
//! The ids carried by \a data; nullopt when it has none (or they are malformed).
std::optional<QList<qint64>> fromMimeData(const QMimeData *data);

} // namespace tandem::app::ticketmime
