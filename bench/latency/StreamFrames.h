#pragma once

#include <QStringView>

namespace tandem::bench {

//! The ticket id of a ticket.created frame of GET /api/v1/events, 0 for any other frame. A cheap
//! scan rather than a JSON parse: up to 200 clients share the benchmark process, and the engine
//! clients already parse every frame themselves.
qint64 createdTicketId(QStringView frame);

} // namespace tandem::bench
