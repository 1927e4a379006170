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
