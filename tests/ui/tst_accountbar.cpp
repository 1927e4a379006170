// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountbar.h"
#include "domain/tradetext.h"
#include "feed/positionbook.h"
#include "fixtures.h"
#include "history/tradehistory.h"
#include "models/accountsummary.h"
#include "models/closedtoday.h"
#include "testclocks.h"
#include "theme.h"
#include "tonedelegate.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Field = AccountBar::Field;

namespace {

// Two positions: net +10 - 1 - 2 = 7 and -30 + 0.5 - 1 = -30.5.
const QList<Position> kPositions = Fixtures::positions(R"([
    {"ticket":1,"symbol":"EURUSD","volume":0.5,"profit":10,"swap":-1,"commission":-2},
    {"ticket":2,"symbol":"XAUUSD","volume":0.25,"profit":-30,"swap":0.5,"commission":-1}])");

constexpr char kFigures[] = R"({"balance":10250.5,"equity":10227,"margin":400,
    "freeMargin":9827,"marginLevel":2556.75})";

} // namespace

class tst_AccountBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void summaryCountsEveryPositionNet();
    void todayIsClosedTodayPlusFloating();
    void closedTodayCountsFromLocalMidnight();
    void figuresAsTheFeedSendsThem();
    void withoutFiguresNothingIsGuessed();
    void earlierConnectionsFiguresAreGreyed();
    void theFiguresShownAlwaysAddUp();
    void figuresItCannotReadAreGreyedWithWhy();
    void marginLevelBelowTheAlarmIsRed();
    void wrapsInANarrowWindow();
    void tonesReadOnEveryBackground_data();
    void tonesReadOnEveryBackground();
};

void tst_AccountBar::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_AccountBar::summaryCountsEveryPositionNet()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    QSignalSpy changed(&summary, &AccountSummary::changed);
    book.apply(Fixtures::snapshot(1, kPositions));
    QVERIFY(changed.wait());
    const AccountSummary::Summary s = summary.summary();
    QCOMPARE(s.positions, 2);
    QCOMPARE(s.lots, 0.75);
    QCOMPARE(s.floatingNet, -23.5);
    QVERIFY(!s.figures);
    // Ticks are coalesced: many updates, one signal.
    changed.clear();
    for (int i = 0; i < 20; ++i) {
        Position p = kPositions.at(0);
        p.profit = 10 + i;
        book.apply(Fixtures::message(FeedMessage::Type::Positions, 2 + i, {p}));
    }
    QVERIFY(changed.wait());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(summary.summary().floatingNet, -23.5 + 19);
}

void tst_AccountBar::todayIsClosedTodayPlusFloating()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    QSignalSpy changed(&summary, &AccountSummary::changed);
    book.apply(Fixtures::snapshot(1, kPositions)); // floating -23.50
    QVERIFY(changed.wait());
    // Not known yet: not shown, rather than a "Today" of the floating alone.
    QVERIFY(!bar.isShown(AccountBar::Field::Today));
    summary.setClosedToday(100.0);
    QVERIFY(changed.wait());
    QVERIFY(bar.isShown(AccountBar::Field::Today));
    QCOMPARE(bar.value(AccountBar::Field::Today), u"+76.50"_s);
    QVERIFY(bar.text().contains(u"Today: +76.50"_s));
    summary.setClosedToday(0.0);
    QVERIFY(changed.wait());
    QCOMPARE(bar.value(AccountBar::Field::Today), u"-23.50"_s);
}

