// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/feedsettings.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

} // namespace

const QList<FeedSetting> &FeedSetting::all()
{
    using Id = FeedSetting::Id;
    using Unit = FeedSetting::Unit;
    static const QList<FeedSetting> table = {
        {Id::TraderId,
         "feed/traderId",
         "trader-id",
         Unit::Count,
         {1, std::numeric_limits<qint32>::max()},
         &SocketConfig::traderId,
         QT_TR_NOOP("The trader id"),
         QT_TR_NOOP("The trader whose positions to show.")},
        {Id::Heartbeat,
         "feed/heartbeatMs",
         "heartbeat-ms",
         Unit::Milliseconds,
         {10, kDayMs},
         &SocketConfig::heartbeatInterval,
         QT_TR_NOOP("The heartbeat interval"),
         QT_TR_NOOP("Milliseconds between heartbeat pings.")},
        {Id::PongTimeout,
         "feed/pongTimeoutMs",
         "pong-timeout-ms",
         Unit::Milliseconds,
         {10, kDayMs},
         &SocketConfig::pongTimeout,
         QT_TR_NOOP("The pong timeout"),
         QT_TR_NOOP("Milliseconds to wait for any reply after a ping before the link counts as "
                    "dead.")},
        {Id::ConnectTimeout,
         "feed/connectTimeoutMs",
         "connect-timeout-ms",
         Unit::Milliseconds,
         {10, kDayMs},
         &SocketConfig::connectTimeout,
         QT_TR_NOOP("The connect timeout"),
         QT_TR_NOOP("Milliseconds allowed for connect plus handshake.")},
        {Id::SnapshotTimeout,
         "feed/snapshotTimeoutMs",
         "snapshot-timeout-ms",
         Unit::Milliseconds,
         {100, kDayMs},
         &SocketConfig::snapshotTimeout,
         QT_TR_NOOP("The snapshot timeout"),
         QT_TR_NOOP("Milliseconds to wait for the positions after subscribing before asking "
                    "again; a second wait without them fails the attempt.")},
        {Id::MaxRetries,
         "feed/maxRetries",
         "max-retries",
         Unit::Count,
         {0, 1000},
         &SocketConfig::maxRetries,
         QT_TR_NOOP("The number of retries"),
         QT_TR_NOOP("Reconnect attempts before giving up; 0 = unlimited.")},
        {Id::GiveUpAfter,
         "feed/giveUpAfterMs",
         "give-up-after-ms",
         Unit::Milliseconds,
         {0, kDayMs},
         &SocketConfig::giveUpAfter,
         QT_TR_NOOP("The give-up time"),
         QT_TR_NOOP("Give up only once the retries are used up and the feed has been down this "
                    "long; 0 = as soon as the retries are used up.")},
        // Below 100 ms a fleet of clients would hammer a server that is coming back.
        {Id::ReconnectMin,
         "feed/reconnectMinMs",
         "reconnect-min-ms",
         Unit::Milliseconds,
         {100, kDayMs},
         &SocketConfig::reconnectMin,
         QT_TR_NOOP("The shortest reconnect delay"),
         QT_TR_NOOP("Base reconnect delay in milliseconds, at least 100.")},
        {Id::ReconnectMax,
         "feed/reconnectMaxMs",
         "reconnect-max-ms",
         Unit::Milliseconds,
         {100, kDayMs},
         &SocketConfig::reconnectMax,
         QT_TR_NOOP("The longest reconnect delay"),
         QT_TR_NOOP("Longest reconnect delay in milliseconds.")},
    };
    return table;
}

const FeedSetting &FeedSetting::of(Id id)
{
    const QList<FeedSetting> &table = all();
    const auto row = std::find_if(table.begin(), table.end(),
                                  [id](const FeedSetting &setting) { return setting.id == id; });
    Q_ASSERT_X(row != table.end(), "FeedSetting::of", "every Id has a row");
    return *row;
}

QString FeedSetting::helpText() const
{
    return u"%1 [%2]"_s.arg(tr(help)).arg(defaultValue());
}

QString FeedSetting::check(qint64 value) const
{
    if (range.contains(value))
        return {};
    if (id == Id::ReconnectMin && value < range.min)
        return tr("The shortest reconnect delay must be at least %1 ms: retrying faster would "
                  "hammer a server that is coming back.")
            .arg(range.min);
    if (unit == Unit::Milliseconds)
        return tr("%1 must be from %2 to %3 ms (not %4).")
            .arg(displayName())
            .arg(range.min)
            .arg(range.max)
            .arg(value);
    return tr("%1 must be from %2 to %3 (not %4).")
        .arg(displayName())
        .arg(range.min)
        .arg(range.max)
        .arg(value);
}

QString FeedSetting::validate(const SocketConfig &config)
{
    // The table's words first: they say the range a number must be in.
    for (const FeedSetting &setting : all()) {
        if (QString error = setting.check(setting.valueIn(config)); !error.isEmpty())
            return error;
    }
    return config.validate();
}
