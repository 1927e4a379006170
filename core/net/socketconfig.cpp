// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketconfig.h"

using namespace Qt::StringLiterals;

QString SocketConfig::validateUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return u"The feed URL \"%1\" is not a valid URL with a host."_s.arg(url.toString());
    if (url.scheme() != "ws"_L1 && url.scheme() != "wss"_L1)
        return u"The feed URL must start with ws:// or wss://, not \"%1://\"."_s.arg(url.scheme());
    return {};
}

QString SocketConfig::validate() const
{
    using std::chrono::milliseconds;
    if (QString error = validateUrl(url); !error.isEmpty())
        return error;
    if (traderId <= 0)
        return u"The trader id must be a positive number."_s;
    if (heartbeatInterval <= milliseconds::zero())
        return u"The heartbeat interval must be greater than zero."_s;
    if (pongTimeout <= milliseconds::zero())
        return u"The pong timeout must be greater than zero."_s;
    if (connectTimeout <= milliseconds::zero())
        return u"The connect timeout must be greater than zero."_s;
    if (reconnectMin < milliseconds::zero())
        return u"The shortest reconnect delay cannot be negative."_s;
    if (reconnectMax < reconnectMin)
        return u"The longest reconnect delay (%1 ms) is shorter than the shortest (%2 ms)."_s
            .arg(reconnectMax.count())
            .arg(reconnectMin.count());
    if (maxRetries < 0)
        return u"The number of retries cannot be negative (0 means unlimited)."_s;
    if (maxIncomingMessageSize <= 0)
        return u"The largest incoming message must be greater than zero."_s;
    if (snapshotTimeout <= milliseconds::zero())
        return u"The snapshot timeout must be greater than zero."_s;
    if (giveUpAfter < milliseconds::zero())
        return u"The give-up time cannot be negative."_s;
    return {};
}

QString SocketConfig::validateForUser() const
{
    if (QString error = validate(); !error.isEmpty())
        return error;
    const auto outside = [](const UserLimits::Range &range, qint64 value, const QString &what,
                            const QString &unit) -> QString {
        if (range.contains(value))
            return {};
        return u"%1 must be from %2 to %3%4 (not %5)."_s.arg(what)
            .arg(range.min)
            .arg(range.max)
            .arg(unit)
            .arg(value);
    };
    const QString ms = u" ms"_s;
    if (reconnectMin.count() < UserLimits::kReconnectMs.min)
        return u"The shortest reconnect delay must be at least %1 ms: retrying faster would "
               "hammer a server that is coming back."_s.arg(UserLimits::kReconnectMs.min);
    for (const QString &error : {
             outside(UserLimits::kTraderId, traderId, u"The trader id"_s, QString()),
             outside(UserLimits::kHeartbeatMs, heartbeatInterval.count(),
                     u"The heartbeat interval"_s, ms),
             outside(UserLimits::kPongTimeoutMs, pongTimeout.count(), u"The pong timeout"_s, ms),
             outside(UserLimits::kConnectTimeoutMs, connectTimeout.count(),
                     u"The connect timeout"_s, ms),
             outside(UserLimits::kReconnectMs, reconnectMin.count(),
                     u"The shortest reconnect delay"_s, ms),
             outside(UserLimits::kReconnectMs, reconnectMax.count(),
                     u"The longest reconnect delay"_s, ms),
             outside(UserLimits::kMaxRetries, maxRetries, u"The number of retries"_s, QString()),
             outside(UserLimits::kSnapshotTimeoutMs, snapshotTimeout.count(),
                     u"The snapshot timeout"_s, ms),
             outside(UserLimits::kGiveUpAfterMs, giveUpAfter.count(), u"The give-up time"_s, ms),
         }) {
        if (!error.isEmpty())
            return error;
    }
    return {};
}