void tst_AccountBar::closedTodayCountsFromLocalMidnight()
{
    // Trades closed yesterday at 23:59 and today at 00:01 and 09:00 (local): today is the
    // last two; a trade recorded later is added; at midnight it is nothing again.
    QTemporaryDir dir;
    TradeHistory history;
    QVERIFY(history.open(dir.filePath(u"h.sqlite"_s)));
    const Account account = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);
    history.setAccount(account);
    const QDate day(2026, 3, 10);
    const auto at = [](const QDate &date, int hour, int minute) {
        return QDateTime(date, QTime(hour, minute)).toMSecsSinceEpoch();
    };
    const auto trade = [](qint64 ticket, qint64 closeTime, double profit) {
        return Fixtures::trade(R"({"symbol":"EURUSD","reason":"tp"})", {{u"ticket"_s, ticket},
                                                                        {u"closeTime"_s, closeTime},
                                                                        {u"profit"_s, profit},
                                                                        {u"commission"_s, -1.0}});
    };
    history.record({trade(1, at(day.addDays(-1), 23, 59), 500.0), trade(2, at(day, 0, 1), 10.0),
                    trade(3, at(day, 9, 0), 20.0)});
    FixedClock clock(at(day, 12, 0));
    ClosedToday today(&history);
    today.setClock(&clock);
    QTRY_VERIFY(today.totals() && today.totals()->count == 2);
    QCOMPARE(today.totals()->net(), 28.0);
    history.record({trade(4, at(day, 11, 0), -8.0)});
    QTRY_COMPARE(today.totals()->count, 3);
    QCOMPARE(today.totals()->net(), 19.0);
    clock.now = at(day.addDays(1), 0, 0) + 1000;
    today.reload(); // what the midnight timer does
    QTRY_COMPARE(today.totals()->count, 0);
    QCOMPARE(today.totals()->net(), 0.0);
}

void tst_AccountBar::figuresAsTheFeedSendsThem()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(Fixtures::account(2, kFigures));
    QTRY_COMPARE(bar.value(Field::Balance), u"10,250.50 USD"_s);
    QCOMPARE(bar.value(Field::Equity), u"10,227.00 USD"_s);
    QCOMPARE(bar.value(Field::Margin), u"400.00 USD"_s);
    QCOMPARE(bar.value(Field::FreeMargin), u"9,827.00 USD"_s);
    QCOMPARE(bar.value(Field::MarginLevel), u"2,556.75 %"_s);
    QCOMPARE(bar.value(Field::Floating), u"-23.50 USD"_s);
    QVERIFY(!bar.saysFiguresAreMissing());
    // The account's own figures say it all: no count of our own beside them.
    QVERIFY(!bar.isShown(Field::Positions));
    QVERIFY(!bar.isShown(Field::Lots));
    QCOMPARE(bar.text(), u"Balance: 10,250.50 USD · Equity: 10,227.00 USD · Margin: 400.00 USD · "
                         "Free margin: 9,827.00 USD · Margin level: 2,556.75 % · "
                         "Floating P/L: -23.50 USD"_s);

    // No margin in use: the level is none, not a number.
    book.apply(
        Fixtures::account(3, R"({"balance":10250.5,"equity":10250.5,"freeMargin":10250.5})"));
    QTRY_COMPARE(bar.value(Field::MarginLevel), u"none"_s);
}

void tst_AccountBar::withoutFiguresNothingIsGuessed()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    book.apply(Fixtures::snapshot(1, kPositions));
    QTRY_COMPARE(bar.value(Field::Positions), u"2"_s);
    QCOMPARE(bar.value(Field::Lots), u"0.75"_s);
    QCOMPARE(bar.value(Field::Floating), u"-23.50"_s); // no currency: the feed never named one
    for (const Field field :
         {Field::Balance, Field::Equity, Field::Margin, Field::FreeMargin, Field::MarginLevel}) {
        QVERIFY2(!bar.isShown(field), QMetaEnum::fromType<Field>().valueToKey(int(field)));
        QVERIFY(bar.value(field).isEmpty());
    }
    QVERIFY(bar.saysFiguresAreMissing());
    QVERIFY(bar.text().endsWith(u"No balance or margin from this feed"_s));

    // Figures from another account are no figures of this one.
    book.apply(Fixtures::account(2, kFigures));
    QTRY_VERIFY(bar.isShown(Field::Balance));
    book.clear();
    QTRY_VERIFY(!bar.isShown(Field::Balance));
    QVERIFY(bar.saysFiguresAreMissing());
}

