// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed/positionbook.h"
#include "fixtures.h"
#include "testclocks.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Type = FeedMessage::Type;

namespace {

// Half a lot of EURUSD bought at 1.1; its profit follows the price.
constexpr char kPosition[] = R"({"symbol":"EURUSD","volume":0.5,"openPrice":1.1,
    "openTime":1732500000000})";

Position aPosition(qint64 ticket, double price = 1.1, bool following = false)
{
    return Fixtures::position(kPosition, {{u"ticket"_s, ticket},
                                          {u"price"_s, price},
                                          {u"profit"_s, (price - 1.1) * 50000},
                                          {u"flwsig"_s, following},
                                          {u"sigtraderid"_s, following ? 88001 : 0}});
}

ClosedTrade closeOf(const Position &p, ClosedTrade::Reason reason = ClosedTrade::Reason::Manual)
{
    ClosedTrade t;
    t.position = p;
    t.closePrice = p.price;
    t.closeTime = 1732590000000;
    t.reason = reason;
    return t;
}

FeedMessage withUnreadable(FeedMessage message, const QList<FeedMessage::UnreadableRow> &rows)
{
    message.unreadable = rows;
    return message;
}

QList<qint64> tickets(const PositionBook &book)
{
    QList<qint64> list;
    for (const Position &p : book.positions())
        list.append(p.ticket);
    return list;
}

} // namespace

class tst_PositionBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotReplacesEverything();
    void positionsUpsertByTicket();
    void unchangedUpdateSaysNothing();
    void closedRemovesAndGoesToHistory();
    void closedNeverSeenOpenIsRecordedAllTheSame();
    void reconnectWithAPositionThatClosedDuringTheOutage();
    void historyRemovesStaleOpenPositions();
    void seqGapAsksForOneResync();
    void staleAndEarlyMessagesAreIgnored();
    void rowIndexStaysRightAfterRemovals();
    void seqGoingBackAsksForOneResyncAndWaits();
    void clearEmptiesWithoutRecordingCloses();
    void accountFiguresFollowTheSequence();

    // what cannot be read
    void anUnreadableMessageTakesItsPlaceInTheSequence();
    void aRowItCannotReadKeepsItsLastGoodVersion_data();
    void aRowItCannotReadKeepsItsLastGoodVersion();
    void aListWithARowWithoutATicketClosesNothing_data();
    void aListWithARowWithoutATicketClosesNothing();
    void anUnreadableRowOfAPositionNotHeldShowsNothing();
    void anAccountItCannotReadKeepsTheLastFigures();

    // one step
    void manyRowsAreOneResetAndFewAreRanges();
};

void tst_PositionBook::snapshotReplacesEverything()
{
    PositionBook book;
    QSignalSpy reset(&book, &PositionBook::positionsReset);
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1,
                                 {aPosition(1), aPosition(2), aPosition(3)}));
    QCOMPARE(tickets(book), QList<qint64>({1, 2, 3}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(closed.count(), 0); // nothing was open before
    QCOMPARE(book.rowOf(2), 1);
    QCOMPARE(book.rowOf(99), -1);
    QCOMPARE(book.lastSeq(), 1);
}

void tst_PositionBook::positionsUpsertByTicket()
{
    PositionBook book;
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1), aPosition(2)}));
    QSignalSpy inserted(&book, &PositionBook::positionsInserted);
    QSignalSpy updated(&book, &PositionBook::positionUpdated);
    book.apply(
        Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(2, 1.2), aPosition(3)}));
    QCOMPARE(tickets(book), QList<qint64>({1, 2, 3}));
    QCOMPARE(book.at(1).price, 1.2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toInt(), 2);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(updated.at(0).at(0).toInt(), 1);
    const quint32 fields = updated.at(0).at(1).toUInt();
    QCOMPARE(fields, quint32(Position::PriceField | Position::ProfitField));
}

