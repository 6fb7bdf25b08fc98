#include "Simulator.h"

#include "DemoContent.h"

#include "server/service/TicketService.h"
#include "server/storage/Database.h"

#include "core/Logging.h"

namespace tandem::server {

Simulator::Simulator(TicketService &tickets, const DemoContent &content, int everySeconds, QObject *parent)
    : QObject(parent), m_tickets(tickets), m_content(content), m_rng(std::random_device{}())
{
    m_timer.setInterval(everySeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Simulator::arrive);
}

void Simulator::start()
{
    m_timer.start();
}

void Simulator::arrive()
{
    try {
        const auto composed = m_content.compose(m_rng);
        const auto result = m_tickets.create(composed.request);
        if (const auto *ticket = std::get_if<Ticket>(&result))
            tandem::logging::get("draft")->debug("simulated arrival: ticket {}", ticket->id);
    } catch (const StorageError &e) {
        tandem::logging::get("db")->error("simulated arrival failed: {}", e.what());
    }
}

} // namespace tandem::server
