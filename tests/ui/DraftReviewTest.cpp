// The draft review features of issue 4 against a real tandemd with the demo company: triage and
// the needs-human banner on the draft, flags on their exact spans with a tool tip, Send asking
// for "I checked these" while a promise / unsupported fact / gap is unresolved, clickable
// citations opening a plain-text viewer, and Regenerate ▸ tone without losing typed work.
#include "PixelProbe.h"
#include "TestServer.h"

#include "ui/ConfirmStrip.h"
#include "ui/DraftEditor.h"
#include "ui/InboxTable.h"
#include "ui/MainWindow.h"
#include "ui/MainWindowActions.h"
#include "ui/SourceViewer.h"
#include "ui/TicketPane.h"
#include "ui/ViewsList.h"

#include "app/InboxModel.h"
#include "app/LoginFlow.h"
#include "app/Outbox.h"
#include "app/Session.h"

#include <QAbstractButton>
#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;

namespace {

const QString kBody = u"Hello Maria, we will refund you by Friday. Please send us your [order number]."_s;

Draft reviewDraft()
{
    Draft d;
    d.id = 42;
    d.ticketId = 7;
    d.body = kBody;
    d.confidence = 0.41;
    d.intent = u"refund_request"_s;
    d.language = u"en"_s;
    const int promise = int(kBody.indexOf(u"we will refund you by Friday"_s));
    const int gap = int(kBody.indexOf(u"[order number]"_s));
    d.flags = {{u"promise"_s, u"Promises a refund date"_s, promise, 28},
               {u"missing_slot"_s, u"The order number is unknown"_s, gap, 14},
               {u"needs_human"_s, u"Customer threatens to cancel"_s, -1, 0}};
    d.citations = {{u"kb:1"_s, u"Refund policy"_s, u"Refunds take 5 days"_s}};
    return d;
}

} // namespace

class DraftReviewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TandemUiTest"_s);
        QCoreApplication::setApplicationName(u"ui_draft_review_test"_s);
        QSettings().clear();
        test::TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<test::TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void cleanupTestCase() { m_server.reset(); }

    // --- widget level (no server) ---

    void showsTriageAndNeedsHumanBanner()
    {
        ui::DraftEditor editor;
        editor.show();
        editor.setTicket(7, reviewDraft());
        Ticket ticket;
        ticket.id = 7;
        ticket.sentiment = u"negative"_s;
        ticket.language = u"en"_s;
        ticket.needsHuman = true;
        ticket.needsHumanReason = u"<b>Legal threat</b>"_s;
        editor.setTicketInfo(ticket);
        const QString details = editor.detailsText();
        QVERIFY2(details.contains(u"Refund request"_s), qPrintable(details));
        QVERIFY2(details.contains(u"Sentiment: Negative"_s), qPrintable(details));
        QVERIFY2(details.contains(u"Language:"_s), qPrintable(details));
        QVERIFY(editor.needsHumanBanner()->isVisible());
        QCOMPARE(editor.needsHumanBanner()->textFormat(), Qt::PlainText);
        QVERIFY(editor.needsHumanBanner()->text().contains(u"<b>Legal threat</b>"_s));
        // The banner sits above the reply text.
        QVERIFY(editor.needsHumanBanner()->geometry().bottom() < editor.editor()->geometry().top());

        // Without a ticket reason, the draft's needs_human flag gives it.
        ticket.needsHumanReason.clear();
        editor.setTicketInfo(ticket);
        QVERIFY(editor.needsHumanBanner()->text().contains(u"Customer threatens to cancel"_s));
        ticket.needsHuman = false;
        Draft calm = reviewDraft();
        calm.flags.removeLast();
        editor.setTicket(8, calm);
        editor.setTicketInfo(ticket);
        QVERIFY(!editor.needsHumanBanner()->isVisible());
    }

    void flagsAreHighlightedOnTheirSpans()
    {
        ui::DraftEditor editor;
        editor.show();
        editor.setTicket(7, reviewDraft());
        QList<QTextEdit::ExtraSelection> selections = editor.editor()->extraSelections();
        QCOMPARE(selections.size(), 2);
        QCOMPARE(selections.at(0).cursor.selectedText(), u"we will refund you by Friday"_s);
        QCOMPARE(selections.at(1).cursor.selectedText(), u"[order number]"_s);
        const int promise = int(kBody.indexOf(u"refund"_s));
        QVERIFY(editor.flagToolTipAt(promise).contains(u"Promises a refund date"_s));
        QVERIFY(editor.flagToolTipAt(0).isEmpty());

        // Typing above a span moves its highlight with the words.
        QTextCursor cursor(editor.editor()->document());
        cursor.insertText(u"Hi! "_s);
        selections = editor.editor()->extraSelections();
        QCOMPARE(selections.size(), 2);
        QCOMPARE(selections.at(0).cursor.selectedText(), u"we will refund you by Friday"_s);
        QVERIFY(editor.flagToolTipAt(promise + 4).contains(u"Promises a refund date"_s));

        // Rewording the promise resolves it: no highlight, no longer a check.
        QCOMPARE(editor.unresolvedChecks().size(), 2);
        editor.setText(editor.text().replace(u"we will refund you by Friday"_s, u"we are checking"_s));
        QCOMPARE(editor.editor()->extraSelections().size(), 1);
        const QStringList checks = editor.unresolvedChecks();
        QCOMPARE(checks.size(), 1);
        QVERIFY2(checks.first().contains(u"[order number]"_s), qPrintable(checks.first()));
        // A gap typed by the agent warns too.
        editor.setText(u"Your [tracking link] is on its way."_s);
        QCOMPARE(editor.unresolvedChecks().size(), 1);
        editor.setText(u"Your parcel is on its way."_s);
        QVERIFY(editor.unresolvedChecks().isEmpty());
    }

    // --- against tandemd ---

    void init()
    {
        if (QString::fromLatin1(QTest::currentTestFunction()).startsWith(u"shows"_s) ||
            QString::fromLatin1(QTest::currentTestFunction()).startsWith(u"flags"_s))
            return;
        QVERIFY(m_cache.isValid());
        app::LoginFlow flow;
        flow.setStoreDirectory(m_cache.path());
        app::Session *session = nullptr;
        connect(&flow, &app::LoginFlow::succeeded, this, [&session](app::Session *s) { session = s; });
        QSignalSpy failed(&flow, &app::LoginFlow::failed);
        flow.login(QUrl(m_server->baseUrl()), u"ava@lumen.example"_s, u"demo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(session != nullptr || failed.count() > 0, 20000);
        QVERIFY2(session, "login failed");
        m_session.reset(session);
        QString error;
        QVERIFY2(m_session->start(&error), qPrintable(error));
        m_window = std::make_unique<ui::MainWindow>(m_session.get(), false);
        // What a send leaves in the editor is checked on the same ticket: stay on it.
        m_window->actions().openNextAfterSend->setChecked(false);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(m_session->inbox()->rowCount() > 0, 20000);
        m_window->viewsList()->selectView(app::InboxView::all());
        QTRY_COMPARE(m_session->inbox()->view(), app::InboxView::all());
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
    }

    void sendAsksWhileAPromiseIsUnchecked()
    {
        ui::DraftEditor *editor = openTicketWithDraft(false, Person::NotNeeded);
        QVERIFY(editor);
        // The real draft, with a promise flagged on its first words.
        Draft draft = *editor->draft();
        const qsizetype before = editor->unresolvedChecks().size(); // the demo's own flags, if any
        const int length = int(std::min<qsizetype>(12, draft.body.size()));
        draft.flags.append({u"promise"_s, u"Promises something"_s, 0, length});
        editor->replaceWithDraft(draft);
        QCOMPARE(editor->unresolvedChecks().size(), before + 1);

        QSignalSpy queued(m_session->outbox(), &app::Outbox::itemChanged);
        QSignalSpy sent(m_session->outbox(), &app::Outbox::sent);
        m_window->actions().send->trigger();
        ui::ConfirmStrip *strip = editor->confirmStrip();
        QVERIFY(strip->isVisible());
        // Quoted as shown: whitespace folded ("Dzień dobry\n" reads “Dzień dobry”).
        QVERIFY2(strip->findChild<QLabel *>(u"confirmDetails"_s)
                     ->text()
                     .contains(draft.body.left(length).simplified()),
                 qPrintable(strip->findChild<QLabel *>(u"confirmDetails"_s)->text()));
        QCOMPARE(strip->acceptButton()->text(), u"I checked these: send"_s);
        QCOMPARE(queued.count(), 0); // nothing queued, no modal loop: the call returned
        QCOMPARE(editor->text(), draft.body);

        // "Keep editing" leaves everything as it was.
        strip->rejectButton()->click();
        QVERIFY(!strip->isVisible());
        QCOMPARE(sent.count(), 0);

        // Asked again, and acknowledged: it goes out.
        m_window->actions().send->trigger();
        QVERIFY(strip->isVisible());
        strip->acceptButton()->click();
        QVERIFY(sent.wait(15000));
        QVERIFY(editor->text().isEmpty());
    }

    // Issue 18: Ctrl+Return (the Send action) on a draft with a gap offers no "send anyway": the
    // gap is selected for typing over, nothing is queued; filled in, the reply goes out.
    void aGapCannotBeSentAndF8SelectsIt()
    {
        ui::DraftEditor *editor = openTicketWithDraft(false);
        QVERIFY(editor);
        Draft draft = *editor->draft();
        draft.body += u" Your refund goes out on [date]."_s;
        const int at = int(draft.body.indexOf(u"[date]"_s));
        draft.flags.append({u"missing_slot"_s, u"Missing: date"_s, at, 6});
        editor->replaceWithDraft(draft);
        QCOMPARE(editor->unfilledGaps(), QStringList{u"[date]"_s});

        QSignalSpy queued(m_session->outbox(), &app::Outbox::itemChanged);
        QSignalSpy sent(m_session->outbox(), &app::Outbox::sent);
        m_window->actions().send->trigger();
        QVERIFY(!editor->confirmStrip()->isVisible());
        QCOMPARE(queued.count(), 0);
        QCOMPARE(editor->editor()->textCursor().selectedText(), u"[date]"_s);

        // F8 finds it again from anywhere in the text.
        QTextCursor start = editor->editor()->textCursor();
        start.setPosition(0);
        editor->editor()->setTextCursor(start);
        QAction *nextGap = nullptr;
        for (QAction *a : editor->editor()->actions()) {
            if (a->shortcut() == QKeySequence(Qt::Key_F8))
                nextGap = a;
        }
        QVERIFY(nextGap);
        QVERIFY(!nextGap->text().isEmpty());
        nextGap->trigger();
        QCOMPARE(editor->editor()->textCursor().selectedText(), u"[date]"_s);

        // Typed over, the gap is gone and the reply can go.
        QTest::keyClicks(editor->editor(), u"12 May"_s);
        QVERIFY(editor->unfilledGaps().isEmpty());
        QVERIFY(editor->text().contains(u"goes out on 12 May."_s));
        m_window->actions().send->trigger();
        if (editor->confirmStrip()->isVisible())
            editor->confirmStrip()->acceptButton()->click(); // the demo draft's own checks
        QVERIFY(sent.wait(15000));
        QCOMPARE(queued.count() > 0, true);
    }

    // Issue 18: on a ticket that needs a person, the AI's draft does not go out unread. Sending it
    // unchanged asks first, with "Keep editing" focused: Enter there sends nothing; Enter on
    // "I read it: send as is" sends. A draft in the wrong language is among the checks.
    void aPersonsTicketSendsTheDraftOnlyWhenRead()
    {
        ui::DraftEditor *editor = openTicketWithDraft(false, Person::Needed);
        QVERIFY2(editor, "no demo ticket that needs a person with a draft");
        QVERIFY(editor->needsHuman());
        QVERIFY(!editor->isEdited());
        Draft draft = *editor->draft();
        draft.flags.append({u"language"_s, u"The draft is in English; the customer wrote Swedish."_s, 0, 0});
        editor->replaceWithDraft(draft);
        QVERIFY(!editor->isEdited());
        QVERIFY(editor->unresolvedChecks().join(u'\n').contains(u"customer wrote Swedish"_s));

        QSignalSpy queued(m_session->outbox(), &app::Outbox::itemChanged);
        QSignalSpy sent(m_session->outbox(), &app::Outbox::sent);
        m_window->actions().send->trigger();
        ui::ConfirmStrip *strip = editor->confirmStrip();
        QVERIFY(strip->isVisible());
        QCOMPARE(strip->acceptButton()->text(), u"I read it: send as is"_s);
        QVERIFY(strip->findChild<QLabel *>(u"confirmDetails"_s)->text().contains(u"needs a person"_s));
        QVERIFY(
            strip->findChild<QLabel *>(u"confirmDetails"_s)->text().contains(u"customer wrote Swedish"_s));
        QCOMPARE(strip->window()->focusWidget(), strip->rejectButton()); // the safe answer
        test::keepScreenshot(m_window.get(), u"send-check-needs-a-person.png"_s);
        QTest::keyClick(strip->rejectButton(), Qt::Key_Return);
        QVERIFY(!strip->isVisible());
        QCOMPARE(queued.count(), 0);
        QCOMPARE(editor->text(), draft.body);

        m_window->actions().send->trigger();
        QVERIFY(strip->isVisible());
        QTest::keyClick(strip->acceptButton(), Qt::Key_Return);
        QVERIFY(sent.wait(15000));
        QVERIFY(queued.count() > 0);
    }

    void editingThePromiseSendsWithoutAsking()
    {
        ui::DraftEditor *editor = openTicketWithDraft(false);
        QVERIFY(editor);
        Draft draft = *editor->draft();
        const int length = int(std::min<qsizetype>(12, draft.body.size()));
        draft.flags.append({u"unsupported_fact"_s, u"Not in the sources"_s, 0, length});
        editor->replaceWithDraft(draft);
        editor->setText(u"I have checked with the warehouse and will write again today."_s);
        QVERIFY(editor->unresolvedChecks().isEmpty());
        QSignalSpy sent(m_session->outbox(), &app::Outbox::sent);
        m_window->actions().send->trigger();
        QVERIFY(!editor->confirmStrip()->isVisible());
        QVERIFY(sent.wait(15000));
    }

    void citationOpensThePlainTextSource()
    {
        ui::DraftEditor *editor = openTicketWithDraft(true);
        QVERIFY2(editor, "no demo draft with citations");
        QVERIFY(!editor->citationButtons().isEmpty());
        QPushButton *button = editor->citationButtons().first();
        QVERIFY(!button->accessibleName().isEmpty());
        const QString sourceId = editor->draft()->citations.first().sourceId;
        button->click();
        ui::SourceViewer *viewer = m_window->ticketPane()->sourceViewer();
        QVERIFY(viewer);
        QVERIFY(viewer->isVisible());
        QVERIFY(!viewer->isModal());
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), 15000);
        QCOMPARE(viewer->sourceId(), sourceId);
        QVERIFY2(!viewer->bodyText().isEmpty(), qPrintable(viewer->titleText()));
        auto *body = viewer->findChild<QPlainTextEdit *>(u"sourceBody"_s);
        QVERIFY(body && body->isReadOnly());

        // The text is what the API says, word for word (plain, never rendered).
        test::TestHttp http(m_server->baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        const qint64 id = sourceId.mid(sourceId.indexOf(u':') + 1).toLongLong();
        if (sourceId.startsWith(u"kb:"_s)) {
            const auto article = http.get(u"/api/v1/kb/%1"_s.arg(id));
            QCOMPARE(article.status, 200);
            QCOMPARE(viewer->titleText(), article.json().value(u"title").toString());
            QVERIFY(viewer->bodyText().contains(article.json().value(u"body").toString().left(60)));
        } else {
            const auto detail = http.get(u"/api/v1/tickets/%1"_s.arg(id));
            QCOMPARE(detail.status, 200);
            const QJsonArray messages = detail.json().value(u"messages").toArray();
            QVERIFY(!messages.isEmpty());
            QVERIFY(
                viewer->bodyText().contains(messages.first().toObject().value(u"body").toString().left(60)));
        }

        // Hostile or unknown ids show an error, not a crash.
        viewer->showSource(u"file:/etc/passwd"_s, u"x"_s);
        QVERIFY(viewer->isLoaded());
        QVERIFY(viewer->bodyText().isEmpty());
    }

    void regenerateKeepsTypedWorkUnlessConfirmed()
    {
        ui::DraftEditor *editor = openTicketWithDraft(false);
        QVERIFY(editor);
        const qint64 firstDraft = editor->draft()->id;
        const MainWindowActionsRef a = m_window->actions();

        // The button's menu lists the three tones.
        QMenu *menu = editor->regenerateButton()->menu();
        QVERIFY(menu);
        QCOMPARE(menu->actions().size(), 3);
        QVERIFY(editor->regenerateButton()->isEnabled());

        // Edited text: asked first; "Keep my edit" keeps it.
        editor->setText(editor->text() + u" — my own words"_s);
        const QString typed = editor->text();
        a.regenerateConcise->trigger();
        ui::ConfirmStrip *strip = editor->confirmStrip();
        QVERIFY(strip->isVisible());
        strip->rejectButton()->click();
        QCOMPARE(editor->text(), typed);
        QCOMPARE(editor->draft()->id, firstDraft);

        // "Replace my text": a new draft arrives; Ctrl+Z brings the typed text back.
        a.regenerateConcise->trigger();
        QVERIFY(strip->isVisible());
        strip->acceptButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(editor->draft() && editor->draft()->id != firstDraft, 15000);
        QCOMPARE(editor->text(), editor->draft()->body);
        editor->editor()->undo();
        QCOMPARE(editor->text(), typed);

        // Unedited: replaced straight away, no question.
        editor->editor()->redo();
        const qint64 second = editor->draft()->id;
        QVERIFY(!editor->isEdited());
        a.regenerateFormal->trigger();
        QVERIFY(!strip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(editor->draft() && editor->draft()->id != second, 15000);
        QCOMPARE(editor->text(), editor->draft()->body);
        // The server agrees on the current draft.
        test::TestHttp http(m_server->baseUrl());
        QVERIFY(http.login(u"ava@lumen.example"_s));
        const auto detail = http.get(u"/api/v1/tickets/%1"_s.arg(editor->ticketId()));
        QCOMPARE(detail.json().value(u"draft").toObject().value(u"id").toInteger(), editor->draft()->id);
    }

    void newControlsAreNamedAndReachable()
    {
        ui::DraftEditor *editor = openTicketWithDraft(true);
        QVERIFY(editor);
        for (QAbstractButton *button : editor->findChildren<QAbstractButton *>()) {
            if (button->isVisible())
                QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->objectName()));
        }
        // Tab from the regenerate button reaches the text, then the sources.
        QCOMPARE(editor->regenerateButton()->nextInFocusChain() != nullptr, true);
        QWidget *w = editor->editor();
        for (int i = 0; i < 10 && w && w != editor->citationButtons().first(); ++i)
            w = w->nextInFocusChain();
        QCOMPARE(w, editor->citationButtons().first());
    }