void tst_PositionBook::unchangedUpdateSaysNothing()
{
    PositionBook book;
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1)}));
    QSignalSpy updated(&book, &PositionBook::positionUpdated);
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(1)}));
    QCOMPARE(updated.count(), 0);
}

void tst_PositionBook::closedRemovesAndGoesToHistory()
{
    PositionBook book;
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1,
                                 {aPosition(1), aPosition(2), aPosition(3)}));
    QSignalSpy removed(&book, &PositionBook::positionsRemoved);
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    book.apply(Fixtures::message(FeedMessage::Type::Closed, 2, {}, {closeOf(aPosition(2, 1.15))}));
    QCOMPARE(tickets(book), QList<qint64>({1, 3}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toInt(), 1);
    QCOMPARE(closed.count(), 1);
    const auto trades = closed.at(0).at(0).value<QList<ClosedTrade>>();
    QCOMPARE(trades.size(), 1);
    QCOMPARE(trades.at(0).position.ticket, 2);
    QCOMPARE(trades.at(0).reason, ClosedTrade::Reason::Manual);
}

void tst_PositionBook::closedNeverSeenOpenIsRecordedAllTheSame()
{
    PositionBook book;
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1)}));
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    QSignalSpy removed(&book, &PositionBook::positionsRemoved);
    book.apply(Fixtures::message(FeedMessage::Type::Closed, 2, {},
                                 {closeOf(aPosition(77), ClosedTrade::Reason::TakeProfit)}));
    QCOMPARE(removed.count(), 0);
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).value<QList<ClosedTrade>>().at(0).position.ticket, 77);
    QCOMPARE(tickets(book), QList<qint64>({1}));
}

void tst_PositionBook::reconnectWithAPositionThatClosedDuringTheOutage()
{
    FixedClock clock;
    PositionBook book;
    book.setClock(&clock);
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1,
                                 {aPosition(1), aPosition(2, 1.13), aPosition(3)}));
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(2, 1.14)}));

    // The connection drops; ticket 2 closes and 4 opens while we are away.
    book.expectSnapshot();
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1,
                                 {aPosition(1), aPosition(3), aPosition(4)}));
    QCOMPARE(tickets(book), QList<qint64>({1, 3, 4}));
    QCOMPARE(closed.count(), 1);
    const auto vanished = closed.at(0).at(0).value<QList<ClosedTrade>>();
    QCOMPARE(vanished.size(), 1);
    const ClosedTrade &t = vanished.at(0);
    QCOMPARE(t.position.ticket, 2);
    QCOMPARE(t.reason, ClosedTrade::Reason::Unknown); // provisional, until History says more
    QCOMPARE(t.closePrice, 1.14);                     // the last price we knew
    QCOMPARE(t.closeTime, clock.now);
    QCOMPARE(t.position.symbol, u"EURUSD"_s);
}

void tst_PositionBook::historyRemovesStaleOpenPositions()
{
    PositionBook book;
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1), aPosition(2)}));
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    book.apply(Fixtures::message(FeedMessage::Type::History, 2, {},
                                 {closeOf(aPosition(2)), closeOf(aPosition(50))}));
    QCOMPARE(tickets(book), QList<qint64>({1}));
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).value<QList<ClosedTrade>>().size(), 2);
}

void tst_PositionBook::seqGapAsksForOneResync()
{
    PositionBook book;
    QSignalSpy resync(&book, &PositionBook::resyncNeeded);
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1)}));
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(1, 1.2)}));
    QCOMPARE(resync.count(), 0);
    // 3 and 4 were lost.
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 5, {aPosition(1, 1.3)}));
    QCOMPARE(resync.count(), 1);
    QCOMPARE(book.at(0).price, 1.3); // a whole position is still right to apply
    // More gaps before the fresh snapshot: no storm of subscriptions.
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 9, {aPosition(2)}));
    QCOMPARE(resync.count(), 1);
    // The fresh snapshot reconciles, and a later gap asks again.
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1), aPosition(2)}));
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 3, {aPosition(1)}));
    QCOMPARE(resync.count(), 2);
}

