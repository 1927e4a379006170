// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallmonitor.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPerf, "trademonitor.perf")

namespace {
constexpr std::chrono::milliseconds kTick{1};
}

StallMonitor::StallMonitor(std::chrono::milliseconds threshold, QObject *parent)
    : QObject(parent)
    , m_threshold(threshold)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTick);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::onTick);
}

StallMonitor *StallMonitor::startIfLogging(QObject *parent)
{
    if (!lcPerf().isDebugEnabled())
        return nullptr;
    auto *monitor = new StallMonitor(std::chrono::milliseconds(8), parent);
    connect(monitor, &StallMonitor::stalled, monitor,
            [](std::chrono::nanoseconds gap, std::chrono::nanoseconds endedAt) {
                qCDebug(lcPerf, "GUI thread stalled for %.1f ms (ended at %lld ns steady clock)",
                        double(gap.count()) / 1e6, qint64(endedAt.count()));
            });
    monitor->start();
    return monitor;
}

void StallMonitor::start()
{
    m_longest = {};
    m_last = std::chrono::steady_clock::now();
    m_timer.start();
}

void StallMonitor::stop()
{
    m_timer.stop();
}

void StallMonitor::onTick()
{
    const auto now = std::chrono::steady_clock::now();
    const auto gap = std::chrono::nanoseconds(now - m_last) - kTick;
    m_last = now;
    m_longest = std::max(m_longest, gap);
    if (gap > m_threshold)
        Q_EMIT stalled(gap, now.time_since_epoch());
}
