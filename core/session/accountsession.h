// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/alerts.h"
#include "feed/connectionlog.h"
#include "feed/feedsession.h"
#include "feed/feedsource.h"
#include "feed/feedstatuspresenter.h"
#include "feed/positionbook.h"
#include "history/tradehistory.h"
#include "net/socketmanager.h"
#include "protocol/feedprofile.h"

#include <QObject>

#include <optional>

class ClosedTradeStore;
class NetworkMonitor;
class Notifier;

// The session of one account, headless: everything a window shows of one feed. It owns the
// socket (its heartbeat and reconnects), the position book, the trade history, the feed
// session that joins them, the feed source (which feed, in which wire format), the connection
// log, the alerts and the status presenter (the state in words, ticking), wired to each other; and
// the rules of starting, of applying changed settings and of quitting. A window shows one; several
// accounts are several of these.
class AccountSession : public QObject
{
    Q_OBJECT

public:
    explicit AccountSession(QObject *parent = nullptr);
    // Tests: the history's file store (one whose writes fail on demand); not owned.
    explicit AccountSession(ClosedTradeStore *fileStore, QObject *parent = nullptr);
    ~AccountSession() override;

    SocketManager *socket() { return &m_socket; }
    PositionBook *book() { return &m_book; }
    TradeHistory *history() { return &m_history; }
    FeedSession *feed() { return &m_feed; }
    FeedSource *source() { return &m_source; }
    ConnectionLog *log() { return &m_log; }
    Alerts *alerts() { return &m_alerts; }
    FeedStatusPresenter *status() { return &m_status; }

    // Where the alerts go (not owned): the desktop's, or a test's. None: no alert is shown.
    void setNotifier(Notifier *notifier);
    // Tells the socket when the system's network comes and goes (not owned).
    void setNetworkMonitor(NetworkMonitor *monitor);

    // The wire format to start `config` in, once its numbers are checked (an empty URL stands
    // for the demo's); nullopt with the reason for a bad number or a profile that cannot be
    // read.
    static std::optional<FeedProfile> profileToStart(const SocketConfig &config, QString *error);
    // Opens the history at `path`; rows from before accounts existed belong to the feed
    // `config` names, if it names one. A history that cannot be opened is said by the history
    // (the live view still works): false.
    bool openHistory(const QString &path, const SocketConfig &config);
    // Starts the feed `config` in `profile` (an empty URL: the built-in demo). False with the
    // reason when it cannot start (the demo cannot listen).
    bool start(const SocketConfig &config, const FeedProfile &profile, QString *error);
    // Settings changed while running (the Settings dialog): `next` is what this run now connects
    // to (AppOptions::configFor: the command line's values still win). A profile file that no
    // longer loads (changed since the dialog checked it) falls back to the native protocol.
    // Every problem is written to the log as a warning and returned; a feed that cannot start
    // leaves the running one as it is.
    QStringList applySettings(const SocketConfig &next);
    // Quitting is a deliberate close: unsubscribe and close with 1000, giving the close frame
    // its moment (at most the close timeout) to leave.
    void closeAndWait();

private:
    // Declared in the order they are built: each needs only those above it.
    SocketManager m_socket;
    PositionBook m_book;
    TradeHistory m_history;
    FeedSession m_feed;
    FeedSource m_source;
    ConnectionLog m_log;
    Alerts m_alerts;
    FeedStatusPresenter m_status;
};