void tst_PositionBook::staleAndEarlyMessagesAreIgnored()
{
    PositionBook book;
    QSignalSpy resync(&book, &PositionBook::resyncNeeded);
    // Before any snapshot of this connection: ignored, the Snapshot is coming.
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 4, {aPosition(1)}));
    QCOMPARE(book.count(), 0);
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1)}));
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(1, 1.5)}));
    // A repeat of seq 2 (or older) changes nothing.
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(1, 1.9)}));
    QCOMPARE(book.at(0).price, 1.5);
    QCOMPARE(resync.count(), 0);
}

void tst_PositionBook::rowIndexStaysRightAfterRemovals()
{
    PositionBook book;
    QList<Position> many;
    for (int i = 1; i <= 50; ++i)
        many.append(aPosition(i));
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, many));
    QList<ClosedTrade> trades;
    for (int i = 1; i <= 50; i += 3)
        trades.append(closeOf(aPosition(i)));
    book.apply(Fixtures::message(FeedMessage::Type::Closed, 2, {}, trades));
    for (int row = 0; row < book.count(); ++row)
        QCOMPARE(book.rowOf(book.at(row).ticket), row);
    QCOMPARE(book.count(), 50 - 17);
}

void tst_PositionBook::seqGoingBackAsksForOneResyncAndWaits()
{
    PositionBook book;
    QSignalSpy resync(&book, &PositionBook::resyncNeeded);
    // Whoever hears of it knows that nothing applies until the Snapshot: it cannot wait.
    bool blindWhenAsked = false;
    connect(&book, &PositionBook::resyncNeeded, this,
            [&] { blindWhenAsked = book.isAwaitingSnapshot(); });
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1)}));
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(1, 1.2)}));
    book.apply(Fixtures::message(FeedMessage::Type::Positions, 3, {aPosition(1, 1.3)}));
    // The server counts from 1 again: nothing after it can be placed.
    QVERIFY(!book.apply(Fixtures::message(FeedMessage::Type::Positions, 1, {aPosition(1, 9.9)})));
    QVERIFY(!book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(2)})));
    QVERIFY(!book.apply(Fixtures::message(FeedMessage::Type::Positions, 4, {aPosition(3)})));
    QCOMPARE(resync.count(), 1);
    QVERIFY(resync.at(0).at(0).toString().contains(u"went back from 3 to 1"_s));
    QVERIFY(blindWhenAsked);
    QCOMPARE(tickets(book), QList<qint64>{1});
    QCOMPARE(book.at(0).price, 1.3);
    // The fresh Snapshot is applied, and the count goes on from it.
    QVERIFY(book.apply(
        Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1, 1.4), aPosition(2)})));
    QVERIFY(book.apply(Fixtures::message(FeedMessage::Type::Positions, 2, {aPosition(3)})));
    QCOMPARE(tickets(book), (QList<qint64>{1, 2, 3}));
}

void tst_PositionBook::clearEmptiesWithoutRecordingCloses()
{
    PositionBook book;
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    QSignalSpy resets(&book, &PositionBook::positionsReset);
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(1), aPosition(2)}));
    book.clear();
    QCOMPARE(book.count(), 0);
    QCOMPARE(resets.count(), 2);
    QCOMPARE(closed.count(), 0);
    // Another account's Snapshot then finds nothing to call vanished.
    book.apply(Fixtures::message(FeedMessage::Type::Snapshot, 1, {aPosition(7)}));
    QCOMPARE(closed.count(), 0);
    QCOMPARE(tickets(book), QList<qint64>{7});
    // And data before that Snapshot waits for it.
    book.clear();
    QVERIFY(!book.apply(Fixtures::message(FeedMessage::Type::Positions, 5, {aPosition(8)})));
    QCOMPARE(book.count(), 0);
}

QTEST_GUILESS_MAIN(tst_PositionBook)
#include "tst_positionbook.moc"

