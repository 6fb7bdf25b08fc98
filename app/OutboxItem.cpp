#include "OutboxItem.h"

using namespace Qt::StringLiterals;

namespace tandem::app {

QString toString(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return u"queued"_s;
    case OutboxState::Sending:
        return u"sending"_s;
    case OutboxState::Conflict:
        return u"conflict"_s;
    case OutboxState::Failed:
        return u"failed"_s;
    }
    return u"queued"_s;
}

std::optional<OutboxState> outboxStateFromString(QStringView text)
{
    if (text == u"queued")
        return OutboxState::Queued;
    if (text == u"sending")
        return OutboxState::Sending;
    if (text == u"conflict")
        return OutboxState::Conflict;
    if (text == u"failed")
        return OutboxState::Failed;
    return std::nullopt;
}

} // namespace tandem::app
