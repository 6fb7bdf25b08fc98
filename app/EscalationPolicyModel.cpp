#include "EscalationPolicyModel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

QString sectionKey(EscalationPolicyModel::Section section)
{
    switch (section) {
    case EscalationPolicyModel::Section::Queue:
        return u"queues"_s;
    case EscalationPolicyModel::Section::Intent:
        return u"intents"_s;
    case EscalationPolicyModel::Section::QueueIntent:
        return u"queue_intents"_s;
    case EscalationPolicyModel::Section::Defaults:
        break;
    }
    return u"defaults"_s;
}

bool isBoolColumn(int column)
{
    return column == EscalationPolicyModel::SensitiveColumn || column == EscalationPolicyModel::AlwaysColumn;
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    double value = QLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

EscalationPolicyModel::EscalationPolicyModel(QObject *parent) : QAbstractTableModel(parent)
{
    setPolicy({});
}

EscalationPolicyModel::~EscalationPolicyModel() = default;

void EscalationPolicyModel::setPolicy(const QJsonObject &policy)
{
    beginResetModel();
    m_base = policy;
    m_rules.clear();
    m_rules.append({Section::Defaults, {}, policy.value(u"defaults").toObject()});
    for (Section section : {Section::Queue, Section::Intent, Section::QueueIntent}) {
        const QJsonObject entries = policy.value(sectionKey(section)).toObject();
        QStringList keys = entries.keys();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : keys)
            m_rules.append({section, key, entries.value(key).toObject()});
    }
    m_modified = false;
    m_lastError.clear();
    endResetModel();
}

QJsonObject EscalationPolicyModel::policy() const
{
    QJsonObject out = m_base;
    QJsonObject sections[3];
    for (const Rule &rule : m_rules) {
        if (rule.section == Section::Defaults)
            out.insert(u"defaults"_s, rule.settings);
        else
            sections[int(rule.section) - 1].insert(rule.key, rule.settings);
    }
    out.insert(u"queues"_s, sections[0]);
    out.insert(u"intents"_s, sections[1]);
    out.insert(u"queue_intents"_s, sections[2]);
    return out;
}

int EscalationPolicyModel::addRule(Section section, const QString &key)
{
    const QString trimmed = key.trimmed();
    if (section == Section::Defaults || trimmed.isEmpty())
        return -1;
    int insertAt = int(m_rules.size());
    for (int row = 1; row < m_rules.size(); ++row) {
        const Rule &rule = m_rules.at(row);
        if (rule.section == section && rule.key == trimmed)
            return row;
        if (int(rule.section) > int(section) || (rule.section == section && rule.key > trimmed)) {
            insertAt = row;
            break;
        }
    }
    beginInsertRows({}, insertAt, insertAt);
    m_rules.insert(insertAt, Rule{section, trimmed, {}});
    endInsertRows();
    markModified();
    return insertAt;
}

bool EscalationPolicyModel::removeRule(int row)
{
    if (row <= 0 || row >= m_rules.size())
        return false;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    markModified();
    return true;
}

EscalationPolicyModel::Section EscalationPolicyModel::sectionAt(int row) const
{
    return row >= 0 && row < m_rules.size() ? m_rules.at(row).section : Section::Defaults;
}

void EscalationPolicyModel::markModified()
{
    m_modified = true;
    Q_EMIT edited();
}

QString EscalationPolicyModel::settingName(int column)
{
    switch (column) {
    case MinConfidenceColumn:
        return u"min_confidence"_s;
    case NegativeSentimentColumn:
        return u"negative_sentiment_at_or_below"_s;
    case RepeatContactColumn:
        return u"repeat_contact_messages"_s;
    case SensitiveColumn:
        return u"sensitive"_s;
    case AlwaysColumn:
        return u"always"_s;
    }
    return {};
}

int EscalationPolicyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int EscalationPolicyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags EscalationPolicyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ScopeColumn)
        return flags;
    if (isBoolColumn(index.column()))
        return flags | Qt::ItemIsUserCheckable | Qt::ItemIsUserTristate;
    return flags | Qt::ItemIsEditable;
}

