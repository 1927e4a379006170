// SPDX-License-Identifier: GPL-3.0-or-later
// The tables' right-click menus: copy the row, filter by what was clicked.
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
#include "named.h"
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

class tst_TableMenus : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void rowMenusCopyAndFilter();
};

void tst_TableMenus::rowMenusCopyAndFilter()
{
    WindowRig rig(m_dir->path());
    OpenTradesPage *page = rig.open();
    QTRY_VERIFY(rig.book.count() > 0);
    rig.simulator->setSilent(true);
    QAbstractItemModel *shown = page->table()->model();
    QModelIndex following;
    QModelIndex own;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, PositionsModel::SymbolColumn);
        (index.data(PositionsModel::FollowingRole).toBool() ? following : own) = index;
    }
    QVERIFY(following.isValid() && own.isValid());
    const auto action = [](QMenu *menu, const char *name) {
        return menu->findChild<QAction *>(QLatin1String(name));
    };

    std::unique_ptr<QMenu> menu(page->rowMenu(own));
    QVERIFY(menu);
    QVERIFY(!action(menu.get(), "filterTrader")->isEnabled()); // an own position copies nobody
    action(menu.get(), "copyTicket")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             own.siblingAtColumn(PositionsModel::TicketColumn).data().toString());

    // Filter by this signal trader, even from Mine: the trader's copies are under Following.
    const qint64 trader = following.data(PositionsModel::SignalTraderIdRole).toLongLong();
    const QString traderName =
        following.siblingAtColumn(PositionsModel::SignalColumn).data().toString();
    QVERIFY(!page->rowMenu(QModelIndex())); // no row, no menu
    const int followingRow = [&] {
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(PositionsModel::SignalTraderIdRole).toLongLong() ==
                trader)
                return row;
        }
        return -1;
    }();
    QVERIFY(followingRow >= 0);
    menu.reset(page->rowMenu(shown->index(followingRow, 0)));
    page->setMode(Mode::Mine);
    QVERIFY(action(menu.get(), "filterTrader")->text().contains(traderName));
    action(menu.get(), "filterTrader")->trigger();
    QCOMPARE(page->proxy()->mode(), Mode::Following);
    QCOMPARE(page->proxy()->signalTraderId(), trader);
    QCOMPARE(named<QComboBox>(page, u"signalTrader"_s)->currentText(), traderName);
    QVERIFY(totalsText(page).contains(traderName));

    // Filter by this symbol.
    const QModelIndex row = shown->index(0, PositionsModel::SymbolColumn);
    const QString symbol = row.data().toString();
    menu.reset(page->rowMenu(row));
    action(menu.get(), "filterSymbol")->trigger();
    QCOMPARE(page->proxy()->symbol(), symbol);
    for (int r = 0; r < shown->rowCount(); ++r)
        QCOMPARE(shown->index(r, PositionsModel::SymbolColumn).data().toString(), symbol);

    // The same menu on Closed Trades, and the column menu on its header.
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    ClosedTradesPage *closed = named<ClosedTradesPage>(rig.window.get(), u"closedTradesPage"_s);
    named<QComboBox>(closed, u"period"_s)
        ->setCurrentIndex(named<QComboBox>(closed, u"period"_s)->findText(u"All"_s));
    QTRY_VERIFY(closed->table()->model()->rowCount() > 0);
    const QModelIndex trade = closed->table()->model()->index(0, ClosedTradesModel::SymbolColumn);
    menu.reset(closed->rowMenu(trade));
    QVERIFY(menu);
    action(menu.get(), "filterSymbol")->trigger();
    QCOMPARE(closed->model()->filter().symbol, trade.data().toString());
    action(menu.get(), "copyTicket")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             trade.siblingAtColumn(ClosedTradesModel::TicketColumn).data().toString());
    QCOMPARE(closed->table()->horizontalHeader()->contextMenuPolicy(), Qt::CustomContextMenu);
}

QTEST_MAIN(tst_TableMenus)
#include "tst_tablemenus.moc"
