// SPDX-License-Identifier: GPL-3.0-or-later
// Several accounts in one window, as the trader sees them: all or one in Open Trades, how they
// stand in the status bar, each one's own Reconnect, and money added up only in one currency.
#include "accountbar.h"
#include "accountslist.h"
#include "accountsoverview.h"
#include "closedtradespage.h"
#include "connectionlogwindow.h"
#include "feed/connectionlog.h"
#include "feedbanner.h"
#include "feedstatusbar.h"
#include "fixtures.h"
#include "models/closedtradesmodel.h"
#include "models/positionsgroupmodel.h"
#include "models/positionsmodel.h"
#include "models/traderstatisticsmodel.h"
#include "named.h"
#include "opentradespage.h"
#include "performancecharts.h"
#include "protocol/feedmessages.h"
#include "settingsdialog.h"
#include "testfeedserver.h"
#include "tonedelegate.h"
#include "windowtest.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// A scripted server that answers each Subscribe with `positions` and an Account in `currency`
// (none: no Account message).
void answerWith(TestFeedServer *server, const QList<Position> &positions,
                const QString &currency = QString())
{
    QObject::connect(server, &TestFeedServer::frameReceived, server,
                     [server, positions, currency](int, const QJsonObject &frame) {
                         if (frame.value("type"_L1) != "Subscribe"_L1)
                             return;
                         server->broadcast(QString::fromUtf8(FeedMessages::snapshot(1, positions)));
                         if (currency.isEmpty())
                             return;
                         AccountFigures figures;
                         figures.balance = 10000.0;
                         figures.equity = 10000.0;
                         for (const Position &p : positions)
                             figures.equity += p.net();
                         figures.currency = currency;
                         server->broadcast(QString::fromUtf8(FeedMessages::account(2, figures)));
                     });
}

QStringList columnTexts(const QAbstractItemModel *model, int column)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

QComboBox *accountChoice(const AccountsRig &rig)
{
    return named<QComboBox>(rig.open(), u"accountChoice"_s);
}

} // namespace

class tst_AccountsWindow : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void allAccountsOrOne();
    void oneRefusedWhileTheOtherStaysLive();
    void eachAccountReconnectsOnItsOwn();
    void theTabRuleHoldsForEveryAccount();
    void moneyAddsUpOnlyInOneCurrency();
    void oneAccountIsAsItAlwaysWas();
    void theConnectionLogSaysWhoseEachEventIs();
    void settingsSayWhereEachAccountsFeedIs();
    void closedTradesReadEveryAccountsTradesAsTheyAreWritten();
    void closedTradesAndStatisticsAcrossAndWithinAccounts();
};

