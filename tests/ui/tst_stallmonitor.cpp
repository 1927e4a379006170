// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallmonitor.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class tst_StallMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBlockedThreadIsReported();
    void offUnlessTheLoggingCategoryAsks();
};

void tst_StallMonitor::aBlockedThreadIsReported()
{
    StallMonitor monitor(8ms);
    QSignalSpy stalls(&monitor, &StallMonitor::stalled);
    monitor.start();
    // The thread is busy for 40 ms (the stall to be seen), then returns to its event loop.
    QElapsedTimer busy;
    busy.start();
    while (busy.elapsed() < 40) {
    }
    QTRY_VERIFY(!stalls.isEmpty());
    const auto gap = stalls.first().at(0).value<std::chrono::nanoseconds>();
    QVERIFY2(gap >= 35ms, qPrintable(QString::number(double(gap.count()) / 1e6)));
    QVERIFY(monitor.longest() >= gap);
    const auto endedAt = stalls.first().at(1).value<std::chrono::nanoseconds>();
    QVERIFY(endedAt <= std::chrono::steady_clock::now().time_since_epoch());
}

void tst_StallMonitor::offUnlessTheLoggingCategoryAsks()
{
    QObject parent;
    QLoggingCategory::setFilterRules(QStringLiteral("trademonitor.perf.debug=false"));
    QCOMPARE(StallMonitor::startIfLogging(&parent), nullptr);
    QLoggingCategory::setFilterRules(QStringLiteral("trademonitor.perf.debug=true"));
    StallMonitor *monitor = StallMonitor::startIfLogging(&parent);
    QVERIFY(monitor);
    QCOMPARE(monitor->parent(), &parent);
}

int main(int argc, char *argv[])
{
    // The suite silences debug output through the environment, which would override the
    // rules this test sets.
    qunsetenv("QT_LOGGING_RULES");
    QCoreApplication app(argc, argv);
    tst_StallMonitor test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_stallmonitor.moc"
