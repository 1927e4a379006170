// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tone.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "models/closedtradesmodel.h"
#include "models/positionsmodel.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

Position aPosition(qint64 ticket, const QString &symbol = u"EURUSD"_s, double price = 1.08452)
{
    return Fixtures::position(R"({"volume":0.3,"openTime":1732500000000})",
                              {{u"ticket"_s, ticket},
                               {u"symbol"_s, symbol},
                               {u"openPrice"_s, price},
                               {u"price"_s, price}});
}

} // namespace

class tst_PositionsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester();
    void rowsFollowTheBookRangeByRange();
    void ticksAreCoalescedPerRunOfRows();
    void aScatteredBurstIsOneSignal();
    void theTimerFlushesWithin100ms();
    void displayAtTheInstrumentsPrecision_data();
    void displayAtTheInstrumentsPrecision();
    void sortRoleAndToneAndSignal();
    void severalAccountsAreOneTable();
    void oneAccountsSnapshotLeavesTheOthersRows();
    void timeHeadersNameTheZone_data();
    void timeHeadersNameTheZone();
};

void tst_PositionsModel::passesTheModelTester()
{
    PositionBook book;
    PositionsModel model(&book);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    book.apply(Fixtures::snapshot(1, {aPosition(1), aPosition(2), aPosition(3)}));
    Position p = aPosition(2);
    p.price = 1.1;
    book.applyPositions({p, aPosition(4)});
    ClosedTrade t;
    t.position = aPosition(1);
    t.closeTime = p.openTime;
    book.applyClosed({t});
    model.flush();
    book.applySnapshot({aPosition(9)});
    QCOMPARE(model.rowCount(), 1);
}

void tst_PositionsModel::rowsFollowTheBookRangeByRange()
{
    PositionBook book;
    PositionsModel model(&book);
    book.apply(Fixtures::snapshot(1, {aPosition(1), aPosition(2)}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    book.applyPositions({aPosition(3), aPosition(4)});
    QCOMPARE(inserted.count(), 1); // one range
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    ClosedTrade t;
    t.position = aPosition(2);
    t.closeTime = t.position.openTime;
    book.applyClosed({t});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(resets.count(), 0); // only a snapshot resets
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, PositionsModel::TicketColumn).data().toString(), u"3"_s);

    book.applySnapshot({aPosition(7)});
    QCOMPARE(resets.count(), 1);

    // More rows than a few ranges can say: one reset.
    QList<Position> many;
    for (int i = 0; i <= PositionBook::kMaxRowChanges; ++i)
        many.append(aPosition(100 + i));
    book.applyPositions(many);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), PositionBook::kMaxRowChanges + 2);
    QCOMPARE(model.index(0, PositionsModel::TicketColumn).data().toString(), u"7"_s);
}

void tst_PositionsModel::ticksAreCoalescedPerRunOfRows()
{
    PositionBook book;
    PositionsModel model(&book);
    QList<Position> positions;
    for (int i = 0; i < 10; ++i)
        positions.append(aPosition(100 + i));
    book.apply(Fixtures::snapshot(1, positions));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Rows 1, 2, 3 tick three times each, row 7 once: two runs.
    for (int round = 0; round < 3; ++round) {
        for (const int row : {1, 2, 3}) {
            Position p = book.at(row);
            p.price += 0.0001;
            p.profit += 1.0;
            book.applyPositions({p});
        }
    }
    Position p7 = book.at(7);
    p7.price += 0.0002;
    book.applyPositions({p7});
    QCOMPARE(changed.count(), 0); // nothing until the flush
    model.flush();
    QCOMPARE(changed.count(), 2);
    const auto topLeft = [&](int i) { return changed.at(i).at(0).value<QModelIndex>(); };
    const auto bottomRight = [&](int i) { return changed.at(i).at(1).value<QModelIndex>(); };
    QCOMPARE(topLeft(0).row(), 1);
    QCOMPARE(bottomRight(0).row(), 3);
    // Price and profit changed: the span is Price..Profit, not the whole row.
    QCOMPARE(topLeft(0).column(), int(PositionsModel::PriceColumn));
    QCOMPARE(bottomRight(0).column(), int(PositionsModel::ProfitColumn));
    QCOMPARE(topLeft(1).row(), 7);
    QCOMPARE(bottomRight(1).row(), 7);
    QCOMPARE(topLeft(1).column(), int(PositionsModel::PriceColumn));
    QCOMPARE(bottomRight(1).column(), int(PositionsModel::PriceColumn));
    // The view reads the new values.
    QCOMPARE(model.index(7, PositionsModel::PriceColumn).data(PositionsModel::SortRole).toDouble(),
             p7.price);
    model.flush();
    QCOMPARE(changed.count(), 2); // nothing left to say
}

