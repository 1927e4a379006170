#pragma once

#include <QString>

class SocketManager;

// The state of the feed in words a trader reads at a glance, shared by the status bar and
// the banner over the positions table.
struct FeedStatus
{
    enum class Level { Live, Busy, Paused, Down };

    Level level = Level::Down;
    QString text;   // short: "Live", "Reconnecting 2/5 in 4 s", "Paused", "Disconnected"
    QString detail; // longer, for the banner: adds the reason

    // `paused`: the user left Open Trades, so an idle feed is paused rather than down.
    static FeedStatus of(const SocketManager &manager, bool paused);
};
