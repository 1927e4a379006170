// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"
#include "models/performance.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_Performance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curveIsCumulativeNetInCloseOrder();
    void daysAreLocalDays();
    void nothingIsNothing();
};

void tst_Performance::curveIsCumulativeNetInCloseOrder()
{
    // Given newest first, as the table sorts them; net = profit + swap + commission.
    const QList<ClosedTrade> trades = Fixtures::trades(R"([
        {"ticket":3,"profit":-50,"closeTime":1732600000000},
        {"ticket":1,"profit":100,"swap":-2,"commission":-3,"closeTime":1732500000000},
        {"ticket":2,"profit":20,"closeTime":1732550000000}])");
    const Performance p = Performance::of(trades, QTimeZone::utc());
    QCOMPARE(p.curve.size(), 3);
    QCOMPARE(p.curve.at(0).time, 1732500000000);
    QCOMPARE(p.curve.at(0).cumulative, 95.0);
    QCOMPARE(p.curve.at(1).cumulative, 115.0);
    QCOMPARE(p.curve.at(2).cumulative, 65.0);
    QCOMPARE(p.total, 65.0);
}

void tst_Performance::daysAreLocalDays()
{
    // 2024-11-25 15:00 and 17:00 UTC: one day in London, two in Shanghai (UTC+8).
    const QList<ClosedTrade> trades = Fixtures::trades(R"([
        {"ticket":1,"profit":10,"closeTime":1732546800000},
        {"ticket":2,"profit":-4,"closeTime":1732554000000},
        {"ticket":3,"profit":7,"closeTime":1732650000000}])");
    const Performance london = Performance::of(trades, QTimeZone("Europe/London"));
    QCOMPARE(london.days.size(), 2);
    QCOMPARE(london.days.at(0).date, QDate(2024, 11, 25));
    QCOMPARE(london.days.at(0).net, 6.0);
    QCOMPARE(london.days.at(0).trades, 2);
    QCOMPARE(london.days.at(1).date, QDate(2024, 11, 26));
    const Performance shanghai = Performance::of(trades, QTimeZone("Asia/Shanghai"));
    QCOMPARE(shanghai.days.size(), 3);
    QCOMPARE(shanghai.days.at(0).date, QDate(2024, 11, 25));
    QCOMPARE(shanghai.days.at(0).net, 10.0);
    QCOMPARE(shanghai.days.at(1).date, QDate(2024, 11, 26));
    QCOMPARE(shanghai.days.at(1).net, -4.0);
    QCOMPARE(shanghai.days.at(2).date, QDate(2024, 11, 27));
    QCOMPARE(shanghai.days.at(2).trades, 1);
}

void tst_Performance::nothingIsNothing()
{
    const Performance p = Performance::of({});
    QVERIFY(p.curve.isEmpty());
    QVERIFY(p.days.isEmpty());
    QCOMPARE(p.total, 0.0);
}

QTEST_GUILESS_MAIN(tst_Performance)
#include "tst_performance.moc"
