#pragma once

namespace tandem::server {

class AuthService;
class Database;
class Router;

//! /api/v1/auth/*, /api/v1/me and /api/v1/users.
void registerAuthRoutes(Router &router, AuthService &auth, Database &db);

} // namespace tandem::server