void tst_PositionBook::accountFiguresFollowTheSequence()
{
    PositionBook book;
    QSignalSpy changed(&book, &PositionBook::figuresChanged);
    QVERIFY(!book.figures());
    // Before the Snapshot, an Account is ignored like any data.
    QVERIFY(!book.apply(Fixtures::account(3, R"({"balance":1000,"equity":990})")));
    QVERIFY(!book.figures());

    QVERIFY(book.apply(Fixtures::snapshot(1, {aPosition(1)})));
    QVERIFY(book.apply(Fixtures::account(2, R"({"balance":1000,"equity":990})")));
    QCOMPARE(book.figures()->equity, 990.0);
    QVERIFY(book.areFiguresCurrent());
    QCOMPARE(changed.count(), 1);
    // The same figures again change nothing; a repeated seq is ignored.
    QVERIFY(book.apply(Fixtures::account(3, R"({"balance":1000,"equity":990})")));
    QVERIFY(!book.apply(Fixtures::account(3, R"({"balance":1000,"equity":500})")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(book.figures()->equity, 990.0);

    // A new connection: the figures stay, but are not current until it sends its own.
    book.expectSnapshot();
    QCOMPARE(changed.count(), 2);
    QVERIFY(book.figures());
    QVERIFY(!book.areFiguresCurrent());
    QVERIFY(book.apply(Fixtures::snapshot(1, {aPosition(1)})));
    QVERIFY(!book.areFiguresCurrent());
    QVERIFY(book.apply(Fixtures::account(2, R"({"balance":1000,"equity":1010})")));
    QVERIFY(book.areFiguresCurrent());
    QCOMPARE(book.figures()->equity, 1010.0);

    // Another account: no figures at all.
    book.clear();
    QVERIFY(!book.figures());
    QVERIFY(!book.areFiguresCurrent());
}

void tst_PositionBook::anUnreadableMessageTakesItsPlaceInTheSequence()
{
    PositionBook book;
    QSignalSpy resync(&book, &PositionBook::resyncNeeded);
    QVERIFY(book.apply(Fixtures::snapshot(1, {aPosition(1)})));
    // Seq 2 could not be read: it is no gap for seq 3.
    QVERIFY(book.applyUnreadable(Type::Positions, 2, u"Positions.data: not a list"_s));
    QVERIFY(book.apply(Fixtures::message(Type::Positions, 3, {aPosition(1, 1.2)})));
    QCOMPARE(resync.count(), 0);
    QCOMPARE(book.at(0).price, 1.2);
    // A readable message with the seq of an unreadable one takes its place; once.
    QVERIFY(book.applyUnreadable(std::nullopt, 4, u"unknown message type"_s));
    QVERIFY(book.apply(Fixtures::message(Type::Positions, 4, {aPosition(1, 1.3)})));
    QCOMPARE(book.at(0).price, 1.3);
    QVERIFY(!book.apply(Fixtures::message(Type::Positions, 4, {aPosition(1, 1.4)})));
    QCOMPARE(book.at(0).price, 1.3);
    // An unreadable one still counts for gaps and repeats like any other.
    QVERIFY(!book.applyUnreadable(Type::Positions, 4, u"again"_s));
    QVERIFY(book.applyUnreadable(Type::Positions, 6, u"after a gap"_s));
    QCOMPARE(resync.count(), 1);
    QVERIFY(resync.at(0).at(0).toString().contains(u"from 4 to 6"_s));
}

void tst_PositionBook::aRowItCannotReadKeepsItsLastGoodVersion_data()
{
    QTest::addColumn<Type>("type");
    QTest::addRow("Snapshot") << Type::Snapshot;
    QTest::addRow("Positions") << Type::Positions;
    QTest::addRow("seed list") << Type::List;
}

void tst_PositionBook::aRowItCannotReadKeepsItsLastGoodVersion()
{
    // Ticket 2's row says "profit": null: the position is not closed, not announced, and
    // shows its last good version, marked, until a readable one comes.
    QFETCH(Type, type);
    PositionBook book;
    book.apply(Fixtures::snapshot(1, {aPosition(1), aPosition(2, 1.12), aPosition(3)}));
    book.apply(Fixtures::message(Type::Positions, 2, {aPosition(1)})); // live from here on
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    QSignalSpy liveClosed(&book, &PositionBook::liveClosed);
    QSignalSpy liveOpened(&book, &PositionBook::liveOpened);
    QSignalSpy updated(&book, &PositionBook::positionUpdated);
    const QString reason = u"Positions.data[1].profit: must be a number, not null"_s;
    const QList<Position> readable{aPosition(1, 1.15), aPosition(3, 1.16)};
    const FeedMessage message =
        type == Type::List ? Fixtures::message(Type::List, 0, readable)
                           : Fixtures::message(type, type == Type::Snapshot ? 1 : 3, readable);
    QVERIFY(book.apply(withUnreadable(message, {{2, reason}})));
    QCOMPARE(book.count(), 3);
    QCOMPARE(book.at(book.rowOf(1)).price, 1.15);
    QCOMPARE(book.at(book.rowOf(3)).price, 1.16);
    QCOMPARE(book.at(book.rowOf(2)).price, 1.12); // its last good version
    QCOMPARE(book.unreadableReason(2), reason);
    QCOMPARE(book.unreadableReason(1), QString());
    QCOMPARE(closed.count(), 0);
    QCOMPARE(liveClosed.count(), 0);
    QCOMPARE(liveOpened.count(), 0);
    if (type != Type::Snapshot) {
        bool marked = false;
        for (const QList<QVariant> &args : std::as_const(updated))
            marked = marked || (args.at(0).toInt() == book.rowOf(2) &&
                                (args.at(1).toUInt() & Position::UnreadableField));
        QVERIFY(marked);
    }
    // Readable again: the mark goes, still without a word of a close or an open.
    const QList<Position> whole{aPosition(1, 1.15), aPosition(2, 1.13), aPosition(3, 1.16)};
    book.apply(type == Type::List ? Fixtures::message(Type::List, 0, whole)
                                  : Fixtures::message(Type::Positions, 4, {aPosition(2, 1.13)}));
    QCOMPARE(book.at(book.rowOf(2)).price, 1.13);
    QCOMPARE(book.unreadableReason(2), QString());
    QCOMPARE(book.unreadableCount(), 0);
    QCOMPARE(closed.count(), 0);
    QCOMPARE(liveClosed.count(), 0);
    QCOMPARE(liveOpened.count(), 0);
}

void tst_PositionBook::aListWithARowWithoutATicketClosesNothing_data()
{
    QTest::addColumn<Type>("type");
    QTest::addRow("Snapshot") << Type::Snapshot;
    QTest::addRow("seed list") << Type::List;
}

void tst_PositionBook::aListWithARowWithoutATicketClosesNothing()
{
    QFETCH(Type, type);
    PositionBook book;
    book.apply(Fixtures::message(type, 1, {aPosition(1), aPosition(2), aPosition(3)}));
    QSignalSpy closed(&book, &PositionBook::tradesClosed);
    QSignalSpy liveClosed(&book, &PositionBook::liveClosed);
    // Only ticket 1 reads, and one row has no readable ticket: it could be 2 or 3.
    QVERIFY(book.apply(withUnreadable(Fixtures::message(type, 1, {aPosition(1, 1.2)}),
                                      {{0, u"List.data[1]: must be an object"_s}})));
    QCOMPARE(tickets(book).size(), 3);
    QCOMPARE(book.at(book.rowOf(1)).price, 1.2); // the readable rows still apply
    QCOMPARE(closed.count(), 0);
    QCOMPARE(liveClosed.count(), 0);
    QVERIFY2(book.unreadableReason(2).contains(u"may have closed"_s),
             qPrintable(book.unreadableReason(2)));
    QVERIFY(!book.unreadableReason(3).isEmpty());
    // A whole list without them: now they closed, once, and the marks go with them.
    book.apply(Fixtures::message(type, 1, {aPosition(1)}));
    QCOMPARE(tickets(book), QList<qint64>{1});
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).value<QList<ClosedTrade>>().size(), 2);
    QCOMPARE(book.unreadableCount(), 0);
}

