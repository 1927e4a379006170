// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

// The ways the system asks a running process to end, as one Qt signal delivered on the thread
// that made the object: SIGTERM (logout, shutdown, `kill`), SIGINT (Ctrl+C) and SIGHUP (the
// terminal closed) on POSIX; Ctrl+C, Ctrl+Break, the console closed, logoff and shutdown on
// Windows. Without it the process would just end: the server would see a dropped line (1006)
// instead of an Unsubscribe and close 1000, and pending trades would be left to the spool.
//
// The one platform-specific piece of quitting. One object at a time (it owns the handlers).
// After the first request a second of the same kind ends the process at once, as it would
// without this object: a user pressing Ctrl+C twice means it.
class QuitSignals : public QObject
{
    Q_OBJECT

public:
    explicit QuitSignals(QObject *parent = nullptr);
    ~QuitSignals() override;

    // False when the handlers could not be installed (the process then ends as before).
    bool isActive() const { return m_active; }

Q_SIGNALS:
    // `what`: "SIGTERM", "SIGINT", "SIGHUP", "CTRL_CLOSE_EVENT", …, for the log.
    void quitRequested(const QString &what);

private:
    void readPending();

    bool m_active = false;
    QSocketNotifier *m_notifier = nullptr;
};