void tst_AccountsWindow::allAccountsOrOne()
{
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(main.listen());
    QVERIFY(prop.listen());
    // Ticket 7 at both: two rows.
    answerWith(&main, Fixtures::positions(R"([
        {"ticket":7,"symbol":"EURUSD","volume":0.1,"profit":10,"flwsig":false},
        {"ticket":8,"symbol":"XAUUSD","volume":0.2,"profit":-4,"flwsig":false}])"));
    answerWith(&prop, Fixtures::positions(R"([
        {"ticket":7,"symbol":"GBPUSD","volume":1.5,"profit":3,"flwsig":false}])"));
    AccountsRig rig(m_dir->path(), {{u"Main"_s, main.url()}, {u"Prop"_s, prop.url()}});
    QTableView *table = rig.open()->table();
    QTRY_COMPARE(table->model()->rowCount(), 3);

    // All accounts: whose each row is, first; the accounts' lines instead of one account bar.
    QCOMPARE(accountChoice(rig)->currentText(), u"All accounts"_s);
    QHeaderView *header = table->horizontalHeader();
    QVERIFY(!header->isSectionHidden(PositionsModel::AccountColumn));
    QCOMPARE(header->logicalIndex(0), int(PositionsModel::AccountColumn));
    QCOMPARE(columnTexts(table->model(), PositionsModel::AccountColumn),
             QStringList({u"Main"_s, u"Main"_s, u"Prop"_s}));
    QCOMPARE(columnTexts(table->model(), PositionsModel::TicketColumn),
             QStringList({u"7"_s, u"8"_s, u"7"_s}));
    QVERIFY(rig.open()->accountsOverview()->isVisible());
    QVERIFY(!rig.open()->accountBar()->isVisible());
    QTRY_VERIFY(totalsText(rig.open()).startsWith(u"3 positions · 1.80 lots"_s));

    // Grouped by account, with each account's subtotals.
    QComboBox *grouping = named<QComboBox>(rig.open(), u"grouping"_s);
    grouping->setCurrentIndex(grouping->findText(u"Account"_s));
    QCOMPARE(table->model()->rowCount(), 5);
    QVERIFY(table->model()->index(0, 0).data(PositionsGroupModel::GroupRole).toBool());
    const int label = rig.open()->groups()->labelColumn();
    const QString mainGroup = table->model()->index(0, label).data().toString();
    QVERIFY2(mainGroup.contains(u"Main — 2 positions, net +6.00"_s), qPrintable(mainGroup));
    // The group rows name the account: no column says it again.
    QVERIFY(header->isSectionHidden(PositionsModel::AccountColumn));
    // Grouped otherwise, the Account column is back, and a label is read whole from the first
    // columns that can carry it (the Account column, moved to the front, cannot).
    grouping->setCurrentIndex(grouping->findText(u"Symbol"_s));
    QVERIFY(!header->isSectionHidden(PositionsModel::AccountColumn));
    QCOMPARE(rig.open()->groups()->labelColumn(), int(PositionsModel::TicketColumn));
    QVERIFY(table->columnSpan(0, PositionsModel::TicketColumn) > 1);
    grouping->setCurrentIndex(grouping->findText(u"Account"_s));

    // One account: its rows alone, its own account bar, no Account column; no grouping by it.
    accountChoice(rig)->setCurrentIndex(accountChoice(rig)->findText(u"Prop"_s));
    QCOMPARE(grouping->currentText(), u"None"_s);
    QCOMPARE(columnTexts(table->model(), PositionsModel::SymbolColumn), QStringList{u"GBPUSD"_s});
    QVERIFY(header->isSectionHidden(PositionsModel::AccountColumn));
    QVERIFY(rig.open()->accountBar()->isVisible());
    QVERIFY(!rig.open()->accountsOverview()->isVisible());
    QCOMPARE(rig.open()->accountBar()->value(AccountBar::Field::Lots), u"1.50"_s);
    QCOMPARE(totalsText(rig.open()), u"1 position · 1.50 lots · Floating P/L +3.00"_s);
}

void tst_AccountsWindow::oneRefusedWhileTheOtherStaysLive()
{
    TestFeedServer refused;
    QVERIFY(refused.listen());
    refused.setMode(TestFeedServer::Mode::RejectHandshake);
    refused.setRejectStatus(401);
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}, {u"Prop"_s, refused.url()}});
    FeedStatusBar *bar = named<FeedStatusBar>(rig.window.get(), u"feedStatusBar"_s);
    QToolButton *summary = named<QToolButton>(bar, u"accountsSummary"_s);
    QTRY_COMPARE(rig.session(1)->socket()->state(), SocketManager::State::Failed);
    QTRY_COMPARE(rig.session(0)->socket()->state(), SocketManager::State::Live);
    QTRY_COMPARE(summary->text(), u"1 of 2 accounts live"_s);

    // The banner says which account is refused, and Main's rows are not greyed.
    const QString said = banner(rig.open())->text();
    QVERIFY2(said.startsWith(u"Prop: "_s), qPrintable(said));
    QVERIFY(!rig.open()->isStale());
    QTRY_VERIFY(rig.open()->table()->model()->rowCount() > 0);
    QCOMPARE(rig.session(0)->book()->count(), rig.open()->table()->model()->rowCount());

    // The list says each account's state.
    AccountsList *list = bar->showAccounts();
    QVERIFY(list->isVisible());
    QVERIFY2(list->lineText(0).startsWith(u"Main\tLive"_s), qPrintable(list->lineText(0)));
    QVERIFY2(list->lineText(1).startsWith(u"Prop\t"_s) && !list->lineText(1).contains(u"Live"_s),
             qPrintable(list->lineText(1)));
    list->close();

    // The banner's Reconnect is Prop's: Main's connection is left alone.
    const int tries = refused.tcpAccepted();
    QSignalSpy mainConnects(rig.simulators.at(0).get(), &FeedSimulator::clientConnected);
    QPushButton *reconnect = bannerButton(rig.open(), "reconnect");
    QTRY_VERIFY(reconnect->isVisible());
    reconnect->click();
    QTRY_VERIFY(refused.tcpAccepted() > tries);
    QCOMPARE(mainConnects.count(), 0);
    QCOMPARE(rig.simulators.at(0)->clientCount(), 1);
}