void tst_PositionBook::anUnreadableRowOfAPositionNotHeldShowsNothing()
{
    PositionBook book;
    QSignalSpy opened(&book, &PositionBook::liveOpened);
    book.apply(withUnreadable(Fixtures::snapshot(1, {aPosition(1)}), {{9, u"bad"_s}}));
    QCOMPARE(tickets(book), QList<qint64>{1});
    QCOMPARE(book.unreadableCount(), 0);
    // When it reads, it is a position like any other.
    book.apply(Fixtures::message(Type::Positions, 2, {aPosition(9)}));
    QCOMPARE(tickets(book), (QList<qint64>{1, 9}));
    QCOMPARE(opened.count(), 1);
}

void tst_PositionBook::anAccountItCannotReadKeepsTheLastFigures()
{
    PositionBook book;
    QSignalSpy changed(&book, &PositionBook::figuresChanged);
    book.apply(Fixtures::snapshot(1, {aPosition(1)}));
    book.apply(Fixtures::account(2, R"({"balance":1000,"equity":990})"));
    QCOMPARE(changed.count(), 1);
    const QString reason = u"Account.currency: must be a currency code such as \"USD\""_s;
    QVERIFY(book.applyUnreadable(Type::Account, 3, reason));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(book.figures()->equity, 990.0); // the last good ones
    QCOMPARE(book.figuresProblem(), reason);
    QVERIFY(book.areFiguresCurrent());
    book.apply(Fixtures::account(4, R"({"balance":1000,"equity":995})"));
    QCOMPARE(book.figuresProblem(), QString());
    QCOMPARE(book.figures()->equity, 995.0);
}

