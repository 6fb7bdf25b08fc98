#include "DemoSeeder.h"

#include "DemoContent.h"

#include "server/Clock.h"
#include "server/auth/PasswordHasher.h"
#include "server/drafting/DraftEngine.h"
#include "server/service/TicketService.h"
#include "server/storage/Database.h"
#include "server/storage/EventRepository.h"
#include "server/storage/KbRepository.h"
#include "server/storage/QueueRepository.h"
#include "server/storage/ReviewRepository.h"
#include "server/storage/SqlTime.h"
#include "server/storage/TicketRepository.h"
#include "server/storage/UserRepository.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"
#include "core/Logging.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

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
    std::optional<User> supervisor;
    for (const DemoContent::DemoUser &u : m_content.users()) {
        User user{0, u.name, u.email, u.role};
        user.id = users.insertUser(user, demoHash, now.addDays(-90));
        if (u.role == Role::Agent)
            agents.append(user);
        else if (u.role == Role::Lead && !lead)
            lead = user;
        else if (u.role == Role::Supervisor && !supervisor)
            supervisor = user;
    }
    if (agents.isEmpty() || !lead || !supervisor)
        throw StorageError(u"the demo company needs at least one agent, one lead and one supervisor"_s);

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
        bool assisted = false;
        if (draft && choice < (risky ? 0.15 : 0.55)) {
            // An agent never sends a visible gap: filling one makes the reply "edited".
            QString body = draft->body;
            for (auto it = composed.slots.cbegin(); it != composed.slots.cend(); ++it)
                body.replace(u'[' + (it.key() == u"order" ? u"order number"_s : it.key()) + u']', it.value());
            reply(ticket.id, agent, body, draft->id,
                  body == draft->body ? ReplyOutcome::AsIs : ReplyOutcome::Edited);
            assisted = true;
        } else if (draft && choice < (risky ? 0.55 : 0.85) && !composed.agentReply.isEmpty()) {
            reply(ticket.id, agent, composed.agentReply, draft->id, ReplyOutcome::Edited);
            assisted = true;
        } else if (draft && choice < 0.93) {
            service.discardDraft(ticket.id, agent);
            at(t.addMSecs(minutes(3)));
            reply(ticket.id, agent, composed.agentReply.isEmpty() ? draft->body : composed.agentReply,
                  std::nullopt, ReplyOutcome::Own);
        } else {
            reply(ticket.id, agent, composed.agentReply.isEmpty() ? draft->body : composed.agentReply,
                  draft ? std::optional<qint64>(draft->id) : std::nullopt, ReplyOutcome::Own);
        }
        // Some AI-assisted answers did not settle it: the customer wrote again (reopened).
        if (assisted && !composed.followups.isEmpty() && ticket.id % 9 == 0 &&
            t.addMSecs(minutes(240)) < now) {
            t = t.addMSecs(minutes(60 + int(ticket.id % 180)));
            // Stored directly, not through addCustomerMessage(): no redraft, seeding stays fast.
            Message again;
            again.ticketId = ticket.id;
            again.author = {AuthorKind::Customer, std::nullopt, ticket.customer.name};
            again.body = composed.followups.last();
            again.createdAt = t;
            TicketRepository(m_db).insertMessage(again);
        }
        // Customers rarely answer after days: older pending cases were closed by then.
        if (unit(rng) < 0.8 || ageMinutes > 3 * 24 * 60) {
            QDateTime solvedAt = t.addMSecs(minutes(600 + int(unit(rng) * 2000)));
            // Not all at "now": recent cases were solved at some point since the reply, so the
            // leads' arrivals-vs-solved chart has solved tickets in most hours.
            if (solvedAt > now && t < now)
                solvedAt = t.addMSecs(t.msecsTo(now) * ((ticket.id * 37) % 100) / 100);
            at(solvedAt);
            TicketPatch p;
            p.status = TicketStatus::Solved;
            patch(ticket.id, p, agent);
        }
    }
    QElapsedTimer supervisionTimer;
    supervisionTimer.start();
    seedSupervision(now, agents, *supervisor);
    log->debug("seeded verdicts, SLA and presence in {} ms", supervisionTimer.elapsed());
    tx.commit();
    log->info("seeded the demo company: {} tickets, {} articles, {} users", arrivals.size(),
              m_content.articles().size(), m_content.users().size());
}

