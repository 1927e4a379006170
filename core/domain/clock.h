// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Wall-clock time, replaceable in tests. The heartbeat stamps pings with it and uses it to
// notice that the machine slept: monotonic timers stop during suspend, the wall clock does not.
class Clock
{
public:
    virtual ~Clock() = default;

    virtual qint64 currentMSecsSinceEpoch() const;

    static const Clock &system();
};