void tst_AccountsWindow::eachAccountReconnectsOnItsOwn()
{
    TestFeedServer prop;
    QVERIFY(prop.listen());
    prop.setMode(TestFeedServer::Mode::RejectHandshake);
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}, {u"Prop"_s, prop.url()}});
    QTRY_COMPARE(rig.session(1)->socket()->state(), SocketManager::State::Failed);
    QTRY_COMPARE(rig.accounts.liveCount(), 1);
    FeedStatusBar *bar = named<FeedStatusBar>(rig.window.get(), u"feedStatusBar"_s);
    AccountsList *list = bar->showAccounts();
    // Main is live: its data's age and its round trip are there, and it needs no Reconnect.
    QTRY_VERIFY(!list->lineText(0).split(u'\t').at(3).isEmpty());
    QVERIFY(!list->lineText(0).split(u'\t').at(2).isEmpty());
    QVERIFY(!list->reconnectButton(0)->isEnabled());
    QVERIFY(list->reconnectButton(1)->isEnabled());

    // Prop's server is back: its Reconnect brings Prop alone back.
    QSignalSpy mainConnects(rig.simulators.at(0).get(), &FeedSimulator::clientConnected);
    prop.setMode(TestFeedServer::Mode::Normal);
    answerWith(&prop, {});
    list->reconnectButton(1)->click();
    QTRY_COMPARE(rig.accounts.liveCount(), 2);
    QCOMPARE(mainConnects.count(), 0);
    QTRY_VERIFY(!list->reconnectButton(1)->isEnabled());
    QTRY_COMPARE(named<QToolButton>(bar, u"accountsSummary"_s)->text(), u"2 of 2 accounts live"_s);
}

void tst_AccountsWindow::theTabRuleHoldsForEveryAccount()
{
    std::array<TestFeedServer, 3> servers;
    QList<AccountsRig::Feed> feeds;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(servers[i].listen());
        answerWith(&servers[i], {});
        feeds.append({u"Account %1"_s.arg(i + 1), servers[i].url()});
    }
    AccountsRig rig(m_dir->path(), feeds);
    QTRY_COMPARE(rig.accounts.liveCount(), 3);
    auto *tabs = named<QTabWidget>(rig.window.get(), u"tabs"_s);
    tabs->setCurrentIndex(MainWindow::ClosedTradesTab);
    // Every account unsubscribes and closes with 1000, and none comes back on its own.
    for (TestFeedServer &server : servers) {
        QTRY_VERIFY(server.connection(0).closed);
        QCOMPARE(server.connection(0).closeCode, 1000);
        QCOMPARE(server.connection(0).frames.constLast().value("type"_L1).toString(),
                 u"Unsubscribe"_s);
    }
    QTRY_COMPARE(named<QToolButton>(rig.window.get(), u"accountsSummary"_s)->text(),
                 u"0 of 3 accounts live"_s);
    tabs->setCurrentIndex(MainWindow::OpenTradesTab);
    // Each subscribes first on its new socket.
    for (TestFeedServer &server : servers) {
        QTRY_COMPARE(server.connectionCount(), 2);
        QTRY_VERIFY(!server.connection(1).frames.isEmpty());
        QCOMPARE(server.connection(1).frames.constFirst().value("type"_L1).toString(),
                 u"Subscribe"_s);
    }
    QTRY_COMPARE(rig.accounts.liveCount(), 3);
}