void tst_PositionsModel::aScatteredBurstIsOneSignal()
{
    PositionBook book;
    PositionsModel model(&book);
    QList<Position> positions;
    for (int i = 0; i < 200; ++i)
        positions.append(aPosition(100 + i));
    book.apply(Fixtures::snapshot(1, positions));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Every third row ticks: 50 runs, more than a sorting proxy should see one by one.
    for (int row = 10; row < 160; row += 3) {
        Position p = book.at(row);
        p.price += 0.001;
        book.applyPositions({p});
    }
    model.flush();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 10);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 157);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(), int(PositionsModel::PriceColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), int(PositionsModel::PriceColumn));
}

void tst_PositionsModel::theTimerFlushesWithin100ms()
{
    PositionBook book;
    PositionsModel model(&book);
    model.setFlushInterval(1s); // clamped to the 100 ms promise
    book.apply(Fixtures::snapshot(1, {aPosition(1)}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Position p = book.at(0);
    p.price = 1.2;
    book.applyPositions({p});
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 1000);
}

void tst_PositionsModel::displayAtTheInstrumentsPrecision_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<double>("price");
    QTest::addColumn<QString>("shown");
    QTest::addRow("EURUSD 5") << u"EURUSD"_s << 1.0845 << u"1.08450"_s;
    QTest::addRow("USDJPY 3") << u"USDJPY"_s << 151.4 << u"151.400"_s;
    QTest::addRow("XAUUSD 2") << u"XAUUSD"_s << 2345.6 << u"2,345.60"_s;
    QTest::addRow("US30 1") << u"US30"_s << 39150.0 << u"39,150.0"_s;
    QTest::addRow("unknown learns") << u"ETHUSD"_s << 3120.125 << u"3,120.125"_s;
}

void tst_PositionsModel::displayAtTheInstrumentsPrecision()
{
    QFETCH(QString, symbol);
    QFETCH(double, price);
    QFETCH(QString, shown);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    PositionBook book;
    PositionsModel model(&book);
    book.apply(Fixtures::snapshot(1, {aPosition(1, symbol, price)}));
    QCOMPARE(model.index(0, PositionsModel::PriceColumn).data().toString(), shown);
    QCOMPARE(model.index(0, PositionsModel::OpenPriceColumn).data().toString(), shown);
    // No stop set: an empty cell, not 0.00000.
    QCOMPARE(model.index(0, PositionsModel::StopLossColumn).data().toString(), QString());
}

void tst_PositionsModel::severalAccountsAreOneTable()
{
    PositionBook main;
    PositionBook prop;
    PositionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFlushInterval(0ms);
    model.addBook(&main, u"Main"_s);
    main.apply(Fixtures::snapshot(1, {aPosition(7), aPosition(8)}));
    model.addBook(&prop, u"Prop"_s);
    // The same ticket at another account is another position.
    prop.apply(Fixtures::snapshot(1, {aPosition(7, u"XAUUSD"_s, 2650.5)}));

    QCOMPARE(model.rowCount(), 3);
    const auto cell = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(cell(0, PositionsModel::AccountColumn), u"Main"_s);
    QCOMPARE(cell(1, PositionsModel::AccountColumn), u"Main"_s);
    QCOMPARE(cell(2, PositionsModel::AccountColumn), u"Prop"_s);
    QCOMPARE(cell(2, PositionsModel::TicketColumn), u"7"_s);
    QCOMPARE(cell(2, PositionsModel::SymbolColumn), u"XAUUSD"_s);
    QCOMPARE(model.accountAt(2), 1);
    QCOMPARE(model.index(2, 0).data(PositionsModel::AccountRole).toInt(), 1);
    QVERIFY(model.index(0, 0).data(PositionsModel::KeyRole) !=
            model.index(2, 0).data(PositionsModel::KeyRole));
    QCOMPARE(model.headerData(PositionsModel::AccountColumn, Qt::Horizontal).toString(),
             u"Account"_s);

    // A tick at the second account is its row, not the first account's ticket 7.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Position gold = prop.at(0);
    gold.price = 2651.25;
    prop.applyPositions({gold});
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(cell(2, PositionsModel::PriceColumn), u"2,651.25"_s);
    QCOMPARE(cell(0, PositionsModel::PriceColumn), u"1.08452"_s);

    // A position opens at the first account: it comes among the first account's rows.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    main.applyPositions({aPosition(9)});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(cell(2, PositionsModel::TicketColumn), u"9"_s);
    QCOMPARE(cell(2, PositionsModel::AccountColumn), u"Main"_s);
    QCOMPARE(cell(3, PositionsModel::AccountColumn), u"Prop"_s);

    // A renamed account is said at once.
    model.setAccountName(1, u"Prop firm"_s);
    QCOMPARE(cell(3, PositionsModel::AccountColumn), u"Prop firm"_s);
}

