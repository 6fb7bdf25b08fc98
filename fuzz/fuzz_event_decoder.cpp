// libFuzzer target: the desktop engine's event-stream decoder (app/StreamEvent parseStreamEvent),
// a pure function fed with whatever a server (or an attacker in the middle) might send.
#include "app/StreamEvent.h"

#include "core/JsonCodec.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace tandem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto event = app::parseStreamEvent(bytes, &error);
    if (!event) {
        if (error.isEmpty())
            std::abort(); // every rejection must say why
        return 0;
    }
    // What the decoder accepted must be coherent.
    if (event->changesTicket() && (!event->ticket || event->ticket->id != event->ticketId || event->seq <= 0))
        std::abort();
    if (event->type == app::StreamEvent::Type::Presence &&
        (!event->presence || event->presence->ticketId <= 0))
        std::abort();
    if (event->ticket) {
        QString again;
        if (!json::ticketFromJson(json::toJson(*event->ticket), &again))
            std::abort();
    }
    return 0;
}
