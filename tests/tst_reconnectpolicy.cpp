// SPDX-License-Identifier: GPL-3.0-or-later
// ReconnectPolicy on simulated time: the give-up rule, and outages run through it by the
// thousand with a seeded random source.
#include "net/reconnectpolicy.h"
#include "net/socketconfig.h"

#include <QRandomGenerator>
#include <QTest>

using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

ReconnectPolicy defaultPolicy(quint32 seed)
{
    ReconnectPolicy policy;
    policy.setBackoff(Defaults::kReconnectMin, Defaults::kReconnectMax);
    policy.setLimits(Defaults::kMaxRetries, Defaults::kGiveUpAfter);
    policy.setSeed(seed);
    return policy;
}

// One outage: the feed was live until t = 0, when the server went away for `outage`. Each
// attempt begun while it is away fails after `attemptCost` (0: refused at once; the connect
// timeout for a host that does not answer), even if the server returns meanwhile. Returns the
// time the policy gave up, or nullopt when an attempt reached the server again.
std::optional<milliseconds> runOutage(ReconnectPolicy &policy, milliseconds outage,
                                      milliseconds attemptCost)
{
    milliseconds t = 0ms;
    policy.setLive(true, t);
    for (;;) {
        const ReconnectPolicy::Decision decision = policy.failed(t);
        if (decision.giveUp)
            return t;
        t += decision.delay; // the retry starts
        policy.attemptStarted(t);
        if (t >= outage)
            return std::nullopt; // the server is back: connected
        t += attemptCost;        // and fails
    }
}

} // namespace

class tst_ReconnectPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retriesFirstThenTimeDecides();
    void giveUpAfterZeroIsTheFirstRule();
    void unlimitedRetriesNeverGiveUp();
    void anAttemptBegunBeforeTheGiveUpTimeNeverGivesUp();
    void theClockStartsWhenTheFeedWasLastLive();
    void aUsefulConnectionGivesTheRetriesBack();
    void resetStartsOver();
    void outagesShorterThanTheGiveUpTimeNeverFail_data();
    void outagesShorterThanTheGiveUpTimeNeverFail();
    void theFirstRuleFailsOrdinaryRestarts();
    void longOutagesStillEndInFailed();
};

void tst_ReconnectPolicy::retriesFirstThenTimeDecides()
{
    ReconnectPolicy policy;
    policy.setBackoff(10ms, 40ms);
    policy.setLimits(3, 1000ms);
    // Failures every 10 ms: the 3 retries are used up at once, yet it goes on until 1 s has
    // passed since the first failure.
    milliseconds t = 0ms;
    int attempts = 0;
    for (;; t += 10ms) {
        const ReconnectPolicy::Decision decision = policy.failed(t);
        policy.attemptStarted(t);
        ++attempts;
        QCOMPARE(decision.attempt, attempts);
        if (decision.giveUp)
            break;
        QVERIFY(decision.delay >= 0ms && decision.delay <= 40ms);
        if (attempts <= 3) {
            QVERIFY(!policy.giveUpIn(t)); // still within the counted retries
        } else {
            QVERIFY(policy.retriesUsedUp());
            QCOMPARE(*policy.giveUpIn(t), 1000ms - t);
        }
    }
    // The attempt that began at 1 s (the first at or after the give-up time) is the last.
    QCOMPARE(t, 1010ms);
    QCOMPARE(attempts, 102);
}

void tst_ReconnectPolicy::anAttemptBegunBeforeTheGiveUpTimeNeverGivesUp()
{
    ReconnectPolicy policy;
    policy.setLimits(1, 60s);
    policy.setLive(true, 0s);
    policy.failed(0s);
    policy.attemptStarted(59s);          // a slow attempt: a host that does not answer
    QVERIFY(!policy.failed(69s).giveUp); // began before 60 s: one more try
    policy.attemptStarted(70s);
    QVERIFY(policy.failed(80s).giveUp);
}

void tst_ReconnectPolicy::giveUpAfterZeroIsTheFirstRule()
{
    ReconnectPolicy policy;
    policy.setBackoff(10ms, 40ms);
    policy.setLimits(5, 0ms);
    for (int i = 1; i <= 5; ++i)
        QVERIFY(!policy.failed(milliseconds(i)).giveUp);
    const ReconnectPolicy::Decision last = policy.failed(6ms);
    QVERIFY(last.giveUp);
    QCOMPARE(last.attempt, 6);
}

void tst_ReconnectPolicy::unlimitedRetriesNeverGiveUp()
{
    ReconnectPolicy policy;
    policy.setLimits(0, 0ms);
    for (int i = 0; i < 10000; ++i)
        QVERIFY(!policy.failed(milliseconds(i) * 1000).giveUp);
    QVERIFY(!policy.giveUpIn(10000s));
    QVERIFY(!policy.retriesUsedUp());
}

