#pragma once

namespace tandem::server {

class Database;
class Router;
class TicketService;

//! /api/v1/tickets/*, /api/v1/kb/* and /healthz.
void registerTicketRoutes(Router &router, TicketService &tickets, Database &db);

} // namespace tandem::server
