#include "DemoContent.h"

#include "server/storage/KbRepository.h"
#include "server/storage/QueueRepository.h"

#include "core/JsonCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

std::optional<QJsonObject> readObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1"_s.arg(path);
        return std::nullopt;
    }
    QString problem;
    auto object = json::parseObject(file.readAll(), &problem);
    if (!object)
        *error = u"%1: %2"_s.arg(path, problem);
    return object;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString() && !v.toString().trimmed().isEmpty())
            out.append(v.toString());
    }
    return out;
}

template <typename T> const T &pick(const QList<T> &list, std::mt19937 &rng)
{
    std::uniform_int_distribution<qsizetype> d(0, list.size() - 1);
    return list.at(d(rng));
}

const QString &pickString(const QStringList &list, std::mt19937 &rng)
{
    std::uniform_int_distribution<qsizetype> d(0, list.size() - 1);
    return list.at(d(rng));
}

QString localeName(const QString &language)
{
    static const QHash<QString, QString> names{
        {u"en"_s, u"en_GB"_s}, {u"sv"_s, u"sv_SE"_s}, {u"de"_s, u"de_DE"_s}, {u"es"_s, u"es_ES"_s},
        {u"fr"_s, u"fr_FR"_s}, {u"nl"_s, u"nl_NL"_s}, {u"fi"_s, u"fi_FI"_s}, {u"pl"_s, u"pl_PL"_s},
        {u"it"_s, u"it_IT"_s}, {u"pt"_s, u"pt_PT"_s}};
    return names.value(language, u"en_GB"_s);
}

} // namespace

bool DemoContent::load(const QString &directory, QString *error)
{
    const auto intents = readObject(directory + u"/intents.json"_s, error);
    const auto company = intents ? readObject(directory + u"/company.json"_s, error) : std::nullopt;
    const auto kb = company ? readObject(directory + u"/kb.json"_s, error) : std::nullopt;
    const auto scenarios = kb ? readObject(directory + u"/scenarios.json"_s, error) : std::nullopt;
    if (!scenarios)
        return false;

    for (const QJsonValue &v : intents->value(u"intents").toArray())
        m_intentQueue.insert(v[u"id"].toString(), v[u"queue"].toString());

    for (const QJsonValue &v : company->value(u"queues").toArray()) {
        Queue q;
        q.id = v[u"id"].toString();
        q.name = v[u"name"].toString();
        const QJsonObject sla = v[u"sla_minutes"].toObject();
        q.slaMinutes[static_cast<int>(Priority::Urgent)] = sla.value(u"urgent").toInt(60);
        q.slaMinutes[static_cast<int>(Priority::High)] = sla.value(u"high").toInt(240);
        q.slaMinutes[static_cast<int>(Priority::Normal)] = sla.value(u"normal").toInt(480);
        q.slaMinutes[static_cast<int>(Priority::Low)] = sla.value(u"low").toInt(1440);
        m_queues.append(q);
    }
    for (const QJsonValue &v : company->value(u"users").toArray())
        m_users.append({v[u"email"].toString(), v[u"name"].toString(),
                        roleFromString(v[u"role"].toString()).value_or(Role::Agent)});
    const QJsonObject customers = company->value(u"customers").toObject();
    for (auto it = customers.begin(); it != customers.end(); ++it) {
        for (const QJsonValue &c : it.value().toArray())
            m_customers[it.key()].append({c[u"name"].toString(), c[u"email"].toString(), it.key()});
    }
    m_merchants = strings(company->value(u"merchants"));

    for (const QJsonValue &v : kb->value(u"articles").toArray()) {
        KbArticle a;
        a.slug = v[u"slug"].toString();
        a.intent = v[u"intent"].toString();
        a.language = v[u"language"].toString();
        a.title = v[u"title"].toString();
        a.body = v[u"body"].toString();
        a.replyTemplate = v[u"reply_template"].toString();
        if (!a.slug.isEmpty() && !a.replyTemplate.isEmpty())
            m_articles.append(a);
    }

    for (const QJsonValue &v : scenarios->value(u"scenarios").toArray()) {
        Scenario s;
        s.intent = v[u"intent"].toString();
        s.queue = m_intentQueue.value(s.intent);
        s.priority = priorityFromString(v[u"priority"].toString()).value_or(Priority::Normal);
        s.difficulty = v[u"difficulty"].toString();
        s.tags = strings(v[u"tags"]);
        s.repeatContact = v[u"repeat_contact"].toBool();
        const QJsonObject texts = v[u"texts"].toObject();
        for (auto it = texts.begin(); it != texts.end(); ++it) {
            const QJsonObject t = it.value().toObject();
            LanguageTexts lt{strings(t.value(u"subjects")), strings(t.value(u"messages")),
                             strings(t.value(u"followups")), t.value(u"agent_reply").toString()};
            if (!lt.subjects.isEmpty() && !lt.messages.isEmpty() && m_customers.contains(it.key()))
                s.texts.insert(it.key(), lt);
        }
        if (!s.queue.isEmpty() && !s.texts.isEmpty())
            m_scenarios.append(s);
    }
    m_outOfScope = strings(scenarios->value(u"out_of_scope"));

    if (m_queues.isEmpty() || m_users.isEmpty() || m_scenarios.isEmpty() || m_merchants.isEmpty()) {
        *error = u"demo content is incomplete (queues, users, scenarios and merchants are all needed)"_s;
        return false;
    }
    return true;
}

