#include "JsonCodec.h"
#include "ReasonCodes.h"

#include "JsonCodecHelpers.h"
#include "JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace tandem::json {
namespace {

using detail::finish;
using detail::nested;
using detail::nestedList;
using detail::nullable;
using detail::timeOrNull;

const QString kStatuses = u"new, open, pending, solved"_s;
const QString kPriorities = u"low, normal, high, urgent"_s;
const QString kAuthorKinds = u"customer, agent, ai, system"_s;
const QString kRoles = u"agent, lead, supervisor, admin"_s;
const QString kOutcomes = u"as_is, edited, own"_s;

std::optional<Citation> citationFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Citation c;
    c.sourceId = r.string(u"source_id");
    c.title = r.string(u"title");
    c.snippet = r.string(u"snippet");
    return finish(r, c, error);
}

std::optional<DraftFlag> flagFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    DraftFlag f;
    f.kind = r.string(u"kind");
    f.message = r.string(u"message");
    f.start = static_cast<int>(r.optionalInteger(u"start").value_or(-1));
    f.length = static_cast<int>(r.optionalInteger(u"length").value_or(0));
    return finish(r, f, error);
}

std::optional<Author> authorFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Author a;
    a.kind = r.enumValue(u"kind", &authorKindFromString, kAuthorKinds, AuthorKind::Customer);
    a.id = r.optionalInteger(u"id");
    a.name = r.string(u"name");
    return finish(r, a, error);
}

} // namespace

QJsonObject toJson(const Customer &v)
{
    return {{u"name"_s, v.name}, {u"email"_s, v.email}, {u"language"_s, v.language}};
}

