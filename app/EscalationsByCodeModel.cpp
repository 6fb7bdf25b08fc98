#include "EscalationsByCodeModel.h"

#include "ReasonText.h"

#include "core/ReasonCodes.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tandem::app {

EscalationsByCodeModel::EscalationsByCodeModel(QObject *parent) : QAbstractTableModel(parent) {}

EscalationsByCodeModel::~EscalationsByCodeModel() = default;

void EscalationsByCodeModel::setEscalations(const QList<EscalationCodeCount> &escalations)
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    for (const EscalationCodeCount &e : escalations) {
        if (e.tickets <= 0 || e.code.isEmpty())
            continue;
        m_rows.append(e);
        m_total += e.tickets;
    }
    // Most serious first whatever order arrived; a code this build does not know goes last.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const auto &a, const auto &b) {
        return reason::severity(a.code) < reason::severity(b.code);
    });
    endResetModel();
}

QString EscalationsByCodeModel::percentText(double share)
{
    const double percent = share * 100.0;
    if (percent > 0.0 && percent < 0.5)
        return tr("<1 %");
    return tr("%1 %").arg(QString::number(percent, 'f', 0));
}

double EscalationsByCodeModel::shareOf(const EscalationCodeCount &row) const
{
    return m_total > 0 ? double(row.tickets) / m_total : 0.0;
}

QString EscalationsByCodeModel::summary() const
{
    if (m_rows.isEmpty())
        return tr("No ticket went to a person in this period.");
    QStringList parts;
    for (const EscalationCodeCount &row : m_rows)
        parts << tr("%1: %n ticket(s) (%2)", nullptr, row.tickets)
                     .arg(ReasonText::label(row.code), percentText(shareOf(row)));
    return parts.join(u"; "_s);
}

int EscalationsByCodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EscalationsByCodeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EscalationsByCodeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const EscalationCodeCount &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ReasonColumn:
            return ReasonText::label(row.code);
        case TicketsColumn:
            return row.tickets;
        case ShareColumn:
            return percentText(shareOf(row));
        case UnsolvedColumn:
            return row.unsolved;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == ReasonColumn || column == ShareColumn)
            return tr("%1: %n ticket(s), %2 of all the reasons given; %3 still open", nullptr, row.tickets)
                .arg(ReasonText::label(row.code), percentText(shareOf(row)))
                .arg(row.unsolved);
        return {};
    case Qt::TextAlignmentRole:
        return column == ReasonColumn ? QVariant(int(Qt::AlignLeading | Qt::AlignVCenter))
                                      : QVariant(int(Qt::AlignTrailing | Qt::AlignVCenter));
    case SortRole:
        switch (column) {
        case ReasonColumn:
            return ReasonText::label(row.code);
        case TicketsColumn:
            return row.tickets;
        case ShareColumn:
            return shareOf(row);
        case UnsolvedColumn:
            return row.unsolved;
        }
        return {};
    case CodeRole:
        return row.code;
    case CrisisRole:
        return row.code == reason::kCrisis;
    case ShareRole:
        return shareOf(row);
    default:
        return {};
    }
}

QVariant EscalationsByCodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ReasonColumn:
            return tr("Reason");
        case TicketsColumn:
            return tr("Tickets");
        case ShareColumn:
            return tr("Share");
        case UnsolvedColumn:
            return tr("Still open");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ReasonColumn:
            return tr("Why the ticket went to a person first");
        case TicketsColumn:
            return tr("Tickets created in the period whose latest judgement gave this reason");
        case ShareColumn:
            return tr("Of all the reasons given: a ticket can have several, so this is not a share of "
                      "tickets");
        case UnsolvedColumn:
            return tr("Of those tickets, the ones not solved yet");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace tandem::app