void DemoSeeder::seedSupervision(const QDateTime &now, const QList<User> &agents, const User &supervisor)
{
    // Spot-check verdicts. The agent who sends the most drafts as is gets a run of bad verdicts
    // (the automation-bias watch has something real to show); the others mostly good ones, and
    // most as-is replies stay unreviewed for the spot-check queue.
    struct Sent
    {
        qint64 id;
        qint64 agent;
        QString outcome;
        QDateTime at;
    };
    QList<Sent> sent;
    QHash<qint64, int> asIs;
    QSqlQuery q = m_db.exec(u"SELECT id, author_id, outcome, created_at FROM messages WHERE internal = 0"
                            " AND draft_id IS NOT NULL AND outcome IN ('as_is', 'edited') ORDER BY id"_s);
    while (q.next()) {
        sent.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     timeFromDb(q.value(3))});
        if (sent.last().outcome == u"as_is")
            ++asIs[sent.last().agent];
    }
    qint64 trusting = 0;
    for (auto it = asIs.cbegin(); it != asIs.cend(); ++it) {
        if (it.value() > asIs.value(trusting) || (it.value() == asIs.value(trusting) && it.key() < trusting))
            trusting = it.key();
    }
    ReviewRepository reviews(m_db);
    int seen = 0;
    for (const Sent &m : std::as_const(sent)) {
        const QDateTime at = std::min(m.at.addSecs(3600LL * (4 + m.id % 40)), now);
        if (m.agent == trusting && m.outcome == u"as_is") {
            if (++seen % 3 == 0)
                continue; // some left for the spot-check queue
            const bool harmful = seen % 2 == 0;
            reviews.setVerdict(m.id, harmful ? u"harmful"_s : u"should_have_been_edited"_s,
                               harmful ? u"Promised a refund date the policy does not allow."_s
                                       : u"Correct, but it ignored what the customer asked second."_s,
                               supervisor.id, at);
        } else if (m.id % 3 == 0) {
            reviews.setVerdict(m.id, m.id % 21 == 0 ? u"should_have_been_edited"_s : u"good"_s, {},
                               supervisor.id, at);
        }
    }

    // At the start, one ticket per queue is due within the hour (breached ones exist already).
    int i = 0;
    for (const Queue &queue : m_content.queues()) {
        const QVariant id =
            m_db.scalar(u"SELECT id FROM tickets WHERE queue = ? AND status IN ('new', 'open')"
                        " AND sla_due_at IS NOT NULL ORDER BY created_at DESC LIMIT 1"_s,
                        {queue.id});
        if (id.isValid())
            m_db.exec(u"UPDATE tickets SET sla_due_at = ? WHERE id = ?"_s,
                      {toDb(now.addSecs(60LL * (15 + 12 * i++))), id});
    }

    // Presence at the start: a few agents are working on tickets, two stepped away a while ago.
    EventRepository events(m_db);
    for (qsizetype a = 0; a < agents.size() && a < 5; ++a) {
        const QDateTime at = now.addSecs(a < 3 ? -20 : -600);
        const QVariant ticket = m_db.scalar(
            u"SELECT id FROM tickets WHERE assignee_id = ? ORDER BY id DESC LIMIT 1"_s, {agents.at(a).id});
        if (!ticket.isValid())
            continue;
        events.insert(u"presence"_s, ticket.toLongLong(),
                      {{u"user_id"_s, static_cast<double>(agents.at(a).id)},
                       {u"name"_s, agents.at(a).name},
                       {u"state"_s, u"viewing"_s},
                       {u"ticket_id"_s, ticket.toDouble()},
                       {u"expires_at"_s, formatTime(at.addSecs(30))}},
                      at);
    }
}

} // namespace tandem::server
