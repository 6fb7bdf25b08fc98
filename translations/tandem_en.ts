<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tandem::app::EscalationsByCodeModel</name>
    <message numerus="yes">
        <source>%1: %n ticket(s) (%2)</source>
        <translation>
            <numerusform>%1: %n ticket (%2)</numerusform>
            <numerusform>%1: %n tickets (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n ticket(s), %2 of all the reasons given; %3 still open</source>
        <translation>
            <numerusform>%1: %n ticket, %2 of all the reasons given; %3 still open</numerusform>
            <numerusform>%1: %n tickets, %2 of all the reasons given; %3 still open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::InboxModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::QueueStatsModel</name>
    <message numerus="yes">
        <source>%n crisis ticket(s): a person must read them now</source>
        <translation>
            <numerusform>%n crisis ticket: a person must read them now</numerusform>
            <numerusform>%n crisis tickets: a person must read them now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s) past their SLA</source>
        <translation>
            <numerusform>%n open ticket past their SLA</numerusform>
            <numerusform>%n open tickets past their SLA</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n crisis ticket(s)</source>
        <translation>
            <numerusform>%1, %n crisis ticket</numerusform>
            <numerusform>%1, %n crisis tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::app::ViewsModel</name>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1, %n ticket</numerusform>
            <numerusform>%1, %n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ArrivalsChart</name>
    <message numerus="yes">
        <source>%1: %2 tickets arrived and %3 were solved in the last %n hour(s)</source>
        <translation>
            <numerusform>%1: %2 tickets arrived and %3 were solved in the last %n hour</numerusform>
            <numerusform>%1: %2 tickets arrived and %3 were solved in the last %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ConflictBanner</name>
    <message numerus="yes">
        <source>Not sent: %n new message(s) arrived while you were writing.</source>
        <translation>
            <numerusform>Not sent: %n new message arrived while you were writing.</numerusform>
            <numerusform>Not sent: %n new messages arrived while you were writing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n earlier message(s) not shown)</source>
        <translation>
            <numerusform>(%n earlier message not shown)</numerusform>
            <numerusform>(%n earlier messages not shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::DiffView</name>
    <message numerus="yes">
        <source>%n change(s): removed text is struck through, added text is underlined.</source>
        <translation>
            <numerusform>%n change: removed text is struck through, added text is underlined.</numerusform>
            <numerusform>%n changes: removed text is struck through, added text is underlined.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Long texts were cut to %n character(s).</source>
        <translation>
            <numerusform>Long texts were cut to %n character.</numerusform>
            <numerusform>Long texts were cut to %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::DisplayText</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::LeadWorkspace</name>
    <message numerus="yes">
        <source>%n open ticket(s) in %1 now past their SLA (%2 before).</source>
        <translation>
            <numerusform>%n open ticket in %1 now past their SLA (%2 before).</numerusform>
            <numerusform>%n open tickets in %1 now past their SLA (%2 before).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::OutboxDelegate</name>
    <message numerus="yes">
        <source>Not delivered after %n tries; retrying by itself.</source>
        <translation>
            <numerusform>Not delivered after %n try; retrying by itself.</numerusform>
            <numerusform>Not delivered after %n tries; retrying by itself.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorPerformanceTab</name>
    <message numerus="yes">
        <source>Shares are of all %n reason(s) given: one ticket can have several.</source>
        <translation>
            <numerusform>Shares are of all %n reason given: one ticket can have several.</numerusform>
            <numerusform>Shares are of all %n reasons given: one ticket can have several.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) in this period.</source>
        <translation>
            <numerusform>%n draft in this period.</numerusform>
            <numerusform>%n drafts in this period.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Automation-bias watch flags %n row(s), marked with a warning icon: %1. Hover a row for the reasons.</source>
        <translation>
            <numerusform>Automation-bias watch flags %n row, marked with a warning icon: %1. Hover a row for the reasons.</numerusform>
            <numerusform>Automation-bias watch flags %n rows, marked with a warning icon: %1. Hover a row for the reasons.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorPolicyTab</name>
    <message numerus="yes">
        <source>Of %n ticket(s) in the last %1 days, %2 are escalated under the policy in force and %3 would be under the edited one (%4 more, %5 fewer).</source>
        <translation>
            <numerusform>Of %n ticket in the last %1 days, %2 are escalated under the policy in force and %3 would be under the edited one (%4 more, %5 fewer).</numerusform>
            <numerusform>Of %n tickets in the last %1 days, %2 are escalated under the policy in force and %3 would be under the edited one (%4 more, %5 fewer).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorReviewTab</name>
    <message numerus="yes">
        <source>Replies listed: %n</source>
        <translation>
            <numerusform>Replies listed: %n</numerusform>
            <numerusform>Replies listed: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::SupervisorWorkspace</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tandem::ui::ThreadView</name>
    <message numerus="yes">
        <source>Show %n earlier message(s)</source>
        <translation>
            <numerusform>Show %n earlier message</numerusform>
            <numerusform>Show %n earlier messages</numerusform>
        </translation>
    </message>
</context>
</TS>
