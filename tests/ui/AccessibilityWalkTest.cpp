// The window as a screen reader and UI automation (AT-SPI) see it: signed in as the demo
// supervisor (who has all three workspaces), every workspace and every tab of "AI quality" is
// brought to the front and the QAccessible tree is walked from the window down. A control a
// person can act on (button, check box, combo box, text field, spin box, tab, list, table...)
// must have a name, and a combo box must not be named by its current value ("Intent", "Any
// agent": the reader would say the value twice and never what the control is for).
#include "TestServer.h"

#include "ui/MainWindow.h"
#include "ui/SupervisorWorkspace.h"

#include "app/InboxModel.h"
#include "app/LoginFlow.h"
#include "app/Session.h"

#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tandem;

namespace {

bool actsOn(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::PageTab:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Slider:
        return true;
    default:
        return false;
    }
}

//! On Linux Qt names a combo box by its current text and tells AT-SPI what it is through a
//! "labelled by" relation (a QLabel buddy): that is what Orca reads first.
bool labelled(QAccessibleInterface *node)
{
    const auto relations = node->relations(QAccessible::Label);
    return std::any_of(relations.cbegin(), relations.cend(), [](const auto &relation) {
        return relation.first && !relation.first->text(QAccessible::Name).trimmed().isEmpty();
    });
}

//! Walks \a node and its descendants; a control without a name, or a combo box named by its
//! value, is added to \a failures (role, object name, path).
void walk(QAccessibleInterface *node, const QString &path, QStringList *failures, int *controls,
          int depth = 0)
{
    if (!node || !node->isValid() || depth > 60)
        return;
    const QAccessible::State state = node->state();
    if (state.invisible || state.offscreen)
        return;
    const QAccessible::Role role = node->role();
    const QString name = node->text(QAccessible::Name).trimmed();
    QObject *object = node->object();
    const QString where =
        path + u'/' +
        (object ? QString::fromLatin1(object->metaObject()->className()) + u'#' + object->objectName()
                : u"item"_s);
    // Cells and rows of item views are named by their data; the views themselves are checked.
    const bool itemOfAView = !object;
    if (actsOn(role) && !itemOfAView) {
        ++*controls;
        if (name.isEmpty())
            *failures << u"unnamed %1 %2"_s.arg(int(role)).arg(where);
        else if (role == QAccessible::ComboBox && name == node->text(QAccessible::Value).trimmed() &&
                 !labelled(node))
            *failures << u"named by its value \"%1\": %2"_s.arg(name, where);
    }
    if (itemOfAView)
        return; // thousands of cells: their text is their name
    for (int i = 0; i < node->childCount(); ++i)
        walk(node->child(i), where, failures, controls, depth + 1);
}

} // namespace

class AccessibilityWalkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TandemUiTest"_s);
        QCoreApplication::setApplicationName(u"ui_accessibility_walk_test"_s);
        QSettings().clear();
        test::TestServer::Options options;
        options.demo = true;
        m_server = std::make_unique<test::TestServer>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
        QAccessible::setActive(true);
    }

    void everyWorkspaceNamesItsControls()
    {
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        app::LoginFlow flow;
        flow.setStoreDirectory(cache.path());
        app::Session *raw = nullptr;
        connect(&flow, &app::LoginFlow::succeeded, this, [&raw](app::Session *s) { raw = s; });
        flow.login(QUrl(m_server->baseUrl()), u"sam@lumen.example"_s, u"demo"_s);
        QTRY_VERIFY_WITH_TIMEOUT(raw != nullptr, 20000);
        std::unique_ptr<app::Session> session(raw);
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        ui::MainWindow window(session.get(), false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(session->inbox()->rowCount() > 0, 20000);
        QVERIFY(window.supervisorWorkspace());
        QVERIFY(window.leadWorkspace());

        // Clear buttons show only over text: give every field that has one something to clear.
        int clearable = 0;
        for (QLineEdit *edit : window.findChildren<QLineEdit *>()) {
            if (edit->isClearButtonEnabled()) {
                edit->setText(u"a"_s);
                ++clearable;
            }
        }
        QVERIFY(clearable >= 3); // the inbox search, the review's intent and language filters

        QStringList failures;
        int controls = 0;
        QSet<QString> seen;
        QTabWidget *workspaces = window.workspaces();
        for (int w = 0; w < workspaces->count(); ++w) {
            workspaces->setCurrentIndex(w);
            QTabWidget *inner = workspaces->widget(w) == window.supervisorWorkspace()
                                    ? window.supervisorWorkspace()->tabs()
                                    : nullptr;
            const int pages = inner ? inner->count() : 1;
            for (int p = 0; p < pages; ++p) {
                if (inner)
                    inner->setCurrentIndex(p);
                QApplication::processEvents(); // the shown page lays itself out
                QStringList here;
                walk(QAccessible::queryAccessibleInterface(&window), {}, &here, &controls);
                for (const QString &failure : std::as_const(here)) {
                    if (!seen.contains(failure)) {
                        seen.insert(failure);
                        failures << workspaces->tabText(w) +
                                        (inner ? u" > "_s + inner->tabText(p) : QString()) + u": "_s +
                                        failure;
                    }
                }
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"\n"_s)));
        QVERIFY2(controls >= 60, qPrintable(QString::number(controls)));
    }

    void cleanupTestCase() { m_server.reset(); }

private:
    std::unique_ptr<test::TestServer> m_server;
};

QTEST_MAIN(AccessibilityWalkTest)
#include "AccessibilityWalkTest.moc"
