// SPDX-License-Identifier: GPL-3.0-or-later
// The charts under Closed Trades say what is there: the equity, the profit per day and the drawdown
// of the trades shown.
#include "aboutdialog.h"
#include "accountbar.h"
#include "alerts/alerts.h"
#include "closedtradespage.h"
#include "columnfit.h"
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "connectionlogwindow.h"
#include "domain/tradetext.h"
#include "elidedlabel.h"
#include "failingstore.h"
#include "fakenotifier.h"
#include "feed/connectionlog.h"
#include "feed/feedsession.h"
#include "feed/feedsource.h"
#include "feed/positionbook.h"
#include "feedbanner.h"
#include "feedstatusbar.h"
#include "filterbar.h"
#include "fixtures.h"
#include "history/closedtradestore.h"
#include "history/tradehistory.h"
#include "i18n/translations.h"
#include "mainwindow.h"
#include "models/positionsfiltermodel.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"
#include "models/traderstatisticsmodel.h"
#include "net/socketmanager.h"
#include "opentradespage.h"
#include "performancecharts.h"
#include "protocol/feedprofile.h"
#include "rowcopy.h"
#include "session/accountsession.h"
#include "settingsdialog.h"
#include "simulator/feedsimulator.h"
#include "testfeedserver.h"
#include "windowtest.h"

#include <QAbstractBarSeries>
#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = SocketManager::State;
using Mode = PositionsFilterModel::Mode;

class tst_PerformanceCharts : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void theChartsSayWhatIsThere();
};

void tst_PerformanceCharts::theChartsSayWhatIsThere()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    PerformanceCharts charts;
    charts.resize(500, 500);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    // Nothing: words, not axes of nothing.
    QVERIFY(charts.isEmptyShown());
    QVERIFY(named<QChartView>(&charts, u"equity"_s)->chart()->series().isEmpty());

    // Five trades over December and January: 50, -30, 40, -10, -60.
    const qint64 start = QDateTime(QDate(2024, 12, 28), QTime(10, 0)).toMSecsSinceEpoch();
    QList<ClosedTrade> trades;
    const double nets[] = {50, -30, 40, -10, -60};
    for (int i = 0; i < 5; ++i)
        trades.append(Fixtures::trade(R"({"symbol":"EURUSD"})",
                                      {{u"ticket"_s, 100 + i},
                                       {u"closeTime"_s, start + qint64(i) * 86'400'000},
                                       {u"profit"_s, nets[i]}}));
    charts.setTrades(trades);
    QVERIFY(!charts.isEmptyShown());
    // Across a year the dates carry it; within one they do not; within a day, the hours.
    const auto *time = qobject_cast<QDateTimeAxis *>(
        named<QChartView>(&charts, u"equity"_s)->chart()->axes(Qt::Horizontal).value(0));
    QVERIFY(time);
    QVERIFY2(time->format().contains(u"yy"_s), qPrintable(time->format()));
    QVERIFY(time->tickCount() <= 5);
    const qint64 november = QDateTime(QDate(2024, 11, 1), QTime(10, 0)).toMSecsSinceEpoch();
    QVERIFY(!PerformanceCharts::axisFormat(november, november + 10 * 86'400'000).contains(u'y'));
    QCOMPARE(PerformanceCharts::axisFormat(start, start + 3'600'000),
             QLocale().timeFormat(QLocale::ShortFormat));
    // The fall from the third trade's 60 to the fifth's -10, shaded.
    const std::optional<Performance::Drawdown> fall = charts.drawdown();
    QVERIFY(fall);
    QCOMPARE(fall->amount, 70.0);
    const auto *shade = qobject_cast<QAreaSeries *>(
        named<QChartView>(&charts, u"equity"_s)->chart()->series().value(0));
    QVERIFY(shade);
    QCOMPARE(qint64(shade->upperSeries()->at(0).x()), start + 2 * 86'400'000);
    QCOMPARE(qint64(shade->upperSeries()->at(1).x()), start + 4 * 86'400'000);
    QVERIFY(named<QChartView>(&charts, u"equity"_s)->chart()->title().contains(u"70.00"_s));
    // Two trades closed at one moment: one step of the curve, not a spike through a level the
    // balance never had.
    {
        QList<ClosedTrade> basket = trades;
        basket[1].closeTime = basket[0].closeTime;
        PerformanceCharts one;
        one.setTrades(basket);
        const auto *line = qobject_cast<QLineSeries *>(
            named<QChartView>(&one, u"equity"_s)->chart()->series().constLast());
        QVERIFY(line);
        QCOMPARE(line->count(), 4);
        QCOMPARE(line->at(0).y(), 20.0);
    }
    // Pointing at the curve names the trade.
    const QString tip = charts.curveToolTip(start + 86'400'000 + 1000);
    QVERIFY2(tip.contains(u"ticket 101"_s) && tip.contains(u"-30.00"_s) &&
                 tip.contains(u"+20.00"_s),
             qPrintable(tip));
    // A bar per day, every label different.
    QCOMPARE(charts.performance().bars().size(), 5);
    QStringList labels = charts.barLabels();
    labels.removeAll(QString());
    QVERIFY(!labels.isEmpty());
    QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size());

    // The exact drawdown, when the statistics give it, takes the curve's place.
    charts.setDrawdown(Performance::Drawdown{80.0, start, start + 4 * 86'400'000});
    QVERIFY(named<QChartView>(&charts, u"equity"_s)->chart()->title().contains(u"80.00"_s));
    charts.setTrades({});
    QVERIFY(charts.isEmptyShown());
    QVERIFY(!charts.drawdown());
}

QTEST_MAIN(tst_PerformanceCharts)
#include "tst_performancecharts.moc"
