// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/reconnectbackoff.h"

#include <algorithm>

using namespace std::chrono;

ReconnectBackoff::ReconnectBackoff() = default;

ReconnectBackoff::ReconnectBackoff(milliseconds base, milliseconds maximum)
{
    setBounds(base, maximum);
}

void ReconnectBackoff::setBounds(milliseconds base, milliseconds maximum)
{
    m_base = std::max(base, milliseconds::zero());
    m_maximum = std::max(maximum, m_base);
}

void ReconnectBackoff::setSeed(quint32 seed)
{
    m_random.seed(seed);
}

milliseconds ReconnectBackoff::ceiling(int attempt) const
{
    if (attempt < 1 || m_base == milliseconds::zero())
        return m_base;
    // Double without overflow: stop as soon as the cap is reached.
    milliseconds cap = m_base;
    for (int i = 1; i < attempt && cap < m_maximum; ++i)
        cap *= 2;
    return std::min(cap, m_maximum);
}

milliseconds ReconnectBackoff::floor(int attempt) const
{
    return attempt <= 1 ? milliseconds::zero() : ceiling(attempt) / 2;
}

milliseconds ReconnectBackoff::delayFor(int attempt)
{
    const qint64 low = floor(attempt).count();
    const qint64 spread = ceiling(attempt).count() - low;
    if (spread <= 0)
        return milliseconds(low);
    return milliseconds(low + m_random.bounded(spread + 1));
}
