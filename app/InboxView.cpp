#include "InboxView.h"

#include "IntentText.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tandem::app {

QString InboxView::key() const
{
    switch (kind) {
    case Kind::Mine:
        return u"mine"_s;
    case Kind::Unassigned:
        return u"unassigned"_s;
    case Kind::NeedsHuman:
        return u"needs_human"_s;
    case Kind::All:
        return u"all"_s;
    case Kind::Queue:
        return u"queue:"_s + queue;
    }
    return u"all"_s;
}

std::optional<InboxView> InboxView::fromKey(const QString &key)
{
    if (key == u"mine")
        return mine();
    if (key == u"unassigned")
        return unassigned();
    if (key == u"needs_human")
        return needsHuman();
    if (key == u"all")
        return all();
    if (key.startsWith(u"queue:") && key.size() > 6)
        return forQueue(key.mid(6));
    return std::nullopt;
}

QString InboxView::displayName() const
{
    switch (kind) {
    case Kind::Mine:
        return QCoreApplication::translate("tandem::app::InboxView", "My tickets");
    case Kind::Unassigned:
        return QCoreApplication::translate("tandem::app::InboxView", "Unassigned");
    case Kind::NeedsHuman:
        return QCoreApplication::translate("tandem::app::InboxView", "Needs human");
    case Kind::All:
        return QCoreApplication::translate("tandem::app::InboxView", "All tickets");
    case Kind::Queue:
        return queueDisplayName(queue);
    }
    return {};
}

QString queueDisplayName(const QString &queueId)
{
    if (queueId == u"payments")
        return QCoreApplication::translate("tandem::app::InboxView", "Payments & billing");
    if (queueId == u"refunds")
        return QCoreApplication::translate("tandem::app::InboxView", "Refunds & disputes");
    if (queueId == u"account")
        return QCoreApplication::translate("tandem::app::InboxView", "Account & security");
    if (queueId == u"orders")
        return QCoreApplication::translate("tandem::app::InboxView", "Orders & delivery");
    return IntentText::spelledOut(queueId); // a queue of another set-up: its id, spelled out
}

QString statusDisplayName(TicketStatus status)
{
    switch (status) {
    case TicketStatus::New:
        return QCoreApplication::translate("tandem::app::InboxView", "New");
    case TicketStatus::Open:
        return QCoreApplication::translate("tandem::app::InboxView", "Open");
    case TicketStatus::Pending:
        return QCoreApplication::translate("tandem::app::InboxView", "Pending");
    case TicketStatus::Solved:
        return QCoreApplication::translate("tandem::app::InboxView", "Solved");
    }
    return {};
}

QString priorityDisplayName(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QCoreApplication::translate("tandem::app::InboxView", "Low");
    case Priority::Normal:
        return QCoreApplication::translate("tandem::app::InboxView", "Normal");
    case Priority::High:
        return QCoreApplication::translate("tandem::app::InboxView", "High");
    case Priority::Urgent:
        return QCoreApplication::translate("tandem::app::InboxView", "Urgent");
    }
    return {};
}

} // namespace tandem::app