void tst_ReconnectPolicy::theClockStartsWhenTheFeedWasLastLive()
{
    ReconnectPolicy policy;
    policy.setBackoff(10ms, 10ms);
    policy.setLimits(1, 100ms);
    policy.failed(0ms); // never live: the clock starts at the first failure
    QVERIFY(!policy.failed(50ms).giveUp);
    // Live again for a moment (not long enough to be useful), then lost at 300 ms.
    policy.setLive(true, 60ms);
    policy.setLive(false, 300ms);
    QVERIFY(!policy.failed(310ms).giveUp); // retries used up, but live 10 ms ago
    QCOMPARE(*policy.giveUpIn(310ms), 90ms);
    QVERIFY(!policy.failed(399ms).giveUp);
    QVERIFY(policy.failed(400ms).giveUp);

    // Lost while live: the moment of the failure is the last live moment.
    ReconnectPolicy lost;
    lost.setLimits(1, 100ms);
    lost.setLive(true, 0ms);
    QVERIFY(!lost.failed(1000ms).giveUp);
    QVERIFY(!lost.failed(1050ms).giveUp);
    QVERIFY(lost.failed(1100ms).giveUp);
}

void tst_ReconnectPolicy::aUsefulConnectionGivesTheRetriesBack()
{
    ReconnectPolicy policy;
    policy.setLimits(2, 0ms);
    QCOMPARE(policy.failed(0ms).attempt, 1);
    QCOMPARE(policy.failed(1ms).attempt, 2);
    policy.forgiveRetries();
    QCOMPARE(policy.failed(2ms).attempt, 1);
    QCOMPARE(policy.failed(3ms).attempt, 2);
    QVERIFY(policy.failed(4ms).giveUp);
}

void tst_ReconnectPolicy::resetStartsOver()
{
    ReconnectPolicy policy;
    policy.setLimits(1, 100ms);
    policy.failed(0ms);
    policy.failed(10ms);
    policy.reset();
    QCOMPARE(policy.attempt(), 0);
    // The clock starts again at the next failure, not at 0.
    QVERIFY(!policy.failed(500ms).giveUp);
    QVERIFY(!policy.failed(550ms).giveUp);
    QVERIFY(policy.failed(600ms).giveUp);
}

void tst_ReconnectPolicy::outagesShorterThanTheGiveUpTimeNeverFail_data()
{
    QTest::addColumn<qint64>("attemptCostMs");
    QTest::addRow("refused at once") << qint64(0);
    QTest::addRow("refused after 5 ms") << qint64(5);
    QTest::addRow("host silent: connect timeout") << qint64(Defaults::kConnectTimeout.count());
}

void tst_ReconnectPolicy::outagesShorterThanTheGiveUpTimeNeverFail()
{
    QFETCH(qint64, attemptCostMs);
    // 10,000 outages under the defaults (1 s to 30 s, full jitter, 5 retries, 60 s), each
    // shorter than 60 s, with a seeded random source for the outage lengths and the jitter.
    QRandomGenerator lengths(20261126);
    int failed = 0;
    qint64 longest = 0;
    for (int run = 0; run < 10000; ++run) {
        // Spread over the whole range, with the ordinary deploys (10-20 s) and the edge
        // (just under 60 s) well covered.
        const qint64 outageMs =
            run % 4 == 0 ? 59000 + qint64(lengths.bounded(1000)) : qint64(lengths.bounded(60000));
        ReconnectPolicy policy = defaultPolicy(quint32(run));
        if (runOutage(policy, milliseconds(outageMs), milliseconds(attemptCostMs)))
            ++failed;
        longest = std::max(longest, outageMs);
    }
    qInfo() << "10000 outages up to" << longest << "ms, attempts costing" << attemptCostMs
            << "ms:" << failed << "ended in Failed";
    QCOMPARE(failed, 0);
}

void tst_ReconnectPolicy::theFirstRuleFailsOrdinaryRestarts()
{
    // The same simulation with the first release's rule (give up once 5 retries are used)
    // shows what the give-up time fixes, and that the simulation can fail at all.
    int failed10 = 0;
    int failed20 = 0;
    for (int run = 0; run < 10000; ++run) {
        ReconnectPolicy policy = defaultPolicy(quint32(run));
        policy.setLimits(Defaults::kMaxRetries, 0ms);
        failed10 += runOutage(policy, 10s, 0ms) ? 1 : 0;
        policy.reset();
        failed20 += runOutage(policy, 20s, 0ms) ? 1 : 0;
    }
    qInfo() << "first rule: a 10 s restart fails" << failed10 / 100.0 << "% of windows, a 20 s one"
            << failed20 / 100.0 << "%";
    QVERIFY(failed10 > 1000); // about 17 %
    QVERIFY(failed20 > 6000); // about 77 %
}

void tst_ReconnectPolicy::longOutagesStillEndInFailed()
{
    // A server gone for good: the window still gives up, never before 60 s, and not long after
    // (the capped delay is 30 s).
    qint64 earliest = std::numeric_limits<qint64>::max();
    qint64 latest = 0;
    for (int run = 0; run < 1000; ++run) {
        ReconnectPolicy policy = defaultPolicy(quint32(run));
        const auto gaveUp = runOutage(policy, 24h, 0ms);
        QVERIFY(gaveUp);
        earliest = std::min<qint64>(earliest, gaveUp->count());
        latest = std::max<qint64>(latest, gaveUp->count());
    }
    qInfo() << "a server gone for good: given up after" << earliest << "to" << latest << "ms";
    QVERIFY(earliest >= 60000);
    QVERIFY(latest <= 60000 + Defaults::kReconnectMax.count());
}

QTEST_GUILESS_MAIN(tst_ReconnectPolicy)
#include "tst_reconnectpolicy.moc"
