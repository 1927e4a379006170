// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>

#include <chrono>

// Delays between reconnect attempts: exponential backoff with full jitter.
// Retry n waits a uniformly random time in [0, min(maximum, base * 2^(n-1))], so retry 1 waits
// at most `base`, and many clients dropped by one server restart spread out instead of
// arriving together.
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
    // A random delay in [0, ceiling(attempt)].
    std::chrono::milliseconds delayFor(int attempt);

private:
    std::chrono::milliseconds m_base{1000};
    std::chrono::milliseconds m_maximum{30000};
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
};
