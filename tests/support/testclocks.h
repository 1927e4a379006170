// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/clock.h"

#include <QDateTime>

// A wall clock that stands still until the test moves it.
class FixedClock : public Clock
{
public:
    explicit FixedClock(qint64 start = 1732600000000)
        : now(start)
    {}
    qint64 currentMSecsSinceEpoch() const override { return now; }
    qint64 now = 0;
};

// The real wall clock, shifted on demand: "the machine slept for ten seconds".
class OffsetClock : public Clock
{
public:
    qint64 currentMSecsSinceEpoch() const override
    {
        return QDateTime::currentMSecsSinceEpoch() + offset;
    }
    qint64 offset = 0;
};
