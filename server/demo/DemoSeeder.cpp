#include "DemoSeeder.h"

#include "DemoContent.h"

#include "server/Clock.h"
#include "server/auth/PasswordHasher.h"
#include "server/drafting/DraftEngine.h"
#include "server/service/TicketService.h"
#include "server/storage/Database.h"
#include "server/storage/KbRepository.h"
#include "server/storage/QueueRepository.h"
#include "server/storage/UserRepository.h"

#include "core/JsonCodec.h"
#include "core/Logging.h"

#include <QCryptographicHash>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

// The demo is reproducible: the same seed gives the same company every time.
constexpr unsigned kSeed = 20261125;

qint64 minutes(int m)
{
    return 60'000LL * m;
}

} // namespace

bool DemoSeeder::seedIfEmpty(const QDateTime &now, QString *error)
{
    try {
        if (UserRepository(m_db).userCount() > 0)
            return true;
        seed(now);
        m_seeded = true;
    } catch (const StorageError &e) {
        *error = u"seeding the demo company failed: %1"_s.arg(QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void DemoSeeder::seed(const QDateTime &now)
{
    auto log = tandem::logging::get("db");
    Transaction tx(m_db);

    QueueRepository queues(m_db);
    for (const Queue &q : m_content.queues())
        queues.insert(q);

    // One hash for the shared demo password keeps start-up fast; real users each get their own salt.
    const QString demoHash = PasswordHasher::hash(u"demo"_s);
    UserRepository users(m_db);
    QList<User> agents;
    std::optional<User> lead;
    for (const DemoContent::DemoUser &u : m_content.users()) {
        User user{0, u.name, u.email, u.role};
        user.id = users.insertUser(user, demoHash, now.addDays(-90));
        if (u.role == Role::Agent)
            agents.append(user);
        else if (u.role == Role::Lead && !lead)
            lead = user;
    }
    if (agents.isEmpty() || !lead)
        throw StorageError(u"the demo company needs at least one agent and one lead"_s);

    KbRepository kb(m_db);
    for (const KbArticle &a : m_content.articles())
        kb.insert(a);
    m_engine.reload();

    ManualClock clock(now);
    TicketService service(m_db, m_engine, clock);
    std::mt19937 rng(kSeed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    // Arrival times: most history spread over 14 days, a busy recent stretch for the live inbox.
    QList<QDateTime> arrivals;
    const qint64 historyMs = qint64(kHistoryDays) * 24 * 3600 * 1000;
    for (int i = 0; i < kTicketCount; ++i) {
        const bool recent = i >= kTicketCount * 3 / 4;
        const double back =
            recent ? unit(rng) * 36.0 * 3600 * 1000 : 36.0 * 3600 * 1000 + unit(rng) * historyMs;
        arrivals.append(now.addMSecs(-static_cast<qint64>(back)));
    }
    std::sort(arrivals.begin(), arrivals.end());

    auto at = [&](const QDateTime &t) {
        clock.set(std::min(t, now));
    };
    int keyCounter = 0;
    auto reply = [&](qint64 ticketId, const User &agent, const QString &body, std::optional<qint64> draftId,
                     ReplyOutcome outcome) {
        TicketService::ReplyCall call;
        call.ticketId = ticketId;
        call.request = {body, draftId, outcome, false};
        call.idempotencyKey = u"demo-seed-%1"_s.arg(++keyCounter);
        call.requestHash =
            QCryptographicHash::hash(json::serialize(json::toJson(call.request)), QCryptographicHash::Sha256)
                .toHex();
        service.reply(call, agent);
    };
    auto patch = [&](qint64 ticketId, const TicketPatch &p, const User &by) {
        const auto detail = service.detail(ticketId);
        service.patch(ticketId, p, detail->ticket.version, by);
    };

    for (const QDateTime &created : std::as_const(arrivals)) {
        const DemoContent::ComposedTicket composed = m_content.compose(rng);
        at(created);
        const auto result = service.create(composed.request);
        if (std::holds_alternative<ApiError>(result))
            throw StorageError(u"demo ticket rejected: %1"_s.arg(std::get<ApiError>(result).message));
        const Ticket ticket = std::get<Ticket>(result);
        if (ticket.priority != composed.priority) {
            TicketPatch p;
            p.priority = composed.priority;
            patch(ticket.id, p, *lead);
        }
        const User &agent = agents.at(static_cast<qsizetype>(unit(rng) * agents.size()) % agents.size());
        const qint64 ageMinutes = created.msecsTo(now) / 60'000;
        QDateTime t = created;

        if (composed.scenario->repeatContact && composed.followups.size() >= 2) {
            // The angry repeat contact: an answer that did not land, then two more messages.
            t = t.addMSecs(minutes(120 + int(unit(rng) * 240)));
            at(t);
            reply(ticket.id, agent, composed.agentReply,
                  service.detail(ticket.id)->draft.value_or(Draft{}).id, ReplyOutcome::Own);
            for (int f = 0; f < 2; ++f) {
                t = t.addMSecs(minutes(300 + int(unit(rng) * 900)));
                at(t);
                service.addCustomerMessage(ticket.id, composed.followups.at(f));
            }
            if (ageMinutes > 3 * 24 * 60) {
                // Long settled: a senior agent took it over, answered properly and closed it.
                t = t.addMSecs(minutes(60 + int(unit(rng) * 240)));
                at(t);
                reply(ticket.id, agent, composed.agentReply, std::nullopt, ReplyOutcome::Own);
                at(t.addMSecs(minutes(1440)));
                TicketPatch p;
                p.status = TicketStatus::Solved;
                patch(ticket.id, p, agent);
            }
            continue;
        }
        if (ageMinutes < 30 * 60 && unit(rng) < 0.75) {
            // Still waiting in the live inbox; some already picked up.
            if (unit(rng) < 0.3) {
                TicketPatch p;
                p.assigneeId = std::optional<qint64>(
                    agents.at(static_cast<qsizetype>(unit(rng) * 2) % agents.size()).id);
                at(t.addMSecs(minutes(5)));
                patch(ticket.id, p, *lead);
            }
            continue;
        }
        if (!composed.followups.isEmpty() && unit(rng) < 0.15) {
            t = t.addMSecs(minutes(20 + int(unit(rng) * 120)));
            at(t);
            service.addCustomerMessage(ticket.id, composed.followups.first());
        }
        t = t.addMSecs(minutes(8 + int(unit(rng) * 300)));
        at(t);
        const auto draft = service.detail(ticket.id)->draft;
        const double choice = unit(rng);
        const bool risky = ticket.needsHuman;
        if (draft && choice < (risky ? 0.15 : 0.55)) {
            // An agent never sends a visible gap: filling one makes the reply "edited".
            QString body = draft->body;
            for (auto it = composed.slots.cbegin(); it != composed.slots.cend(); ++it)
                body.replace(u'[' + (it.key() == u"order" ? u"order number"_s : it.key()) + u']', it.value());
            reply(ticket.id, agent, body, draft->id,
                  body == draft->body ? ReplyOutcome::AsIs : ReplyOutcome::Edited);
        } else if (draft && choice < (risky ? 0.55 : 0.85) && !composed.agentReply.isEmpty()) {
            reply(ticket.id, agent, composed.agentReply, draft->id, ReplyOutcome::Edited);
        } else if (draft && choice < 0.93) {
            service.discardDraft(ticket.id, agent);
            at(t.addMSecs(minutes(3)));
            reply(ticket.id, agent, composed.agentReply.isEmpty() ? draft->body : composed.agentReply,
                  std::nullopt, ReplyOutcome::Own);
        } else {
            reply(ticket.id, agent, composed.agentReply.isEmpty() ? draft->body : composed.agentReply,
                  draft ? std::optional<qint64>(draft->id) : std::nullopt, ReplyOutcome::Own);
        }
        // Customers rarely answer after days: older pending cases were closed by then.
        if (unit(rng) < 0.8 || ageMinutes > 3 * 24 * 60) {
            at(t.addMSecs(minutes(600 + int(unit(rng) * 2000))));
            TicketPatch p;
            p.status = TicketStatus::Solved;
            patch(ticket.id, p, agent);
        }
    }
    tx.commit();
    log->info("seeded the demo company: {} tickets, {} articles, {} users", arrivals.size(),
              m_content.articles().size(), m_content.users().size());
}

} // namespace tandem::server
