#include "LocalStore.h"

#include "LocalStoreMigrations.h"
#include "SqlTransaction.h"

#include "core/JsonCodec.h"
#include "core/JsonReader.h"
#include "core/Logging.h"
#include "core/ReasonCodes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>

using namespace Qt::StringLiterals;

namespace tandem::app {

namespace {

std::atomic<quint64> g_connectionCounter{0};

const QString kTicketColumns =
    u"id, subject, status, priority, queue, customer_name, customer_email, customer_language, assignee_id, "
    u"tags, created_at, updated_at, sla_due_at, version, intent, sentiment, language, needs_human, "
    u"needs_human_reason, needs_human_codes, draft_confidence"_s;

// A null QString binds as SQL NULL; the text columns are NOT NULL and "absent" means "".
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(formatTime(time)) : QVariant();
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : parseTime(value.toString());
}

QVariant optionalId(const std::optional<qint64> &id)
{
    return id ? QVariant(*id) : QVariant();
}

std::optional<qint64> optionalIdFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QString jsonText(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QStringList jsonStrings(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(value.toByteArray()).array();
    for (const QJsonValue &item : array)
        out.append(item.toString());
    return out;
}

Ticket ticketFromQuery(const QSqlQuery &q)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.subject = q.value(1).toString();
    t.status = ticketStatusFromString(q.value(2).toString()).value_or(TicketStatus::Open);
    t.priority = priorityFromString(q.value(3).toString()).value_or(Priority::Normal);
    t.queue = q.value(4).toString();
    t.customer.name = q.value(5).toString();
    t.customer.email = q.value(6).toString();
    t.customer.language = q.value(7).toString();
    t.assigneeId = optionalIdFrom(q.value(8));
    t.tags = jsonStrings(q.value(9));
    t.createdAt = timeFrom(q.value(10));
    t.updatedAt = timeFrom(q.value(11));
    t.slaDueAt = timeFrom(q.value(12));
    t.version = q.value(13).toLongLong();
    t.intent = q.value(14).toString();
    t.sentiment = q.value(15).toString();
    t.language = q.value(16).toString();
    t.needsHuman = q.value(17).toBool();
    t.needsHumanReason = q.value(18).toString();
    // Normalized on the way out as well: a cache written by a build that knew other codes.
    t.needsHumanCodes = reason::normalized(jsonStrings(q.value(19)));
    if (!q.value(20).isNull())
        t.draftConfidence = q.value(20).toDouble();
    return t;
}

using detail::SqlTransaction;

} // namespace

QString LocalStore::defaultPath(const QUrl &serverUrl, const QString &userEmail)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QUrl server = serverUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const int port = server.port(server.scheme() == u"https"_s ? 443 : 80);
    QString path = server.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    // The email stays out of the file name (shared screens, bug reports); a hash keeps users apart.
    const QString identity = server.scheme().toLower() + u"://"_s + server.host().toLower() + u':' +
                             QString::number(port) + path + u'\n' + userEmail.trimmed().toLower();
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    QString host = server.host().isEmpty() ? u"local"_s : server.host();
    host.replace(QRegularExpression(u"[^A-Za-z0-9.-]"_s), u"_"_s);
    return base + u"/accounts/%1-%2-%3.sqlite"_s.arg(host).arg(port).arg(hash);
}

LocalStore::LocalStore(QString path)
    : m_path(std::move(path)), m_connectionName(u"tandem_app_store_%1"_s.arg(++g_connectionCounter))
{}

LocalStore::~LocalStore()
{
    close();
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalStore::fail(const QString &what, const QString &detail) const
{
    m_lastError = what + u": "_s + detail;
    logging::get("db")->error("{}", m_lastError.toStdString());
    return false;
}

bool LocalStore::open()
{
    if (isOpen())
        return true;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(u"cannot create the cache folder"_s, info.absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            const QString reason = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return fail(u"cannot open the local cache "_s + m_path, reason);
        }
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA journal_mode=WAL"_s) || !query.next() ||
            query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            const QString reason = query.lastError().text();
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return fail(u"cannot switch the local cache to WAL mode"_s, reason);
        }
        query.exec(u"PRAGMA synchronous=NORMAL"_s);
        QString error;
        if (!LocalStoreMigrations::migrate(db, &error)) {
            query = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return fail(u"cannot prepare the local cache"_s, error);
        }
    }
    m_lastError.clear();
    return true;
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

void LocalStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int LocalStore::schemaVersion() const
{
    QSqlDatabase db = database();
    return LocalStoreMigrations::userVersion(db);
}

// --- tickets ------------------------------------------------------------------------------------

bool LocalStore::upsertTicket(const Ticket &t)
{
    QSqlQuery q(database());
    // An older version never overwrites a newer one (a detail fetch racing the change feed).
    q.prepare(u"INSERT INTO tickets ("_s + kTicketColumns +
              u") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
              u"ON CONFLICT(id) DO UPDATE SET subject=excluded.subject, status=excluded.status, "
              u"priority=excluded.priority, queue=excluded.queue, customer_name=excluded.customer_name, "
              u"customer_email=excluded.customer_email, customer_language=excluded.customer_language, "
              u"assignee_id=excluded.assignee_id, tags=excluded.tags, created_at=excluded.created_at, "
              u"updated_at=excluded.updated_at, sla_due_at=excluded.sla_due_at, version=excluded.version, "
              u"intent=excluded.intent, sentiment=excluded.sentiment, language=excluded.language, "
              u"needs_human=excluded.needs_human, needs_human_reason=excluded.needs_human_reason, "
              u"needs_human_codes=excluded.needs_human_codes, draft_confidence=excluded.draft_confidence "
              u"WHERE excluded.version >= tickets.version"_s);
    q.addBindValue(t.id);
    q.addBindValue(notNull(t.subject));
    q.addBindValue(toString(t.status));
    q.addBindValue(toString(t.priority));
    q.addBindValue(notNull(t.queue));
    q.addBindValue(notNull(t.customer.name));
    q.addBindValue(notNull(t.customer.email));
    q.addBindValue(notNull(t.customer.language));
    q.addBindValue(optionalId(t.assigneeId));
    q.addBindValue(jsonText(t.tags));
    q.addBindValue(timeValue(t.createdAt));
    q.addBindValue(timeValue(t.updatedAt));
    q.addBindValue(timeValue(t.slaDueAt));
    q.addBindValue(t.version);
    q.addBindValue(notNull(t.intent));
    q.addBindValue(notNull(t.sentiment));
    q.addBindValue(notNull(t.language));
    q.addBindValue(t.needsHuman);
    q.addBindValue(notNull(t.needsHumanReason));
    q.addBindValue(jsonText(t.needsHumanCodes));
    q.addBindValue(t.draftConfidence ? QVariant(*t.draftConfidence)
                                     : QVariant(QMetaType::fromType<double>()));
    if (!q.exec())
        return fail(u"cannot store ticket %1"_s.arg(t.id), q.lastError().text());
    return true;
}

bool LocalStore::applyTicketBatch(const QList<Ticket> &tickets, const std::optional<QString> &cursor)
{
    SqlTransaction tx(database());
    if (!tx.isActive())
        return fail(u"cannot begin a transaction"_s, database().lastError().text());
    for (const Ticket &ticket : tickets) {
        if (!upsertTicket(ticket))
            return false;
    }
    if (cursor && !setCursor(*cursor))
        return false;
    if (!tx.commit())
        return fail(u"cannot commit a ticket batch"_s, database().lastError().text());
    return true;
}

QList<Ticket> LocalStore::tickets() const
{
    QList<Ticket> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT "_s + kTicketColumns + u" FROM tickets ORDER BY id"_s)) {
        fail(u"cannot read tickets"_s, q.lastError().text());
        return out;
    }
    while (q.next())
        out.append(ticketFromQuery(q));
    return out;
}

QList<Ticket> LocalStore::tickets(const QList<qint64> &ids) const
{
    QList<Ticket> out;
    out.reserve(ids.size());
    for (qint64 id : ids) {
        if (auto t = ticket(id))
            out.append(*t);
    }
    return out;
}

