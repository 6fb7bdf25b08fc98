#pragma once

#include "ServerConfig.h"

#include <QObject>

#include <memory>

namespace tandem::server {

class Database;
class HttpFrontend;
class Simulator;
class TicketService;

//! A running tandemd: storage, routes and (in demo mode) the arrival simulator.
//! Used by the tandemd executable, by `tandem --demo` and by the tests.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    //! Opens/migrates the database, seeds demo data if asked, starts listening.
    bool start(QString *error);
    //! The port actually bound (useful when the config asked for 0).
    quint16 port() const;
    QString baseUrl() const;
    //! The ticket use cases of a started server, for in-process tools (`tandemd eval judgement`)
    //! that must take the same path as a channel does.
    TicketService &tickets();
    Database &database();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tandem::server
