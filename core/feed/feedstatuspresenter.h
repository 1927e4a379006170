// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class Clock;
class FeedSession;
class SocketManager;

// The feed's state as a trader reads it (FeedStatus), kept current: on every change of the
// socket (state, retry, round trip) and of the feed session (a server error, rows it cannot
// read), and every tick while a countdown or the data's age moves on its own. The one place
// the status bar, the banner and the tray icon learn the state from; headless, with the time
// from a Clock so that tests choose it.
class FeedStatusPresenter : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kTick{500};

    // None owned; both must outlive the presenter.
    FeedStatusPresenter(SocketManager *socket, FeedSession *session, QObject *parent = nullptr);

    // The clock the data's age is read on (not owned; the system's unless a test gives one).
    void setClock(const Clock *clock);
    // The trader left Open Trades: an idle feed is paused, not down.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    const FeedStatus &status() const { return m_status; }
    // Reads the state again now (and says so with statusChanged).
    void refresh();

Q_SIGNALS:
    // After every refresh, ticks included: the countdown and "N s ago" move.
    void statusChanged(const FeedStatus &status);

private:
    SocketManager *m_socket = nullptr;
    FeedSession *m_session = nullptr;
    const Clock *m_clock = nullptr;
    bool m_paused = false;
    FeedStatus m_status;
    QTimer m_ticker;
};