std::optional<Ticket> LocalStore::ticket(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT "_s + kTicketColumns + u" FROM tickets WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        fail(u"cannot read ticket %1"_s.arg(id), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return ticketFromQuery(q);
}

int LocalStore::ticketCount() const
{
    QSqlQuery q(database());
    if (!q.exec(u"SELECT COUNT(*) FROM tickets"_s) || !q.next())
        return 0;
    return q.value(0).toInt();
}

// --- ticket detail --------------------------------------------------------------------------------

bool LocalStore::insertMessage(const Message &m)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT OR REPLACE INTO messages (id, ticket_id, author_kind, author_id, author_name, body, "
              u"internal, created_at) VALUES (?,?,?,?,?,?,?,?)"_s);
    q.addBindValue(m.id);
    q.addBindValue(m.ticketId);
    q.addBindValue(toString(m.author.kind));
    q.addBindValue(optionalId(m.author.id));
    q.addBindValue(m.author.name);
    q.addBindValue(m.body);
    q.addBindValue(m.internal);
    q.addBindValue(timeValue(m.createdAt));
    if (!q.exec())
        return fail(u"cannot store message %1"_s.arg(m.id), q.lastError().text());
    return true;
}

bool LocalStore::saveTicketDetail(const TicketDetail &detail)
{
    const qint64 id = detail.ticket.id;
    SqlTransaction tx(database());
    if (!tx.isActive())
        return fail(u"cannot begin a transaction"_s, database().lastError().text());
    if (!upsertTicket(detail.ticket))
        return false;
    QSqlQuery q(database());
    q.prepare(u"DELETE FROM messages WHERE ticket_id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return fail(u"cannot replace the thread of ticket %1"_s.arg(id), q.lastError().text());
    for (const Message &message : detail.messages) {
        if (!insertMessage(message))
            return false;
    }
    q.prepare(u"DELETE FROM drafts WHERE ticket_id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return fail(u"cannot replace the draft of ticket %1"_s.arg(id), q.lastError().text());
    if (detail.draft) {
        q.prepare(u"INSERT INTO drafts (ticket_id, id, confidence, json) VALUES (?,?,?,?)"_s);
        q.addBindValue(id);
        q.addBindValue(detail.draft->id);
        q.addBindValue(detail.draft->confidence);
        q.addBindValue(QString::fromUtf8(json::serialize(json::toJson(*detail.draft))));
        if (!q.exec())
            return fail(u"cannot store the draft of ticket %1"_s.arg(id), q.lastError().text());
    }
    q.prepare(u"UPDATE tickets SET detail_fetched_at = ? WHERE id = ?"_s);
    q.addBindValue(formatTime(QDateTime::currentDateTimeUtc()));
    q.addBindValue(id);
    if (!q.exec())
        return fail(u"cannot mark ticket %1 fetched"_s.arg(id), q.lastError().text());
    if (!tx.commit())
        return fail(u"cannot commit ticket %1"_s.arg(id), database().lastError().text());
    return true;
}

std::optional<TicketDetail> LocalStore::ticketDetail(qint64 id) const
{
    auto t = ticket(id);
    if (!t)
        return std::nullopt;
    TicketDetail detail;
    detail.ticket = *t;
    detail.messages = messages(id);
    detail.draft = draft(id);
    return detail;
}

bool LocalStore::hasTicketDetail(qint64 id) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT detail_fetched_at IS NOT NULL FROM tickets WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.next() && q.value(0).toBool();
}

QList<Message> LocalStore::messages(qint64 ticketId) const
{
    QList<Message> out;
    QSqlQuery q(database());
    q.prepare(u"SELECT id, ticket_id, author_kind, author_id, author_name, body, internal, created_at "
              u"FROM messages WHERE ticket_id = ? ORDER BY created_at, id"_s);
    q.addBindValue(ticketId);
    if (!q.exec()) {
        fail(u"cannot read the thread of ticket %1"_s.arg(ticketId), q.lastError().text());
        return out;
    }
    while (q.next()) {
        Message m;
        m.id = q.value(0).toLongLong();
        m.ticketId = q.value(1).toLongLong();
        m.author.kind = authorKindFromString(q.value(2).toString()).value_or(AuthorKind::System);
        m.author.id = optionalIdFrom(q.value(3));
        m.author.name = q.value(4).toString();
        m.body = q.value(5).toString();
        m.internal = q.value(6).toBool();
        m.createdAt = timeFrom(q.value(7));
        out.append(m);
    }
    return out;
}

std::optional<Draft> LocalStore::draft(qint64 ticketId) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT json FROM drafts WHERE ticket_id = ?"_s);
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QString error;
    const auto object = json::parseObject(q.value(0).toByteArray(), &error);
    auto draft = object ? json::draftFromJson(*object, &error) : std::nullopt;
    if (!draft)
        fail(u"cannot read the cached draft of ticket %1"_s.arg(ticketId), error);
    return draft;
}

