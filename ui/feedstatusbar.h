// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QTimer>
#include <QWidget>

#include "feed/connectionlog.h"
#include "feed/feedstatus.h"

class AccountSet;
class AccountsList;
class ElidedLabel;
class QToolButton;
class FeedStatusPresenter;
class QLabel;
class QPushButton;
class SocketManager;

// The always-visible strip of the status bar: a coloured dot and the state in words, the
// latest connection event for a few seconds (or, once given up, why), the heartbeat's round
// trip, the age of the data shown (red only when the link is not live; hidden while paused),
// the feed's name, and Reconnect once the retries are used up. With several accounts it sums
// them up instead ("2 of 3 accounts live", the dot of the worst state), and a click on that
// opens each account's state, data age, round trip and Reconnect (AccountsList). Its labels are
// named (objectName): "state", "event" (an ElidedLabel: the whole text in fullText()),
// "roundTrip", "dataAge", "accountsSummary".
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

    // Several accounts (not owned): the summary of them all in place of one feed's state.
    void setAccounts(AccountSet *accounts);
    // The list of each account's state (null with one account); opened under the summary.
    AccountsList *showAccounts();

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

    // Sets a style sheet only when it changes: each one sets off a polish of the widget.
    static void setStyle(QWidget *widget, const QString &style);

    FeedStatusPresenter *m_status = nullptr;
    SocketManager *m_feed = nullptr;
    AccountSet *m_accounts = nullptr;
    QToolButton *m_summary = nullptr;
    AccountsList *m_list = nullptr;
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
