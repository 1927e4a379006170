// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/resyncpolicy.h"

#include <QTest>

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using Cause = ResyncPolicy::Cause;

class tst_ResyncPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theFirstGoesAtOnce();
    void gapsAreAtMostOnePerInterval();
    void seqGoingBackNeverWaits();
    void unreadableDataIsAskedLessAndLessOften();
    void aMinuteOfReadableDataBringsThePaceBack();
    void aGapDoesNotWaitBehindTheUnreadablesBackoff();
    void aNewConnectionForgetsWhatWaits();
};

void tst_ResyncPolicy::theFirstGoesAtOnce()
{
    ResyncPolicy policy;
    QCOMPARE(policy.request(Cause::Unreadable, 1000ms), milliseconds(0));
    QCOMPARE(policy.due(1000ms), Cause::Unreadable);
    QVERIFY(!policy.isWaiting());
}

void tst_ResyncPolicy::gapsAreAtMostOnePerInterval()
{
    ResyncPolicy policy;
    QCOMPARE(policy.request(Cause::Gap, 0ms), milliseconds(0));
    QCOMPARE(policy.due(0ms), Cause::Gap);
    // A second gap a second later waits for the rest of the 5 s...
    QCOMPARE(policy.request(Cause::Gap, 1000ms), milliseconds(4000));
    // ...and those in between join it: one resync for all of them.
    for (int t = 1100; t < 5000; t += 100)
        QCOMPARE(policy.request(Cause::Gap, milliseconds(t)), std::nullopt);
    QVERIFY(policy.isWaiting());
    QCOMPARE(policy.due(5000ms), Cause::Gap);
    QVERIFY(!policy.isWaiting());
    // Gaps keep the minimum pace, however long they go on.
    QCOMPARE(policy.request(Cause::Gap, 5001ms), milliseconds(4999));
    QCOMPARE(policy.due(10000ms), Cause::Gap);
    QCOMPARE(policy.request(Cause::Gap, 10500ms), milliseconds(4500));
}

void tst_ResyncPolicy::seqGoingBackNeverWaits()
{
    // Nothing applies until the fresh Snapshot: it cannot wait for any interval.
    ResyncPolicy policy;
    QCOMPARE(policy.request(Cause::Gap, 0ms), milliseconds(0));
    policy.due(0ms);
    QCOMPARE(policy.request(Cause::Gap, 100ms), milliseconds(4900));
    QCOMPARE(policy.request(Cause::Restart, 200ms), milliseconds(0));
    QCOMPARE(policy.due(200ms), Cause::Restart); // the stronger cause, sooner
}

void tst_ResyncPolicy::unreadableDataIsAskedLessAndLessOften()
{
    // A feed that sends something unreadable every 100 ms: asked at once, then after 5, 10,
    // 20, 40 s, then once a minute.
    ResyncPolicy policy;
    QList<qint64> sent;
    milliseconds waitingUntil{-1};
    for (milliseconds t = 0ms; t <= 300'000ms; t += 100ms) {
        policy.unreadableSeen(t);
        if (policy.isWaiting() && t >= waitingUntil) {
            QCOMPARE(policy.due(t), Cause::Unreadable);
            sent.append(t.count());
        }
        if (const auto delay = policy.request(Cause::Unreadable, t)) {
            if (delay->count() == 0) {
                policy.due(t);
                sent.append(t.count());
            } else {
                waitingUntil = t + *delay;
            }
        }
    }
    const QList<qint64> expected{0, 5000, 15000, 35000, 75000, 135000, 195000, 255000};
    QCOMPARE(sent, expected);
    QCOMPARE(policy.interval(), ResyncPolicy::kMaxInterval);
}

void tst_ResyncPolicy::aMinuteOfReadableDataBringsThePaceBack()
{
    ResyncPolicy policy;
    milliseconds t = 0ms;
    for (int i = 0; i < 6; ++i) {
        policy.unreadableSeen(t);
        const auto delay = policy.request(Cause::Unreadable, t);
        QVERIFY(delay);
        t += *delay;
        policy.due(t);
    }
    QCOMPARE(policy.interval(), ResyncPolicy::kMaxInterval);
    // Nothing unreadable for a minute: the next spell starts at the minimum pace again.
    t += ResyncPolicy::kMaxInterval;
    policy.unreadableSeen(t);
    QCOMPARE(policy.interval(), ResyncPolicy::kMinInterval);
    QCOMPARE(policy.request(Cause::Unreadable, t), milliseconds(0));
}

void tst_ResyncPolicy::aGapDoesNotWaitBehindTheUnreadablesBackoff()
{
    ResyncPolicy policy;
    policy.setIntervals(1000ms, 8000ms);
    milliseconds t = 0ms;
    for (int i = 0; i < 4; ++i) {
        policy.unreadableSeen(t);
        const auto delay = policy.request(Cause::Unreadable, t);
        t += *delay;
        policy.due(t);
    }
    QCOMPARE(policy.interval(), 8000ms);
    // Unreadable data waits 8 s; a gap a second later goes at the minimum pace, sooner.
    QCOMPARE(policy.request(Cause::Unreadable, t + 100ms), milliseconds(7900));
    QCOMPARE(policy.request(Cause::Gap, t + 500ms), milliseconds(500));
    QCOMPARE(policy.due(t + 1000ms), Cause::Gap);
}

void tst_ResyncPolicy::aNewConnectionForgetsWhatWaits()
{
    ResyncPolicy policy;
    policy.request(Cause::Gap, 0ms);
    policy.due(0ms);
    QVERIFY(policy.request(Cause::Gap, 100ms));
    QVERIFY(policy.isWaiting());
    policy.reset();
    QVERIFY(!policy.isWaiting());
}

QTEST_APPLESS_MAIN(tst_ResyncPolicy)
#include "tst_resyncpolicy.moc"
