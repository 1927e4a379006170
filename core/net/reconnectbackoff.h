// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/socketconfig.h"

#include <QRandomGenerator>

#include <chrono>

// Delays between reconnect attempts: exponential backoff, jittered so that many clients dropped
// by one server restart spread out instead of arriving together, and capped low so that each
// of them is back within seconds of the server.
// Retry 1 waits a uniformly random time in [0, base]: a blip costs half of `base` on average,
// and a whole fleet dropped at once spreads over `base`. Retry n > 1 waits uniformly in
// [c/2, c], c = min(maximum, base * 2^(n-1)) ("equal jitter"): the half that is fixed keeps a
// client's second and third tries from piling onto the fleet's first ones, and once at the cap
// a client tries every c/2 to c, so a server that returns meets each client within c.
// With the defaults (2 s, 6 s) every client is back within about 6 s of its server, half of
// them within about 2.3 s, and 200 clients put at most about 25 attempts in any 100 ms
// (tst_reconnectpolicy's simulations, the README's figures).
class ReconnectBackoff
{
public:
    ReconnectBackoff();
    ReconnectBackoff(std::chrono::milliseconds base, std::chrono::milliseconds maximum);

    void setBounds(std::chrono::milliseconds base, std::chrono::milliseconds maximum);
    void setSeed(quint32 seed);

    std::chrono::milliseconds base() const { return m_base; }
    std::chrono::milliseconds maximum() const { return m_maximum; }

    // The upper bound of the delay for retry `attempt` (1-based).
    std::chrono::milliseconds ceiling(int attempt) const;
    // The lower bound: 0 for the first retry, half the ceiling after it.
    std::chrono::milliseconds floor(int attempt) const;
    // A random delay in [floor(attempt), ceiling(attempt)].
    std::chrono::milliseconds delayFor(int attempt);

private:
    std::chrono::milliseconds m_base{Defaults::kReconnectMin};
    std::chrono::milliseconds m_maximum{Defaults::kReconnectMax};
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
};
