// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/clock.h"

#include <QDateTime>

qint64 Clock::currentMSecsSinceEpoch() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

const Clock &Clock::system()
{
    static const Clock clock;
    return clock;
}
