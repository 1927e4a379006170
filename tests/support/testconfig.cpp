// SPDX-License-Identifier: GPL-3.0-or-later
#include "testconfig.h"

#include "protocol/feedprofile.h"

using namespace std::chrono_literals;

namespace TestConfig {

SocketConfig fast(const QUrl &url, qint64 traderId)
{
    SocketConfig config = FeedProfile::native().configFor(url, traderId);
    config.heartbeatInterval = 10s;
    config.pongTimeout = 500ms;
    config.connectTimeout = 1000ms;
    config.reconnectMin = 20ms;
    config.reconnectMax = 80ms;
    config.closeTimeout = 500ms;
    config.snapshotTimeout = 10s;
    config.giveUpAfter = 0ms;
    return config;
}

SocketConfig allFast(const QUrl &url, qint64 traderId)
{
    SocketConfig config = FeedProfile::native().configFor(url, traderId);
    config.heartbeatInterval = 200ms;
    config.pongTimeout = 300ms;
    config.connectTimeout = 500ms;
    config.reconnectMin = 50ms;
    config.reconnectMax = 400ms;
    config.minUptime = 300ms;
    config.snapshotTimeout = 300ms;
    config.giveUpAfter = 1000ms;
    return config;
}

} // namespace TestConfig
