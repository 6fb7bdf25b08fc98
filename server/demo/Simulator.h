#pragma once

#include <QObject>
#include <QTimer>

#include <random>

namespace tandem::server {

class DemoContent;
class TicketService;

//! Demo mode only: a customer writes in every few seconds, through the same intake path as a
//! real channel. It keeps no state that matters: stop it and nothing is lost.
class Simulator : public QObject
{
    Q_OBJECT
public:
    Simulator(TicketService &tickets, const DemoContent &content, int everySeconds,
              QObject *parent = nullptr);
    void start();

private:
    void arrive();

    TicketService &m_tickets;
    const DemoContent &m_content;
    QTimer m_timer;
    std::mt19937 m_rng;
};

} // namespace tandem::server
