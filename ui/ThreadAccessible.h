#pragma once

#include <QAccessibleWidget>
#include <QHash>

namespace tandem::ui {

class ThreadView;

//! The conversation as a screen reader and UI automation (AT-SPI) see it: a list whose children
//! are its messages (role ListItem, named by author, kind and time, the shown text as their
//! description), the "Show earlier messages" link first when older messages are hidden (a button),
//! and replies still in the outbox last. A message cut at its preview is "expandable"; its press
//! action is "Show more", the same as the link the mouse clicks. Installed for every ThreadView
//! by ThreadView itself (QAccessible::installFactory).
class ThreadAccessible : public QAccessibleWidget
{
public:
    explicit ThreadAccessible(ThreadView *view);

    static QAccessibleInterface *factory(const QString &className, QObject *object);

    QAccessible::Role role() const override { return QAccessible::List; }
    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;

private:
    ThreadView *view() const;
    //! Deletes the children whose entries are gone (another ticket, a message now shown in full).
    void forgetStale() const;

    //! Entry key -> registered child. A child outlives a destroyed view only as an invalid
    //! interface, deleted with the accessibility cache.
    mutable QHash<QString, QAccessible::Id> m_children;
};

} // namespace tandem::ui
