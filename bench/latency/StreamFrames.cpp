#include "StreamFrames.h"

#include <limits>

namespace tandem::bench {

qint64 createdTicketId(QStringView frame)
{
    // The server writes compact JSON (no spaces), keys at the top level.
    if (!frame.contains(u"\"type\":\"ticket.created\""))
        return 0;
    constexpr QStringView key = u"\"ticket_id\":";
    const qsizetype at = frame.indexOf(key);
    if (at < 0)
        return 0;
    // Digits by hand: QStringView::toLongLong is not exported by Qt 6.4.
    qint64 id = 0;
    for (qsizetype i = at + key.size(); i < frame.size() && frame.at(i).isDigit(); ++i) {
        if (id > (std::numeric_limits<qint64>::max() - 9) / 10)
            return 0;
        id = id * 10 + frame.at(i).digitValue();
    }
    return id;
}

} // namespace tandem::bench
