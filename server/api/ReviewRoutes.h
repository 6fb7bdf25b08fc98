#pragma once

namespace tandem::server {

class Clock;
class Database;
class Router;

//! /api/v1/reviews and /reviews/{id}/verdict: AI-assisted replies under review.
void registerReviewRoutes(Router &router, Database &db, const Clock &clock);

} // namespace tandem::server
