// Reason chips and the crisis alert, offscreen and without a server: the chip words and their
// order, the crisis red in light and dark themes, the ticket header's chips, the inbox row (chips
// painted, crisis on row 0, the words in the accessible text), and the alert banner.
#include "PixelProbe.h"

#include "ui/AlertNotifier.h"
#include "ui/InboxDelegate.h"
#include "ui/InboxTable.h"
#include "ui/ReasonChips.h"
#include "ui/Theme.h"
#include "ui/TicketHeader.h"

#include "app/InboxModel.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tandem;
using namespace tandem::ui;

using tandem::test::keepScreenshot;
using tandem::test::pixelsLike;

namespace {

Ticket ticket(qint64 id, const QString &subject, const QStringList &codes, int slaMinutes = 60)
{
    Ticket t;
    t.id = id;
    t.subject = subject;
    t.queue = u"account"_s;
    t.customer = Customer{u"Customer %1"_s.arg(id), u"c%1@example.com"_s.arg(id), u"en"_s};
    t.language = u"en"_s;
    t.status = TicketStatus::Open;
    t.needsHuman = !codes.isEmpty();
    t.needsHumanCodes = codes;
    t.slaDueAt = QDateTime::currentDateTimeUtc().addSecs(slaMinutes * 60);
    t.updatedAt = QDateTime::currentDateTimeUtc();
    t.version = 1;
    return t;
}

//! WCAG relative luminance.
double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    return p;
}

} // namespace

class ReasonChipsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chipsSayTheReasonsMostSeriousFirst()
    {
        ReasonChips chips;
        chips.setReasons({u"negative_sentiment"_s, u"crisis"_s, u"vulnerable"_s, u"not_a_code"_s},
                         u"Self-harm language: <b>end it all</b>"_s);
        QCOMPARE(chips.codes(), (QStringList{u"crisis"_s, u"vulnerable"_s, u"negative_sentiment"_s}));
        chips.resize(chips.sizeHint());
        QCOMPARE(chips.chipTexts(),
                 (QStringList{u"Crisis"_s, u"Vulnerable customer"_s, u"Negative sentiment"_s}));
        QVERIFY2(chips.accessibleName().contains(u"Crisis"_s) &&
                     chips.accessibleName().contains(u"Vulnerable customer"_s),
                 qPrintable(chips.accessibleName()));
        QCOMPARE(chips.accessibleDescription(), u"Self-harm language: <b>end it all</b>"_s);
        // The reason is the tool tip, shown as text (it comes from the AI and the customer).
        QVERIFY(chips.toolTip().contains(u"&lt;b&gt;end it all"_s));

        // Narrow: the most serious stays, the rest become "+N".
        const QFont font = ReasonChips::chipFont(chips.font());
        const QStringList four{u"crisis"_s, u"vulnerable"_s, u"fraud"_s, u"legal"_s};
        QCOMPARE(ReasonChips::fittingTexts(four, font, InboxDelegate::kRowChips, 1000),
                 (QStringList{u"Crisis"_s, u"Vulnerable customer"_s, u"+2"_s}));
        const int crisisOnly = ReasonChips::chipsWidth({u"crisis"_s}, font, 1, 1000);
        QCOMPARE(ReasonChips::fittingTexts(four, font, InboxDelegate::kRowChips, crisisOnly + 60),
                 (QStringList{u"Crisis"_s, u"+3"_s}));
        QCOMPARE(ReasonChips::fittingTexts({u"policy"_s}, font, 2, 1000), QStringList{u"Policy"_s});
    }

    void crisisIsAStrongRedInBothThemesAndTheRestCalm()
    {
        for (const QPalette &palette : {QPalette(QColor(0xef, 0xef, 0xef)), darkPalette()}) {
            const QColor red = ReasonChips::background(palette, u"crisis");
            const QColor words = ReasonChips::foreground(palette, u"crisis");
            QVERIFY2(contrast(red, words) >= 4.5, qPrintable(red.name()));
            // It stands out from the list behind it, light or dark.
            QVERIFY2(contrast(red, palette.color(QPalette::Base)) >= 3.0, qPrintable(red.name()));
            QVERIFY(red.hslSaturation() > 150 && (red.hslHue() < 10 || red.hslHue() > 350));
            // Every other reason is a quiet grey, legible on its chip.
            for (const QString &code : {u"vulnerable"_s, u"fraud"_s, u"policy"_s}) {
                const QColor calm = ReasonChips::background(palette, code);
                QVERIFY2(calm.hslSaturation() < 40, qPrintable(code));
                QVERIFY(contrast(calm, ReasonChips::foreground(palette, code)) >= 4.5);
            }
        }
    }

    void ticketHeaderShowsChipsWithTheReasonAsToolTip()
    {
        TicketHeader header;
        header.resize(600, 200);
        header.show();
        Ticket t = ticket(7, u"My mother passed away"_s, {u"vulnerable"_s});
        t.needsHumanReason = u"bereavement: account of a deceased customer"_s;
        header.setTicket(t, {});
        QVERIFY(header.reasonChips()->isVisible());
        QVERIFY(!header.needsHumanLabel()->isVisible());
        QCOMPARE(header.reasonChips()->chipTexts(), QStringList{u"Vulnerable customer"_s});
        QVERIFY(header.reasonChips()->toolTip().contains(u"bereavement"_s));
        QVERIFY(header.reasonChips()->accessibleName().contains(u"Vulnerable customer"_s));

        // No codes (an older server): the reason text as before.
        t.needsHumanCodes.clear();
        header.setTicket(t, {});
        QVERIFY(!header.reasonChips()->isVisible());
        QVERIFY(header.needsHumanLabel()->isVisible());
        QVERIFY(header.needsHumanLabel()->text().contains(u"bereavement"_s));
        header.clear();
        QVERIFY(!header.reasonChips()->isVisible());
    }

    void inboxRowShowsChipsAndTheCrisisOnTop_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void inboxRowShowsChipsAndTheCrisisOnTop()
    {
        QFETCH(bool, dark);
        app::InboxModel model;
        InboxTable table;
        if (dark) {
            QPalette p = darkPalette();
            p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
            p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xa7));
            p.setColor(QPalette::HighlightedText, Qt::white);
            table.setPalette(p);
        }
        table.setInboxModel(&model);
        table.applyDefaultColumns();
        table.resize(900, 400);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        model.setTickets({ticket(1, u"Where is my parcel"_s, {}, 10),
                          ticket(2, u"My mother passed away"_s, {u"vulnerable"_s}, 20)});
        model.upsert(
            {ticket(3, u"I can't take this anymore"_s, {u"crisis"_s, u"vulnerable"_s, u"fraud"_s}, 900)});
        QCOMPARE(model.ticketIdAt(0), 3);
        keepScreenshot(&table, dark ? u"reason-chips-dark.png"_s : u"reason-chips-light.png"_s);

        const QModelIndex crisis = model.index(0, app::InboxModel::SubjectColumn);
        QVERIFY(crisis.data(Qt::AccessibleTextRole).toString().contains(u"Crisis"_s));
        const QImage image = table.viewport()->grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const auto cell = [&](int row) {
            const QRect r = table.visualRect(model.index(row, app::InboxModel::SubjectColumn));
            return QRect((r.topLeft() * dpr), (r.size() * dpr));
        };
        const QColor red = ReasonChips::background(table.palette(), u"crisis");
        // Row 0 (selected or not) carries the red chip and bar; the others do not.
        QVERIFY2(pixelsLike(image, cell(0), red) > 40, "no crisis chip on row 0");
        QCOMPARE(pixelsLike(image, cell(1), red), 0);
        QCOMPARE(pixelsLike(image, cell(2), red), 0);
        // The vulnerable row has its calm chip.
        const int vulnerableRow = model.rowOfTicket(2);
        const QColor calm = ReasonChips::background(table.palette(), u"vulnerable",
                                                    table.selectionModel()->isRowSelected(vulnerableRow));
        QVERIFY(pixelsLike(image, cell(vulnerableRow), calm) > 40);
    }

    void confidenceOfATicketThatNeedsAPersonIsNotGreen()
    {
        app::InboxModel model;
        InboxTable table;
        table.setInboxModel(&model);
        table.applyDefaultColumns();
        table.resize(900, 300);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        Ticket routine = ticket(1, u"Where is my parcel"_s, {}, 10);
        routine.draftConfidence = 0.95;
        Ticket escalated = ticket(2, u"Final warning before the ombudsman"_s, {u"legal"_s}, 20);
        escalated.draftConfidence = 0.95;
        model.setTickets({routine, escalated});
        table.clearSelection();
        const QImage image = table.viewport()->grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const auto cell = [&](qint64 id) {
            const QRect r =
                table.visualRect(model.index(model.rowOfTicket(id), app::InboxModel::ConfidenceColumn));
            return QRect((r.topLeft() * dpr), (r.size() * dpr));
        };
        const QColor green = theme::confidenceColor(table.palette(), 0.95);
        QVERIFY2(pixelsLike(image, cell(1), green) > 10, "the routine ticket's bar is the confidence colour");
        QCOMPARE(pixelsLike(image, cell(2), green), 0);
        QVERIFY(pixelsLike(image, cell(2), theme::dimText(table.palette())) > 10);
    }

    void criticalAlertBannerOffersTheTicket()
    {
        QWidget window;
        auto *notifier = new AlertNotifier(&window);
        notifier->setAccessibleName(u"Crisis alert"_s);
        notifier->setChannel(AlertNotifier::Channel::Banner);
        window.show();
        QSignalSpy notified(notifier, &AlertNotifier::notified);
        QSignalSpy open(notifier, &AlertNotifier::openTicketRequested);

        notifier->notify(u"Crisis: ticket #42"_s, u"“End it all” needs a person now."_s,
                         AlertNotifier::Severity::Critical, 42);
        QCOMPARE(notified.size(), 1);
        QVERIFY(notifier->isVisible());
        QCOMPARE(notifier->severity(), AlertNotifier::Severity::Critical);
        QVERIFY(notifier->openButton()->isVisible());
        QVERIFY(!notifier->openButton()->accessibleName().isEmpty());
        QTest::mouseClick(notifier->openButton(), Qt::LeftButton);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toLongLong(), 42);
        QVERIFY(!notifier->isVisible());

        // An alert about no single ticket has nothing to open.
        notifier->notify(u"SLA breached"_s, u"3 tickets"_s);
        QVERIFY(!notifier->openButton()->isVisible());
        QCOMPARE(notifier->severity(), AlertNotifier::Severity::Warning);
    }
};

QTEST_MAIN(ReasonChipsTest)
#include "ReasonChipsTest.moc"
