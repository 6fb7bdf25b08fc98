#include "TicketService.h"

#include "core/Permissions.h"
#include "server/Clock.h"
#include "server/drafting/DraftEngine.h"
#include "server/drafting/EditDistance.h"
#include "server/storage/AuditRepository.h"
#include "server/storage/Database.h"
#include "server/storage/IdempotencyRepository.h"
#include "server/storage/QueueRepository.h"
#include "server/storage/TicketRepository.h"
#include "server/storage/UserRepository.h"

#include "core/JsonCodec.h"
#include "core/Logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {
constexpr int kIdempotencyRetentionHours = 48; // we promise >= 24 h
// The customer's history the judgement sees: the policy's repeat window (at most a year) decides
// which of these count.
constexpr int kHistoryDays = 365;
// How far back a person's priority change is looked for (audit entries of one ticket).
constexpr int kPriorityAuditLookback = 200;
constexpr int kHistoryTickets = 12;

ApiError notFound()
{
    return {404, u"not_found"_s, u"There is no ticket with that id."_s};
}

ApiError invalid(const QString &message)
{
    return {400, u"invalid_body"_s, message};
}

// The first of the draft's gaps (missing_slot spans) that \a body still contains word for word.
QString unfilledGap(const Draft &draft, const QString &body)
{
    for (const DraftFlag &f : draft.flags) {
        if (f.kind != u"missing_slot" || f.start < 0 || f.length <= 0 ||
            f.start + f.length > draft.body.size())
            continue;
        const QString gap = draft.body.mid(f.start, f.length);
        if (!gap.trimmed().isEmpty() && body.contains(gap))
            return gap;
    }
    return {};
}

HttpResponse fromError(const ApiError &e, const QJsonObject &extra = {})
{
    return HttpResponse::error(e.status, e.code, e.message, extra);
}
} // namespace

