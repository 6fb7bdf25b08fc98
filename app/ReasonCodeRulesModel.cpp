#include "ReasonCodeRulesModel.h"

#include "InboxView.h"
#include "ReasonText.h"

#include "core/ReasonCodes.h"

using namespace Qt::StringLiterals;

namespace tandem::app {
namespace {

constexpr QStringView kEscalate = u"escalate";
constexpr QStringView kPriority = u"priority";

} // namespace

ReasonCodeRulesModel::ReasonCodeRulesModel(QObject *parent) : QAbstractTableModel(parent)
{
    setCodes({});
}

ReasonCodeRulesModel::~ReasonCodeRulesModel() = default;

bool ReasonCodeRulesModel::isLocked(QStringView code)
{
    return code == reason::kCrisis;
}

QString ReasonCodeRulesModel::lockedExplanation()
{
    return tr("A crisis always goes to a person first, at urgent priority. This cannot be turned off: "
              "the server refuses a policy that tries.");
}

QStringList ReasonCodeRulesModel::priorityKeys()
{
    return {toString(Priority::Low), toString(Priority::Normal), toString(Priority::High),
            toString(Priority::Urgent)};
}

QString ReasonCodeRulesModel::priorityLabel(const QString &key)
{
    if (const auto priority = priorityFromString(key))
        return priorityDisplayName(*priority);
    return tr("Built-in");
}

void ReasonCodeRulesModel::setCodes(const QJsonObject &codes)
{
    beginResetModel();
    m_base = codes;
    m_rules.clear();
    for (const QString &code : reason::all()) {
        Rule rule;
        rule.code = code;
        rule.mentioned = codes.contains(code);
        rule.extra = codes.value(code).toObject();
        if (const QJsonValue escalate = rule.extra.take(kEscalate); escalate.isBool())
            rule.escalate = escalate.toBool();
        if (const QJsonValue priority = rule.extra.take(kPriority); priority.isString())
            rule.priority = priorityFromString(priority.toString());
        m_rules.append(rule);
    }
    m_modified = false;
    endResetModel();
}

QJsonObject ReasonCodeRulesModel::codes() const
{
    QJsonObject out = m_base;
    for (const Rule &rule : m_rules) {
        QJsonObject entry = rule.extra;
        if (rule.escalate)
            entry.insert(kEscalate, *rule.escalate);
        if (rule.priority)
            entry.insert(kPriority, toString(*rule.priority));
        if (entry.isEmpty() && !rule.mentioned)
            out.remove(rule.code);
        else
            out.insert(rule.code, entry);
    }
    return out;
}

int ReasonCodeRulesModel::rowOf(QStringView code) const
{
    for (int row = 0; row < m_rules.size(); ++row) {
        if (m_rules.at(row).code == code)
            return row;
    }
    return -1;
}

int ReasonCodeRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int ReasonCodeRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ReasonCodeRulesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Rule &rule = m_rules.at(index.row());
    // A locked rule shows its values greyed out: nothing there can be clicked or typed into.
    if (index.column() != ReasonColumn && isLocked(rule.code))
        return Qt::ItemIsSelectable;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == EscalateColumn)
        return flags | Qt::ItemIsUserCheckable;
    // The priority only matters for a reason that sends the ticket to a person.
    if (index.column() == PriorityColumn)
        return rule.escalate.value_or(true) ? flags | Qt::ItemIsEditable : Qt::ItemIsSelectable;
    return flags;
}

QString ReasonCodeRulesModel::rowToolTip(const Rule &rule, int column) const
{
    if (isLocked(rule.code))
        return lockedExplanation();
    const QString label = ReasonText::label(rule.code);
    if (column == EscalateColumn) {
        if (!rule.escalate)
            return tr("%1: not set in this policy, the server's built-in rule applies").arg(label);
        return *rule.escalate ? tr("%1: tickets go to a person first").arg(label)
                              : tr("%1: no longer sends tickets to a person (other reasons still do; the "
                                   "AI draft is offered as always)")
                                    .arg(label);
    }
    if (column == PriorityColumn) {
        if (!rule.escalate.value_or(true))
            return tr("%1: the priority applies only when the reason sends the ticket to a person")
                .arg(label);
        if (!rule.priority)
            return tr("%1: not set in this policy, the server's built-in priority applies").arg(label);
        return tr("%1: tickets get at least %2 priority").arg(label, priorityDisplayName(*rule.priority));
    }
    return {};
}

