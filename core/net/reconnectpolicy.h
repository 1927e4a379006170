// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/reconnectbackoff.h"

#include <chrono>
#include <optional>

// Decides, after each failed attempt, whether to try again and when, or to give up. It gives
// up only when the retries are used up AND the failed attempt began at least the give-up time
// after the feed was last live (or after the first failure, when it never was): with full
// jitter, five retries can all fall within half a second, and an ordinary server restart
// takes longer than that. Between the two, retries go on at the backoff's capped delay.
// Counting from when the attempt began, not when it failed, means an outage shorter than the
// give-up time never ends in Failed however long each attempt takes (a connect timeout):
// the attempt that may give up starts after the server is back. Time is passed in by the
// caller (a monotonic clock), so the policy can be run over simulated outages.
class ReconnectPolicy
{
public:
    using milliseconds = std::chrono::milliseconds;

    struct Decision
    {
        bool giveUp = false;
        int attempt = 0;       // the retry this failure leads to (1-based)
        milliseconds delay{0}; // before that retry
    };

    // maxRetries: retries after the first attempt, 0 = unlimited. giveUpAfter: 0 = give up as
    // soon as the retries are used up.
    void setLimits(int maxRetries, milliseconds giveUpAfter);
    void setBackoff(milliseconds base, milliseconds maximum);
    void setSeed(quint32 seed);

    int maxRetries() const { return m_maxRetries; }
    milliseconds giveUpAfter() const { return m_giveUpAfter; }

    // A fresh start: the user asked, or the network came back.
    void reset();
    // The feed became live, or stopped being live, at `now`; the give-up time counts from the
    // last moment it was.
    void setLive(bool live, milliseconds now);
    // A useful connection ended: it delivered data and stayed up long enough. The retry count
    // starts again.
    void forgiveRetries();
    // An attempt to connect begins at `now`.
    void attemptStarted(milliseconds now);
    // An attempt failed (or a connection was lost) at `now`.
    Decision failed(milliseconds now);

    // What the rule says about giving up, for a person watching: a countdown to the moment
    // giving up becomes possible, then the retry whose failure will give up; never a
    // countdown that has run out while retries go on.
    struct Outlook
    {
        enum class Kind {
            Never,       // unlimited retries, or nothing has failed yet
            Countdown,   // giving up becomes possible in `left`
            FromAttempt, // the first retry whose failure gives up is `attempt`
        };
        Kind kind = Kind::Never;
        milliseconds left{0};
        int attempt = 0;
    };
    Outlook outlook(milliseconds now) const;

    // The retry last decided on, 0 when none is.
    int attempt() const { return m_attempt; }
    // True once the retries are used up (the attempt in progress is beyond maxRetries).
    bool retriesUsedUp() const { return m_maxRetries > 0 && m_attempt > m_maxRetries; }
    // How long the feed has been down at `now` (since it was last live, or since the first
    // failure when it never was); zero when nothing has failed.
    milliseconds downFor(milliseconds now) const;

private:
    ReconnectBackoff m_backoff;
    int m_maxRetries = Defaults::kMaxRetries;
    milliseconds m_giveUpAfter{Defaults::kGiveUpAfter};
    int m_attempt = 0;
    std::optional<milliseconds> m_since; // last live, or the first failure
    std::optional<milliseconds> m_attemptStart;
    bool m_live = false;
};