void tst_PositionBook::manyRowsAreOneResetAndFewAreRanges()
{
    PositionBook book;
    QList<Position> many;
    for (int i = 1; i <= 100; ++i)
        many.append(aPosition(i));
    book.apply(Fixtures::snapshot(1, many));
    QSignalSpy resets(&book, &PositionBook::positionsReset);
    QSignalSpy removed(&book, &PositionBook::positionsRemoved);
    QSignalSpy inserted(&book, &PositionBook::positionsInserted);
    QSignalSpy finished(&book, &PositionBook::changeFinished);

    // A stop-out closes 40 positions in one Closed: one reset, the others in their place.
    QList<ClosedTrade> stopOut;
    for (int i = 1; i <= 80; i += 2)
        stopOut.append(closeOf(aPosition(i), ClosedTrade::Reason::StopOut));
    book.apply(Fixtures::message(Type::Closed, 2, {}, stopOut));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(book.count(), 60);
    QCOMPARE(book.at(0).ticket, 2);
    QCOMPARE(book.at(39).ticket, 80);
    QCOMPARE(book.at(40).ticket, 81);
    for (int row = 0; row < book.count(); ++row)
        QCOMPARE(book.rowOf(book.at(row).ticket), row);

    // Three close, two open: ranges, one per run of neighbouring rows.
    book.apply(
        Fixtures::message(Type::Closed, 3, {},
                          {closeOf(aPosition(2)), closeOf(aPosition(4)), closeOf(aPosition(100))}));
    QCOMPARE(removed.count(), 2); // rows 0-1, and the last row
    QCOMPARE(finished.count(), 2);
    book.apply(Fixtures::message(Type::Positions, 4, {aPosition(200), aPosition(201)}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toInt(), 57);
    QCOMPARE(inserted.at(0).at(1).toInt(), 58);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(finished.count(), 3);
    // Ticks alone move no row: no end of a change to wait for.
    book.apply(Fixtures::message(Type::Positions, 5, {aPosition(6, 1.3)}));
    QCOMPARE(finished.count(), 3);
    for (int row = 0; row < book.count(); ++row)
        QCOMPARE(book.rowOf(book.at(row).ticket), row);
}
