#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QTimer>

namespace tandem::app {
class Session;
}

namespace tandem::ui {

class MainWindow;

//! `tandem --screenshot FILE`: once the first sync has completed, opens inbox row \a row,
//! waits for its thread and draft, renders the window at its size (1280x800 by default) with QWidget::grab()
//! and writes a PNG. Emits finished() with 0 on success (and a non-zero code on failure/timeout).
class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    ScreenshotTaker(MainWindow *window, app::Session *session, QString path, int row, QSize size,
                    QObject *parent = nullptr);

    //! Starts waiting; gives up after \a timeoutMs.
    void start(int timeoutMs = 60000);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onSynced();
    void onDetail(qint64 ticketId);
    void capture();
    //! After the ticket: the role's home workspace must show its figures too (leads, supervisors).
    void captureWhenWorkspacesReady();
    void fail(const QString &reason);

    QPointer<MainWindow> m_window;
    QPointer<app::Session> m_session;
    QString m_path;
    int m_row = 0;
    QSize m_size;
    qint64 m_ticketId = 0;
    bool m_done = false;
    bool m_ticketReady = false;
    bool m_leadReady = true;
    bool m_supervisorReady = true;
    QTimer m_timeout;
};

} // namespace tandem::ui
