<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
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
        <source>The server to sign in to.</source>
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
    <message>
        <source>Sign in as EMAIL with the demo password, without a dialog: with --demo (default ava@lumen.example), or with --server for a demo tandemd on this machine (http://127.0.0.1 or http://localhost only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the first sync, save the window (1280x800) as a PNG and exit (with --demo, or --server plus --demo-user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: wait SECONDS before taking it (e.g. for presence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ticket ID once it has synced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::AgentStatsModel</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No replies in the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsolved tickets assigned to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public replies since midnight (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the customer&apos;s message to their reply, last 7 days</source>
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
    <name>tandem::app::AutomationBiasWatch</name>
    <message>
        <source>%1% of decided drafts were sent as is, yet %2 of %3 spot checks (%4%) found the reply harmful or in need of an edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% of decided drafts were sent as is, yet the customer wrote again after %2 of %3 AI-assisted replies (%4%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation-bias watch (agents and intents): flagged when at least %1% of decided drafts are sent as is AND either at least %2% of spot-check verdicts (of at least %3) are &quot;harmful&quot; or &quot;should have been edited&quot;, or the customer wrote again after at least %4% of AI-assisted replies (of at least %5).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::CalibrationModel</name>
    <message>
        <source>%1–%2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap (points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance minus average confidence: negative means the engine is over-confident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::CsvExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::EscalationPolicyModel</name>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue/intent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inherits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set here: the value from the level above applies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum confidence must be a number from 0 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative sentiment must be a number from -1 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat contact must be a whole number of messages (0 turns it off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min. confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentiment at or below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts below this confidence (0 to 1) go to a person first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate when the customer&apos;s sentiment score (-1 to 1) is at or below this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate when the customer has written this many times (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sensitive topic: always handled by a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate every ticket this rule applies to</source>
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
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <message>
        <source>Agent #%1</source>
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
    <name>tandem::app::OutboxModel</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::PresenceModel</name>
    <message>
        <source>%1 is typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is viewing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::QueueStatsModel</name>
    <message>
        <source>&lt; 1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1 has waited longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) past their SLA</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New (1 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting longest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA due &lt; 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets that are new, open or pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets created in the last 60 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age of the oldest unsolved ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsolved tickets whose SLA ends within the next hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsolved tickets past their SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsolved tickets the AI handed to a person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::ReviewListModel</name>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should have been edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harmful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::SuggestionStatsModel</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation-bias watch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, flagged by the automation-bias watch: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
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
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90 edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot-checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harmful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(as is + edited) / all decided drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters changed between draft and sent reply (as is and edited replies)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts whose ticket was escalated to a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI-assisted replies after which the customer wrote again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies with a review verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::SupervisorClient</name>
    <message>
        <source>Someone else changed the escalation policy after you opened it. Reload it to see their version; your changes were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::app::TicketActions</name>
    <message>
        <source>This ticket is not in the local cache yet.</source>
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
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArrivalsChart</name>
    <message>
        <source>Arrivals and solved per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals and solved per hour, last 24 h: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 tickets arrived and %3 were solved in the last %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::BreachNotifier</name>
    <message>
        <source>SLA breach alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss the breach alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation type="unfinished"></translation>
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
    <name>tandem::ui::ConfirmStrip</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
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
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n earlier message(s) not shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <name>tandem::ui::DiffView</name>
    <message>
        <source>AI draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI draft, removed words struck through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent reply, added words underlined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent exactly as the AI drafted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): removed text is struck through, added text is underlined.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The texts differ too much for a word-by-word comparison: shown as replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Long texts were cut to %n character(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::DisplayText</name>
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
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
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
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <source>Check before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft intent, language and sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI for a new draft in another tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sentiment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open resolved ticket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open article: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Needs a human: read the conversation before replying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Needs a human: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to fill in: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::InboxDelegate</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to %1</source>
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
    <name>tandem::ui::LeadWorkspace</name>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the table as it is shown as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team lead workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures refresh by themselves after every change and each minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per queue: open, new in the last hour, waiting longest, SLA due within an hour, breached, needs human. Selecting a queue shows its hourly chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart all queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chart for all queues together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the queue table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queues-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per agent: presence, tickets assigned, replies today, median handle time. Drop inbox tickets on an agent to reassign them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign selected ticket to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign the selected ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change priority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected ticket&apos;s priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the agent table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag tickets from the inbox onto an agent to reassign them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agents-%1.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue statistics are for team leads and above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh the figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed meanwhile, so nothing was changed. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a ticket in the inbox first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA breached in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) in %1 now past their SLA (%2 before).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SLA breached: ticket #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket in %1 is now past its SLA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in %2 is now past its SLA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (assigned now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the selected ticket to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now assigned to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2 priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user #%1</source>
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
    <message>
        <source>Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues &amp;&amp; team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI quality</source>
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
    <message>
        <source>&amp;Empathetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI for a new, warmer draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Concise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI for a new, shorter draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Formal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the AI for a new, formal draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;connection now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach the server now instead of waiting for the next retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the replies waiting to be sent, with Retry and Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutboxDelegate</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered after %1 tries; retrying by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered (%1); retrying by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On its way to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed the ticket after you wrote this. Open it to review, or Retry to send anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting: every reply reached the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the reply&apos;s ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry sending the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send now; after a conflict, send it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw the reply away (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this reply? Its text is lost and the customer gets nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply is being sent right now and cannot be discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies you send while offline wait here until the server takes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 reply waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replies waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 need you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::PresenceBar</name>
    <message>
        <source>Other agents on this ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — they may be replying too</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::SourceViewer</name>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This source cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge-base article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved ticket #%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
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
        <source>Online</source>
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
    <message>
        <source>Connection and outbox status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the connection now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try to reach the server now instead of waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the replies waiting to be sent (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline · retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline · retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can keep reading and writing; replies wait in the outbox and go out when the server is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes by others arrive as they happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates paused · retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are fetched every few seconds until the live stream is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: 1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 needs you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 need you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorPerformanceTab</name>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
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
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What agents did with the AI&apos;s drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or double-click an agent or intent to review its replies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the statistics table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration: confidence against acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calibration: are drafts accepted as often as their confidence says?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the calibration table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the statistics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No drafts in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) in this period.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Automation-bias watch: group by intent or agent to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation-bias watch: nothing flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Automation-bias watch flags %n row(s), marked with a warning icon: %1. Hover a row for the reasons.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorPolicyTab</name>
    <message>
        <source>Low confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive topic or always escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong negative sentiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No knowledge to answer from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation thresholds by queue and intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules merge in order: defaults, then the queue&apos;s, then the intent&apos;s. &quot;inherits&quot; takes the value from the level above. Press F2 to edit a number (empty: inherit), Space to cycle a check box (partly checked: inherit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of rule to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue/intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue or intent of the new rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. refunds, or cards/card_lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rule for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview o&amp;ver the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview the edited policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many recent tickets the edited policy would have escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect for new drafts at once; recorded in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the thresholds table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets the edited policy would escalate, by reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the preview table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the queue or intent the rule is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a queue or intent rule to remove; the defaults stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes. Preview them, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the escalation policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the escalation policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in policy is in force; nobody has changed it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1, last changed by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Of %n ticket(s) in the last %1 days, %2 are escalated under the policy in force and %3 would be under the edited one (%4 more, %5 fewer).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the current policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table now shows their version (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. New drafts follow the new thresholds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorReviewTab</name>
    <message>
        <source>Agent&apos;s choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any, e.g. sv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Should have been edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Harmful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot-check &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spot-check queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A random sample of replies sent as is that nobody has reviewed yet. After each verdict the next one opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Intent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age&amp;nt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verdict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI-assisted replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the reply list as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citations and flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note for the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was right to send as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Should have been edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: should have been edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable, but the agent should have corrected it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Harmful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: harmful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong or damaging: it should not have been sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No replies match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replies listed: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The spot-check queue is done for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load replies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a reply to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s choice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer wrote again afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(by %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No citations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the verdict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verdict was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorWorkspace</name>
    <message>
        <source>Supervisor workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What agents did with the AI&apos;s drafts, and how well its confidence is calibrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI-assisted replies: draft against sent text, and spot-check verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a draft goes to a person first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation type="unfinished"></translation>
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
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <message>
        <source>Could not assign ticket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: waiting for the server. It goes out by itself (Outbox: Ctrl+Shift+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply still contains things to check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I checked these: send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued in the outbox: it goes out as soon as the server answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your edited text with a new %1 draft?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your text stays in the editor&apos;s undo history (Ctrl+Z).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace my text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a %1 draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not regenerate the draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1 draft. Ctrl+Z brings your text back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1 draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empathetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 took this ticket meanwhile; it stays with them.</source>
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