void tst_PositionsModel::oneAccountsSnapshotLeavesTheOthersRows()
{
    PositionBook main;
    PositionBook prop;
    PositionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addBook(&main, u"Main"_s);
    model.addBook(&prop, u"Prop"_s);
    main.apply(Fixtures::snapshot(1, {aPosition(1), aPosition(2)}));
    prop.apply(Fixtures::snapshot(1, {aPosition(3), aPosition(4)}));
    QPersistentModelIndex propRow = model.index(3, PositionsModel::TicketColumn);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    // The first account reconnects: its snapshot replaces its two rows with three.
    main.applySnapshot({aPosition(5), aPosition(6), aPosition(2)});
    QCOMPARE(resets.count(), 0); // the other account's rows are not renewed
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(propRow.isValid()); // a selection at the other account stays where it was
    QCOMPARE(propRow.row(), 4);
    QCOMPARE(propRow.data().toString(), u"4"_s);

    // An account whose snapshot is empty leaves nothing of its own.
    prop.applySnapshot({});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.accountAt(2), 0);
    QVERIFY(!propRow.isValid());
}

void tst_PositionsModel::sortRoleAndToneAndSignal()
{
    PositionBook book;
    PositionsModel model(&book);
    Position gain = aPosition(1);
    gain.profit = 12.5;
    gain.flwsig = true;
    gain.sigtraderid = 88002;
    gain.signame = u"Gold Scalper Pro"_s;
    Position loss = aPosition(2);
    loss.profit = -3;
    loss.flwsig = true;
    loss.sigtraderid = 88009; // no name: the id shows
    Position flat = aPosition(3);
    book.apply(Fixtures::snapshot(1, {gain, loss, flat}));
    QCOMPARE(
        model.index(0, PositionsModel::ProfitColumn).data(PositionsModel::ToneRole).value<Tone>(),
        Tone::Gain);
    QCOMPARE(
        model.index(1, PositionsModel::ProfitColumn).data(PositionsModel::ToneRole).value<Tone>(),
        Tone::Loss);
    QCOMPARE(
        model.index(2, PositionsModel::ProfitColumn).data(PositionsModel::ToneRole).value<Tone>(),
        Tone::Flat);
    QCOMPARE(model.index(1, PositionsModel::ProfitColumn).data(PositionsModel::SortRole).toDouble(),
             -3.0);
    QCOMPARE(model.index(0, PositionsModel::SignalColumn).data().toString(), u"Gold Scalper Pro"_s);
    QCOMPARE(model.index(1, PositionsModel::SignalColumn).data().toString(), u"#88009"_s);
    QCOMPARE(model.index(2, PositionsModel::SignalColumn).data().toString(), QString());
    QCOMPARE(model.index(0, PositionsModel::TypeColumn).data().toString(), u"Buy"_s);
    QCOMPARE(model.headerData(PositionsModel::ProfitColumn, Qt::Horizontal).toString(),
             u"Profit"_s);
}

void tst_PositionsModel::timeHeadersNameTheZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("offset");
    QTest::addRow("Shanghai") << QByteArray("Asia/Shanghai") << u"CST"_s << u"UTC+08:00"_s;
    QTest::addRow("UTC") << QByteArray("UTC") << u"UTC"_s << u"UTC+00:00"_s;
    QTest::addRow("Kolkata") << QByteArray("Asia/Kolkata") << u"IST"_s << u"UTC+05:30"_s;
}

void tst_PositionsModel::timeHeadersNameTheZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, name);
    QFETCH(QString, offset);
    // The process's own zone, as a trader's machine has it (TZ on Linux).
    const QByteArray saved = qgetenv("TZ");
    qputenv("TZ", zone);
    tzset();
    const auto restore = qScopeGuard([&saved] {
        saved.isNull() ? qunsetenv("TZ") : qputenv("TZ", saved);
        tzset();
    });
    PositionBook book;
    PositionsModel positions(&book);
    QCOMPARE(positions.headerData(PositionsModel::OpenTimeColumn, Qt::Horizontal).toString(),
             u"Open time (%1)"_s.arg(name));
    const QString tip =
        positions.headerData(PositionsModel::OpenTimeColumn, Qt::Horizontal, Qt::ToolTipRole)
            .toString();
    QVERIFY2(tip.startsWith(u"Local time: "_s) && tip.endsWith(offset), qPrintable(tip));
    QCOMPARE(positions.headerData(PositionsModel::PriceColumn, Qt::Horizontal).toString(),
             u"Price"_s);
    ClosedTradesModel closed;
    for (const int column : {ClosedTradesModel::OpenTimeColumn, ClosedTradesModel::CloseTimeColumn})
        QVERIFY(
            closed.headerData(column, Qt::Horizontal).toString().endsWith(u" (%1)"_s.arg(name)));
}

QTEST_GUILESS_MAIN(tst_PositionsModel)
#include "tst_positionsmodel.moc"
