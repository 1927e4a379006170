// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/socketconfig.h"

#include <QUrl>

// Short intervals through the same settings a user has, in two speeds.
namespace TestConfig {

inline constexpr qint64 kTraderId = 10260;

// Quick reconnects (20 to 80 ms), a 1 s connect timeout and a 500 ms close; the heartbeat slow
// (10 s, then 500 ms for a reply) so that pings do not clutter what a server records, the
// snapshot timeout long (10 s), and giving up by the retry count alone (give-up time 0). A
// test about one of those sets it itself.
SocketConfig fast(const QUrl &url, qint64 traderId = kTraderId);

// Everything short, the heartbeat and the snapshot timeout included (200 ms beats, 300 ms for a
// reply or a snapshot, 300 ms of uptime to count as useful, give up after 1 s): for tests that
// let the whole machinery run against a misbehaving feed (the fault matrix).
SocketConfig allFast(const QUrl &url, qint64 traderId = kTraderId);

} // namespace TestConfig
