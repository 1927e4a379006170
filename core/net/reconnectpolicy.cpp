// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/reconnectpolicy.h"

#include <algorithm>

using std::chrono::milliseconds;

void ReconnectPolicy::setLimits(int maxRetries, milliseconds giveUpAfter)
{
    m_maxRetries = std::max(0, maxRetries);
    m_giveUpAfter = std::max(giveUpAfter, milliseconds::zero());
}

void ReconnectPolicy::setBackoff(milliseconds base, milliseconds maximum)
{
    m_backoff.setBounds(base, maximum);
}

void ReconnectPolicy::setSeed(quint32 seed)
{
    m_backoff.setSeed(seed);
}

void ReconnectPolicy::reset()
{
    m_attempt = 0;
    m_since.reset();
    m_attemptStart.reset();
    m_live = false;
}

void ReconnectPolicy::attemptStarted(milliseconds now)
{
    m_attemptStart = now;
}

void ReconnectPolicy::setLive(bool live, milliseconds now)
{
    if (m_live && !live)
        m_since = now;
    m_live = live;
}

void ReconnectPolicy::forgiveRetries()
{
    m_attempt = 0;
}

ReconnectPolicy::Decision ReconnectPolicy::failed(milliseconds now)
{
    if (m_live || !m_since)
        m_since = now;
    m_live = false;
    ++m_attempt;
    Decision decision;
    decision.attempt = m_attempt;
    // An attempt begun before the reference (the connection that was live) counts from it.
    const milliseconds began = m_attemptStart ? std::max(*m_attemptStart, *m_since) : now;
    m_attemptStart.reset();
    if (retriesUsedUp() && began - *m_since >= m_giveUpAfter) {
        decision.giveUp = true;
        return decision;
    }
    decision.delay = m_backoff.delayFor(m_attempt);
    return decision;
}

ReconnectPolicy::Outlook ReconnectPolicy::outlook(milliseconds now) const
{
    Outlook outlook;
    if (m_maxRetries == 0 || !m_since || m_attempt == 0)
        return outlook;
    const milliseconds possibleAt = *m_since + m_giveUpAfter;
    if (now < possibleAt) {
        outlook.kind = Outlook::Kind::Countdown;
        outlook.left = possibleAt - now;
        return outlook;
    }
    // The retry in progress counts only if it began after the moment (as failed() judges it);
    // one still to come begins after now, so it does.
    const bool thisOneMay = !m_attemptStart || std::max(*m_attemptStart, *m_since) >= possibleAt;
    outlook.kind = Outlook::Kind::FromAttempt;
    outlook.attempt = std::max(m_attempt + (thisOneMay ? 0 : 1), m_maxRetries);
    return outlook;
}

milliseconds ReconnectPolicy::downFor(milliseconds now) const
{
    return m_since ? std::max(milliseconds::zero(), now - *m_since) : milliseconds::zero();
}
