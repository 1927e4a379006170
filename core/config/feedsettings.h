// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settingmember.h"
#include "net/socketconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// Every number about the feed that a user may set, in one table: its key in the settings
// file, its command-line option, its limits, and the SocketConfig member it is (whose value in
// a default SocketConfig is its default; the defaults themselves are spelled only in
// net/socketconfig.h's Defaults). The settings file (AppSettings), the command line
// (AppOptions) and the Settings dialog all go through it, so that a number has one name, one
// range and one default everywhere. SocketConfig itself accepts shorter intervals, which tests
// use.
class FeedSetting
{
    Q_DECLARE_TR_FUNCTIONS(FeedSetting)

public:
    enum class Id {
        TraderId,
        Heartbeat,
        PongTimeout,
        ConnectTimeout,
        SnapshotTimeout,
        MaxRetries,
        GiveUpAfter,
        ReconnectMin,
        ReconnectMax,
    };
    enum class Unit { Count, Milliseconds };
    struct Range
    {
        qint64 min = 0;
        qint64 max = 0;
        bool contains(qint64 value) const { return value >= min && value <= max; }
    };

    // The settings that are no numbers, by key.
    static constexpr const char *kUrlKey = "feed/url";
    static constexpr const char *kProfileKey = "feed/profile";
    static constexpr const char *kTokenKey = "feed/token";
    // The token from the environment wins over the saved one; read once, by AppOptions.
    static constexpr const char *kTokenVariable = "TRADE_MONITOR_TOKEN";

    Id id;
    const char *key;    // in the settings file: "feed/heartbeatMs"
    const char *option; // on the command line: "heartbeat-ms"
    Unit unit;
    Range range;
    SettingMember<SocketConfig> member; // a whole number or milliseconds
    const char *name;                   // in messages, translated: "The heartbeat interval"
    const char *help;                   // the option's help, translated; the default is added

    QString settingsKey() const { return QString::fromLatin1(key); }
    QString optionName() const { return QString::fromLatin1(option); }
    QString displayName() const { return tr(name); }
    QString helpText() const;

    qint64 valueIn(const SocketConfig &config) const { return member.valueIn(config).toLongLong(); }
    void setIn(SocketConfig &config, qint64 value) const { member.setIn(config, value); }
    qint64 defaultValue() const { return valueIn(SocketConfig{}); }
    // Empty when `value` is within the range, else what is wrong, naming the setting.
    QString check(qint64 value) const;

    // In the order the command line's help and the dialog show them (which need not be the
    // enum's).
    static const QList<FeedSetting> &all();
    static const FeedSetting &of(Id id);

    // Empty when `config` can be used (SocketConfig::validate) and every number is within the
    // table's limits; otherwise what is wrong, in words for the user.
    static QString validate(const SocketConfig &config);
};
