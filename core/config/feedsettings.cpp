// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/feedsettings.h"

#include <limits>

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

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
         QT_TR_NOOP("The trader id"),
         QT_TR_NOOP("The trader whose positions to show.")},
        {Id::Heartbeat,
         "feed/heartbeatMs",
         "heartbeat-ms",
         Unit::Milliseconds,
         {10, kDayMs},
         QT_TR_NOOP("The heartbeat interval"),
         QT_TR_NOOP("Milliseconds between heartbeat pings.")},
        {Id::PongTimeout,
         "feed/pongTimeoutMs",
         "pong-timeout-ms",
         Unit::Milliseconds,
         {10, kDayMs},
         QT_TR_NOOP("The pong timeout"),
         QT_TR_NOOP("Milliseconds to wait for any reply after a ping before the link counts as "
                    "dead.")},
        {Id::ConnectTimeout,
         "feed/connectTimeoutMs",
         "connect-timeout-ms",
         Unit::Milliseconds,
         {10, kDayMs},
         QT_TR_NOOP("The connect timeout"),
         QT_TR_NOOP("Milliseconds allowed for connect plus handshake.")},
        {Id::SnapshotTimeout,
         "feed/snapshotTimeoutMs",
         "snapshot-timeout-ms",
         Unit::Milliseconds,
         {100, kDayMs},
         QT_TR_NOOP("The snapshot timeout"),
         QT_TR_NOOP("Milliseconds to wait for the positions after subscribing before asking "
                    "again; a second wait without them fails the attempt.")},
        {Id::MaxRetries,
         "feed/maxRetries",
         "max-retries",
         Unit::Count,
         {0, 1000},
         QT_TR_NOOP("The number of retries"),
         QT_TR_NOOP("Reconnect attempts before giving up; 0 = unlimited.")},
        {Id::GiveUpAfter,
         "feed/giveUpAfterMs",
         "give-up-after-ms",
         Unit::Milliseconds,
         {0, kDayMs},
         QT_TR_NOOP("The give-up time"),
         QT_TR_NOOP("Give up only once the retries are used up and the feed has been down this "
                    "long; 0 = as soon as the retries are used up.")},
        // Below 100 ms a fleet of clients would hammer a server that is coming back.
        {Id::ReconnectMin,
         "feed/reconnectMinMs",
         "reconnect-min-ms",
         Unit::Milliseconds,
         {100, kDayMs},
         QT_TR_NOOP("The shortest reconnect delay"),
         QT_TR_NOOP("Base reconnect delay in milliseconds, at least 100.")},
        {Id::ReconnectMax,
         "feed/reconnectMaxMs",
         "reconnect-max-ms",
         Unit::Milliseconds,
         {100, kDayMs},
         QT_TR_NOOP("The longest reconnect delay"),
         QT_TR_NOOP("Longest reconnect delay in milliseconds.")},
    };
    return table;
}

const FeedSetting &FeedSetting::of(Id id)
{
    return all().at(int(id));
}

QString FeedSetting::helpText() const
{
    return u"%1 [%2]"_s.arg(tr(help)).arg(defaultValue());
}

qint64 FeedSetting::valueIn(const SocketConfig &config) const
{
    switch (id) {
    case Id::TraderId:
        return config.traderId;
    case Id::Heartbeat:
        return config.heartbeatInterval.count();
    case Id::PongTimeout:
        return config.pongTimeout.count();
    case Id::ConnectTimeout:
        return config.connectTimeout.count();
    case Id::SnapshotTimeout:
        return config.snapshotTimeout.count();
    case Id::MaxRetries:
        return config.maxRetries;
    case Id::GiveUpAfter:
        return config.giveUpAfter.count();
    case Id::ReconnectMin:
        return config.reconnectMin.count();
    case Id::ReconnectMax:
        return config.reconnectMax.count();
    }
    return 0;
}

void FeedSetting::setIn(SocketConfig &config, qint64 value) const
{
    switch (id) {
    case Id::TraderId:
        config.traderId = value;
        return;
    case Id::Heartbeat:
        config.heartbeatInterval = milliseconds(value);
        return;
    case Id::PongTimeout:
        config.pongTimeout = milliseconds(value);
        return;
    case Id::ConnectTimeout:
        config.connectTimeout = milliseconds(value);
        return;
    case Id::SnapshotTimeout:
        config.snapshotTimeout = milliseconds(value);
        return;
    case Id::MaxRetries:
        config.maxRetries = int(value);
        return;
    case Id::GiveUpAfter:
        config.giveUpAfter = milliseconds(value);
        return;
    case Id::ReconnectMin:
        config.reconnectMin = milliseconds(value);
        return;
    case Id::ReconnectMax:
        config.reconnectMax = milliseconds(value);
        return;
    }
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
