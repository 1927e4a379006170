// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/reconnectbackoff.h"

#include <QSet>
#include <QTest>

using namespace std::chrono_literals;
using std::chrono::milliseconds;

class tst_ReconnectBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingDoublesUpToTheMaximum_data();
    void ceilingDoublesUpToTheMaximum();
    void delaysStayWithinBoundsAndVary();
    void sameSeedGivesSameDelays();
    void hugeAttemptNumbersDoNotOverflow();
    void zeroBaseMeansNoDelay();
};

void tst_ReconnectBackoff::ceilingDoublesUpToTheMaximum_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("ceiling");
    // base 1000 ms, maximum 30000 ms
    QTest::addRow("first retry waits at most base") << 1 << qint64(1000);
    QTest::addRow("second") << 2 << qint64(2000);
    QTest::addRow("third") << 3 << qint64(4000);
    QTest::addRow("fifth") << 5 << qint64(16000);
    QTest::addRow("sixth is capped") << 6 << qint64(30000);
    QTest::addRow("far beyond stays capped") << 40 << qint64(30000);
}

void tst_ReconnectBackoff::ceilingDoublesUpToTheMaximum()
{
    QFETCH(int, attempt);
    QFETCH(qint64, ceiling);
    const ReconnectBackoff backoff(1000ms, 30000ms);
    QCOMPARE(backoff.ceiling(attempt).count(), ceiling);
}

void tst_ReconnectBackoff::delaysStayWithinBoundsAndVary()
{
    ReconnectBackoff backoff(100ms, 3000ms);
    for (int attempt = 1; attempt <= 8; ++attempt) {
        QSet<qint64> seen;
        for (int i = 0; i < 500; ++i) {
            const milliseconds delay = backoff.delayFor(attempt);
            QVERIFY2(
                delay >= 0ms && delay <= backoff.ceiling(attempt),
                qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(delay.count())));
            seen.insert(delay.count());
        }
        // Jitter: many different delays, spread over the range, not a fixed step. The first
        // retry may come at once; later ones wait at least half of their ceiling.
        QVERIFY2(seen.size() > 50, qPrintable(QString::number(seen.size())));
        const qint64 ceiling = backoff.ceiling(attempt).count();
        const qint64 low = attempt == 1 ? 0 : ceiling / 2;
        QCOMPARE(backoff.floor(attempt).count(), low);
        const qint64 least = *std::min_element(seen.cbegin(), seen.cend());
        QVERIFY2(least >= low && least < low + (ceiling - low) / 4,
                 qPrintable(QString::number(least)));
        QVERIFY(*std::max_element(seen.cbegin(), seen.cend()) > ceiling - (ceiling - low) / 4);
    }
}

void tst_ReconnectBackoff::sameSeedGivesSameDelays()
{
    ReconnectBackoff a(50ms, 5000ms);
    ReconnectBackoff b(50ms, 5000ms);
    a.setSeed(42);
    b.setSeed(42);
    QList<qint64> first;
    QList<qint64> second;
    for (int attempt = 1; attempt < 10; ++attempt) {
        first.append(a.delayFor(attempt).count());
        second.append(b.delayFor(attempt).count());
    }
    QCOMPARE(first, second);
}

void tst_ReconnectBackoff::hugeAttemptNumbersDoNotOverflow()
{
    ReconnectBackoff backoff(1000ms, 30000ms);
    QCOMPARE(backoff.ceiling(std::numeric_limits<int>::max()), 30000ms);
    QVERIFY(backoff.delayFor(1'000'000) <= 30000ms);
}

void tst_ReconnectBackoff::zeroBaseMeansNoDelay()
{
    ReconnectBackoff backoff(0ms, 0ms);
    QCOMPARE(backoff.delayFor(1), 0ms);
    QCOMPARE(backoff.delayFor(7), 0ms);
}

QTEST_GUILESS_MAIN(tst_ReconnectBackoff)
#include "tst_reconnectbackoff.moc"
