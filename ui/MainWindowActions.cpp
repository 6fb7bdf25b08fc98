#include "MainWindowActions.h"

#include "Icons.h"

#include <QAction>
#include <QKeySequence>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

QAction *make(QObject *parent, const QString &name, const QString &text, const QString &icon,
              const QList<QKeySequence> &keys, const QString &tip)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(name);
    if (!icon.isEmpty())
        action->setIcon(Icons::get(icon));
    action->setShortcuts(keys);
    const QString shortcut = keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
    action->setToolTip(shortcut.isEmpty() ? tip : MainWindowActions::tr("%1 (%2)").arg(tip, shortcut));
    action->setStatusTip(tip);
    return action;
}

} // namespace

MainWindowActions::MainWindowActions(QObject *parent)
{
    send = make(parent, u"sendAction"_s, tr("&Send"), u"send"_s,
                {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                tr("Send the reply to the customer"));
    discard = make(parent, u"discardAction"_s, tr("&Discard draft"), u"discard"_s,
                   {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)}, tr("Throw away the AI draft"));
    assignToMe =
        make(parent, u"assignAction"_s, tr("Assign to &me"), u"assign"_s,
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)}, tr("Make yourself the ticket's assignee"));
    openNextAfterSend =
        make(parent, u"openNextAfterSendAction"_s, tr("Open the &next ticket after sending"), {}, {},
             tr("After a reply is sent, go on with the ticket below it in the inbox"));
    openNextAfterSend->setCheckable(true);
    openNextAfterSend->setChecked(true);

    regenerateEmpathetic =
        make(parent, u"regenerateEmpatheticAction"_s, tr("&Empathetic"), u"refresh"_s,
             {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1)}, tr("Ask the AI for a new, warmer draft"));
    regenerateEmpathetic->setData(u"empathetic"_s);
    regenerateConcise =
        make(parent, u"regenerateConciseAction"_s, tr("&Concise"), u"refresh"_s,
             {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2)}, tr("Ask the AI for a new, shorter draft"));
    regenerateConcise->setData(u"concise"_s);
    regenerateFormal =
        make(parent, u"regenerateFormalAction"_s, tr("&Formal"), u"refresh"_s,
             {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_3)}, tr("Ask the AI for a new, formal draft"));
    regenerateFormal->setData(u"formal"_s);

    // Single-letter shortcuts never fire while typing: text fields take printable keys first.
    nextTicket = make(parent, u"nextTicketAction"_s, tr("&Next ticket"), u"next"_s, {QKeySequence(Qt::Key_J)},
                      tr("Select the next ticket in the inbox"));
    previousTicket = make(parent, u"previousTicketAction"_s, tr("&Previous ticket"), u"previous"_s,
                          {QKeySequence(Qt::Key_K)}, tr("Select the previous ticket in the inbox"));
    openTicket = make(parent, u"openTicketAction"_s, tr("&Open ticket"), u"thread"_s,
                      {QKeySequence(Qt::Key_Return)}, tr("Read the selected ticket's conversation"));
    // Enter must stay a newline in the reply editor: this shortcut only works in the inbox.
    openTicket->setShortcutContext(Qt::WidgetShortcut);
    focusDraft = make(parent, u"focusDraftAction"_s, tr("&Edit reply"), u"draft"_s, {QKeySequence(Qt::Key_E)},
                      tr("Move the cursor into the reply"));
    focusSearch = make(parent, u"focusSearchAction"_s, tr("&Search"), u"search"_s,
                       {QKeySequence(Qt::Key_Slash)}, tr("Search the inbox"));
    backToInbox = make(parent, u"backToInboxAction"_s, tr("&Back to inbox"), u"inbox"_s,
                       {QKeySequence(Qt::Key_Escape)}, tr("Return the keyboard focus to the inbox"));

    refresh = make(parent, u"refreshAction"_s, tr("&Refresh"), u"refresh"_s, {QKeySequence(Qt::Key_F5)},
                   tr("Fetch new tickets now"));
    retryConnection = make(parent, u"retryConnectionAction"_s, tr("Retry &connection now"), u"refresh"_s,
                           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                           tr("Reach the server now instead of waiting for the next retry"));
    showOutbox = make(parent, u"showOutboxAction"_s, tr("Show &outbox"), u"send"_s,
                      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
                      tr("Show the replies waiting to be sent, with Retry and Discard"));
    logout = make(parent, u"logoutAction"_s, tr("Sign &out"), u"logout"_s, {}, tr("Sign out of this server"));
    quit = make(parent, u"quitAction"_s, tr("&Quit"), u"quit"_s, {QKeySequence(Qt::CTRL | Qt::Key_Q)},
                tr("Quit Tandem"));
    quit->setMenuRole(QAction::QuitRole);

    shortcuts = make(parent, u"shortcutsAction"_s, tr("&Keyboard shortcuts"), u"keyboard"_s,
                     {QKeySequence(Qt::Key_F1)}, tr("List the keyboard shortcuts"));
    about = make(parent, u"aboutAction"_s, tr("&About Tandem"), u"about"_s, {}, tr("Version and licence"));
    about->setMenuRole(QAction::AboutRole);
}

} // namespace tandem::ui