QJsonObject toJson(const Ticket &v)
{
    return {
        {u"id"_s, static_cast<double>(v.id)},
        {u"subject"_s, v.subject},
        {u"status"_s, toString(v.status)},
        {u"priority"_s, toString(v.priority)},
        {u"queue"_s, v.queue},
        {u"customer"_s, toJson(v.customer)},
        {u"assignee_id"_s, nullable(v.assigneeId)},
        {u"tags"_s, QJsonArray::fromStringList(v.tags)},
        {u"created_at"_s, formatTime(v.createdAt)},
        {u"updated_at"_s, formatTime(v.updatedAt)},
        {u"sla_due_at"_s, timeOrNull(v.slaDueAt)},
        {u"version"_s, static_cast<double>(v.version)},
        {u"intent"_s, v.intent},
        {u"sentiment"_s, v.sentiment},
        {u"language"_s, v.language},
        {u"needs_human"_s, v.needsHuman},
        {u"needs_human_reason"_s, v.needsHumanReason},
        {u"needs_human_codes"_s, QJsonArray::fromStringList(v.needsHumanCodes)},
        {u"draft_confidence"_s,
         v.draftConfidence ? QJsonValue(*v.draftConfidence) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject toJson(const Author &v)
{
    return {{u"kind"_s, toString(v.kind)}, {u"id"_s, nullable(v.id)}, {u"name"_s, v.name}};
}

QJsonObject toJson(const Message &v)
{
    return {
        {u"id"_s, static_cast<double>(v.id)}, {u"ticket_id"_s, static_cast<double>(v.ticketId)},
        {u"author"_s, toJson(v.author)},      {u"body"_s, v.body},
        {u"internal"_s, v.internal},          {u"created_at"_s, formatTime(v.createdAt)},
    };
}

QJsonObject toJson(const Citation &v)
{
    return {{u"source_id"_s, v.sourceId}, {u"title"_s, v.title}, {u"snippet"_s, v.snippet}};
}

QJsonObject toJson(const DraftFlag &v)
{
    QJsonObject o{{u"kind"_s, v.kind}, {u"message"_s, v.message}};
    o.insert(u"start"_s, v.start >= 0 ? QJsonValue(v.start) : QJsonValue(QJsonValue::Null));
    o.insert(u"length"_s, v.length);
    return o;
}

QJsonObject toJson(const Draft &v)
{
    QJsonArray citations;
    for (const Citation &c : v.citations)
        citations.append(toJson(c));
    QJsonArray flags;
    for (const DraftFlag &f : v.flags)
        flags.append(toJson(f));
    return {
        {u"id"_s, static_cast<double>(v.id)},
        {u"ticket_id"_s, static_cast<double>(v.ticketId)},
        {u"body"_s, v.body},
        {u"confidence"_s, v.confidence},
        {u"intent"_s, v.intent},
        {u"language"_s, v.language},
        {u"citations"_s, citations},
        {u"flags"_s, flags},
        {u"engine"_s, v.engine},
        {u"created_at"_s, formatTime(v.createdAt)},
    };
}

QJsonObject toJson(const User &v)
{
    return {{u"id"_s, static_cast<double>(v.id)},
            {u"name"_s, v.name},
            {u"email"_s, v.email},
            {u"role"_s, toString(v.role)}};
}

QJsonObject toJson(const TicketDetail &v)
{
    QJsonObject o = toJson(v.ticket);
    QJsonArray messages;
    for (const Message &m : v.messages)
        messages.append(toJson(m));
    o.insert(u"messages"_s, messages);
    o.insert(u"draft"_s, v.draft ? QJsonValue(toJson(*v.draft)) : QJsonValue(QJsonValue::Null));
    return o;
}

QJsonObject toJson(const TicketPage &v)
{
    QJsonArray items;
    for (const Ticket &t : v.items)
        items.append(toJson(t));
    return {{u"items"_s, items}, {u"next_cursor"_s, v.nextCursor}, {u"has_more"_s, v.hasMore}};
}

QJsonObject toJson(const LoginResult &v)
{
    return {{u"token"_s, v.token}, {u"user"_s, toJson(v.user)}};
}

QJsonObject toJson(const NewTicketRequest &v)
{
    return {{u"subject"_s, v.subject},
            {u"customer"_s, toJson(v.customer)},
            {u"body"_s, v.body},
            {u"queue"_s, v.queue}};
}

QJsonObject toJson(const ReplyRequest &v)
{
    QJsonObject o{
        {u"body"_s, v.body}, {u"draft_id"_s, nullable(v.draftId)}, {u"outcome"_s, toString(v.outcome)}};
    if (v.internal)
        o.insert(u"internal"_s, true);
    return o;
}

QJsonObject toJson(const ReplyResult &v)
{
    return {{u"message"_s, toJson(v.message)}, {u"ticket_version"_s, static_cast<double>(v.ticketVersion)}};
}

QJsonObject toJson(const TicketPatch &v)
{
    QJsonObject o;
    if (v.status)
        o.insert(u"status"_s, toString(*v.status));
    if (v.assigneeId)
        o.insert(u"assignee_id"_s, nullable(*v.assigneeId));
    if (v.priority)
        o.insert(u"priority"_s, toString(*v.priority));
    if (v.tags)
        o.insert(u"tags"_s, QJsonArray::fromStringList(*v.tags));
    return o;
}

QJsonObject errorToJson(const QString &code, const QString &message)
{
    return {{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

std::optional<Customer> customerFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Customer c;
    c.name = r.string(u"name");
    c.email = r.string(u"email");
    c.language = r.string(u"language");
    return finish(r, c, error);
}

std::optional<Ticket> ticketFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Ticket t;
    t.id = r.integer(u"id");
    t.subject = r.string(u"subject");
    t.status = r.enumValue(u"status", &ticketStatusFromString, kStatuses, TicketStatus::New);
    t.priority = r.enumValue(u"priority", &priorityFromString, kPriorities, Priority::Normal);
    t.queue = r.string(u"queue");
    t.customer = nested<Customer>(r, u"customer", customerFromJson);
    t.assigneeId = r.optionalInteger(u"assignee_id");
    t.tags = r.stringList(u"tags");
    t.createdAt = r.time(u"created_at");
    t.updatedAt = r.time(u"updated_at");
    t.slaDueAt = r.optionalTime(u"sla_due_at").value_or(QDateTime());
    t.version = r.integer(u"version");
    t.intent = r.optionalString(u"intent").value_or(QString());
    t.sentiment = r.optionalString(u"sentiment").value_or(QString());
    t.language = r.optionalString(u"language").value_or(QString());
    t.needsHuman = r.optionalBoolean(u"needs_human").value_or(false);
    t.needsHumanReason = r.optionalString(u"needs_human_reason").value_or(QString());
    // Older servers send no codes; unknown codes from newer ones are dropped, not fatal.
    if (r.hasValue(u"needs_human_codes"))
        t.needsHumanCodes = reason::normalized(r.stringList(u"needs_human_codes"));
    if (r.hasValue(u"draft_confidence")) {
        const double c = r.number(u"draft_confidence");
        if (r.ok() && (c < 0.0 || c > 1.0))
            r.fail(u"draft_confidence", u"must be between 0 and 1"_s);
        t.draftConfidence = c;
    }
    return finish(r, t, error);
}

std::optional<Message> messageFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Message m;
    m.id = r.integer(u"id");
    m.ticketId = r.optionalInteger(u"ticket_id").value_or(0);
    m.author = nested<Author>(r, u"author", authorFromJson);
    m.body = r.string(u"body");
    m.internal = r.optionalBoolean(u"internal").value_or(false);
    m.createdAt = r.time(u"created_at");
    return finish(r, m, error);
}

std::optional<Draft> draftFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    Draft d;
    d.id = r.integer(u"id");
    d.ticketId = r.optionalInteger(u"ticket_id").value_or(0);
    d.body = r.string(u"body");
    d.confidence = r.number(u"confidence");
    if (r.ok() && (d.confidence < 0.0 || d.confidence > 1.0))
        r.fail(u"confidence", u"must be between 0 and 1"_s);
    d.intent = r.optionalString(u"intent").value_or(QString());
    d.language = r.optionalString(u"language").value_or(QString());
    d.citations = nestedList<Citation>(r, u"citations", citationFromJson);
    d.flags = nestedList<DraftFlag>(r, u"flags", flagFromJson);
    d.engine = r.string(u"engine");
    d.createdAt = r.time(u"created_at");
    return finish(r, d, error);
}

std::optional<User> userFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    User u;
    u.id = r.integer(u"id");
    u.name = r.string(u"name");
    u.email = r.string(u"email");
    u.role = r.enumValue(u"role", &roleFromString, kRoles, Role::Agent);
    return finish(r, u, error);
}

std::optional<TicketDetail> ticketDetailFromJson(const QJsonObject &object, QString *error)
{
    auto ticket = ticketFromJson(object, error);
    if (!ticket)
        return std::nullopt;
    JsonReader r(object);
    TicketDetail d;
    d.ticket = *ticket;
    d.messages = nestedList<Message>(r, u"messages", messageFromJson);
    if (r.hasValue(u"draft"))
        d.draft = nested<Draft>(r, u"draft", draftFromJson);
    return finish(r, d, error);
}

std::optional<TicketPage> ticketPageFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    TicketPage p;
    p.items = nestedList<Ticket>(r, u"items", ticketFromJson);
    p.nextCursor = r.string(u"next_cursor");
    p.hasMore = r.boolean(u"has_more");
    return finish(r, p, error);
}

