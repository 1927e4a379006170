// SPDX-License-Identifier: GPL-3.0-or-later
// How many decimals a price is shown with: the usual instruments' before any price, a broker's
// own marks on a symbol, what the feed's prices teach, and never fewer digits than it sent.
#include "domain/instrumentcatalogue.h"
#include "domain/priceprecision.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_PricePrecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownBeforeAnyPrice_data();
    void knownBeforeAnyPrice();
    void learntForUnknownSymbols();
    void aFinerQuoteIsNeverRoundedAway();
    void ticksOfOneSharedSymbolString();
    void decimalsOfAPrice_data();
    void decimalsOfAPrice();
};

void tst_PricePrecision::knownBeforeAnyPrice_data()
{
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<int>("digits");
    QTest::addRow("EURUSD") << u"EURUSD"_s << 5;
    QTest::addRow("yen cross") << u"GBPJPY"_s << 3;
    QTest::addRow("gold") << u"XAUUSD"_s << 2;
    QTest::addRow("silver") << u"XAGUSD"_s << 3;
    QTest::addRow("index") << u"US30"_s << 1;
    QTest::addRow("broker mark .m") << u"EURUSD.m"_s << 5;
    QTest::addRow("broker mark pro") << u"XAUUSDpro"_s << 2;
    QTest::addRow("lower case") << u"usdjpy"_s << 3;
    QTest::addRow("US500 is not US50") << u"US500.cash"_s << 1;
    QTest::addRow("unknown FX: five") << u"EURPLN"_s << 5;
    QTest::addRow("unknown yen: three") << u"ZARJPY"_s << 3;
}

void tst_PricePrecision::knownBeforeAnyPrice()
{
    QFETCH(QString, symbol);
    QFETCH(int, digits);
    QCOMPARE(PricePrecision().digits(symbol), digits);
}

void tst_PricePrecision::learntForUnknownSymbols()
{
    PricePrecision precision;
    QVERIFY(!InstrumentCatalogue::digits(u"ACME"_s));
    precision.observe(u"ACME"_s, 12.5);
    QCOMPARE(precision.digits(u"ACME"_s), 1);
    precision.observe(u"ACME"_s, 12.375);
    QCOMPARE(precision.digits(u"ACME"_s), 3);
    // The most seen stays: 12.4 is 12.400.
    precision.observe(u"ACME"_s, 12.4);
    QCOMPARE(precision.digits(u"ACME"_s), 3);
    // A zero price says nothing; absurd precision is capped.
    precision.observe(u"ZERO"_s, 0.0);
    QCOMPARE(precision.digits(u"ZERO"_s), 5);
    precision.observe(u"TINY"_s, 1e-12);
    QCOMPARE(precision.digits(u"TINY"_s), 8);
}

void tst_PricePrecision::aFinerQuoteIsNeverRoundedAway()
{
    PricePrecision precision;
    precision.observe(u"XAUUSD"_s, 2345.6);
    QCOMPARE(precision.digits(u"XAUUSD"_s), 2); // the usual, not fewer
    // A feed that quotes gold to three decimals: all three are shown.
    precision.observe(u"XAUUSD"_s, 2345.625);
    QCOMPARE(precision.digits(u"XAUUSD"_s), 3);
}

void tst_PricePrecision::ticksOfOneSharedSymbolString()
{
    // The feed's symbols are one shared string each (the parser interns them): ticks of the
    // same string take a shortcut that must learn exactly what the long way learns.
    PricePrecision precision;
    const QString symbol = u"ACME"_s;
    const QString sameText = QString::fromLatin1("ACME"); // another string, same symbol
    precision.observe(symbol, 12.5, 12.25);
    QCOMPARE(precision.digits(symbol), 2);
    for (int i = 0; i < 100; ++i)
        precision.observe(symbol, 12.0 + i / 100.0, 12.5);
    QCOMPARE(precision.digits(symbol), 2);
    precision.observe(symbol, 12.125, 0.0); // finer: learnt through the shortcut too
    QCOMPARE(precision.digits(sameText), 3);
    precision.observe(sameText, 12.0625, 12.5);
    QCOMPARE(precision.digits(symbol), 4);
    precision.observe(symbol, 12.03125, 0.0); // after another string of it raised it
    QCOMPARE(precision.digits(symbol), 5);
    // Past the cap nothing more is learnt, and nothing is lost.
    precision.observe(symbol, 1.0 / 3.0, 0.0);
    QCOMPARE(precision.digits(symbol), 8);
    precision.observe(symbol, 12.5, 2.0 / 3.0);
    QCOMPARE(precision.digits(symbol), 8);
}

void tst_PricePrecision::decimalsOfAPrice_data()
{
    QTest::addColumn<double>("price");
    QTest::addColumn<int>("decimals");
    QTest::addRow("whole") << 39150.0 << 0;
    QTest::addRow("five") << 1.08452 << 5;
    QTest::addRow("trailing zero dropped") << 1.0840 << 3;
}

void tst_PricePrecision::decimalsOfAPrice()
{
    QFETCH(double, price);
    QFETCH(int, decimals);
    QCOMPARE(PricePrecision::decimalsOf(price), decimals);
}

QTEST_GUILESS_MAIN(tst_PricePrecision)
#include "tst_priceprecision.moc"