private:
    using MainWindowActionsRef = const ui::MainWindowActions &;

    //! Opens a ticket with an AI draft (with citations when \a withCitations); the editor or null.
    enum class Person
    {
        Any,
        Needed,    //!< a ticket that needs a person
        NotNeeded, //!< a routine ticket
    };
    ui::DraftEditor *openTicketWithDraft(bool withCitations, Person person = Person::Any)
    {
        ui::TicketPane *pane = m_window->ticketPane();
        app::InboxModel *inbox = m_session->inbox();
        for (int row = 0; row < inbox->rowCount(); ++row) {
            if (inbox->index(row, 0).data(app::InboxModel::StatusRole).toInt() != int(TicketStatus::New))
                continue;
            const bool needed = inbox->index(row, 0).data(app::InboxModel::NeedsHumanRole).toBool();
            if ((person == Person::Needed && !needed) || (person == Person::NotNeeded && needed))
                continue;
            const qint64 id = inbox->ticketIdAt(row);
            // A ticket answered by an earlier case may still look new locally for a moment.
            if (m_used.contains(id))
                continue;
            m_window->inboxTable()->selectTicket(id);
            if (!QTest::qWaitFor(
                    [&] {
                        return pane->draftEditor()->ticketId() == id &&
                               pane->draftEditor()->draft().has_value();
                    },
                    8000))
                continue;
            if (withCitations && pane->draftEditor()->draft()->citations.isEmpty())
                continue;
            // A draft with a gap cannot be sent at all: the cases below add the gaps they need.
            if (!pane->draftEditor()->unfilledGaps().isEmpty())
                continue;
            m_used.insert(id);
            return pane->draftEditor();
        }
        return nullptr;
    }

    std::unique_ptr<test::TestServer> m_server;
    QSet<qint64> m_used; //!< tickets earlier cases opened (and may have answered)
    QTemporaryDir m_cache;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
};

QTEST_MAIN(DraftReviewTest)
#include "DraftReviewTest.moc"
