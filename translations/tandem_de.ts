<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tandem: AI drafts, humans decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start an embedded demo server and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --demo: sign in as EMAIL (default ava@lumen.example).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server to sign in to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the first sync, save the window (1280x800) as a PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: open inbox row N (0 = top).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log levels, e.g. info or net=debug,sync=info.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also log to this rotating file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::ApiClient</name>
    <message>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::InboxModel</name>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::InboxView</name>
    <message>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments &amp; billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds &amp; disputes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp; security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders &amp; delivery</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::LoginFlow</name>
    <message>
        <source>Enter a server address such as https://support.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::ViewsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ConfidenceBadge</name>
    <message>
        <source>AI confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure the AI is about this draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::ConflictBanner</name>
    <message>
        <source>The ticket changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the reply back into the editor to adjust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply as it is, after the new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the ticket changed while you were writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %n new message(s) arrived while you were writing.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n earlier message(s) not shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the ticket (status, assignee or draft).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::DisplayText</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverified fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::DraftEditor</name>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your unsent text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI wrote a newer draft for this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI draft; edit it before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Return sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the text as a note only agents see, instead of replying to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AI draft for this ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check before sending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::InboxTable</name>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets in the selected view; j and k move, Enter opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::Launcher</name>
    <message>
        <source>Tandem cannot open its local cache: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::LoginDialog</name>
    <message>
        <source>Sign in to Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to your support workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server. Check the address and your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the email address you sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::MainWindow</name>
    <message>
        <source>Tandem — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search subject, customer or email  ( / )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1	%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem %1
AI drafts, humans decide.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::MainWindowActions</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the reply to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the AI draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make yourself the ticket&apos;s assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the next ticket in the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous ticket in the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the selected ticket&apos;s conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the cursor into the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return the keyboard focus to the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch new tickets now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::StatusIndicators</name>
    <message>
        <source>Connection indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) you</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ThreadView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages of the open ticket, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversation to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The rest of this message is too long to show.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::TicketHeader</name>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI asks a human to handle this ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a human: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::TicketPane</name>
    <message>
        <source>Select a ticket in the inbox.
j / k move, Enter opens, e edits the reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to send (offline?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the ticket changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be saved, so it was not sent. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not discard the draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft discarded. Write your own reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not assign the ticket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh the ticket; showing the saved copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reply was not sent because its ticket changed. Open the ticket to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reply was refused by the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply is back in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent #%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::ViewsList</name>
    <message>
        <source>QUEUES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket views with the number of tickets in each</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