void tst_AccountsWindow::moneyAddsUpOnlyInOneCurrency()
{
    TestFeedServer usd;
    TestFeedServer eur;
    TestFeedServer alsoUsd;
    for (TestFeedServer *server : {&usd, &eur, &alsoUsd})
        QVERIFY(server->listen());
    const QList<Position> one = Fixtures::positions(
        R"([{"ticket":1,"symbol":"EURUSD","volume":1,"profit":25,"flwsig":false}])");
    answerWith(&usd, one, u"USD"_s);
    answerWith(&eur, one, u"EUR"_s);
    answerWith(&alsoUsd, one, u"USD"_s);
    AccountsRig rig(m_dir->path(),
                    {{u"Main"_s, usd.url()}, {u"Euro"_s, eur.url()}, {u"Prop"_s, alsoUsd.url()}});
    AccountsOverview *overview = rig.open()->accountsOverview();
    QTRY_COMPARE(rig.accounts.liveCount(), 3);
    QTRY_VERIFY(rig.session(1)->book()->figures().has_value());
    overview->refresh();
    QCOMPARE(overview->lineText(1), u"Euro\t10,000.00 EUR\t10,025.00 EUR\tnone\t+25.00 EUR"_s);
    QCOMPARE(overview->lineText(-1), u"Total\tNo total: the accounts are in EUR and USD."_s);
    QTRY_VERIFY2(
        totalsText(rig.open()).endsWith(u"No total P/L: the accounts are in EUR and USD"_s),
        qPrintable(totalsText(rig.open())));

    // A group of positions of the three accounts says the same.
    rig.open()->setGrouping(PositionsGroupModel::Grouping::SignalTrader);
    const QAbstractItemModel *rows = rig.open()->table()->model();
    const QString own = rows->index(0, rig.open()->groups()->labelColumn()).data().toString();
    QVERIFY2(own.endsWith(u"3 positions, no total: the accounts are in EUR and USD"_s),
             qPrintable(own));
    QCOMPARE(rows->index(0, PositionsModel::ProfitColumn).data().toString(), QString());
    rig.open()->setGrouping(PositionsGroupModel::Grouping::None);

    // The two in dollars add up, on their own.
    QComboBox *choice = accountChoice(rig);
    choice->setCurrentIndex(choice->findText(u"Main"_s));
    QTRY_COMPARE(totalsText(rig.open()), u"1 position · 1.00 lots · Floating P/L +25.00"_s);
    choice->setCurrentIndex(choice->findText(u"All accounts"_s));
    rig.open()->searchBox()->setText(u"EURUSD"_s);
    QVERIFY(totalsText(rig.open()).contains(u"No total P/L"_s));
}

void tst_AccountsWindow::oneAccountIsAsItAlwaysWas()
{
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}});
    QTRY_COMPARE(rig.accounts.liveCount(), 1);
    QVERIFY(!accountChoice(rig)->isVisible());
    QVERIFY(rig.open()->accountsOverview() == nullptr);
    QVERIFY(
        rig.open()->table()->horizontalHeader()->isSectionHidden(PositionsModel::AccountColumn));
    QVERIFY(rig.window->findChild<QToolButton *>(u"accountsSummary"_s) == nullptr);
    QTRY_COMPARE(named<QLabel>(rig.window.get(), u"state"_s)->text(), u"Live"_s);
    QVERIFY(!banner(rig.open())->text().startsWith(u"Main"_s));
}

