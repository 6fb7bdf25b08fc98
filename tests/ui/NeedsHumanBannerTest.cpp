// The agent's ticket view when a person is needed, offscreen and without a server: the
// needs-human banner stays one line however long the AI's reasons (elided text, chips, the whole
// text in the tool tip and the accessible description, right-to-left mirrored), the ticket
// header's line without codes does too, and a holding reply's badge reads "Holding reply" in a
// neutral colour instead of a red "0 % · Low".
#include "PixelProbe.h"

#include "ui/ConfidenceBadge.h"
#include "ui/NeedsHumanBanner.h"
#include "ui/ReasonChips.h"
#include "ui/Theme.h"
#include "ui/TicketHeader.h"

#include "app/ReasonText.h"

#include "core/ReasonCodes.h"

#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;

using tandem::test::keepScreenshot;
using tandem::test::pixelsLike;

namespace {

// What the demo's "Wrong automated answer – I want a human" ticket says (four lines when wrapped).
const QString kLongReason =
    u"⚠ Needs a human: legal: legal or regulatory threat: “ombudsman”; complaint: complaint: “i need to "
    "complain”; repeat contact: the customer says they wrote before: “this is the third time”; complaint "
    "about an earlier AI answer: a person must reply; repeat contact: the customer has written 3 times"_s;
const QStringList kCodes{u"repeat_contact"_s, u"legal"_s, u"complaint"_s};

} // namespace

class NeedsHumanBannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bannerStaysOneLine()
    {
        // As in the draft editor: bold, with a margin, in a vertical layout of the pane's width.
        QWidget pane;
        auto *layout = new QVBoxLayout(&pane);
        auto *banner = new NeedsHumanBanner(&pane);
        banner->setMargin(6);
        QFont bold = banner->font();
        bold.setBold(true);
        banner->setFont(bold);
        layout->addWidget(banner);
        layout->addStretch(1);
        pane.resize(520, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));

        banner->setReasons(kLongReason, kCodes);
        QTRY_VERIFY(banner->width() > 400);
        const int oneLine = std::max(banner->fontMetrics().height(),
                                     ReasonChips::chipHeight(ReasonChips::chipFont(banner->font()))) +
                            2 * banner->margin();
        QTRY_COMPARE(banner->height(), oneLine); // after the layout has taken the new size hint
        QVERIFY(!banner->wordWrap());
        // The text is cut with "…"; the chips (most serious first) are all there.
        QVERIFY(banner->visibleText().endsWith(u"…"_s));
        QVERIFY(kLongReason.startsWith(banner->visibleText().chopped(1)));
        QCOMPARE(banner->visibleChips(), (QStringList{app::ReasonText::label(reason::kLegal),
                                                      app::ReasonText::label(reason::kComplaint),
                                                      app::ReasonText::label(reason::kRepeatContact)}));
        // Nothing is lost: the whole text is the label's text, tool tip and accessible description.
        QCOMPARE(banner->text(), kLongReason);
        QCOMPARE(banner->textFormat(), Qt::PlainText);
        QVERIFY(banner->toolTip().contains(u"the customer has written 3 times"_s));
        QVERIFY(banner->toolTip().contains(app::ReasonText::label(reason::kRepeatContact)));
        QVERIFY(banner->accessibleDescription().contains(u"the customer has written 3 times"_s));
        QVERIFY(banner->accessibleDescription().contains(app::ReasonText::label(reason::kLegal)));
        QVERIFY(!banner->accessibleName().isEmpty());
        keepScreenshot(&pane, u"needs-human-banner.png"_s);

        // Narrow: the chips give way to "+N", never to a second line.
        pane.resize(300, 300);
        QTRY_COMPARE(banner->width(),
                     300 - layout->contentsMargins().left() - layout->contentsMargins().right());
        QCOMPARE(banner->height(), oneLine);
        QVERIFY(banner->visibleChips().last().startsWith(u'+'));
        QVERIFY(!banner->visibleText().isEmpty());

        // Short and wide: nothing elided.
        pane.resize(1000, 300);
        banner->setReasons(u"⚠ Needs a human: fraud"_s, {u"fraud"_s});
        QTRY_COMPARE(banner->visibleText(), u"⚠ Needs a human: fraud"_s);
        QCOMPARE(banner->visibleChips(), QStringList{app::ReasonText::label(reason::kFraud)});

        // Untrusted text stays text on one line; unknown codes are dropped.
        banner->setReasons(u"<b>bold</b>\nsecond line\u0007"_s, {u"crisis"_s, u"not_a_code"_s});
        QCOMPARE(banner->text(), u"<b>bold</b> second line"_s);
        QCOMPARE(banner->codes(), QStringList{u"crisis"_s});
    }

    void crisisChipAtTheTrailingEdge_data()
    {
        QTest::addColumn<Qt::LayoutDirection>("direction");
        QTest::newRow("left-to-right") << Qt::LeftToRight;
        QTest::newRow("right-to-left") << Qt::RightToLeft;
    }

    void crisisChipAtTheTrailingEdge()
    {
        QFETCH(Qt::LayoutDirection, direction);
        NeedsHumanBanner banner;
        banner.setLayoutDirection(direction);
        banner.setReasons(kLongReason, {u"crisis"_s, u"vulnerable"_s});
        banner.resize(500, banner.sizeHint().height());
        const QImage image = banner.grab().toImage();
        const QColor red = ReasonChips::background(banner.palette(), reason::kCrisis);
        const QRect left(0, 0, 250, image.height());
        const QRect right(250, 0, 250, image.height());
        const bool ltr = direction == Qt::LeftToRight;
        // The text starts at the leading edge, the chips sit at the trailing one.
        QVERIFY(pixelsLike(image, ltr ? right : left, red) > 20);
        QCOMPARE(pixelsLike(image, ltr ? left : right, red), 0);
    }

    void headerLineWithoutCodesStaysOneLine()
    {
        TicketHeader header;
        header.resize(600, 240);
        header.show();
        QVERIFY(QTest::qWaitForWindowExposed(&header));
        Ticket t;
        t.id = 9;
        t.subject = u"Help"_s;
        t.status = TicketStatus::Open;
        t.needsHuman = true; // an older server: a reason, no codes
        t.needsHumanReason = kLongReason.repeated(3);
        header.setTicket(t, {});
        NeedsHumanBanner *line = header.needsHumanLabel();
        QTRY_VERIFY(line->isVisible());
        QCOMPARE(line->height(), line->sizeHint().height());
        QVERIFY(line->height() < 2 * line->fontMetrics().height());
        QVERIFY(line->visibleText().endsWith(u"…"_s));
        QVERIFY(line->toolTip().contains(u"the customer has written 3 times"_s));
        QVERIFY(line->accessibleDescription().contains(u"the customer has written 3 times"_s));
        QVERIFY(!header.reasonChips()->isVisible());
    }

    void holdingReplyBadge()
    {
        ConfidenceBadge badge;
        badge.show();
        QVERIFY(QTest::qWaitForWindowExposed(&badge));
        // A crisis holding reply (the engine's own text, confidence 0) on a ticket for a person.
        badge.setDraft(0.0, true);
        QVERIFY(badge.isHoldingReply());
        QCOMPARE(badge.text(), ConfidenceBadge::tr("Holding reply"));
        QVERIFY(!badge.text().contains(u'%'));
        QVERIFY(badge.toolTip().contains(u"person"_s));
        QVERIFY(badge.accessibleDescription().startsWith(badge.text()));
        QCOMPARE(badge.accessibleName(), ConfidenceBadge::tr("AI confidence"));
        badge.resize(badge.sizeHint());
        const QImage neutral = badge.grab().toImage();
        const QColor red = theme::confidenceColor(badge.palette(), 0.0);
        QCOMPARE(pixelsLike(neutral, neutral.rect(), red), 0);
        QVERIFY(pixelsLike(neutral, neutral.rect(), theme::dimText(badge.palette())) > 5);
        keepScreenshot(&badge, u"badge-holding-reply.png"_s);

        // Anything else keeps its number: a weak model draft is still a red "Low".
        badge.setDraft(0.0, false);
        QVERIFY(!badge.isHoldingReply());
        QVERIFY(badge.text().startsWith(u"0 %"_s));
        badge.resize(badge.sizeHint());
        QVERIFY(pixelsLike(badge.grab().toImage(), badge.rect(), red) > 5);
        badge.setDraft(0.12, true);
        QVERIFY(!badge.isHoldingReply());
        QVERIFY(badge.text().startsWith(u"12 %"_s));
        // A confident draft on a ticket for a person keeps its number, not its green: the reason
        // chips speak, not a score that says "send it".
        badge.setDraft(0.86, true);
        QVERIFY(badge.isPersonFirst());
        QVERIFY(badge.text().startsWith(u"86 %"_s));
        QVERIFY(!badge.text().contains(ConfidenceBadge::levelName(0.86)));
        QVERIFY(badge.toolTip().contains(u"person"_s));
        badge.resize(badge.sizeHint());
        const QImage personFirst = badge.grab().toImage();
        QCOMPARE(pixelsLike(personFirst, personFirst.rect(), theme::confidenceColor(badge.palette(), 0.86)),
                 0);
        QVERIFY(pixelsLike(personFirst, personFirst.rect(), theme::dimText(badge.palette())) > 5);
        badge.setDraft(0.86, false);
        QVERIFY(!badge.isPersonFirst());
        QVERIFY(badge.text().contains(ConfidenceBadge::levelName(0.86)));
        // No request recognised ("hello", an unserved language): the score would be about nothing
        // the agent can check, so no number and no colour, needs-human or not.
        badge.setDraft(0.76, false, false);
        QVERIFY(badge.isWithoutTopic());
        QCOMPARE(badge.text(), ConfidenceBadge::tr("No topic"));
        QVERIFY(!badge.text().contains(u"%"_s));
        QVERIFY(badge.toolTip().contains(u"no request"_s));
        badge.resize(badge.sizeHint());
        const QImage noTopic = badge.grab().toImage();
        QCOMPARE(pixelsLike(noTopic, noTopic.rect(), theme::confidenceColor(badge.palette(), 0.76)), 0);
        badge.setDraft(0.76, true, false);
        QVERIFY(badge.isWithoutTopic() && !badge.isPersonFirst());
        badge.setDraft(0.0, true, false); // the engine's own holding reply stays one
        QVERIFY(badge.isHoldingReply() && !badge.isWithoutTopic());
        badge.setDraft(-1.0, true);
        QCOMPARE(badge.text(), ConfidenceBadge::tr("No draft"));
        badge.setConfidence(0.0);
        QVERIFY(!badge.isHoldingReply());
        QVERIFY(ConfidenceBadge::isHoldingReply(0.0, true));
        QVERIFY(!ConfidenceBadge::isHoldingReply(0.01, true));
    }
};

QTEST_MAIN(NeedsHumanBannerTest)
#include "NeedsHumanBannerTest.moc"
