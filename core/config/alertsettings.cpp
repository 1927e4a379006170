// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/alertsettings.h"

#include <algorithm>

const std::array<AlertSetting, 9> &AlertSetting::all()
{
    using Kind = AlertSetting::Kind;
    // In the order a settings file's problems are listed: the switches, then the numbers.
    static const std::array<AlertSetting, 9> rows = {{
        {"alerts/ownPositions", Kind::Flag, &AlertSettings::ownPositions},
        {"alerts/signalPositions", Kind::Flag, &AlertSettings::signalPositions},
        {"alerts/marginLevel", Kind::Flag, &AlertSettings::marginLevel},
        {"alerts/feed", Kind::Flag, &AlertSettings::feed},
        {"alerts/sound", Kind::Flag, &AlertSettings::sound},
        {"alerts/trayIcon", Kind::Flag, &AlertSettings::trayIcon},
        {"alerts/keepRunningInTray", Kind::Flag, &AlertSettings::keepRunningInTray},
        {"alerts/marginLevelPercent", Kind::Percent, &AlertSettings::marginLevelPercent,
         AlertSettings::kMinMarginLevel, AlertSettings::kMaxMarginLevel},
        {"alerts/feedLostAfterMs", Kind::Milliseconds, &AlertSettings::feedLostAfter,
         double(AlertSettings::kMinFeedLostAfter.count()),
         double(AlertSettings::kMaxFeedLostAfter.count())},
    }};
    return rows;
}

bool AlertSettings::operator==(const AlertSettings &other) const
{
    const auto &rows = AlertSetting::all();
    return std::all_of(rows.begin(), rows.end(),
                       [&](const AlertSetting &row) { return row.member.sameIn(*this, other); });
}