void tst_AccountsWindow::theConnectionLogSaysWhoseEachEventIs()
{
    TestFeedServer refused;
    QVERIFY(refused.listen());
    refused.setMode(TestFeedServer::Mode::RejectHandshake);
    refused.setRejectStatus(401);
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}, {u"Prop"_s, refused.url()}});
    QTRY_COMPARE(rig.session(1)->socket()->state(), SocketManager::State::Failed);
    QTRY_COMPARE(rig.accounts.liveCount(), 1);
    ConnectionLogWindow *log = rig.window->showConnectionLog();
    QTableView *table = log->table();
    const QAbstractItemModel *rows = table->model();
    QVERIFY(!table->horizontalHeader()->isSectionHidden(ConnectionLog::AccountColumn));
    QCOMPARE(table->horizontalHeader()->visualIndex(ConnectionLog::AccountColumn), 1);
    QCOMPARE(rows->rowCount(), rig.session(0)->log()->count() + rig.session(1)->log()->count());
    // In the order things happened, each saying whose it is.
    QSet<QString> whose;
    for (int row = 0; row < rows->rowCount(); ++row) {
        whose.insert(rows->index(row, ConnectionLog::AccountColumn).data().toString());
        if (row > 0)
            QVERIFY(rows->index(row - 1, 0).data(ConnectionLog::TimestampRole).toLongLong() <=
                    rows->index(row, 0).data(ConnectionLog::TimestampRole).toLongLong());
    }
    QCOMPARE(whose, QSet<QString>({u"Main"_s, u"Prop"_s}));

    // Prop's alone: its refusal, and nothing of Main's.
    named<QComboBox>(log, u"accountFilter"_s)->setCurrentIndex(2);
    QCOMPARE(rows->rowCount(), rig.session(1)->log()->count());
    bool refusal = false;
    for (int row = 0; row < rows->rowCount(); ++row) {
        QCOMPARE(rows->index(row, ConnectionLog::AccountColumn).data().toString(), u"Prop"_s);
        refusal = refusal ||
                  rows->index(row, ConnectionLog::EventColumn).data().toString().contains(u"401"_s);
    }
    QVERIFY(refusal);
    // Copied for a support ticket, each line says whose it is.
    const QStringList lines = log->copyAll().split(u'\n');
    QCOMPARE(lines.size(), rows->rowCount());
    for (const QString &line : lines)
        QVERIFY2(line.contains(u"  [Prop]  "_s), qPrintable(line));
    // New events keep coming in, to the one account's view too.
    const int before = rows->rowCount();
    rig.session(1)->socket()->reconnectNow();
    QTRY_VERIFY(rows->rowCount() > before);
    log->setAccount(-1);
    QCOMPARE(rows->rowCount(), rig.session(0)->log()->count() + rig.session(1)->log()->count());
}

void tst_AccountsWindow::settingsSayWhereEachAccountsFeedIs()
{
    AccountsRig rig(m_dir->path(), {{u"Main"_s, {}}, {u"Prop"_s, {}}});
    bool said = false;
    bool urlEditable = true;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        said = named<QLabel>(dialog, u"severalAccounts"_s)->isVisible();
        urlEditable = named<QLineEdit>(dialog, u"url"_s)->isEnabled();
        dialog->reject();
    });
    rig.window->editSettings();
    QVERIFY(said);
    QVERIFY(!urlEditable);
}

void tst_AccountsWindow::closedTradesReadEveryAccountsTradesAsTheyAreWritten()
{
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(main.listen());
    QVERIFY(prop.listen());
    AccountsRig rig(m_dir->path(), {{u"Main"_s, main.url()}, {u"Prop"_s, prop.url()}},
                    MainWindow::ClosedTradesTab);
    auto *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    auto *accounts = named<QComboBox>(page, u"account"_s);
    auto *period = named<QComboBox>(page, u"period"_s);
    period->setCurrentIndex(period->findData(int(ClosedTradesModel::Period::All)));
    // Prop's first trade is written by Prop's session: its account comes into the list.
    const QString propKey = rig.session(1)->history()->account().key();
    rig.session(1)->history()->record({closedNow(7)});
    QTRY_VERIFY(accounts->findData(propKey) >= 0);
    accounts->setCurrentIndex(accounts->findData(propKey));
    QTRY_COMPARE(page->model()->rowCount(), 1);
    // And the next, while Prop's trades are shown.
    rig.session(1)->history()->record({closedNow(8)});
    QTRY_COMPARE(page->model()->rowCount(), 2);
}

