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

struct Outcome
{
    std::optional<milliseconds> gaveUpAt; // when the policy gave up
    milliseconds backAt{0};               // else when the first attempt met the server again
    int attempts = 0;
};

// One outage: the feed was live until t = 0, when the server went away for `outage`. Each
// attempt begun while it is away fails after `attemptCost` (0: refused at once; the connect
// timeout for a host that does not answer), even if the server returns meanwhile.
Outcome playOutage(ReconnectPolicy &policy, milliseconds outage, milliseconds attemptCost,
                   QList<milliseconds> *attemptTimes = nullptr)
{
    Outcome outcome;
    milliseconds t = 0ms;
    policy.setLive(true, t);
    for (;;) {
        const ReconnectPolicy::Decision decision = policy.failed(t);
        if (decision.giveUp) {
            outcome.gaveUpAt = t;
            return outcome;
        }
        t += decision.delay; // the retry starts
        policy.attemptStarted(t);
        ++outcome.attempts;
        if (attemptTimes)
            attemptTimes->append(t);
        if (t >= outage) {
            outcome.backAt = t; // the server is back: connected
            return outcome;
        }
        t += attemptCost; // and fails
    }
}

// The time the policy gave up, or nullopt when an attempt reached the server again.
std::optional<milliseconds> runOutage(ReconnectPolicy &policy, milliseconds outage,
                                      milliseconds attemptCost)
{
    return playOutage(policy, outage, attemptCost).gaveUpAt;
}

qint64 percentile(QList<qint64> sorted, double p)
{
    return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * sorted.size())));
}

// The most of `times` that fall into any window of `width`.
int mostInAnyWindow(QList<milliseconds> times, milliseconds width)
{
    std::sort(times.begin(), times.end());
    int most = 0;
    for (qsizetype i = 0, j = 0; i < times.size(); ++i) {
        while (times.at(i) - times.at(j) >= width)
            ++j;
        most = std::max(most, int(i - j + 1));
    }
    return most;
}