std::optional<LoginResult> loginResultFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    LoginResult l;
    l.token = r.string(u"token");
    l.user = nested<User>(r, u"user", userFromJson);
    return finish(r, l, error);
}

std::optional<NewTicketRequest> newTicketRequestFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    r.rejectUnknownKeys({u"subject"_s, u"customer"_s, u"body"_s, u"queue"_s});
    if (r.ok() && object.value(u"customer").isObject()) {
        JsonReader customer(object.value(u"customer").toObject(), u"customer"_s);
        customer.rejectUnknownKeys({u"name"_s, u"email"_s, u"language"_s});
        r.adoptError(customer);
    }
    NewTicketRequest n;
    n.subject = r.string(u"subject");
    n.customer = nested<Customer>(r, u"customer", customerFromJson);
    n.body = r.string(u"body");
    n.queue = r.string(u"queue");
    return finish(r, n, error);
}

std::optional<ReplyRequest> replyRequestFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    r.rejectUnknownKeys({u"body"_s, u"draft_id"_s, u"outcome"_s, u"internal"_s});
    ReplyRequest q;
    q.body = r.string(u"body");
    q.draftId = r.optionalInteger(u"draft_id");
    q.outcome = r.enumValue(u"outcome", &replyOutcomeFromString, kOutcomes, ReplyOutcome::Own);
    q.internal = r.optionalBoolean(u"internal").value_or(false);
    return finish(r, q, error);
}

std::optional<ReplyResult> replyResultFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    ReplyResult res;
    res.message = nested<Message>(r, u"message", messageFromJson);
    res.ticketVersion = r.integer(u"ticket_version");
    return finish(r, res, error);
}

std::optional<TicketPatch> ticketPatchFromJson(const QJsonObject &object, QString *error)
{
    JsonReader r(object);
    r.rejectUnknownKeys({u"status"_s, u"assignee_id"_s, u"priority"_s, u"tags"_s});
    TicketPatch p;
    if (r.has(u"status"))
        p.status = r.enumValue(u"status", &ticketStatusFromString, kStatuses, TicketStatus::New);
    if (r.has(u"assignee_id"))
        p.assigneeId = r.optionalInteger(u"assignee_id");
    if (r.has(u"priority"))
        p.priority = r.enumValue(u"priority", &priorityFromString, kPriorities, Priority::Normal);
    if (r.has(u"tags"))
        p.tags = r.stringList(u"tags");
    return finish(r, p, error);
}

std::optional<ApiError> apiErrorFromJson(const QJsonObject &object, int status)
{
    const QJsonValue inner = object.value(u"error");
    if (!inner.isObject())
        return std::nullopt;
    JsonReader r(inner.toObject());
    ApiError e;
    e.status = status;
    e.code = r.string(u"code");
    e.message = r.string(u"message");
    if (!r.ok())
        return std::nullopt;
    e.details = object;
    e.details.remove(u"error"_s);
    return e;
}

std::optional<QJsonObject> parseObject(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = u"malformed JSON at byte %1: %2"_s.arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = u"expected a JSON object"_s;
        return std::nullopt;
    }
    return doc.object();
}

QByteArray serialize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace tandem::json
