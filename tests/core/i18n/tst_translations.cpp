// SPDX-License-Identifier: GPL-3.0-or-later
// Counts read right: every "%n …" has its English forms (the English translation is built in),
// and another language can be installed over it and taken back.
#include "domain/tradetext.h"
#include "feed/feedstatus.h"
#include "i18n/translations.h"
#include "net/socketmanager.h"
#include "protocol/feedparser.h"
#include "protocol/feedprofile.h"
#include "testfeedserver.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsReadRightInEnglish_data();
    void countsReadRightInEnglish();
    void aLanguageWithoutATranslationFallsBackToEnglish();
    void aFileInTheFoldersWinsOverTheBuiltInCopy();
    void aFileThatDoesNotLoadIsPassedOver();
    void durationsReadAsPeopleSayThem_data();
    void durationsReadAsPeopleSayThem();
    void theSocketsReasonsAreChinese();
    void theParsersReasonsAreChinese();
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

void tst_Translations::aFileInTheFoldersWinsOverTheBuiltInCopy()
{
    // A packager's file under share/trade-monitor/translations: found first, and its words
    // are the ones shown (here the built-in Chinese, copied there).
    QTemporaryDir share;
    QVERIFY(QFile::copy(u":/i18n/trade-monitor_zh_CN.qm"_s,
                        share.filePath(u"trade-monitor_zh_CN.qm"_s)));
    const auto english = qScopeGuard([] { Translations::install(QLocale(QLocale::English)); });
    const QStringList loaded = Translations::install(QLocale(QLocale::Chinese, QLocale::China),
                                                     {share.path(), u":/i18n"_s});
    QVERIFY2(loaded.contains(share.filePath(u"trade-monitor_zh_CN.qm"_s)),
             qPrintable(loaded.join(u',')));
    QVERIFY(!loaded.contains(u":/i18n/trade-monitor_zh_CN.qm"_s));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Open Trades"), u"持仓"_s);
    // The installed program's first folder is share/ beside its bin/.
    QVERIFY(Translations::folders().constFirst().endsWith(u"/share/trade-monitor/translations"_s));
    QCOMPARE(Translations::folders().constLast(), u":/i18n"_s);
}

void tst_Translations::aFileThatDoesNotLoadIsPassedOver()
{
    QTemporaryDir share;
    QFile broken(share.filePath(u"trade-monitor_zh_CN.qm"_s));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a translation");
    broken.close();
    const auto english = qScopeGuard([] { Translations::install(QLocale(QLocale::English)); });
    const QStringList loaded = Translations::install(QLocale(QLocale::Chinese, QLocale::China),
                                                     {share.path(), u":/i18n"_s});
    QVERIFY2(loaded.contains(u":/i18n/trade-monitor_zh_CN.qm"_s), qPrintable(loaded.join(u',')));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Open Trades"), u"持仓"_s);
}

void tst_Translations::durationsReadAsPeopleSayThem_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("chinese");
    QTest::addRow("a fraction") << qint64(300) << u"0.3 s"_s << u"0.3 秒"_s;
    QTest::addRow("ten seconds") << qint64(10000) << u"10 s"_s << u"10 秒"_s;
    QTest::addRow("rounded") << qint64(14600) << u"15 s"_s << u"15 秒"_s;
    QTest::addRow("a minute") << qint64(60000) << u"1 min"_s << u"1 分钟"_s;
    QTest::addRow("a minute and a half") << qint64(90000) << u"1 min 30 s"_s << u"1 分 30 秒"_s;
    QTest::addRow("two hours five") << qint64(7'500'000) << u"2 h 5 min"_s << u"2 小时 5 分钟"_s;
    QTest::addRow("nearly a day") << qint64(86'340'000) << u"23 h 59 min"_s << u"23 小时 59 分钟"_s;
    QTest::addRow("a day") << qint64(86'400'000) << u"1 d"_s << u"1 天"_s;
    QTest::addRow("two days and a half")
        << qint64(216'000'000) << u"2 d 12 h"_s << u"2 天 12 小时"_s;
    QTest::addRow("three days") << qint64(259'200'000) << u"3 d"_s << u"3 天"_s;
    QTest::addRow("zero") << qint64(0) << u"0 s"_s << u"0 秒"_s;
}

void tst_Translations::durationsReadAsPeopleSayThem()
{
    QFETCH(qint64, ms);
    QFETCH(QString, english);
    QFETCH(QString, chinese);
    QCOMPARE(TradeText::duration(std::chrono::milliseconds(ms)), english);
    Translations::install(QLocale(QLocale::Chinese, QLocale::China));
    const auto back = qScopeGuard([] { Translations::install(QLocale(QLocale::English)); });
    QCOMPARE(TradeText::duration(std::chrono::milliseconds(ms)), chinese);
}

void tst_Translations::theSocketsReasonsAreChinese()
{
    // What the socket says goes to the banner, the status bar and the log: in the window's
    // language, with no English left in it.
    Translations::install(QLocale(QLocale::Chinese, QLocale::China));
    const auto back = qScopeGuard([] { Translations::install(QLocale(QLocale::English)); });
    SocketConfig config = FeedProfile::native().configFor(TestFeedServer::refusedUrl(), 10260);
    config.maxRetries = 1;
    config.reconnectMin = config.reconnectMax = std::chrono::milliseconds(100);
    config.giveUpAfter = std::chrono::milliseconds(0);
    SocketManager socket(config);
    socket.open();
    QTRY_COMPARE(socket.state(), SocketManager::State::Failed);
    const QString reason = socket.lastError();
    QVERIFY2(reason.contains(u"内重试了 1 次"_s), qPrintable(reason));
    static const QRegularExpression english(
        u"\\b(the|after|attempts?|gave|connection|retries|over)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!reason.contains(english), qPrintable(reason));
    // And what the window makes of it: the state and the give-up statement.
    const FeedStatus status = FeedStatus::of(socket, false);
    QVERIFY2(status.detail.startsWith(u"已断开："_s), qPrintable(status.detail));
    QVERIFY2(!status.detail.contains(english), qPrintable(status.detail));
}

void tst_Translations::theParsersReasonsAreChinese()
{
    // A message or a row this version cannot read is named in the row's tooltip, the banner
    // and the log: the wire's own names (Positions, data) stay, the words around them do not.
    Translations::install(QLocale(QLocale::Chinese, QLocale::China));
    const auto back = qScopeGuard([] { Translations::install(QLocale(QLocale::English)); });
    FeedParser parser;
    QVERIFY(!parser.parse(R"({"Code":200,"type":"Positions","seq":1,"data":"x"})"));
    QVERIFY2(parser.error().contains(u"应为数组，而不是字符串"_s), qPrintable(parser.error()));
    const std::optional<FeedMessage> rows =
        parser.parse(R"({"Code":200,"type":"Positions","seq":2,"data":[5]})");
    QVERIFY(rows);
    QCOMPARE(rows->unreadable.size(), 1);
    const QString reason = rows->unreadable.constFirst().reason;
    QVERIFY2(reason.contains(u"应为对象，而不是整数"_s), qPrintable(reason));
    static const QRegularExpression english(u"\\b(must|not|an?|object|number|missing)\\b"_s);
    QVERIFY2(!reason.contains(english) && !parser.error().contains(english), qPrintable(reason));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
