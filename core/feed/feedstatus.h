// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class FeedSession;
class SocketManager;

// The state of the feed in words a trader reads at a glance, shared by the status bar and
// the banner over the positions table. The rule it keeps: Live (green) only while the socket
// is Live, that is after an accepted Snapshot on the current connection; connected but
// without data is amber, and the age of the data turns red only when the link is not healthy
// (not live, or a heartbeat long unanswered): a quiet feed on a good link is no alarm.
struct FeedStatus
{
    Q_DECLARE_TR_FUNCTIONS(FeedStatus)

public:
    enum class Level { Live, Busy, Paused, Down };
    // How much a level needs the trader, most first: Down, Busy, Paused, Live. Where several
    // feeds stand together, the most urgent one says how they stand.
    static constexpr int urgency(Level level)
    {
        switch (level) {
        case Level::Down:
            return 3;
        case Level::Busy:
            return 2;
        case Level::Paused:
            return 1;
        case Level::Live:
            break;
        }
        return 0;
    }

    Level level = Level::Down;
    QString text;   // short: "Live", "Connecting (retry 2)", "Paused", "Disconnected"
    QString detail; // longer, for the banner: adds the reason
    // While the data is live, over the table, which stays live: a server Error, and data the
    // feed keeps sending that this version cannot read.
    QString notice;
    bool offerReconnect = false; // given up, or closed while Open Trades is in front
    bool offerSettings = false;  // refused for good: the settings need checking
    // The age of the data the window shows ("updated 5 s ago", "no change for 2 min");
    // empty when there is none or the feed is paused.
    QString ageText;
    bool ageWarning = false; // the data shown comes over a link that is not healthy

    // `paused`: the user left Open Trades, so an idle feed is paused rather than down.
    // `session` may be null (no data age, no server errors). `now`: wall clock, ms.
    static FeedStatus of(const SocketManager &manager, const FeedSession *session, bool paused,
                         qint64 now);
    static FeedStatus of(const SocketManager &manager, bool paused);
};
