#pragma once

#include <QTimer>
#include <QWidget>

#include "feedstatus.h"

class QLabel;
class QPushButton;
class SocketManager;

// The always-visible strip of the status bar: a coloured dot and the state in words, the
// heartbeat's round trip, how long ago data last arrived (in a warning colour once it is
// older than two heartbeats), the feed's name, and Reconnect once the retries are used up.
class FeedStatusBar : public QWidget
{
    Q_OBJECT

public:
    explicit FeedStatusBar(SocketManager *feed, QWidget *parent = nullptr);

    void setPaused(bool paused);
    void setFeedName(const QString &name);
    void setDemo(bool demo);

    QString stateText() const;
    QString ageText() const;
    QString roundTripText() const;
    bool isAgeWarning() const { return m_ageWarning; }
    QPushButton *reconnectButton() const { return m_reconnect; }

    void refresh();

Q_SIGNALS:
    // After every refresh (state change, retry, round trip, and each tick of the countdown):
    // the one place the rest of the window learns the feed's state from.
    void statusRefreshed(const FeedStatus &status);

private:
    SocketManager *m_feed = nullptr;
    bool m_paused = false;
    bool m_ageWarning = false;
    QLabel *m_dot = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_roundTrip = nullptr;
    QLabel *m_age = nullptr;
    QLabel *m_feedName = nullptr;
    QPushButton *m_reconnect = nullptr;
    QTimer m_ticker; // the countdown and "N s ago" move on their own
};
