// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settingmember.h"

#include <QtGlobal>

#include <array>
#include <chrono>

// Which alerts a trader wants, and how (kept by AppSettings under alerts/, one AlertSetting
// row per member).
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

    // Every row is equal (AlertSetting::all()).
    bool operator==(const AlertSettings &other) const;
    bool operator!=(const AlertSettings &other) const { return !(*this == other); }
};

// One alert setting: its key in the settings file, the member of AlertSettings it is (whose
// value in a default AlertSettings is its default), and for a number its limits; a row of the
// same kind as FeedSetting's. The rows are the one description the settings file is read and
// written by, and settings are compared by; a new alert setting is a member and a row.
struct AlertSetting
{
    enum class Kind { Flag, Percent, Milliseconds };

    const char *key = nullptr; // "alerts/ownPositions"
    Kind kind = Kind::Flag;
    SettingMember<AlertSettings> member;
    double min = 0.0; // Percent, Milliseconds
    double max = 0.0;

    QVariant defaultValue() const { return member.valueIn(AlertSettings()); }

    static const std::array<AlertSetting, 9> &all();
};
