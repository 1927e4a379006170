// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

// Notices when the thread it lives on (the GUI thread) stops answering: a precise timer that
// should tick every millisecond, and any gap between two ticks longer than the threshold is
// a stall a trader could see as a hitch. Off unless the "trademonitor.perf" logging category
// is enabled (QT_LOGGING_RULES="trademonitor.perf.debug=true"): its ticks cost wake-ups.
// Each stall is logged with the steady clock's time it ended, so that a benchmark can match
// it to its own timeline.
class StallMonitor : public QObject
{
    Q_OBJECT

public:
    explicit StallMonitor(std::chrono::milliseconds threshold = std::chrono::milliseconds(8),
                          QObject *parent = nullptr);

    // A monitor for the GUI thread if the logging category asks for one, else nullptr.
    static StallMonitor *startIfLogging(QObject *parent);

    void start();
    void stop();
    // The longest gap between two ticks, less the tick interval, since start().
    std::chrono::nanoseconds longest() const { return m_longest; }

Q_SIGNALS:
    // A gap over the threshold; `endedAt` is the steady clock's time since its epoch.
    void stalled(std::chrono::nanoseconds gap, std::chrono::nanoseconds endedAt);

private:
    void onTick();

    QTimer m_timer;
    std::chrono::nanoseconds m_threshold{};
    std::chrono::nanoseconds m_longest{};
    std::chrono::steady_clock::time_point m_last{};
};
