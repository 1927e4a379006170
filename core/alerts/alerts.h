// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/notifier.h"
#include "config/alertsettings.h"
#include "domain/closedtrade.h"
#include "domain/position.h"
#include "net/socketmanager.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class PositionBook;

// Decides what is worth a desktop notification, and says it through a Notifier:
// - a position opens or closes (ours, or a followed signal's: "AlphaTrend FX opened EURUSD Buy
//   0.10"), never for what the first Snapshot of a connection holds, never for the History;
//   what happens within burstWindow of the first is gathered, and more than one becomes a
//   single summary ("10 positions closed");
// - the margin level falls below the threshold (once, until it is back above);
// - the feed has been lost for longer than feedLostAfter (a deliberate close is no loss), and
//   when it is live again.
class Alerts : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kBurstWindow{1000};

    // None owned; all must outlive the alerts. Without a notifier nothing is shown.
    Alerts(PositionBook *book, SocketManager *socket, Notifier *notifier,
           QObject *parent = nullptr);

    void setNotifier(Notifier *notifier);
    // Among several accounts, whose news this is: every title then starts with the account's
    // name ("Main · Closed EURUSD …"). Empty (the default, one account): nothing is added.
    void setAccountName(const QString &name) { m_accountName = name; }

    const AlertSettings &settings() const { return m_settings; }
    void setSettings(const AlertSettings &settings);
    void setBurstWindow(std::chrono::milliseconds window);

    // A notification may still come from what already happened: opens or closes gathered into
    // a burst, or a lost feed whose delay runs. False: nothing will come until something new
    // happens.
    bool hasPending() const { return m_burstTimer.isActive() || m_lostTimer.isActive(); }

    // The words of a single open or close, as its notification says them; an amount carries
    // the account's currency once the feed has said which.
    Notification openedNote(const Position &position) const;
    Notification closedNote(const ClosedTrade &trade) const;

private:
    void onOpened(const QList<Position> &positions);
    void onClosed(const QList<ClosedTrade> &trades);
    void onFiguresChanged();
    void onStateChanged(SocketManager::State state);
    void gather(const Notification &notification, const Position &position, double net);
    // "+12.30 USD"; without a currency until the feed has sent the account's figures.
    QString money(double value) const;
    void notify(const Notification &notification);
    void flushBurst();
    bool wanted(const Position &position) const;

    PositionBook *m_book = nullptr;
    SocketManager *m_socket = nullptr;
    Notifier *m_notifier = nullptr;
    QString m_accountName;
    AlertSettings m_settings;

    QList<Notification> m_burst;
    QStringList m_burstNames; // "XAUUSD (AlphaTrend FX)", in the order they came
    int m_burstOpened = 0;
    int m_burstClosed = 0;
    double m_burstNet = 0.0;
    QTimer m_burstTimer;

    bool m_belowMargin = false;

    QTimer m_lostTimer;
    bool m_wasLive = false; // since the last deliberate close
    bool m_lostNotified = false;
    QElapsedTimer m_lostFor;
};