void tst_AccountsWindow::closedTradesAndStatisticsAcrossAndWithinAccounts()
{
    // Two follower accounts in dollars, both copying signal trader 55: Closed Trades over all
    // of them has one row of statistics for him, from both accounts' fills; within one
    // account, that account's alone. Once an account says it keeps euros, nothing of money
    // is added up across them, and the window says why.
    TestFeedServer main;
    TestFeedServer prop;
    QVERIFY(main.listen());
    QVERIFY(prop.listen());
    const QList<Position> none;
    answerWith(&main, none, u"USD"_s);
    answerWith(&prop, none, u"USD"_s);
    AccountsRig rig(m_dir->path(), {{u"Main"_s, main.url()}, {u"Prop"_s, prop.url()}});
    // Each account's currency is kept in the history as its feed says it.
    QTRY_COMPARE(rig.session(0)->history()->store()->currencies().size(), 2);
    const auto copying = [](qint64 ticket, double profit) {
        ClosedTrade trade = closedNow(ticket);
        trade.position.profit = profit;
        trade.position.flwsig = true;
        trade.position.sigtraderid = 55;
        trade.position.signame = u"Gold Bull"_s;
        return trade;
    };
    ClosedTrade own = closedNow(8);
    own.position.profit = -4.0;
    rig.session(0)->history()->record({copying(7, 10.0), own});
    rig.session(1)->history()->record({copying(7, 30.0)});

    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    auto *page = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    auto *accounts = named<QComboBox>(page, u"account"_s);
    QCOMPARE(accounts->currentText(), u"All accounts"_s);
    QCOMPARE(accounts->itemText(1), u"Main"_s);
    QCOMPARE(accounts->itemText(2), u"Prop"_s);
    QTRY_COMPARE(page->table()->model()->rowCount(), 3);
    QHeaderView *header = page->table()->horizontalHeader();
    QVERIFY(!header->isSectionHidden(ClosedTradesModel::AccountColumn));
    QCOMPARE(header->logicalIndex(0), int(ClosedTradesModel::AccountColumn));
    QStringList whose = columnTexts(page->table()->model(), ClosedTradesModel::AccountColumn);
    whose.sort();
    QCOMPARE(whose, QStringList({u"Main"_s, u"Main"_s, u"Prop"_s}));
    QTRY_VERIFY2(totalsText(page).endsWith(u"Net +36.00"_s), qPrintable(totalsText(page)));

    const auto statistics = [page](const QString &who) {
        const TraderStatisticsModel *model = page->statisticsModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, TraderStatisticsModel::TraderColumn).data().toString() == who)
                return model->index(row, TraderStatisticsModel::TradesColumn).data().toString() +
                       u' ' + model->index(row, TraderStatisticsModel::NetColumn).data().toString();
        }
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, TraderStatisticsModel::TraderColumn).data().toString();
        return u"no row among "_s + names.join(u", "_s);
    };
    const QString goldBull = u"Gold Bull"_s;
    QTRY_COMPARE(statistics(goldBull), u"2 40.00"_s);
    QCOMPARE(statistics(u"Own trades"_s), u"1 -4.00"_s);

    // Within one account: its own fills.
    accounts->setCurrentIndex(accounts->findText(u"Prop"_s));
    QTRY_COMPARE(page->table()->model()->rowCount(), 1);
    QVERIFY(header->isSectionHidden(ClosedTradesModel::AccountColumn));
    QTRY_COMPARE(statistics(goldBull), u"1 30.00"_s);

    // Prop's feed says it keeps euros (as its session passes on what the feed says): one
    // account's money is still its own, but across the two none adds up.
    rig.session(1)->history()->setCurrency(u"EUR"_s);
    QTRY_COMPARE(rig.session(0)->history()->store()->currencies().value(
                     rig.session(1)->history()->account().key()),
                 u"EUR"_s);
    QTRY_VERIFY2(totalsText(page).endsWith(u"Net +30.00"_s), qPrintable(totalsText(page)));
    accounts->setCurrentIndex(accounts->findText(u"All accounts"_s));
    const QString why = u"the accounts are in EUR and USD"_s;
    QTRY_VERIFY2(totalsText(page).endsWith(u"No totals of money: "_s + why),
                 qPrintable(totalsText(page)));
    QCOMPARE(page->moneyWithheld(), why);
    auto *charts = named<PerformanceCharts>(page, u"charts"_s);
    QVERIFY(charts->isEmptyShown());
    QCOMPARE(charts->emptyText(), u"No chart across these accounts: "_s + why + u'.');
    QTRY_COMPARE(statistics(goldBull), u"2 –"_s);
    const TraderStatisticsModel *model = page->statisticsModel();
    QCOMPARE(model->index(0, TraderStatisticsModel::NetColumn).data(Qt::ToolTipRole).toString(),
             u"Not added up: "_s + why);
    QVERIFY(!model->csv().contains(",40,"));
    // Counts and rates stay: they are not money.
    QCOMPARE(model->index(0, TraderStatisticsModel::WinRateColumn).data().toString(), u"100.0%"_s);
}

QTEST_MAIN(tst_AccountsWindow)
#include "tst_accountswindow.moc"