// --- sync state -----------------------------------------------------------------------------------

namespace {

QString stateValue(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

} // namespace

QString LocalStore::cursor() const
{
    return stateValue(database(), u"cursor"_s);
}

bool LocalStore::setCursor(const QString &cursor)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT OR REPLACE INTO sync_state (key, value) VALUES ('cursor', ?)"_s);
    q.addBindValue(cursor);
    if (!q.exec())
        return fail(u"cannot save the sync cursor"_s, q.lastError().text());
    return true;
}

QDateTime LocalStore::lastSyncAt() const
{
    return parseTime(stateValue(database(), u"last_sync_at"_s));
}

bool LocalStore::setLastSyncAt(const QDateTime &time)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT OR REPLACE INTO sync_state (key, value) VALUES ('last_sync_at', ?)"_s);
    q.addBindValue(formatTime(time));
    if (!q.exec())
        return fail(u"cannot save the sync time"_s, q.lastError().text());
    return true;
}

// --- users ----------------------------------------------------------------------------------------

bool LocalStore::saveUsers(const QList<User> &users)
{
    SqlTransaction tx(database());
    if (!tx.isActive())
        return fail(u"cannot begin a transaction"_s, database().lastError().text());
    QSqlQuery q(database());
    if (!q.exec(u"DELETE FROM users"_s))
        return fail(u"cannot replace users"_s, q.lastError().text());
    q.prepare(u"INSERT INTO users (id, name, email, role) VALUES (?,?,?,?)"_s);
    for (const User &user : users) {
        q.bindValue(0, user.id);
        q.bindValue(1, user.name);
        q.bindValue(2, user.email);
        q.bindValue(3, toString(user.role));
        if (!q.exec())
            return fail(u"cannot store user %1"_s.arg(user.id), q.lastError().text());
    }
    if (!tx.commit())
        return fail(u"cannot commit users"_s, database().lastError().text());
    return true;
}

QList<User> LocalStore::users() const
{
    QList<User> out;
    QSqlQuery q(database());
    if (!q.exec(u"SELECT id, name, email, role FROM users ORDER BY name"_s))
        return out;
    while (q.next()) {
        User user;
        user.id = q.value(0).toLongLong();
        user.name = q.value(1).toString();
        user.email = q.value(2).toString();
        user.role = roleFromString(q.value(3).toString()).value_or(Role::Agent);
        out.append(user);
    }
    return out;
}

// --- draft autosave -------------------------------------------------------------------------------

bool LocalStore::saveAutosave(qint64 ticketId, const QString &text)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT OR REPLACE INTO draft_autosave (ticket_id, text, updated_at) VALUES (?,?,?)"_s);
    q.addBindValue(ticketId);
    q.addBindValue(text);
    q.addBindValue(formatTime(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return fail(u"cannot autosave the reply of ticket %1"_s.arg(ticketId), q.lastError().text());
    return true;
}

std::optional<QString> LocalStore::autosave(qint64 ticketId) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT text FROM draft_autosave WHERE ticket_id = ?"_s);
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool LocalStore::clearAutosave(qint64 ticketId)
{
    QSqlQuery q(database());
    q.prepare(u"DELETE FROM draft_autosave WHERE ticket_id = ?"_s);
    q.addBindValue(ticketId);
    if (!q.exec())
        return fail(u"cannot clear the autosave of ticket %1"_s.arg(ticketId), q.lastError().text());
    return true;
}

} // namespace tandem::app