void tst_AccountBar::earlierConnectionsFiguresAreGreyed()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    auto *balance = bar.findChildren<QLabel *>().at(1); // the value after "Balance:"
    QCOMPARE(bar.findChildren<QLabel *>().at(0)->text(), u"Balance:"_s);
    const QColor grey = bar.palette().color(QPalette::Disabled, QPalette::WindowText);
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(Fixtures::account(2, kFigures));
    QTRY_VERIFY(bar.isShown(Field::Balance));
    QVERIFY(balance->palette().color(QPalette::WindowText) != grey);
    // A new connection: the figures stay for reference, greyed until its own arrive.
    book.expectSnapshot();
    QTRY_COMPARE(balance->palette().color(QPalette::WindowText), grey);
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(Fixtures::account(2, kFigures));
    QTRY_VERIFY(balance->palette().color(QPalette::WindowText) != grey);
    // And greyed while the feed is not live.
    bar.setStale(true);
    QCOMPARE(balance->palette().color(QPalette::WindowText), grey);
}

void tst_AccountBar::theFiguresShownAlwaysAddUp()
{
    // The feed's figures come once a second, the positions with every tick: between two
    // Account messages equity follows the floating P/L beside it, marked as estimated.
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    const auto number = [&bar](Field field) {
        QString text = bar.value(field);
        text.remove(u"≈ "_s).remove(u" USD"_s).remove(u","_s);
        return text.toDouble();
    };
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(Fixtures::account(2, kFigures));
    QTRY_COMPARE(bar.value(Field::Equity), u"10,227.00 USD"_s); // as reported: no mark
    int seq = 3;
    for (const double profit : {12.345, 40.0, -7.777, 1000.006}) {
        Position p = kPositions.at(0);
        p.profit = profit;
        book.apply(Fixtures::message(FeedMessage::Type::Positions, seq++, {p}));
        QTRY_VERIFY(bar.value(Field::Floating).contains(TradeText::amount(profit - 3 - 30.5)));
        QVERIFY2(bar.value(Field::Equity).startsWith(u"≈ "_s),
                 qPrintable(bar.value(Field::Equity)));
        QCOMPARE(number(Field::Equity) - number(Field::Balance), number(Field::Floating));
        QCOMPARE(number(Field::FreeMargin), number(Field::Equity) - number(Field::Margin));
        QCOMPARE(bar.value(Field::MarginLevel),
                 u"≈ "_s + QLocale().toString(number(Field::Equity) / 400 * 100, 'f', 2) + u" %"_s);
    }
    QVERIFY(bar.findChildren<QLabel *>().at(3)->toolTip().contains(
        u"the feed last reported an equity of 10,227.00 USD"_s));
    // The feed confirms it: the mark goes.
    book.apply(Fixtures::account(
        seq, R"({"balance":10250.5,"equity":11217.006,"margin":400,"marginLevel":2804.25})"));
    QTRY_COMPARE(bar.value(Field::Equity), u"11,217.01 USD"_s);
}

void tst_AccountBar::figuresItCannotReadAreGreyedWithWhy()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    auto *balance = bar.findChildren<QLabel *>().at(1);
    const QColor grey = bar.palette().color(QPalette::Disabled, QPalette::WindowText);
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(Fixtures::account(2, kFigures));
    QTRY_VERIFY(balance->palette().color(QPalette::WindowText) != grey);
    book.applyUnreadable(FeedMessage::Type::Account, 3, u"Account.currency: \"US$\""_s);
    QTRY_COMPARE(balance->palette().color(QPalette::WindowText), grey);
    QCOMPARE(bar.value(Field::Balance), u"10,250.50 USD"_s); // the last good ones
    QVERIFY2(balance->toolTip().contains(u"could not be read"_s) &&
                 balance->toolTip().contains(u"US$"_s),
             qPrintable(balance->toolTip()));
}