QHash<QString, QString> DemoContent::slotValues(const QString &language, const QString &customerName,
                                                std::mt19937 &rng) const
{
    const QLocale locale(localeName(language));
    std::uniform_int_distribution<int> orderDigits(1000000, 9999999);
    std::uniform_int_distribution<int> cents(1900, 129900);
    std::uniform_int_distribution<int> days(1, 40);
    const double amount = cents(rng) / 100.0;
    const QString currency = language == u"sv" ? u"kr"_s : (language == u"en" ? u"£"_s : u"€"_s);
    const QString number = locale.toString(amount, 'f', 2);
    const QString money = language == u"en" ? QString(currency + number) : QString(number + u' ' + currency);
    const QDate date = QDate::currentDate().addDays(-days(rng));
    return {{u"order"_s, u"LP-%1"_s.arg(orderDigits(rng))},
            {u"amount"_s, money},
            {u"date"_s, locale.toString(date, QLocale::LongFormat)},
            {u"merchant"_s, pickString(m_merchants, rng)},
            {u"name"_s, customerName.section(u' ', 0, 0)}};
}

QString DemoContent::fill(const QString &text, const QHash<QString, QString> &slots) const
{
    QString out = text;
    for (auto it = slots.begin(); it != slots.end(); ++it)
        out.replace(u'{' + it.key() + u'}', it.value());
    return out;
}

DemoContent::ComposedTicket DemoContent::compose(std::mt19937 &rng) const
{
    // Easy cases are the bulk of real traffic; hard ones are rarer but always present.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const Scenario *scenario = nullptr;
    for (int attempt = 0; attempt < 8 && !scenario; ++attempt) {
        const Scenario &candidate = pick(m_scenarios, rng);
        const double keep =
            candidate.difficulty == u"hard" ? 0.45 : (candidate.difficulty == u"medium" ? 0.8 : 1.0);
        if (unit(rng) < keep)
            scenario = &candidate;
    }
    if (!scenario)
        scenario = &m_scenarios.first();

    // English is the largest market; the four first European languages next, the five newer ones
    // (nl, fi, pl, it, pt) smaller. Shares add up to 1.
    static const QList<QPair<QString, double>> languageShare{
        {u"en"_s, 0.32},  {u"sv"_s, 0.09},  {u"de"_s, 0.09},  {u"es"_s, 0.09},  {u"fr"_s, 0.09},
        {u"nl"_s, 0.064}, {u"fi"_s, 0.064}, {u"pl"_s, 0.064}, {u"it"_s, 0.064}, {u"pt"_s, 0.064}};
    QString language = u"en"_s;
    double roll = unit(rng);
    for (const auto &[lang, share] : languageShare) {
        if (roll < share) {
            language = lang;
            break;
        }
        roll -= share;
    }
    if (!scenario->texts.contains(language))
        language = scenario->texts.contains(u"en"_s) ? u"en"_s : scenario->texts.keys().first();

    const LanguageTexts &texts = scenario->texts[language];
    const Customer customer = pick(m_customers[language], rng);
    const auto slots = slotValues(language, customer.name, rng);

    ComposedTicket out;
    out.scenario = scenario;
    out.language = language;
    out.priority = scenario->priority;
    out.request.subject = fill(pickString(texts.subjects, rng), slots);
    out.request.body = fill(pickString(texts.messages, rng), slots);
    out.request.customer = customer;
    out.request.queue = scenario->queue;
    for (const QString &f : texts.followups)
        out.followups.append(fill(f, slots));
    out.agentReply = fill(texts.agentReply, slots);
    out.slots = slots;
    return out;
}

} // namespace tandem::server
