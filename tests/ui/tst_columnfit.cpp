// SPDX-License-Identifier: GPL-3.0-or-later
// The columns fit the window: in a narrow one the costs and stops step aside before the profit
// leaves the view.
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
#include <QStandardItemModel>
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

class tst_ColumnFit : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void narrowWindowKeepsTheProfitInView();
    void aWiderValueScrolledIntoViewWidensItsColumn();
};

void tst_ColumnFit::narrowWindowKeepsTheProfitInView()
{
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QTableView *table = rig.open()->table();
    QHeaderView *header = table->horizontalHeader();
    QVERIFY(!header->stretchLastSection());
    const auto profitInView = [&] {
        const int left = header->sectionViewportPosition(PositionsModel::ProfitColumn);
        return !header->isSectionHidden(PositionsModel::ProfitColumn) && left >= 0 &&
               left + header->sectionSize(PositionsModel::ProfitColumn) <=
                   table->viewport()->width();
    };
    // Wide: every column, none wider than a fitted column may be (no Signal across half
    // the window).
    rig.window->resize(1600, 700);
    QTRY_VERIFY(named<ColumnFit>(rig.open(), u"columnFit"_s)->setAside().isEmpty());
    for (int column = 0; column < PositionsModel::ColumnCount; ++column) {
        // One account: no column says whose a row is.
        QCOMPARE(header->isSectionHidden(column), column == PositionsModel::AccountColumn);
        QVERIFY2(header->sectionSize(column) <= 220, qPrintable(QString::number(column)));
    }
    QVERIFY(profitInView());

    // 800 px: costs and stops step aside, the profit stays in view, and the header says so;
    // the account's figures wrap rather than hold the window wider.
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    rig.window->resize(800, 600);
    QTRY_VERIFY(profitInView());
    QCOMPARE(rig.window->width(), 800);
    // Set aside until the rest fits: no scrolling across (a column set aside reads 0 wide
    // while hidden, which once brought it straight back).
    QTRY_VERIFY2(header->length() <= table->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(header->length()).arg(table->viewport()->width())));
    QTRY_VERIFY(rig.open()->accountBar()->lineCount() >= 2);
    const QList<int> aside = named<ColumnFit>(rig.open(), u"columnFit"_s)->setAside();
    QVERIFY(!aside.isEmpty());
    QCOMPARE(aside.constFirst(), int(PositionsModel::CommissionColumn));
    QVERIFY(!aside.contains(PositionsModel::SignalColumn));
    QVERIFY(header->toolTip().contains(u"Hidden to fit the window: Commission"_s));
    table->selectRow(1); // how a selected row's profit reads
    savePng(rig.window.get(), u"mainwindow-narrow.png"_s);
    // Chosen by hand, a column stays, whatever the width.
    named<ColumnFit>(rig.open(), u"columnFit"_s)->setByUser(PositionsModel::CommissionColumn);
    header->setSectionHidden(PositionsModel::CommissionColumn, false);
    rig.window->resize(790, 600);
    QTRY_VERIFY(!named<ColumnFit>(rig.open(), u"columnFit"_s)
                     ->setAside()
                     .contains(PositionsModel::CommissionColumn));
    QVERIFY(!header->isSectionHidden(PositionsModel::CommissionColumn));

    // Wide again: they come back; and what was set aside is not saved as hidden.
    rig.window->resize(1600, 700);
    QTRY_VERIFY(named<ColumnFit>(rig.open(), u"columnFit"_s)->setAside().isEmpty());
    rig.window->resize(800, 600);
    QTRY_VERIFY(!named<ColumnFit>(rig.open(), u"columnFit"_s)->setAside().isEmpty());
    rig.window->close();
    WindowRig again(m_dir->path());
    again.window->resize(1600, 700);
    QTRY_VERIFY(named<ColumnFit>(again.open(), u"columnFit"_s)->setAside().isEmpty());
    for (int column = 0; column < PositionsModel::ColumnCount; ++column)
        QCOMPARE(again.open()->table()->horizontalHeader()->isSectionHidden(column),
                 column == PositionsModel::AccountColumn);
}

void tst_ColumnFit::aWiderValueScrolledIntoViewWidensItsColumn()
{
    // A thousand short values and, far below, a long one: following the data measures the
    // rows in view, and the long one when it comes into view.
    QStandardItemModel model(1000, 2);
    for (int row = 0; row < model.rowCount(); ++row) {
        model.setItem(row, 0, new QStandardItem(QString::number(row)));
        model.setItem(row, 1, new QStandardItem(u"1.1"_s));
    }
    const QString wide = u"12,345,678,901.23456"_s;
    model.item(900, 1)->setText(wide);
    QTableView table;
    table.setModel(&model);
    ColumnFit fit(&table, {});
    table.resize(400, 300);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    fit.fitToContents();
    QHeaderView *header = table.horizontalHeader();
    const int needed = table.sizeHintForIndex(model.index(900, 1)).width();
    QVERIFY2(header->sectionSize(1) < needed, "measured beyond the rows it should have");
    table.scrollTo(model.index(900, 1), QAbstractItemView::PositionAtCenter);
    QTRY_VERIFY(header->sectionSize(1) >= needed);
}

QTEST_MAIN(tst_ColumnFit)
#include "tst_columnfit.moc"