QString TicketService::encodeCursor(qint64 seq)
{
    return QString::fromLatin1((u"c1:"_s + QString::number(seq))
                                   .toLatin1()
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> TicketService::decodeCursor(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    if (cursor.size() > 64)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("c1:"))
        return std::nullopt;
    bool ok = false;
    const qint64 seq = decoded.decoded.mid(3).toLongLong(&ok);
    if (!ok || seq < 0)
        return std::nullopt;
    return seq;
}

void TicketService::redraft(Ticket &ticket, const QDateTime &at, const QString &tone)
{
    TicketRepository tickets(m_db);
    const QList<Ticket> earlierTickets =
        tickets.customerTickets(ticket.customer.email, ticket.id, at.addDays(-kHistoryDays), kHistoryTickets);
    // This ticket's thread and the history's, in one query.
    QList<qint64> ids{ticket.id};
    for (const Ticket &earlier : earlierTickets)
        ids.append(earlier.id);
    QHash<qint64, QList<Message>> threads = tickets.messagesOf(ids);
    DraftRequest request{ticket, threads.take(ticket.id), tone, {}};
    for (const Ticket &earlier : earlierTickets) {
        judgement::PriorContact p;
        p.ticketId = earlier.id;
        p.subject = earlier.subject;
        p.intent = earlier.intent;
        p.status = earlier.status;
        p.createdAt = earlier.createdAt;
        const QList<Message> thread = threads.value(earlier.id);
        for (const Message &m : thread) {
            if (m.author.kind == AuthorKind::Customer && !m.internal) {
                p.text += m.body + u'\n';
                p.lastText = m.body;
            }
        }
        request.history.append(p);
    }
    DraftResult result = m_engine.draft(request);
    result.draft.ticketId = ticket.id;
    result.draft.createdAt = at;
    tickets.insertDraft(result.draft);
    if (!result.escalationSignals.isEmpty())
        tickets.saveEscalationSignals(ticket.id, result.escalationSignals);
    ticket.intent = result.intent;
    ticket.sentiment = result.sentiment;
    ticket.language = result.language;
    ticket.needsHuman = result.needsHuman;
    ticket.needsHumanReason = result.needsHumanReason;
    ticket.needsHumanCodes = result.needsHumanCodes;
    // The judgement only ever raises the priority (a crisis is urgent); a person may lower it.
    if (result.priority > ticket.priority) {
        ticket.priority = result.priority;
        if (const auto queue = QueueRepository(m_db).queue(ticket.queue)) {
            const QDateTime due = at.addSecs(60LL * queue->slaFor(ticket.priority));
            if (!ticket.slaDueAt.isValid() || due < ticket.slaDueAt)
                ticket.slaDueAt = due;
        }
    } else if (result.priorityMayFall && result.priority < ticket.priority &&
               ticket.priority < Priority::Urgent && !personSetPriority(ticket.id)) {
        // The customer took back what raised it: the priority the judgement gave falls with it
        // (the SLA target stays the stricter one already promised).
        ticket.priority = result.priority;
    }
    tickets.updateTicket(ticket);
}

bool TicketService::personSetPriority(qint64 ticketId)
{
    const QList<AuditEntry> changes = AuditRepository(m_db).recent(ticketId, kPriorityAuditLookback);
    return std::any_of(changes.cbegin(), changes.cend(), [](const AuditEntry &e) {
        return e.action == u"ticket.patch" && e.after.contains(u"priority");
    });
}

TicketService::Result<Ticket> TicketService::create(const NewTicketRequest &request,
                                                    std::optional<QDateTime> atOpt)
{
    if (request.subject.trimmed().isEmpty())
        return invalid(u"subject: must not be empty"_s);
    if (request.body.trimmed().isEmpty())
        return invalid(u"body: must not be empty"_s);
    if (request.subject.size() > 500)
        return invalid(u"subject: must be at most 500 characters"_s);
    const QDateTime at = atOpt.value_or(m_clock.now());

    Transaction tx(m_db);
    const auto queue = QueueRepository(m_db).queue(request.queue);
    if (!queue)
        return invalid(u"queue: unknown queue \"%1\""_s.arg(request.queue.left(40)));
    TicketRepository tickets(m_db);
    Ticket t;
    t.subject = request.subject.trimmed();
    t.status = TicketStatus::New;
    t.priority = Priority::Normal;
    t.queue = queue->id;
    t.customer = request.customer;
    t.createdAt = at;
    t.updatedAt = at;
    t.version = 1;
    t.id = tickets.insertTicket(t);

    Message first;
    first.ticketId = t.id;
    first.author = {AuthorKind::Customer, std::nullopt, request.customer.name};
    first.body = request.body;
    first.createdAt = at;
    tickets.insertMessage(first);

    redraft(t, at);
    t.slaDueAt = at.addSecs(60LL * queue->slaFor(t.priority));
    tickets.updateTicket(t);
    tickets.recordChange(t.id, u"ticket.created"_s, at, false);
    tx.commit();
    return *tickets.ticket(t.id);
}

std::optional<TicketDetail> TicketService::detail(qint64 id)
{
    TicketRepository tickets(m_db);
    auto ticket = tickets.ticket(id);
    if (!ticket)
        return std::nullopt;
    return TicketDetail{*ticket, tickets.messages(id), tickets.activeDraft(id)};
}

TicketService::Result<Message> TicketService::addCustomerMessage(qint64 ticketId, const QString &body)
{
    if (body.trimmed().isEmpty())
        return invalid(u"body: must not be empty"_s);
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    TicketRepository tickets(m_db);
    auto ticket = tickets.ticket(ticketId);
    if (!ticket)
        return notFound();
    Message message;
    message.ticketId = ticketId;
    message.author = {AuthorKind::Customer, std::nullopt, ticket->customer.name};
    message.body = body;
    message.createdAt = now;
    message.id = tickets.insertMessage(message);
    // A customer writing again reopens the case.
    if (ticket->status == TicketStatus::Pending || ticket->status == TicketStatus::Solved)
        ticket->status = TicketStatus::Open;
    if (!ticket->slaDueAt.isValid()) {
        if (const auto queue = QueueRepository(m_db).queue(ticket->queue))
            ticket->slaDueAt = now.addSecs(60LL * queue->slaFor(ticket->priority));
    }
    redraft(*ticket, now);
    tickets.recordChange(ticketId, u"message.created"_s, now, true,
                         {{u"message_id"_s, static_cast<double>(message.id)}});
    tx.commit();
    return message;
}

TicketService::Result<TicketPage> TicketService::changes(const QString &cursor, int limit)
{
    const auto after = decodeCursor(cursor);
    if (!after)
        return ApiError{400, u"invalid_parameter"_s,
                        u"cursor: not a cursor this server issued; start again without one."_s};
    TicketPage page;
    qint64 last = *after;
    page.items = TicketRepository(m_db).changedAfter(*after, limit, &last, &page.hasMore);
    page.nextCursor = encodeCursor(last);
    return page;
}

HttpResponse TicketService::reply(const ReplyCall &call, const User &author)
{
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    IdempotencyRepository keys(m_db);
    if (const auto stored = keys.find(author.id, call.idempotencyKey)) {
        if (stored->requestHash != call.requestHash)
            return HttpResponse::error(
                422, u"idempotency_key_reused"_s,
                u"This Idempotency-Key was already used with a different request body."_s);
        HttpResponse replay;
        replay.status = stored->status;
        replay.body = stored->response;
        replay.setHeader("Idempotent-Replayed", "true");
        if (const auto r = json::parseObject(stored->response, nullptr))
            replay.setHeader("ETag", '"' + QByteArray::number(r->value(u"ticket_version").toInteger()) + '"');
        return replay;
    }

    TicketRepository tickets(m_db);
    auto ticket = tickets.ticket(call.ticketId);
    if (!ticket)
        return fromError(notFound());
    if (call.ifMatch && *call.ifMatch != ticket->version)
        return fromError({412, u"version_mismatch"_s,
                          u"The ticket changed since you loaded it (you have version %1, it is now %2)."_s
                              .arg(*call.ifMatch)
                              .arg(ticket->version)},
                         {{u"current_version"_s, static_cast<double>(ticket->version)}});
    if (call.request.body.trimmed().isEmpty())
        return fromError(invalid(u"body: must not be empty"_s));

    std::optional<int> distance;
    QString outcome;
    std::optional<Draft> basedOn;
    if (call.request.draftId) {
        const auto draft = tickets.draft(*call.request.draftId);
        if (!draft || draft->ticketId != ticket->id)
            return fromError(invalid(u"draft_id: no such draft on this ticket"_s));
        // A reply may not go out with a gap of its draft still in it ("[date]", "[order number]"):
        // a person was to fill it in. Checked here, whatever the client did; a note may quote it.
        if (!call.request.internal) {
            if (const QString gap = unfilledGap(*draft, call.request.body); !gap.isEmpty())
                return fromError(
                    {422, u"unfilled_placeholder"_s,
                     u"The reply still holds %1 from the draft: fill it in before sending."_s.arg(gap)},
                    {{u"placeholder"_s, gap}});
        }
        basedOn = draft;
        outcome = toString(call.request.outcome);
        distance = editDistance(draft->body, call.request.body);
        tickets.decideDraft(draft->id, u"sent"_s, outcome, author.id, now);
    }

    Message message;
    message.ticketId = ticket->id;
    message.author = {AuthorKind::Agent, author.id, author.name};
    message.body = call.request.body;
    message.internal = call.request.internal;
    message.createdAt = now;
    message.id = tickets.insertMessage(message, call.request.draftId, outcome, distance);
    if (!message.internal) {
        // What the person did with the draft is what the engine learns from (same transaction).
        m_engine.recordOutcome({*ticket, tickets.messages(ticket->id), basedOn, message.body,
                                call.request.draftId ? outcome : u"own"_s});
    }

    if (!message.internal) {
        // Answered: the first-response SLA is met; the clock starts again when the customer writes.
        ticket->slaDueAt = QDateTime();
        ticket->status = TicketStatus::Pending;
        if (!ticket->assigneeId)
            ticket->assigneeId = author.id;
        tickets.updateTicket(*ticket);
    }
    AuditRepository(m_db).append({0,
                                  now,
                                  author.id,
                                  message.internal ? u"note.added"_s : u"reply.sent"_s,
                                  ticket->id,
                                  call.request.draftId,
                                  {},
                                  {{u"message_id"_s, static_cast<double>(message.id)},
                                   {u"outcome"_s, call.request.draftId ? outcome : u"own"_s}}});
    const qint64 version = tickets.recordChange(ticket->id, u"message.created"_s, now, true,
                                                {{u"message_id"_s, static_cast<double>(message.id)}});

    const QJsonObject body = json::toJson(ReplyResult{message, version});
    HttpResponse response = HttpResponse::json(201, body);
    response.setHeader("ETag", '"' + QByteArray::number(version) + '"');
    keys.store(author.id, call.idempotencyKey, {call.requestHash, 201, response.body}, now);
    keys.purgeOlderThan(now.addSecs(-3600LL * kIdempotencyRetentionHours));
    tx.commit();
    tandem::logging::get("http")->debug("reply {} stored on ticket {} by user {}", message.id, ticket->id,
                                        author.id);
    return response;
}

TicketService::Result<Ticket> TicketService::patch(qint64 id, const TicketPatch &patch, qint64 ifMatch,
                                                   const User &by)
{
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    TicketRepository tickets(m_db);
    auto ticket = tickets.ticket(id);
    if (!ticket)
        return notFound();
    const Ticket original = *ticket; // for the audit log's "before"
    if (ifMatch != ticket->version)
        return ApiError{
            412,
            u"version_mismatch"_s,
            u"The ticket changed since you loaded it (you have version %1, it is now %2)."_s.arg(ifMatch).arg(
                ticket->version),
            {{u"current_version"_s, static_cast<double>(ticket->version)}}};
    if (patch.assigneeId && *patch.assigneeId && !UserRepository(m_db).user(**patch.assigneeId))
        return invalid(u"assignee_id: no such user"_s);
    if (patch.priority && *patch.priority != ticket->priority &&
        !allowed(by.role, Permission::ChangePriority))
        return ApiError{403, u"forbidden"_s, u"Only leads and above can change a ticket's priority."_s};
    if (patch.assigneeId && *patch.assigneeId != ticket->assigneeId &&
        !allowed(by.role, Permission::Reassign)) {
        // Agents may take an unowned ticket or let go of their own; moving others' work is a lead's call.
        const bool takesUnowned = *patch.assigneeId == std::optional<qint64>(by.id) && !ticket->assigneeId;
        const bool releasesOwn = !*patch.assigneeId && ticket->assigneeId == std::optional<qint64>(by.id);
        if (!takesUnowned && !releasesOwn)
            return ApiError{
                403, u"forbidden"_s,
                u"Only leads and above can assign a ticket to someone else or take it from its owner."_s};
    }
    if (patch.tags) {
        for (const QString &tag : *patch.tags) {
            if (tag.trimmed().isEmpty() || tag.size() > 64)
                return invalid(u"tags: each tag must be 1 to 64 characters"_s);
        }
    }
    if (patch.status)
        ticket->status = *patch.status;
    if (patch.assigneeId)
        ticket->assigneeId = *patch.assigneeId;
    if (patch.priority && *patch.priority != ticket->priority) {
        ticket->priority = *patch.priority;
        // The SLA target follows the priority, counted from the customer's first message still
        // waiting for an answer (the clock that a reply stops and a new message restarts).
        if (const auto queue = QueueRepository(m_db).queue(ticket->queue);
            queue && ticket->slaDueAt.isValid()) {
            QDateTime waitingSince;
            for (const Message &m : tickets.messages(ticket->id)) {
                if (m.author.kind == AuthorKind::Customer && !waitingSince.isValid())
                    waitingSince = m.createdAt;
                else if (m.author.kind == AuthorKind::Agent && !m.internal)
                    waitingSince = QDateTime();
            }
            ticket->slaDueAt = (waitingSince.isValid() ? waitingSince : ticket->createdAt)
                                   .addSecs(60LL * queue->slaFor(ticket->priority));
        }
    }
    if (patch.tags)
        ticket->tags = *patch.tags;
    const QJsonObject before = json::toJson(original);
    tickets.updateTicket(*ticket);
    if (patch.status)
        tickets.setSolvedAt(id, *patch.status == TicketStatus::Solved ? now : QDateTime());
    const QJsonObject after = json::toJson(*ticket);
    QJsonObject changedBefore;
    QJsonObject changedAfter;
    for (const QString &field : {u"status"_s, u"assignee_id"_s, u"priority"_s, u"tags"_s, u"sla_due_at"_s}) {
        if (before.value(field) != after.value(field)) {
            changedBefore.insert(field, before.value(field));
            changedAfter.insert(field, after.value(field));
        }
    }
    AuditRepository(m_db).append(
        {0, now, by.id, u"ticket.patch"_s, id, std::nullopt, changedBefore, changedAfter});
    QJsonObject payload = json::toJson(patch);
    payload.insert(u"by"_s, static_cast<double>(by.id));
    tickets.recordChange(id, u"ticket.updated"_s, now, true, payload);
    tx.commit();
    return *tickets.ticket(id);
}

std::optional<ApiError> TicketService::discardDraft(qint64 ticketId, const User &by)
{
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    TicketRepository tickets(m_db);
    const auto ticket = tickets.ticket(ticketId);
    if (!ticket)
        return notFound();
    const auto draft = tickets.activeDraft(ticketId);
    if (!draft)
        return ApiError{404, u"not_found"_s, u"This ticket has no draft to discard."_s};
    tickets.decideDraft(draft->id, u"discarded"_s, u"discarded"_s, by.id, now);
    m_engine.recordOutcome({*ticket, tickets.messages(ticketId), draft, {}, u"discarded"_s});
    AuditRepository(m_db).append({0, now, by.id, u"draft.discarded"_s, ticketId, draft->id, {}, {}});
    tickets.recordChange(ticketId, u"draft.updated"_s, now, true,
                         {{u"draft_id"_s, static_cast<double>(draft->id)}});
    tx.commit();
    return std::nullopt;
}

TicketService::Result<Draft> TicketService::regenerateDraft(qint64 ticketId, const QString &tone,
                                                            const User &by)
{
    if (tone != u"empathetic" && tone != u"concise" && tone != u"formal")
        return invalid(u"tone: expected one of: empathetic, concise, formal"_s);
    const QDateTime now = m_clock.now();
    Transaction tx(m_db);
    TicketRepository tickets(m_db);
    auto ticket = tickets.ticket(ticketId);
    if (!ticket)
        return notFound();
    redraft(*ticket, now, tone);
    const auto draft = tickets.activeDraft(ticketId);
    AuditRepository(m_db).append({0,
                                  now,
                                  by.id,
                                  u"draft.regenerated"_s,
                                  ticketId,
                                  draft ? std::optional<qint64>(draft->id) : std::nullopt,
                                  {},
                                  {{u"tone"_s, tone}}});
    tickets.recordChange(ticketId, u"draft.updated"_s, now, true,
                         {{u"draft_id"_s, draft ? static_cast<double>(draft->id) : 0.0}});
    tx.commit();
    if (!draft)
        return ApiError{500, u"internal_error"_s, u"The engine produced no draft."_s};
    return *draft;
}

} // namespace tandem::server