QVariant ReasonCodeRulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const Rule &rule = m_rules.at(index.row());
    const bool locked = isLocked(rule.code);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == ReasonColumn)
            return ReasonText::label(rule.code);
        if (column == EscalateColumn) {
            if (locked)
                return tr("Always");
            return !rule.escalate ? tr("Built-in") : (*rule.escalate ? tr("Yes") : tr("No"));
        }
        if (column == PriorityColumn) {
            if (locked)
                return priorityDisplayName(Priority::Urgent);
            return rule.priority ? priorityDisplayName(*rule.priority) : tr("Built-in");
        }
        return {};
    case Qt::EditRole:
        if (column == PriorityColumn)
            return locked ? toString(Priority::Urgent)
                          : (rule.priority ? toString(*rule.priority) : QString());
        return data(index, Qt::DisplayRole);
    case Qt::CheckStateRole:
        if (column != EscalateColumn)
            return {};
        if (locked)
            return Qt::Checked;
        return !rule.escalate ? Qt::PartiallyChecked : (*rule.escalate ? Qt::Checked : Qt::Unchecked);
    case Qt::ToolTipRole:
        return column == ReasonColumn && !locked ? QVariant() : QVariant(rowToolTip(rule, column));
    case Qt::AccessibleTextRole:
        if (column == ReasonColumn && locked)
            return tr("%1, locked: always escalated at urgent priority").arg(ReasonText::label(rule.code));
        if (column == EscalateColumn)
            return tr("Escalate %1: %2").arg(ReasonText::label(rule.code), data(index).toString());
        if (column == PriorityColumn)
            return tr("Priority for %1: %2").arg(ReasonText::label(rule.code), data(index).toString());
        return {};
    case CodeRole:
        return rule.code;
    case LockedRole:
        return locked;
    default:
        return {};
    }
}

bool ReasonCodeRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    Rule &rule = m_rules[index.row()];
    if (isLocked(rule.code))
        return false; // the server would refuse it; the table never offers it
    if (index.column() == EscalateColumn && role == Qt::CheckStateRole) {
        const auto state = Qt::CheckState(value.toInt());
        const std::optional<bool> next =
            state == Qt::PartiallyChecked ? std::nullopt : std::optional<bool>(state == Qt::Checked);
        if (next == rule.escalate)
            return true;
        rule.escalate = next;
        // The priority cell is enabled only while the reason escalates.
        Q_EMIT dataChanged(
            index, index.siblingAtColumn(PriorityColumn),
            {Qt::DisplayRole, Qt::EditRole, Qt::CheckStateRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    } else if (index.column() == PriorityColumn && role == Qt::EditRole) {
        const QString key = value.toString().trimmed();
        std::optional<Priority> next;
        if (!key.isEmpty()) {
            next = priorityFromString(key);
            if (!next)
                return false;
        }
        if (next == rule.priority)
            return true;
        rule.priority = next;
        Q_EMIT dataChanged(index, index,
                           {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
    } else {
        return false;
    }
    m_modified = true;
    Q_EMIT edited();
    return true;
}

QVariant ReasonCodeRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ReasonColumn:
            return tr("Reason");
        case EscalateColumn:
            return tr("Escalate");
        case PriorityColumn:
            return tr("Priority at least");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case EscalateColumn:
            return tr("Whether this reason sends the ticket to a person first (Space toggles)");
        case PriorityColumn:
            return tr("The lowest priority a ticket with this reason gets (F2 or typing opens the list)");
        default:
            return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace tandem::app
