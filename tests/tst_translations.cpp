// SPDX-License-Identifier: GPL-3.0-or-later
// Counts read right: every "%n …" has its English forms (the English translation is built in),
// and another language can be installed over it and taken back.
#include "domain/tradetext.h"
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsReadRightInEnglish_data();
    void countsReadRightInEnglish();
    void aLanguageWithoutATranslationFallsBackToEnglish();
};

void tst_Translations::countsReadRightInEnglish_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("closedTrades");
    QTest::addColumn<QString>("positions");
    QTest::addRow("none") << 0 << u"0 closed trades"_s << u"0 positions"_s;
    QTest::addRow("one") << 1 << u"1 closed trade"_s << u"1 position"_s;
    QTest::addRow("two") << 2 << u"2 closed trades"_s << u"2 positions"_s;
}

void tst_Translations::countsReadRightInEnglish()
{
    QFETCH(int, count);
    QFETCH(QString, closedTrades);
    QFETCH(QString, positions);
    QCOMPARE(TradeText::closedTrades(count), closedTrades);
    QCOMPARE(QCoreApplication::translate("OpenTradesPage", "%n position(s)", nullptr, count),
             positions);
}

void tst_Translations::aLanguageWithoutATranslationFallsBackToEnglish()
{
    const QStringList loaded = Translations::install(QLocale(QLocale::Icelandic));
    QVERIFY2(loaded.contains(u":/i18n/trade-monitor_en.qm"_s), qPrintable(loaded.join(u',')));
    QCOMPARE(TradeText::closedTrades(1), u"1 closed trade"_s);
    // Installed again, not on top: one translation of ours at a time.
    Translations::install(QLocale(QLocale::English));
    QCOMPARE(TradeText::closedTrades(2), u"2 closed trades"_s);
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