void tst_AccountBar::marginLevelBelowTheAlarmIsRed()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    QLabel *level = nullptr;
    const QList<QLabel *> labels = bar.findChildren<QLabel *>();
    for (int i = 0; i + 1 < labels.size(); ++i) {
        if (labels.at(i)->text() == u"Margin level:"_s)
            level = labels.at(i + 1);
    }
    QVERIFY(level);
    const QColor normal = bar.palette().color(QPalette::WindowText);
    const QColor alarm = ToneDelegate::toneColor(bar.palette(), Tone::Loss, QPalette::Window);
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(
        Fixtures::account(2, R"({"balance":503.5,"margin":400,"equity":480,"marginLevel":120})"));
    QTRY_COMPARE(bar.value(Field::MarginLevel), u"120.00 %"_s);
    QCOMPARE(level->palette().color(QPalette::WindowText), normal);
    bar.setMarginLevelAlarm(150);
    QCOMPARE(level->palette().color(QPalette::WindowText), alarm);
}

void tst_AccountBar::wrapsInANarrowWindow()
{
    PositionBook book;
    AccountSummary summary(&book);
    summary.setInterval(0ms);
    AccountBar bar(&summary);
    book.apply(Fixtures::snapshot(1, kPositions));
    book.apply(Fixtures::account(2, kFigures));
    QTRY_VERIFY(bar.isShown(Field::Balance));
    bar.resize(1600, bar.sizeHint().height());
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QTRY_COMPARE(bar.lineCount(), 1);
    // Narrow: the figures wrap; the bar never makes the window wider than one figure.
    QVERIFY(bar.minimumSizeHint().width() < 320);
    bar.resize(480, 200);
    QTRY_VERIFY(bar.lineCount() >= 2);
    for (const Field field : {Field::Balance, Field::Equity, Field::Margin, Field::FreeMargin,
                              Field::MarginLevel, Field::Floating})
        QVERIFY(bar.isShown(field));
    bar.resize(1600, 200);
    QTRY_COMPARE(bar.lineCount(), 1);
}

void tst_AccountBar::tonesReadOnEveryBackground_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QPalette::ColorRole>("background");
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    QPalette light = fusion->standardPalette();
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    // The app's own Light and Dark (Settings → Display), and two a desktop may have.
    for (const auto &[name, palette] :
         {std::pair{"Light", Theme::palette(ColorScheme::Light)},
          std::pair{"Dark", Theme::palette(ColorScheme::Dark)},
          std::pair{"a light desktop's", light}, std::pair{"a dark desktop's", dark}}) {
        QTest::addRow("%s cell", name) << palette << QPalette::Base;
        QTest::addRow("%s selected cell", name) << palette << QPalette::Highlight;
        QTest::addRow("%s label", name) << palette << QPalette::Window;
    }
}

void tst_AccountBar::tonesReadOnEveryBackground()
{
    QFETCH(QPalette, palette);
    QFETCH(QPalette::ColorRole, background);
    const QColor back = palette.color(background);
    const QColor text = palette.color(background == QPalette::Highlight ? QPalette::HighlightedText
                                      : background == QPalette::Window  ? QPalette::WindowText
                                                                        : QPalette::Text);
    // As readable as the theme's own text allows, up to 4.5:1; never below 3:1.
    const double wanted = std::min(4.5, 0.85 * ToneDelegate::contrast(text, back));
    QVERIFY(wanted >= 3.0);
    for (const Tone tone : {Tone::Gain, Tone::Loss}) {
        const QColor color = ToneDelegate::toneColor(palette, tone, background);
        const double contrast = ToneDelegate::contrast(color, back);
        QVERIFY2(contrast >= wanted - 0.01,
                 qPrintable(u"%1 on %2: %3:1"_s.arg(color.name(), back.name()).arg(contrast)));
    }
    // Gain and loss stay told apart by hue.
    const QColor gain = ToneDelegate::toneColor(palette, Tone::Gain, background);
    const QColor loss = ToneDelegate::toneColor(palette, Tone::Loss, background);
    QVERIFY(gain.hslHue() > 90 && gain.hslHue() < 150);
    QVERIFY(loss.hslHue() < 10 || loss.hslHue() > 350);
}

QTEST_MAIN(tst_AccountBar)
#include "tst_accountbar.moc"
