// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/alertsettings.h"

namespace {

constexpr AlertSetting flagRow(const char *key, bool AlertSettings::*member)
{
    AlertSetting row;
    row.key = key;
    row.flag = member;
    return row;
}

} // namespace

const std::array<AlertSetting, 9> &AlertSetting::all()
{
    static const std::array<AlertSetting, 9> rows = [] {
        AlertSetting percent;
        percent.key = "alerts/marginLevelPercent";
        percent.kind = Kind::Percent;
        percent.percent = &AlertSettings::marginLevelPercent;
        percent.min = AlertSettings::kMinMarginLevel;
        percent.max = AlertSettings::kMaxMarginLevel;
        AlertSetting lostAfter;
        lostAfter.key = "alerts/feedLostAfterMs";
        lostAfter.kind = Kind::Milliseconds;
        lostAfter.duration = &AlertSettings::feedLostAfter;
        lostAfter.min = double(AlertSettings::kMinFeedLostAfter.count());
        lostAfter.max = double(AlertSettings::kMaxFeedLostAfter.count());
        // In the order a settings file's problems are listed: the switches, then the numbers.
        return std::array<AlertSetting, 9>{
            flagRow("alerts/ownPositions", &AlertSettings::ownPositions),
            flagRow("alerts/signalPositions", &AlertSettings::signalPositions),
            flagRow("alerts/marginLevel", &AlertSettings::marginLevel),
            flagRow("alerts/feed", &AlertSettings::feed),
            flagRow("alerts/sound", &AlertSettings::sound),
            flagRow("alerts/trayIcon", &AlertSettings::trayIcon),
            flagRow("alerts/keepRunningInTray", &AlertSettings::keepRunningInTray),
            percent,
            lostAfter,
        };
    }();
    return rows;
}

bool AlertSettings::operator==(const AlertSettings &other) const
{
    for (const AlertSetting &row : AlertSetting::all()) {
        const bool same = row.kind == AlertSetting::Kind::Flag ? this->*row.flag == other.*row.flag
                          : row.kind == AlertSetting::Kind::Percent
                              ? this->*row.percent == other.*row.percent
                              : this->*row.duration == other.*row.duration;
        if (!same)
            return false;
    }
    return true;
}
