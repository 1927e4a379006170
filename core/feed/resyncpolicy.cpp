// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/resyncpolicy.h"

#include <algorithm>

using milliseconds = ResyncPolicy::milliseconds;

void ResyncPolicy::setIntervals(milliseconds minimum, milliseconds maximum)
{
    m_min = std::max(minimum, milliseconds(0));
    m_max = std::max(maximum, m_min);
    m_interval = m_min;
    m_lastForUnreadable = false;
}

void ResyncPolicy::relax(milliseconds now)
{
    // A long enough stretch with nothing unreadable: the feed reads well again.
    if (m_lastUnreadable && now - *m_lastUnreadable >= m_max) {
        m_interval = m_min;
        m_lastForUnreadable = false;
        m_lastUnreadable.reset();
    }
}

void ResyncPolicy::unreadableSeen(milliseconds now)
{
    relax(now);
    m_lastUnreadable = now;
}

milliseconds ResyncPolicy::delayFor(Cause cause, milliseconds now) const
{
    if (cause == Cause::Restart || !m_lastSent)
        return milliseconds(0);
    const milliseconds spacing = cause == Cause::Unreadable ? m_interval : m_min;
    return std::max(*m_lastSent + spacing - now, milliseconds(0));
}

std::optional<milliseconds> ResyncPolicy::request(Cause cause, milliseconds now)
{
    relax(now);
    const milliseconds delay = delayFor(cause, now);
    if (m_waiting) {
        m_waiting = std::max(*m_waiting, cause);
        if (now + delay >= m_waitingUntil)
            return std::nullopt;
    } else {
        m_waiting = cause;
    }
    m_waitingUntil = now + delay;
    return delay;
}

ResyncPolicy::Cause ResyncPolicy::due(milliseconds now)
{
    const Cause cause = m_waiting.value_or(Cause::Unreadable);
    m_waiting.reset();
    m_lastSent = now;
    if (cause == Cause::Unreadable) {
        // Asked before for unreadable data, and it is still coming: ask less often.
        if (m_lastForUnreadable)
            m_interval = std::min(m_interval * 2, m_max);
        m_lastForUnreadable = true;
    }
    return cause;
}
