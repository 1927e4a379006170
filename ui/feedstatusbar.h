// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QTimer>
#include <QWidget>

#include "feed/connectionlog.h"
#include "feed/feedstatus.h"

class ElidedLabel;
class FeedStatusPresenter;
class QLabel;
class QPushButton;
class SocketManager;

// The always-visible strip of the status bar: a coloured dot and the state in words, the
// latest connection event for a few seconds (or, once given up, why), the heartbeat's round
// trip, the age of the data shown (red only when the link is not live; hidden while paused),
// the feed's name, and Reconnect once the retries are used up. Its labels are named
// (objectName): "state", "event" (an ElidedLabel: the whole text in fullText()), "roundTrip",
// "dataAge".
class FeedStatusBar : public QWidget
{
    Q_OBJECT

public:
    // The colour of a feed level, the same for the status bar's dot and the tray icon.
    static QColor levelColor(FeedStatus::Level level);

    // How long a connection event stays in the status bar.
    static constexpr std::chrono::milliseconds kEventShownFor{6000};

    // Shows what `status` presents of `feed` (neither owned).
    FeedStatusBar(FeedStatusPresenter *status, SocketManager *feed, QWidget *parent = nullptr);

    void setFeedName(const QString &name);
    void setDemo(bool demo);

    bool isAgeWarning() const { return m_ageWarning; }
    bool isAgeVisible() const;
    QPushButton *reconnectButton() const { return m_reconnect; }

    // How long an event stays (kEventShownFor unless a test shortens it).
    void setEventDuration(std::chrono::milliseconds duration);
    // Shows a connection event for the event duration.
    void showConnectionEvent(const QString &text, ConnectionLog::Severity severity);

private:
    void display(const FeedStatus &status);

    FeedStatusPresenter *m_status = nullptr;
    SocketManager *m_feed = nullptr;
    bool m_ageWarning = false;
    QLabel *m_dot = nullptr;
    QLabel *m_state = nullptr;
    ElidedLabel *m_event = nullptr;
    QLabel *m_roundTrip = nullptr;
    QLabel *m_age = nullptr;
    QLabel *m_feedName = nullptr;
    QPushButton *m_reconnect = nullptr;
    QString m_eventText;
    ConnectionLog::Severity m_eventSeverity = ConnectionLog::Severity::Info;
    QTimer m_eventTimer; // hides the event again
};
