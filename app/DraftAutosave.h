#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace tandem::app {

class LocalStore;

//! Keeps what the agent is typing safe across crashes: setText() is debounced (400 ms by
//! default, never more than 1 s) into LocalStore's draft_autosave table; text() restores it.
class DraftAutosave : public QObject
{
    Q_OBJECT

public:
    //! \a store is not owned and must outlive this object.
    explicit DraftAutosave(LocalStore *store, QObject *parent = nullptr);
    //! Writes whatever is still pending.
    ~DraftAutosave() override;

    //! Debounce delay (clamped to 0..1000 ms).
    void setDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds delay() const;

    //! Records the editor text of \a ticketId; written to disk after the debounce delay.
    void setText(qint64 ticketId, const QString &text);
    //! The latest text for \a ticketId (pending or saved); empty if none.
    QString text(qint64 ticketId) const;
    bool hasText(qint64 ticketId) const;
    //! Forgets the text of \a ticketId (after it was sent or discarded).
    void clear(qint64 ticketId);
    //! Writes pending texts now (on ticket switch or quit).
    void flush();

Q_SIGNALS:
    //! The text of \a ticketId reached the disk.
    void saved(qint64 ticketId);

private:
    LocalStore *m_store;
    QTimer m_timer;
    QElapsedTimer m_firstPending; //!< since the oldest unsaved change
    QHash<qint64, QString> m_pending;
};

} // namespace tandem::app