// Times to return over 10,000 outages of 5 to 50 s (seeded), attempts refused at once.
QList<qint64> returnTimes(milliseconds base, milliseconds maximum)
{
    QRandomGenerator lengths(20261204);
    QList<qint64> back;
    for (int run = 0; run < 10000; ++run) {
        ReconnectPolicy policy = defaultPolicy(quint32(run));
        policy.setBackoff(base, maximum);
        const milliseconds outage(5000 + qint64(lengths.bounded(45001)));
        const Outcome outcome = playOutage(policy, outage, 0ms);
        if (!outcome.gaveUpAt)
            back.append((outcome.backAt - outage).count());
    }
    std::sort(back.begin(), back.end());
    return back;
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
    void theOutlookNeverOutlivesItsCountdown();
    void theClockStartsWhenTheFeedWasLastLive();
    void aUsefulConnectionGivesTheRetriesBack();
    void resetStartsOver();
    void outagesShorterThanTheGiveUpTimeNeverFail_data();
    void outagesShorterThanTheGiveUpTimeNeverFail();
    void theFirstRuleFailsOrdinaryRestarts();
    void longOutagesStillEndInFailed();
    void everyClientIsBackWithinSecondsOfItsServer();
    void aFleetDroppedAtOnceIsSpreadOut_data();
    void aFleetDroppedAtOnceIsSpreadOut();
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
        QCOMPARE(policy.retriesUsedUp(), attempts > 3);
        // A countdown to the moment giving up becomes possible, whatever the count; from that
        // moment, the retry whose failure gives up: this one.
        const ReconnectPolicy::Outlook outlook = policy.outlook(t);
        if (t < 1000ms) {
            QCOMPARE(outlook.kind, ReconnectPolicy::Outlook::Kind::Countdown);
            QCOMPARE(outlook.left, 1000ms - t);
        } else {
            QCOMPARE(outlook.kind, ReconnectPolicy::Outlook::Kind::FromAttempt);
            QCOMPARE(outlook.attempt, policy.attempt());
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

void tst_ReconnectPolicy::theOutlookNeverOutlivesItsCountdown()
{
    // Attempts that take 10 s to fail (a host that does not answer), 2 retries, 60 s: what a
    // person is told at each moment matches what the next failures do.
    using Kind = ReconnectPolicy::Outlook::Kind;
    ReconnectPolicy policy;
    policy.setLimits(2, 60s);
    policy.setLive(true, 0s);
    policy.failed(0s);
    QCOMPARE(policy.outlook(0s).kind, Kind::Countdown);
    QCOMPARE(policy.outlook(0s).left, 60s);
    policy.attemptStarted(1s); // retry 1
    QVERIFY(!policy.failed(11s).giveUp);
    policy.attemptStarted(13s); // retry 2, the last counted
    QCOMPARE(policy.outlook(20s).left, 40s);
    QVERIFY(!policy.failed(23s).giveUp);
    policy.attemptStarted(55s); // retry 3: begun before 60 s, so it cannot give up
    QCOMPARE(policy.outlook(59s).left, 1s);
    // The moment has come while it is under way: the next one is the one that may give up.
    ReconnectPolicy::Outlook outlook = policy.outlook(61s);
    QCOMPARE(outlook.kind, Kind::FromAttempt);
    QCOMPARE(outlook.attempt, 4);
    QVERIFY(!policy.failed(65s).giveUp);
    // Waiting for retry 4: it will begin after the moment, so its failure gives up.
    outlook = policy.outlook(66s);
    QCOMPARE(outlook.attempt, policy.attempt());
    QCOMPARE(policy.attempt(), 4);
    policy.attemptStarted(67s);
    QCOMPARE(policy.outlook(70s).attempt, 4);
    QVERIFY(policy.failed(77s).giveUp);

    // Retries left when the time has passed: the count decides, and it says which retry.
    ReconnectPolicy counted;
    counted.setLimits(5, 10s);
    counted.setLive(true, 0s);
    counted.failed(0s);
    counted.attemptStarted(30s); // retry 1, long after the give-up time
    outlook = counted.outlook(31s);
    QCOMPARE(outlook.kind, Kind::FromAttempt);
    QCOMPARE(outlook.attempt, 5);
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
    QCOMPARE(policy.outlook(10000s).kind, ReconnectPolicy::Outlook::Kind::Never);
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
    QCOMPARE(policy.outlook(310ms).left, 90ms);
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
    // 10,000 outages under the defaults (2 s to 6 s, 5 retries, 60 s), each
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
    // shows what the give-up time fixes, and that the simulation can fail at all: five
    // retries take 11 to 22 s, so a 20 s restart fails often and a 30 s one always.
    int failed20 = 0;
    int failed30 = 0;
    for (int run = 0; run < 10000; ++run) {
        ReconnectPolicy policy = defaultPolicy(quint32(run));
        policy.setLimits(Defaults::kMaxRetries, 0ms);
        failed20 += runOutage(policy, 20s, 0ms) ? 1 : 0;
        policy.reset();
        failed30 += runOutage(policy, 30s, 0ms) ? 1 : 0;
    }
    qInfo() << "first rule: a 20 s restart fails" << failed20 / 100.0 << "% of windows, a 30 s one"
            << failed30 / 100.0 << "%";
    QVERIFY(failed20 > 5000); // about 92 %
    QCOMPARE(failed30, 10000);
}

void tst_ReconnectPolicy::longOutagesStillEndInFailed()
{
    // A server gone for good: the window still gives up, never before 60 s, and not long after
    // (the capped delay is 6 s).
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

void tst_ReconnectPolicy::everyClientIsBackWithinSecondsOfItsServer()
{
    // The server is away 5 to 50 s; how long after its return does each client try again?
    // Attempts are refused at once while it is away, as when its process is restarted.
    const QList<qint64> back = returnTimes(Defaults::kReconnectMin, Defaults::kReconnectMax);
    QCOMPARE(back.size(), 10000); // none gave up: every outage was shorter than 60 s
    const qint64 median = percentile(back, 0.5);
    const qint64 worst = back.last();
    qInfo() << "10000 outages of 5-50 s, the defaults: back after the server's return in" << median
            << "ms (median)," << percentile(back, 0.9) << "(90 %)," << percentile(back, 0.99)
            << "(99 %)," << worst << "at worst";
    QVERIFY2(median <= 5000, qPrintable(QString::number(median)));
    QVERIFY2(worst <= Defaults::kReconnectMax.count(), qPrintable(QString::number(worst)));
    QVERIFY(Defaults::kReconnectMax <= 10s);

    // The same outages with the first releases' bounds (1 s to 30 s): the simulation can fail.
    const QList<qint64> old = returnTimes(1s, 30s);
    qInfo() << "the same with 1 s to 30 s:" << percentile(old, 0.5) << "ms (median)," << old.last()
            << "at worst";
    QVERIFY(old.last() > 10000);
}

void tst_ReconnectPolicy::aFleetDroppedAtOnceIsSpreadOut_data()
{
    QTest::addColumn<qint64>("outageMs");
    QTest::addRow("restarted at once") << qint64(200);
    QTest::addRow("back after 3 s") << qint64(3000);
    QTest::addRow("back after 12 s") << qint64(12000);
    QTest::addRow("back after 45 s") << qint64(45000);
}

void tst_ReconnectPolicy::aFleetDroppedAtOnceIsSpreadOut()
{
    // 200 clients dropped by one server at t = 0: every attempt they make until each is back,
    // the failed ones and the one that succeeds alike, is load on the server. At most 30 of
    // them (15 %) in any 100 ms, on each of 50 seeded fleets.
    QFETCH(qint64, outageMs);
    constexpr int kClients = 200;
    int worst = 0;
    for (int fleet = 0; fleet < 50; ++fleet) {
        QList<milliseconds> attempts;
        for (int client = 0; client < kClients; ++client) {
            ReconnectPolicy policy = defaultPolicy(quint32(fleet * kClients + client));
            playOutage(policy, milliseconds(outageMs), 0ms, &attempts);
        }
        worst = std::max(worst, mostInAnyWindow(attempts, 100ms));
    }
    qInfo() << kClients << "clients, server back after" << outageMs << "ms: at most" << worst
            << "attempts in any 100 ms over 50 fleets";
    QVERIFY2(worst <= kClients * 15 / 100, qPrintable(QString::number(worst)));
}

QTEST_GUILESS_MAIN(tst_ReconnectPolicy)
#include "tst_reconnectpolicy.moc"
