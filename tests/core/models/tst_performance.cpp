// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.h"
#include "models/performance.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Performance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curveIsCumulativeNetInCloseOrder();
    void daysAreLocalDays();
    void nothingIsNothing();
    void barsCoverEveryDayOfThePeriod_data();
    void barsCoverEveryDayOfThePeriod();
    void theCurvesDrawdownSpan();
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

namespace {

// Days from "2024-11-25:+10 2024-11-27:-4": a date, the day's net (one trade each).
QList<Performance::Day> daysFrom(const QString &text)
{
    QList<Performance::Day> days;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype colon = item.indexOf(u':');
        days.append(
            {QDate::fromString(item.left(colon), Qt::ISODate), item.mid(colon + 1).toDouble(), 1});
    }
    return days;
}

} // namespace

void tst_Performance::barsCoverEveryDayOfThePeriod_data()
{
    QTest::addColumn<QString>("days");
    QTest::addColumn<QDate>("first"); // the period's; invalid: open
    QTest::addColumn<QDate>("last");
    QTest::addColumn<Performance::Unit>("unit");
    // Each bar as "first..last=net/trades".
    QTest::addColumn<QString>("bars");
    QTest::addRow("empty days are zero")
        << u"2024-11-25:10 2024-11-27:-4"_s << QDate() << QDate() << Performance::Unit::Day
        << u"2024-11-25..2024-11-25=10/1 2024-11-26..2024-11-26=0/0 "
           "2024-11-27..2024-11-27=-4/1"_s;
    QTest::addRow("the whole period, before and after the trades")
        << u"2024-11-26:5"_s << QDate(2024, 11, 25) << QDate(2024, 11, 27) << Performance::Unit::Day
        << u"2024-11-25..2024-11-25=0/0 2024-11-26..2024-11-26=5/1 "
           "2024-11-27..2024-11-27=0/0"_s;
    QTest::addRow("a period without trades")
        << QString() << QDate(2024, 11, 25) << QDate(2024, 11, 26) << Performance::Unit::Day
        << u"2024-11-25..2024-11-25=0/0 2024-11-26..2024-11-26=0/0"_s;
    // 2024-11-25 is a Monday; the English (US) week starts on Sunday.
    QTest::addRow("by week over three months")
        << u"2024-09-02:1 2024-09-03:2 2024-11-30:-3"_s << QDate(2024, 9, 2) << QDate(2024, 11, 30)
        << Performance::Unit::Week
        << u"first 2024-09-02..2024-09-07=3/2 last 2024-11-24..2024-11-30=-3/1 count 13"_s;
    QTest::addRow("by month over three years")
        << u"2022-01-15:1 2024-12-31:2"_s << QDate() << QDate() << Performance::Unit::Month
        << u"first 2022-01-15..2022-01-31=1/1 last 2024-12-01..2024-12-31=2/1 count 36"_s;
}

void tst_Performance::barsCoverEveryDayOfThePeriod()
{
    QFETCH(QString, days);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(Performance::Unit, unit);
    QFETCH(QString, bars);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Performance p;
    p.days = daysFrom(days);
    p.firstDay = first;
    p.lastDay = last;
    QCOMPARE(p.unit(), unit);
    const QList<Performance::Bar> actual = p.bars();
    const auto text = [](const Performance::Bar &bar) {
        return u"%1..%2=%3/%4"_s
            .arg(bar.first.toString(Qt::ISODate), bar.last.toString(Qt::ISODate))
            .arg(bar.net)
            .arg(bar.trades);
    };
    if (bars.startsWith(u"first "_s)) {
        const QStringList parts = bars.split(u' ');
        QCOMPARE(text(actual.constFirst()), parts.at(1));
        QCOMPARE(text(actual.constLast()), parts.at(3));
        QCOMPARE(actual.size(), parts.at(5).toInt());
        // Every day once: the bars follow each other without a gap.
        for (qsizetype i = 1; i < actual.size(); ++i)
            QCOMPARE(actual.at(i).first, actual.at(i - 1).last.addDays(1));
        return;
    }
    QStringList shown;
    for (const Performance::Bar &bar : actual)
        shown.append(text(bar));
    QCOMPARE(shown.join(u' '), bars);
}

void tst_Performance::theCurvesDrawdownSpan()
{
    // 50, 20, 60, 50, -10: the fall from 60 (the third) to -10 (the fifth), 70; a curve that
    // only rises has none.
    QList<ClosedTrade> trades;
    const double nets[] = {50, -30, 40, -10, -60};
    for (int i = 0; i < 5; ++i) {
        trades.append(Fixtures::trade(R"({"symbol":"EURUSD"})",
                                      {{u"ticket"_s, i + 1},
                                       {u"closeTime"_s, qint64(1732500000000 + i * 60000)},
                                       {u"profit"_s, nets[i]}}));
    }
    const std::optional<Performance::Drawdown> fall = Performance::of(trades).drawdown();
    QVERIFY(fall);
    QCOMPARE(fall->amount, 70.0);
    QCOMPARE(fall->from, 1732500000000 + 2 * 60000);
    QCOMPARE(fall->to, 1732500000000 + 4 * 60000);
    QCOMPARE(Performance::of(trades).curve.at(2).ticket, 3);
    trades.resize(1);
    QVERIFY(!Performance::of(trades).drawdown());
}

QTEST_GUILESS_MAIN(tst_Performance)
#include "tst_performance.moc"
