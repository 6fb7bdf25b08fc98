#include "ThreadAccessible.h"

#include "ThreadView.h"

#include <QAccessibleActionInterface>
#include <QPointer>
#include <QSet>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace tandem::ui {
namespace {

//! One entry of the conversation: a message, a reply in the outbox, or "Show earlier messages".
class ThreadEntryAccessible : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    ThreadEntryAccessible(ThreadView *view, const QString &key) : m_view(view), m_key(key) {}

    bool isValid() const override { return m_view && entry() != nullptr; }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override { return QAccessible::queryAccessibleInterface(m_view); }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QRect rect() const override
    {
        if (!m_view)
            return {};
        const QWidget *viewport = m_view->viewport();
        return QRect(viewport->mapToGlobal(QPoint(0, 0)), viewport->size());
    }
    void setText(QAccessible::Text, const QString &) override {}

    QString text(QAccessible::Text t) const override
    {
        const ThreadView::AccessibleEntry *e = entry();
        if (!e)
            return {};
        switch (t) {
        case QAccessible::Name:
            return e->kind == ThreadView::AccessibleEntry::Earlier ? e->heading
                                                                   : e->heading + u": "_s + e->text;
        case QAccessible::Description:
            return e->cut ? ThreadView::tr("Shortened; press to show the whole message.") : QString();
        case QAccessible::Value:
            return e->text;
        default:
            return {};
        }
    }

    QAccessible::Role role() const override
    {
        const ThreadView::AccessibleEntry *e = entry();
        return e && e->kind == ThreadView::AccessibleEntry::Earlier ? QAccessible::Button
                                                                    : QAccessible::ListItem;
    }

    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.readOnly = true;
        if (const ThreadView::AccessibleEntry *e = entry();
            e && e->kind != ThreadView::AccessibleEntry::Earlier) {
            s.expandable = e->cut || e->expanded;
            s.expanded = e->expanded;
            s.collapsed = e->cut;
        }
        if (!m_view || !m_view->isVisible())
            s.invisible = true;
        return s;
    }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface *>(this)
                                                    : nullptr;
    }

    QStringList actionNames() const override
    {
        const ThreadView::AccessibleEntry *e = entry();
        if (e && (e->kind == ThreadView::AccessibleEntry::Earlier || e->cut))
            return {pressAction()};
        return {};
    }
    QString localizedActionName(const QString &name) const override
    {
        const ThreadView::AccessibleEntry *e = entry();
        if (name != pressAction() || !e)
            return {};
        return e->kind == ThreadView::AccessibleEntry::Earlier ? e->heading : ThreadView::tr("Show more");
    }
    QString localizedActionDescription(const QString &name) const override
    {
        return localizedActionName(name);
    }
    void doAction(const QString &name) override
    {
        const ThreadView::AccessibleEntry *e = entry();
        if (name != pressAction() || !e)
            return;
        if (e->kind == ThreadView::AccessibleEntry::Earlier)
            m_view->showEarlier();
        else if (e->cut)
            m_view->expandMessage(e->messageId);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

    const QString &key() const { return m_key; }

private:
    const ThreadView::AccessibleEntry *entry() const
    {
        if (!m_view)
            return nullptr;
        for (const ThreadView::AccessibleEntry &e : m_view->accessibleEntries()) {
            if (e.key == m_key)
                return &e;
        }
        return nullptr;
    }

    QPointer<ThreadView> m_view;
    QString m_key;
};

} // namespace

ThreadAccessible::ThreadAccessible(ThreadView *view) : QAccessibleWidget(view, QAccessible::List) {}

QAccessibleInterface *ThreadAccessible::factory(const QString &className, QObject *object)
{
    Q_UNUSED(className);
    if (auto *view = qobject_cast<ThreadView *>(object); view && object->isWidgetType())
        return new ThreadAccessible(view);
    return nullptr;
}

ThreadView *ThreadAccessible::view() const
{
    return static_cast<ThreadView *>(widget());
}

void ThreadAccessible::forgetStale() const
{
    QSet<QString> keys;
    for (const ThreadView::AccessibleEntry &e : view()->accessibleEntries())
        keys.insert(e.key);
    for (auto it = m_children.begin(); it != m_children.end();) {
        if (keys.contains(it.key())) {
            ++it;
        } else {
            QAccessible::deleteAccessibleInterface(it.value());
            it = m_children.erase(it);
        }
    }
}

int ThreadAccessible::childCount() const
{
    return static_cast<int>(view()->accessibleEntries().size());
}

QAccessibleInterface *ThreadAccessible::child(int index) const
{
    const QList<ThreadView::AccessibleEntry> &entries = view()->accessibleEntries();
    if (index < 0 || index >= entries.size())
        return nullptr;
    forgetStale();
    const QString &key = entries.at(index).key;
    if (const auto it = m_children.constFind(key); it != m_children.cend())
        return QAccessible::accessibleInterface(it.value());
    auto *entry = new ThreadEntryAccessible(view(), key);
    m_children.insert(key, QAccessible::registerAccessibleInterface(entry));
    return entry;
}

int ThreadAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    const auto *entry = dynamic_cast<const ThreadEntryAccessible *>(child);
    if (!entry)
        return -1;
    const QList<ThreadView::AccessibleEntry> &entries = view()->accessibleEntries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).key == entry->key())
            return static_cast<int>(i);
    }
    return -1;
}

QAccessibleInterface *ThreadAccessible::childAt(int x, int y) const
{
    Q_UNUSED(x);
    Q_UNUSED(y);
    return nullptr; // the entries share the viewport's rectangle: no finer hit test
}

} // namespace tandem::ui
