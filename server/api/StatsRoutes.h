#pragma once

namespace tandem::server {

class Clock;
class Database;
class Router;

//! /api/v1/stats/queues, /stats/agents and /stats/suggestions: figures for leads and supervisors.
void registerStatsRoutes(Router &router, Database &db, const Clock &clock);

} // namespace tandem::server
