// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketconfig.h"

#include "domain/credentials.h"
#include "domain/tradetext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString SocketConfig::validateUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("SocketConfig",
                                           "The feed URL \"%1\" is not a valid URL with a host.")
            .arg(Credentials::maskedUrl(url));
    if (url.scheme() != "ws"_L1 && url.scheme() != "wss"_L1)
        return QCoreApplication::translate("SocketConfig",
                                           "The feed URL must start with ws:// or wss://, not "
                                           "\"%1://\".")
            .arg(url.scheme());
    return {};
}

QString SocketConfig::validate() const
{
    using std::chrono::milliseconds;
    if (QString error = validateUrl(url); !error.isEmpty())
        return error;
    if (traderId <= 0)
        return QCoreApplication::translate("SocketConfig",
                                           "The trader id must be a positive number.");
    if (heartbeatInterval <= milliseconds::zero())
        return QCoreApplication::translate("SocketConfig",
                                           "The heartbeat interval must be greater than zero.");
    if (pongTimeout <= milliseconds::zero())
        return QCoreApplication::translate("SocketConfig",
                                           "The pong timeout must be greater than zero.");
    if (connectTimeout <= milliseconds::zero())
        return QCoreApplication::translate("SocketConfig",
                                           "The connect timeout must be greater than zero.");
    if (reconnectMin < milliseconds::zero())
        return QCoreApplication::translate("SocketConfig",
                                           "The shortest reconnect delay cannot be negative.");
    if (reconnectMax < reconnectMin)
        return QCoreApplication::translate(
                   "SocketConfig",
                   "The longest reconnect delay (%1) is shorter than the shortest (%2).")
            .arg(TradeText::duration(reconnectMax), TradeText::duration(reconnectMin));
    if (maxRetries < 0)
        return QCoreApplication::translate(
            "SocketConfig", "The number of retries cannot be negative (0 means unlimited).");
    if (maxIncomingMessageSize <= 0)
        return QCoreApplication::translate(
            "SocketConfig", "The largest incoming message must be greater than zero.");
    if (snapshotTimeout <= milliseconds::zero())
        return QCoreApplication::translate("SocketConfig",
                                           "The snapshot timeout must be greater than zero.");
    if (giveUpAfter < milliseconds::zero())
        return QCoreApplication::translate("SocketConfig", "The give-up time cannot be negative.");
    return {};
}
