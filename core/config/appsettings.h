// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/alertsettings.h"
#include "net/socketconfig.h"

#include <QStringList>

class QSettings;

// The feed and alert settings a user keeps between runs (QSettings). Bad values (edited by hand, or
// from an older version) are ignored one by one with a note in problems(), never fatal.
class AppSettings
{
public:
    // Not owned; nullptr uses the application's default QSettings.
    explicit AppSettings(QSettings *settings = nullptr);
    ~AppSettings();

    // The saved feed over the defaults. An empty URL means the demo feed.
    SocketConfig feedConfig() const;
    void setFeedConfig(const SocketConfig &config);

    // Which alerts, and how: alerts/* over the defaults; a bad value is a problem and the
    // default.
    AlertSettings alertSettings() const;
    void setAlertSettings(const AlertSettings &alerts);

    // What was wrong with the saved values the last time feedConfig() or alertSettings() read
    // them.
    QStringList problems() const { return m_problems; }

    QSettings &settings() const { return *m_settings; }

private:
    QSettings *m_settings = nullptr;
    bool m_owned = false;
    mutable QStringList m_problems;
};
