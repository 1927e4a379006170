// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketconfig.h"

#include "domain/credentials.h"

using namespace Qt::StringLiterals;

QString SocketConfig::validateUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return u"The feed URL \"%1\" is not a valid URL with a host."_s.arg(
            Credentials::maskedUrl(url));
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
