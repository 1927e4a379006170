// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>

// When to ask the feed for a fresh Snapshot, so that neither a gap nor data this version cannot
// read turns into a storm of subscriptions:
// - seq went back (the server restarted its count): at once, since nothing can be applied
//   until the Snapshot;
// - a gap: at most once per minimum interval (5 s); the book keeps applying whole positions;
// - unreadable data: at most once per interval, which starts at the minimum and doubles with
//   each further resync for unreadable data, up to the maximum (a minute), so a feed that keeps
//   sending what this version cannot read is asked less and less often. A maximum interval with
//   nothing unreadable brings it back to the minimum.
// A request that may not go yet waits for its time; requests in between are one, with the
// strongest cause. Time is passed in (a monotonic clock), so the policy runs over simulated
// feeds.
class ResyncPolicy
{
public:
    using milliseconds = std::chrono::milliseconds;

    // Weakest first: a Gap asks for data the book knows it missed, Restart for everything.
    enum class Cause { Unreadable, Gap, Restart };

    static constexpr milliseconds kMinInterval{5000};
    static constexpr milliseconds kMaxInterval{60000};

    // The pace starts again at the minimum.
    void setIntervals(milliseconds minimum, milliseconds maximum);

    // A resync is wanted at `now`: the delay until it may go (zero: at once), or nullopt when
    // one is already waiting (this request joins it: call due() when the first delay is over;
    // a sooner one is returned when this cause may go sooner).
    std::optional<milliseconds> request(Cause cause, milliseconds now);
    // The waiting resync goes out at `now`: its cause.
    Cause due(milliseconds now);
    bool isWaiting() const { return m_waiting.has_value(); }

    // Something this version could not read arrived at `now`.
    void unreadableSeen(milliseconds now);
    // A new connection subscribes anyway: nothing waits any more. The backoff stays, so that a
    // feed which drops us does not reset it.
    void reset() { m_waiting.reset(); }

    // The spacing that unreadable data gets now.
    milliseconds interval() const { return m_interval; }

private:
    void relax(milliseconds now);
    milliseconds delayFor(Cause cause, milliseconds now) const;

    milliseconds m_min = kMinInterval;
    milliseconds m_max = kMaxInterval;
    milliseconds m_interval = kMinInterval;
    std::optional<milliseconds> m_lastSent;
    std::optional<milliseconds> m_lastUnreadable;
    std::optional<Cause> m_waiting;
    milliseconds m_waitingUntil{0};
    bool m_lastForUnreadable = false; // the last resync went out for unreadable data
};