QVariant EscalationPolicyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Rule &rule = m_rules.at(index.row());
    const int column = index.column();
    if (column == ScopeColumn) {
        if (role != Qt::DisplayRole && role != Qt::EditRole)
            return {};
        switch (rule.section) {
        case Section::Defaults:
            return tr("Defaults");
        case Section::Queue:
            return tr("Queue: %1").arg(rule.key);
        case Section::Intent:
            return tr("Intent: %1").arg(rule.key);
        case Section::QueueIntent:
            return tr("Queue/intent: %1").arg(rule.key);
        }
        return {};
    }
    const QJsonValue value = rule.settings.value(settingName(column));
    const bool set = !value.isUndefined() && !value.isNull();
    if (isBoolColumn(column)) {
        if (role == Qt::CheckStateRole)
            return !set ? Qt::PartiallyChecked : (value.toBool() ? Qt::Checked : Qt::Unchecked);
        if (role == Qt::DisplayRole)
            return !set ? tr("inherits") : (value.toBool() ? tr("Yes") : tr("No"));
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        if (!set)
            return tr("inherits");
        return column == RepeatContactColumn ? QLocale().toString(value.toInt())
                                             : QLocale().toString(value.toDouble(), 'g', 3);
    case Qt::EditRole:
        if (!set)
            return QString();
        return column == RepeatContactColumn ? QLocale().toString(value.toInt())
                                             : QLocale().toString(value.toDouble(), 'g', 3);
    case Qt::ToolTipRole:
        return set ? QVariant() : QVariant(tr("Not set here: the value from the level above applies"));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignTrailing | Qt::AlignVCenter);
    default:
        return {};
    }
}

bool EscalationPolicyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid) ||
        index.column() == ScopeColumn)
        return false;
    Rule &rule = m_rules[index.row()];
    const int column = index.column();
    const QString name = settingName(column);
    QJsonValue next(QJsonValue::Undefined); // undefined: remove the key (inherit)
    if (isBoolColumn(column)) {
        if (role != Qt::CheckStateRole)
            return false;
        const auto state = Qt::CheckState(value.toInt());
        if (state != Qt::PartiallyChecked)
            next = state == Qt::Checked;
    } else {
        if (role != Qt::EditRole)
            return false;
        const QString text = value.toString().trimmed();
        if (!text.isEmpty()) {
            const auto number = parseNumber(text);
            if (column == MinConfidenceColumn && (!number || *number < 0.0 || *number > 1.0)) {
                m_lastError = tr("Minimum confidence must be a number from 0 to 1.");
                return false;
            }
            if (column == NegativeSentimentColumn && (!number || *number < -1.0 || *number > 1.0)) {
                m_lastError = tr("Negative sentiment must be a number from -1 to 1.");
                return false;
            }
            if (column == RepeatContactColumn &&
                (!number || *number < 0.0 || *number != std::floor(*number) || *number > 1000.0)) {
                m_lastError = tr("Repeat contact must be a whole number of messages (0 turns it off).");
                return false;
            }
            next = column == RepeatContactColumn ? QJsonValue(int(*number)) : QJsonValue(*number);
        }
    }
    m_lastError.clear();
    if (rule.settings.value(name) == next || (next.isUndefined() && !rule.settings.contains(name)))
        return true;
    if (next.isUndefined())
        rule.settings.remove(name);
    else
        rule.settings.insert(name, next);
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::CheckStateRole, Qt::ToolTipRole});
    markModified();
    return true;
}

QVariant EscalationPolicyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ScopeColumn:
            return tr("Applies to");
        case MinConfidenceColumn:
            return tr("Min. confidence");
        case NegativeSentimentColumn:
            return tr("Sentiment at or below");
        case RepeatContactColumn:
            return tr("Repeat contact");
        case SensitiveColumn:
            return tr("Sensitive");
        case AlwaysColumn:
            return tr("Always");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MinConfidenceColumn:
            return tr("Drafts below this confidence (0 to 1) go to a person first");
        case NegativeSentimentColumn:
            return tr("Escalate when the customer's sentiment score (-1 to 1) is at or below this");
        case RepeatContactColumn:
            return tr("Escalate when the customer has written this many times (0: never)");
        case SensitiveColumn:
            return tr("A sensitive topic: always handled by a person");
        case AlwaysColumn:
            return tr("Escalate every ticket this rule applies to");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace tandem::app
