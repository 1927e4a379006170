// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

// Which alerts a trader wants, and how (kept by AppSettings under alerts/).
struct AlertSettings
{
    // What a user may set the numbers to.
    static constexpr double kMinMarginLevel = 1.0;
    static constexpr double kMaxMarginLevel = 10000.0;
    static constexpr std::chrono::milliseconds kMinFeedLostAfter{1000};
    static constexpr std::chrono::milliseconds kMaxFeedLostAfter{600'000};

    bool ownPositions = true;          // our own positions open or close
    bool signalPositions = true;       // a followed signal trader's copies open or close
    bool marginLevel = true;           // the margin level falls below marginLevelPercent
    double marginLevelPercent = 100.0; // before the broker's stop-out (often 50 %)
    bool feed = true; // the feed is lost for longer than feedLostAfter, and is back
    std::chrono::milliseconds feedLostAfter{10'000};
    bool sound = false;
    bool trayIcon = true;           // where the desktop has a tray
    bool keepRunningInTray = false; // closing the window hides it to the tray

    bool operator==(const AlertSettings &other) const
    {
        return ownPositions == other.ownPositions && signalPositions == other.signalPositions &&
               marginLevel == other.marginLevel && marginLevelPercent == other.marginLevelPercent &&
               feed == other.feed && feedLostAfter == other.feedLostAfter && sound == other.sound &&
               trayIcon == other.trayIcon && keepRunningInTray == other.keepRunningInTray;
    }
    bool operator!=(const AlertSettings &other) const { return !(*this == other); }
};
