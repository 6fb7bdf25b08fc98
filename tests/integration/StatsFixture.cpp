#include "StatsFixture.h"

#include "server/auth/PasswordHasher.h"
#include "server/storage/Database.h"
#include "server/storage/EventRepository.h"
#include "server/storage/Migrations.h"
#include "server/storage/QueueRepository.h"
#include "server/storage/ReviewRepository.h"
#include "server/storage/TicketRepository.h"
#include "server/storage/UserRepository.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::server;

// The history (offsets from t0; SLA and solved times likewise):
//
// | ticket | queue | status  | created | SLA due | assignee | needs human | solved |
// | t1     | q1    | open    | -2 h    | -10 min | ann      | yes         |        |
// | t2     | q1    | new     | -30 min | +30 min |          |             |        |
// | t3     | q1    | pending | -5 h    |         | ann      |             |        |
// | t4     | q1    | solved  | -20 h   |         | bob      |             | -19 h  |
// | t5     | q1    | solved  | -3 d    |         | bob      |             | -2 h   |
// | t6     | q2    | open    | -50 min | +3 h    | bob      | yes         |        |
// | t7     | q2    | solved  | -10 d   |         | bob      |             | -9 d   |
// | t8     | q2    | open    | -26 h   |         |          |             |        |
//
// Drafts (confidence, intent, needs-human flag) and what happened to them:
// d1 t1 0.95 card nh: m1 as_is by ann at -2h+10min, distance 0
// d2 t2 0.72 card: discarded by ann
// d3 t3 0.65 address: m3a edited by ann at -5h+30min, distance 12; the customer wrote again at -4h
// d3b t3 0.55 address: m3b own by ann at -4h+5min, distance 40
// d4 t4 0.85 refund: m4 edited by bob at -20h+2min, distance 30; verdict harmful (sue)
// d6 t6 0.35 refund nh: undecided
// d7 t7 0.91 card: m7 as_is by bob at -10d+10min, distance 0; verdict good (sue)
// d8 t8 0.15 (no intent): discarded by bob
// Presence: bob viewed a ticket 10 minutes ago. Escalation signals: see "sigs" below.
bool StatsFixture::build(const QString &path, QString *error)
{
    if (!PasswordHasher::initialize()) {
        *error = u"libsodium"_s;
        return false;
    }
    Database db;
    if (!db.openSqlite(path, error) || !Migrations(db).run(error))
        return false;
    t0 = QDateTime::currentDateTimeUtc();
    auto at = [this](qint64 seconds) {
        return t0.addSecs(seconds);
    };
    constexpr qint64 H = 3600;
    constexpr qint64 D = 24 * H;
    try {
        Transaction tx(db);
        QueueRepository queues(db);
        Queue q1{u"q1"_s, u"Queue One"_s, {60, 60, 60, 60}};
        Queue q2{u"q2"_s, u"Queue Two"_s, {60, 60, 60, 60}};
        queues.insert(q1);
        queues.insert(q2);
        const QString hash = PasswordHasher::hash(u"demo"_s);
        UserRepository userRepo(db);
        const QList<std::tuple<QString, QString, Role>> people{{u"ann"_s, u"Ann"_s, Role::Agent},
                                                               {u"bob"_s, u"Bob"_s, Role::Agent},
                                                               {u"lee"_s, u"Lee"_s, Role::Lead},
                                                               {u"sue"_s, u"Sue"_s, Role::Supervisor},
                                                               {u"adm"_s, u"Adm"_s, Role::Admin}};
        for (const auto &[key, name, role] : people)
            users.insert(key,
                         userRepo.insertUser({0, name, key + u"@stats.example"_s, role}, hash, at(-30 * D)));

        TicketRepository repo(db);
        auto ticket = [&](const QString &key, const QString &queue, TicketStatus status, qint64 created,
                          std::optional<qint64> sla, const QString &assignee, bool needsHuman,
                          std::optional<qint64> solved) {
            Ticket t;
            t.subject = u"Fixture "_s + key;
            t.status = status;
            t.queue = queue;
            t.customer = {u"Cara "_s + key, key + u"@customer.example"_s, u"en"_s};
            if (!assignee.isEmpty())
                t.assigneeId = users.value(assignee);
            t.createdAt = at(created);
            t.updatedAt = at(created);
            if (sla)
                t.slaDueAt = at(*sla);
            t.version = 1;
            t.language = u"en"_s;
            t.needsHuman = needsHuman;
            t.id = repo.insertTicket(t);
            if (solved)
                repo.setSolvedAt(t.id, at(*solved));
            tickets.insert(key, t.id);
            ticketCreated.insert(key, t.createdAt);
            Message m;
            m.ticketId = t.id;
            m.author = {AuthorKind::Customer, std::nullopt, t.customer.name};
            m.body = u"Hello"_s;
            m.createdAt = t.createdAt;
            repo.insertMessage(m);
        };
        auto customer = [&](const QString &key, qint64 when) {
            Message m;
            m.ticketId = tickets.value(key);
            m.author = {AuthorKind::Customer, std::nullopt, u"Cara"_s};
            m.body = u"Again"_s;
            m.createdAt = at(when);
            repo.insertMessage(m);
        };
        auto draft = [&](const QString &key, double confidence, const QString &intent, bool needsHuman,
                         qint64 when) {
            Draft d;
            d.ticketId = tickets.value(key);
            d.body = u"Draft for "_s + key;
            d.confidence = confidence;
            d.intent = intent;
            d.language = u"en"_s;
            d.citations = {{u"kb:1"_s, u"Article"_s, u"Snippet"_s}};
            if (needsHuman)
                d.flags = {{u"needs_human"_s, u"fixture"_s, -1, 0}};
            d.engine = u"fixture"_s;
            d.createdAt = at(when);
            return repo.insertDraft(d);
        };
        auto reply = [&](const QString &key, const QString &user, qint64 when, qint64 draftId,
                         const QString &outcome, int distance) {
            Message m;
            m.ticketId = tickets.value(key);
            m.author = {AuthorKind::Agent, users.value(user), user};
            m.body = u"Reply on "_s + key;
            m.createdAt = at(when);
            repo.decideDraft(draftId, u"sent"_s, outcome, users.value(user), at(when));
            replies.append({user, at(when)});
            return repo.insertMessage(m, draftId, outcome, distance);
        };
        auto discard = [&](qint64 draftId, const QString &user, qint64 when) {
            repo.decideDraft(draftId, u"discarded"_s, u"discarded"_s, users.value(user), at(when));
        };

        ticket(u"t1"_s, u"q1"_s, TicketStatus::Open, -2 * H, -600, u"ann"_s, true, {});
        messages.insert(u"m1"_s, reply(u"t1"_s, u"ann"_s, -2 * H + 600,
                                       draft(u"t1"_s, 0.95, u"card"_s, true, -2 * H), u"as_is"_s, 0));
        ticket(u"t2"_s, u"q1"_s, TicketStatus::New, -1800, 1800, {}, false, {});
        discard(draft(u"t2"_s, 0.72, u"card"_s, false, -1800), u"ann"_s, -1500);
        ticket(u"t3"_s, u"q1"_s, TicketStatus::Pending, -5 * H, {}, u"ann"_s, false, {});
        messages.insert(u"m3a"_s, reply(u"t3"_s, u"ann"_s, -5 * H + 1800,
                                        draft(u"t3"_s, 0.65, u"address"_s, false, -5 * H), u"edited"_s, 12));
        customer(u"t3"_s, -4 * H);
        messages.insert(u"m3b"_s, reply(u"t3"_s, u"ann"_s, -4 * H + 300,
                                        draft(u"t3"_s, 0.55, u"address"_s, false, -4 * H), u"own"_s, 40));
        ticket(u"t4"_s, u"q1"_s, TicketStatus::Solved, -20 * H, {}, u"bob"_s, false, -19 * H);
        messages.insert(u"m4"_s, reply(u"t4"_s, u"bob"_s, -20 * H + 120,
                                       draft(u"t4"_s, 0.85, u"refund"_s, false, -20 * H), u"edited"_s, 30));
        ticket(u"t5"_s, u"q1"_s, TicketStatus::Solved, -3 * D, {}, u"bob"_s, false, -2 * H);
        ticket(u"t6"_s, u"q2"_s, TicketStatus::Open, -3000, 3 * H, u"bob"_s, true, {});
        draft(u"t6"_s, 0.35, u"refund"_s, true, -3000);
        ticket(u"t7"_s, u"q2"_s, TicketStatus::Solved, -10 * D, {}, u"bob"_s, false, -9 * D);
        messages.insert(u"m7"_s, reply(u"t7"_s, u"bob"_s, -10 * D + 600,
                                       draft(u"t7"_s, 0.91, u"card"_s, false, -10 * D), u"as_is"_s, 0));
        ticket(u"t8"_s, u"q2"_s, TicketStatus::Open, -26 * H, {}, {}, false, {});
        discard(draft(u"t8"_s, 0.15, {}, false, -26 * H), u"bob"_s, -25 * H);

        ReviewRepository reviews(db);
        reviews.setVerdict(messages.value(u"m4"_s), u"harmful"_s, u"wrong fee"_s, users.value(u"sue"_s),
                           at(-H));
        reviews.setVerdict(messages.value(u"m7"_s), u"good"_s, {}, users.value(u"sue"_s), at(-9 * D));

        EventRepository(db).insert(
            u"presence"_s, tickets.value(u"t6"_s),
            {{u"user_id"_s, static_cast<double>(users.value(u"bob"_s))}, {u"state"_s, u"viewing"_s}},
            at(-600));

        // The signals the escalation of each ticket was decided with (t7 is older than 7 days).
        struct Sig
        {
            QString ticket, queue, intent;
            double confidence;
            bool abstained, outOfScope;
            double sentiment;
            int customerMessages;
        };
        const QList<Sig> sigs{{u"t1"_s, u"q1"_s, u"card"_s, 0.95, false, false, -0.8, 1},
                              {u"t2"_s, u"q1"_s, u"card"_s, 0.72, false, false, 0.0, 1},
                              {u"t3"_s, u"q1"_s, u"address"_s, 0.65, false, false, 0.0, 2},
                              {u"t4"_s, u"q1"_s, u"refund"_s, 0.85, false, false, 0.0, 1},
                              {u"t5"_s, u"q1"_s, u"card"_s, 0.4, false, false, 0.0, 1},
                              {u"t6"_s, u"q2"_s, u"refund"_s, 0.35, true, false, 0.0, 1},
                              {u"t7"_s, u"q2"_s, u"card"_s, 0.1, false, false, -0.9, 1},
                              {u"t8"_s, u"q2"_s, QString(), 0.8, false, true, 0.0, 1}};
        for (const Sig &s : sigs) {
            const QJsonObject o{{u"queue"_s, s.queue},
                                {u"intent"_s, s.intent},
                                {u"confidence"_s, s.confidence},
                                {u"model_abstained"_s, s.abstained},
                                {u"out_of_scope"_s, s.outOfScope},
                                {u"sentiment_score"_s, s.sentiment},
                                {u"customer_messages"_s, s.customerMessages},
                                {u"no_knowledge"_s, false}};
            db.exec(u"INSERT INTO draft_signals (ticket_id, signals) VALUES (?, ?)"_s,
                    {tickets.value(s.ticket),
                     QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))});
        }
        tx.commit();
    } catch (const StorageError &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}
