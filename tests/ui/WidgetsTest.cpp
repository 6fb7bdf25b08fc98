// Widget-level tests for tandem_ui that need no server: untrusted text stays text, bounded
// thread rendering, the draft editor's outcome/offer logic, the conflict banner, the login form.
#include "ui/ConfidenceBadge.h"
#include "ui/ConflictBanner.h"
#include "ui/DisplayText.h"
#include "ui/DraftEditor.h"
#include "ui/LoginDialog.h"
#include "ui/ThreadView.h"
#include "ui/TicketHeader.h"

#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;

namespace {

Message message(qint64 id, AuthorKind kind, const QString &body, bool internal = false)
{
    Message m;
    m.id = id;
    m.ticketId = 1;
    m.author.kind = kind;
    m.author.name = kind == AuthorKind::Customer ? u"Maria Svensson"_s : u"Ava"_s;
    m.body = body;
    m.internal = internal;
    m.createdAt = QDateTime(QDate(2026, 11, 25), QTime(21, 12), Qt::UTC);
    return m;
}

Draft draft(qint64 id, const QString &body, double confidence = 0.82)
{
    Draft d;
    d.id = id;
    d.ticketId = 1;
    d.body = body;
    d.confidence = confidence;
    d.intent = u"refund_request"_s;
    d.citations = {{u"kb:3"_s, u"Refund policy"_s, u"Refunds take 5 days"_s}};
    d.flags = {{u"promise"_s, u"Mentions a date"_s, 0, 5}};
    return d;
}

} // namespace

class WidgetsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Menu texts read aloud and listed in F1: the mnemonic goes, a literal '&' stays.
    void mnemonicsAreDropped()
    {
        QCOMPARE(DisplayText::withoutMnemonic(u"&Send"_s), u"Send"_s);
        QCOMPARE(DisplayText::withoutMnemonic(u"Assign to &me"_s), u"Assign to me"_s);
        QCOMPARE(DisplayText::withoutMnemonic(u"Queues && team"_s), u"Queues & team"_s);
        QCOMPARE(DisplayText::withoutMnemonic(u"&Refunds && disputes"_s), u"Refunds & disputes"_s);
        QCOMPARE(DisplayText::withoutMnemonic(u"plain"_s), u"plain"_s);
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TandemUiTest"_s);
        QCoreApplication::setApplicationName(u"ui_widgets_test"_s);
        QSettings().clear();
    }

    void threadEscapesUntrustedText()
    {
        ThreadView view;
        const QString hostile =
            u"<b>bold</b> <img src=\"http://evil.example/x.png\"> <a href=\"http://evil.example\">x</a>"
            u"<script>alert(1)</script>"_s;
        view.setThread(1, {message(1, AuthorKind::Customer, hostile)});
        const QString text = view.toPlainText();
        QVERIFY2(text.contains(u"<b>bold</b>"_s), qPrintable(text));
        QVERIFY(text.contains(u"<script>alert(1)</script>"_s));
        const QString html = view.document()->toHtml();
        QVERIFY(!html.contains(u"<img"_s));
        QVERIFY(!html.contains(u"href=\"http://evil"_s));
        QVERIFY(
            !view.loadResource(QTextDocument::ImageResource, QUrl(u"http://evil.example/x.png"_s)).isValid());
        QVERIFY(!view.openExternalLinks());
        QVERIFY(!view.openLinks());
    }

    // Customers write emoji; with fonts-noto-color-emoji (a dependency) they are drawn in colour,
    // not as empty boxes. Measured as the saturated pixels the emoji add to the same thread.
    void emojiRenderInColour()
    {
        const auto saturated = [](const QString &body) {
            ThreadView view;
            view.resize(420, 160);
            view.setThread(1, {message(1, AuthorKind::Customer, body)});
            const QImage image = view.grab().toImage();
            int count = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    count += c.hsvSaturation() > 120 && c.value() > 90 ? 1 : 0;
                }
            }
            return count;
        };
        const int plain = saturated(u"Thanks, that sorted it"_s);
        const int withEmoji = saturated(u"Thanks, that sorted it \U0001F605\U0001F389\u2764\uFE0F"_s);
        QVERIFY2(withEmoji - plain >= 40,
                 qPrintable(u"%1 saturated pixels without emoji, %2 with"_s.arg(plain).arg(withEmoji)));
    }

    // A screen reader walks the conversation message by message (AT-SPI children), hears who
    // wrote each and when, and can open a shortened one or the hidden earlier ones.
    void threadMessagesAreAccessibleChildren()
    {
        ThreadView view;
        view.resize(420, 300);
        view.show();
        const QString longBody =
            QString(u"line of a long message\n"_s).repeated(ThreadView::kPreviewLines + 5);
        view.setThread(1,
                       {message(1, AuthorKind::Customer, u"Where is my refund?"_s),
                        message(2, AuthorKind::Customer, longBody),
                        message(3, AuthorKind::Agent, u"Looking into it"_s)},
                       {{u"On its way"_s, u"Sending\u2026"_s, false}});
        QAccessibleInterface *thread = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(thread);
        QCOMPARE(thread->role(), QAccessible::List);
        QCOMPARE(thread->text(QAccessible::Name), u"Conversation"_s);
        QCOMPARE(thread->childCount(), 4);
        QAccessibleInterface *first = thread->child(0);
        QVERIFY(first && first->isValid());
        QCOMPARE(first->role(), QAccessible::ListItem);
        QVERIFY2(first->text(QAccessible::Name).contains(u"Maria Svensson"_s),
                 qPrintable(first->text(QAccessible::Name)));
        QVERIFY(first->text(QAccessible::Name).contains(u"Where is my refund?"_s));
        QCOMPARE(thread->indexOfChild(first), 0);
        QCOMPARE(first->parent(), thread);
        QVERIFY(thread->child(3)->text(QAccessible::Name).contains(u"Sending"_s));

        // The shortened message: collapsed, and its press action is "Show more".
        QAccessibleInterface *cut = thread->child(1);
        QVERIFY(cut->state().expandable && cut->state().collapsed);
        QAccessibleActionInterface *action = cut->actionInterface();
        QVERIFY(action);
        QCOMPARE(action->actionNames(), QStringList{QAccessibleActionInterface::pressAction()});
        action->doAction(QAccessibleActionInterface::pressAction());
        QVERIFY(!view.hasMoreToShow());
        QVERIFY(cut->isValid());
        QVERIFY(cut->state().expanded && !cut->state().collapsed);
        QCOMPARE(cut->text(QAccessible::Value).count(u"line of a long message"_s),
                 ThreadView::kPreviewLines + 5);
        QVERIFY(thread->child(0)->actionInterface()->actionNames().isEmpty());

        // Older messages behind "Show earlier": a button first, then every message once pressed.
        QList<Message> many;
        for (int i = 0; i < ThreadView::kInitialMessages + 3; ++i)
            many.append(message(100 + i, AuthorKind::Customer, u"message %1"_s.arg(i)));
        view.setThread(2, many);
        QCOMPARE(thread->childCount(), ThreadView::kInitialMessages + 1);
        QCOMPARE(first->isValid(), false); // another ticket: the old entries are gone
        QAccessibleInterface *earlier = thread->child(0);
        QCOMPARE(earlier->role(), QAccessible::Button);
        QVERIFY(earlier->text(QAccessible::Name).contains(u"3"_s));
        earlier->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(thread->childCount(), ThreadView::kInitialMessages + 3);
        QVERIFY(thread->child(0)->text(QAccessible::Name).contains(u"message 0"_s));
    }

    void threadShowsAuthorsDistinctly()
    {
        ThreadView view;
        view.setThread(1, {message(1, AuthorKind::Customer, u"Where is my refund?"_s),
                           message(2, AuthorKind::Ai, u"Auto reply"_s),
                           message(3, AuthorKind::Agent, u"Looking into it"_s),
                           message(4, AuthorKind::Agent, u"Checked the ledger"_s, true)});
        const QString text = view.toPlainText();
        QVERIFY(text.contains(u"Customer"_s));
        QVERIFY(text.contains(u"AI"_s));
        QVERIFY(text.contains(u"Agent"_s));
        QVERIFY(text.contains(u"Internal note"_s));
        QCOMPARE(view.renderedMessageCount(), 4);
    }

    void threadBoundsLongBodies()
    {
        ThreadView view;
        const QString longBody = QString(u'x').repeated(50000);
        view.setThread(1, {message(7, AuthorKind::Customer, longBody)});
        QVERIFY(view.toPlainText().size() < ThreadView::kPreviewChars + 500);
        QVERIFY(view.toPlainText().contains(u"Show more"_s));
        Q_EMIT view.anchorClicked(QUrl(u"tandem-thread:more/7"_s));
        QVERIFY(view.toPlainText().size() > 49000);
        QVERIFY(view.toPlainText().contains(u"Show less"_s));

        // Many short lines are cut too.
        QStringList lines;
        for (int i = 0; i < 500; ++i)
            lines << u"line"_s;
        view.setThread(2, {message(8, AuthorKind::Customer, lines.join(u'\n'))});
        QVERIFY(view.toPlainText().count(u"line"_s) <= ThreadView::kPreviewLines);

        // Only the latest messages are laid out until asked.
        QList<Message> many;
        for (int i = 1; i <= 120; ++i)
            many << message(i, AuthorKind::Customer, u"message %1"_s.arg(i));
        view.setThread(3, many);
        QCOMPARE(view.renderedMessageCount(), ThreadView::kInitialMessages);
        Q_EMIT view.anchorClicked(QUrl(u"tandem-thread:earlier"_s));
        QCOMPARE(view.renderedMessageCount(), 120);
        // Foreign links do nothing.
        Q_EMIT view.anchorClicked(QUrl(u"http://evil.example"_s));
        QCOMPARE(view.renderedMessageCount(), 120);

        // Enter is the keyboard's "Show more" and "Show earlier": everything, each body whole.
        QList<Message> mixed = many;
        mixed << message(500, AuthorKind::Customer, longBody);
        view.setThread(4, mixed);
        QVERIFY(view.hasMoreToShow());
        QCOMPARE(view.renderedMessageCount(), ThreadView::kInitialMessages);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(view.renderedMessageCount(), 121);
        QVERIFY(view.toPlainText().size() > 49000);
        QVERIFY(!view.hasMoreToShow());
        QVERIFY(view.accessibleDescription().contains(u"Enter"_s));
    }

    void headerIsPlainText()
    {
        TicketHeader header;
        Ticket ticket;
        ticket.id = 5;
        ticket.subject = u"<h1>Refund</h1>"_s;
        ticket.customer = {u"<b>Eve</b>"_s, u"eve@example.com"_s, u"sv"_s};
        ticket.priority = Priority::Urgent;
        ticket.status = TicketStatus::Open;
        ticket.slaDueAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        header.setTicket(ticket, {});
        QCOMPARE(header.fieldText(u"customer"_s), u"<b>Eve</b> <eve@example.com>"_s);
        QCOMPARE(header.fieldText(u"assignee"_s), u"Unassigned"_s);
        QCOMPARE(header.fieldText(u"priority"_s), u"Urgent"_s);
        QVERIFY(header.fieldText(u"sla"_s).startsWith(u"Overdue"_s));
        // Tool tips are escaped too: Qt would render a tip that looks like HTML as HTML.
        const auto *customer = header.findChild<QLabel *>(u"customerField"_s);
        QVERIFY(customer);
        QVERIFY(!customer->toolTip().contains(u"<b>Eve"_s));
        QVERIFY(customer->toolTip().contains(u"&lt;b&gt;Eve"_s));
        const auto labels = header.findChildren<QLabel *>();
        for (const QLabel *label : labels)
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }

    // A subject of one 300-character token wraps inside the header instead of widening it.
    void longUnbrokenSubjectWraps()
    {
        TicketHeader header;
        Ticket ticket;
        ticket.id = 6;
        ticket.subject = QString(300, u'x');
        ticket.customer = {u"Eve"_s, u"eve@example.com"_s, u"en"_s};
        header.setTicket(ticket, {});
        header.resize(600, header.heightForWidth(600) > 0 ? header.heightForWidth(600) : 200);
        const auto *subject = header.findChild<QLabel *>(u"ticketSubject"_s);
        QVERIFY(subject);
        QVERIFY2(subject->minimumSizeHint().width() < 600,
                 qPrintable(QString::number(subject->minimumSizeHint().width())));
        QCOMPARE(subject->text().remove(QChar(0x200B)), ticket.subject);
    }

    void draftEditorOutcomes()
    {
        DraftEditor editor;
        QAction send(u"Send"_s), discard(u"Discard"_s), assign(u"Assign"_s);
        editor.setActions(&send, &discard, &assign);
        QSignalSpy edited(&editor, &DraftEditor::textEdited);
        editor.setTicket(1, draft(10, u"Hello Maria, your refund is on its way."_s));
        QCOMPARE(edited.count(), 0); // program-set text is not an edit
        QCOMPARE(editor.text(), u"Hello Maria, your refund is on its way."_s);
        QVERIFY(!editor.isEdited());
        ReplyRequest reply = editor.reply();
        QVERIFY(reply.outcome == ReplyOutcome::AsIs);
        QCOMPARE(reply.draftId, std::optional<qint64>(10));
        QCOMPARE(editor.findChild<ConfidenceBadge *>()->confidence(), 0.82);
        QVERIFY(!editor.findChild<ConfidenceBadge *>()->isWithoutTopic());
        {
            // A draft without a recognised request says so instead of "Intent: Unknown" beside a score.
            DraftEditor unclear;
            Draft d = draft(11, u"Hello, what can we help you with?"_s, 0.76);
            d.intent.clear();
            unclear.setTicket(1, d);
            QVERIFY(unclear.findChild<ConfidenceBadge *>()->isWithoutTopic());
            bool saysSo = false;
            for (const QLabel *label : unclear.findChildren<QLabel *>()) {
                QVERIFY2(!label->text().contains(u"Unknown"_s), qPrintable(label->text()));
                saysSo = saysSo || label->text().contains(u"No request recognised"_s);
            }
            QVERIFY(saysSo);
        }

        editor.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.editor(), u" Thanks!"_s);
        QVERIFY(edited.count() > 0);
        QVERIFY(editor.isEdited());
        QVERIFY(editor.reply().outcome == ReplyOutcome::Edited);

        editor.internalCheck()->setChecked(true);
        reply = editor.reply();
        QVERIFY(reply.internal);
        QVERIFY(reply.outcome == ReplyOutcome::Own);
        QVERIFY(!reply.draftId);
    }

    void newerDraftNeverOverwritesEdits()
    {
        DraftEditor editor;
        editor.setTicket(1, draft(10, u"First draft"_s));
        editor.updateDraft(draft(11, u"Second draft"_s));
        QCOMPARE(editor.text(), u"Second draft"_s); // untouched: replaced
        editor.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.editor(), u" edited"_s);
        editor.updateDraft(draft(12, u"Third draft"_s));
        QCOMPARE(editor.text(), u"Second draft edited"_s);
        auto *use = editor.findChild<QPushButton *>(u"useNewDraftButton"_s);
        QVERIFY(use);
        QVERIFY(use->isVisibleTo(&editor));
        use->click();
        QCOMPARE(editor.text(), u"Third draft"_s);
        QCOMPARE(editor.draft()->id, 12);
    }

    void restoredTextWins()
    {
        DraftEditor editor;
        editor.setTicket(1, draft(10, u"AI text"_s), u"What I typed before the crash"_s);
        QCOMPARE(editor.text(), u"What I typed before the crash"_s);
        auto *note = editor.findChild<QLabel *>(u"restoredNote"_s);
        QVERIFY(note->isVisibleTo(&editor));
        QVERIFY(editor.reply().outcome == ReplyOutcome::Edited);
    }

    void conflictBannerOffersBothWays()
    {
        ConflictBanner banner;
        QSignalSpy anyway(&banner, &ConflictBanner::sendAnywayRequested);
        QSignalSpy keep(&banner, &ConflictBanner::keepEditingRequested);
        banner.showConflict(42, {message(9, AuthorKind::Customer, u"Actually, it arrived. <b>Thanks</b>"_s)});
        QVERIFY(banner.isVisibleTo(nullptr) || !banner.isHidden());
        QVERIFY(banner.detailsText().contains(u"Actually, it arrived. <b>Thanks</b>"_s));
        banner.keepEditingButton()->click();
        QCOMPARE(keep.count(), 1);
        QCOMPARE(keep.at(0).at(0).toLongLong(), 42);
        QVERIFY(banner.isHidden());
        banner.showConflict(43, {});
        banner.sendAnywayButton()->click();
        QCOMPARE(anyway.count(), 1);
        QCOMPARE(anyway.at(0).at(0).toLongLong(), 43);
    }

    void loginDialogValidatesAndRemembers()
    {
        QSettings().setValue(u"login/serverUrl"_s, u"http://127.0.0.1:9"_s);
        QSettings().setValue(u"login/email"_s, u"ava@lumen.example"_s);
        LoginDialog dialog;
        QCOMPARE(dialog.serverEdit()->text(), u"http://127.0.0.1:9"_s);
        QCOMPARE(dialog.emailEdit()->text(), u"ava@lumen.example"_s);
        QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        dialog.show();
        dialog.accept(); // no password: refused locally
        auto *error = dialog.findChild<QLabel *>(u"loginError"_s);
        QVERIFY(error->isVisible());
        QVERIFY(dialog.isVisible());
        dialog.serverEdit()->setText(u"ftp://x"_s);
        dialog.passwordEdit()->setText(u"secret"_s);
        dialog.accept();
        QVERIFY(error->isVisible());
        QVERIFY(dialog.isVisible());
        // The password is never written to the settings.
        const QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(u"secret"_s));
    }

    void interactiveWidgetsHaveAccessibleNames()
    {
        const QList<QWidget *> roots{new DraftEditor, new LoginDialog, new ConflictBanner, new TicketHeader};
        for (QWidget *root : roots) {
            for (QWidget *widget : root->findChildren<QWidget *>()) {
                const bool interactive = widget->focusPolicy() != Qt::NoFocus;
                if (interactive)
                    QVERIFY2(
                        !widget->accessibleName().isEmpty(),
                        qPrintable(u"%1 (%2) has no accessible name"_s.arg(
                            widget->objectName(), QString::fromLatin1(widget->metaObject()->className()))));
            }
            delete root;
        }
    }

    // Intent keys reach people as words: no underscores, acronyms and brands as people spell
    // them, the product's own intents said in full (issue 18).
    void intentsAreSaidAsPeopleWriteThem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("label");
        QTest::newRow("ai") << u"complaint_ai_answer"_s << u"Complaint about an AI answer"_s;
        QTest::newRow("atm") << u"atm_support"_s << u"ATM support"_s;
        QTest::newRow("pin") << u"pin_blocked"_s << u"PIN blocked"_s;
        QTest::newRow("brands") << u"apple_pay_or_google_pay"_s << u"Apple Pay or Google Pay"_s;
        QTest::newRow("pay is a verb") << u"pay_by_invoice"_s << u"Pay by invoice"_s;
        QTest::newRow("plain") << u"refund_status"_s << u"Refund status"_s;
        QTest::newRow("empty") << QString() << u"Unknown"_s;
    }
    // Untrusted text cannot reorder what is shown after it, and Arabic still reads as written.
    void sanitizeDropsBidiOverrides()
    {
        QCOMPARE(DisplayText::sanitize(u"invoice\u202Efdp.exe\u202C ok"_s), u"invoicefdp.exe ok"_s);
        QCOMPARE(DisplayText::sanitize(u"\u2067abc\u2069 \u0645\u0631\u062D\u0628\u0627"_s),
                 u"abc \u0645\u0631\u062D\u0628\u0627"_s);
        QCOMPARE(DisplayText::sanitize(u"line\r\nnext\tcol\u0007"_s), u"line\nnext\tcol"_s);
    }

    void intentsAreSaidAsPeopleWriteThem()
    {
        QFETCH(QString, key);
        QFETCH(QString, label);
        QCOMPARE(DisplayText::intent(key), label);
    }
};

QTEST_MAIN(WidgetsTest)
#include "WidgetsTest.moc"
