// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/networkmonitor.h"

// A network monitor driven by the test that treats every feed as remote, the test servers on
// 127.0.0.1 included: for the rules about a remote feed when the network goes away. (The plain
// NetworkMonitor, like the system's, never concerns a loopback feed.)
class RemoteNetworkMonitor : public NetworkMonitor
{
public:
    using NetworkMonitor::NetworkMonitor;
    bool concerns(const QUrl &) const override { return true; }
};
