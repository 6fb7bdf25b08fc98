#pragma once

namespace tandem::server {

class Clock;
class Database;
class Router;

//! /api/v1/policy/escalation (GET, PUT) and /policy/escalation/preview.
void registerPolicyRoutes(Router &router, Database &db, const Clock &clock);

} // namespace tandem::server
