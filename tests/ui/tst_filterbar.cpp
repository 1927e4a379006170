// SPDX-License-Identifier: GPL-3.0-or-later
// The filter bar over Open Trades: what it hides is said, and its signal traders come from the
// positions.
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

class tst_FilterBar : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void signalTraderSelectorFillsFromPositions();
    void filtersSayWhatTheyHide();
};

void tst_FilterBar::signalTraderSelectorFillsFromPositions()
{
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    QComboBox *box = named<QComboBox>(rig.open(), u"signalTrader"_s);
    QSet<qint64> traders;
    for (const Position &p : rig.book.positions()) {
        if (p.flwsig)
            traders.insert(p.sigtraderid);
    }
    QTRY_COMPARE(box->count(), traders.size() + 1);
    box->setCurrentIndex(1);
    const qint64 chosen = box->currentData().toLongLong();
    QAbstractItemModel *shown = rig.open()->table()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(shown->index(row, 0).data(PositionsModel::SignalTraderIdRole).toLongLong(),
                 chosen);
    // Under Mine the choice of a trader means nothing: it is off, and says why.
    QVERIFY(box->isEnabled());
    rig.open()->setMode(Mode::Mine);
    QVERIFY(!box->isEnabled());
    QCOMPARE(box->toolTip(), u"Your own positions copy no signal trader"_s);
    QVERIFY(!totalsText(rig.open()).contains(box->currentText()));
    rig.open()->setMode(Mode::Following);
    QVERIFY(box->isEnabled());
    QVERIFY(totalsText(rig.open()).contains(u"(Following · %1)"_s.arg(box->currentText())));
}

void tst_FilterBar::filtersSayWhatTheyHide()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    WindowRig rig(m_dir->path());
    OpenTradesPage *page = rig.open();
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(rig.book.count() > 0);
    const int all = rig.book.count();
    QVERIFY(named<QPushButton>(page, u"clearFilters"_s)->isHidden());
    QVERIFY(emptyTableText(page).isEmpty());

    // A symbol from the selector: "n of N shown", what filters, and a way back.
    QComboBox *symbols = named<QComboBox>(named<FilterBar>(page, u"filters"_s), u"symbol"_s);
    const QString symbol = rig.book.at(0).symbol;
    symbols->setCurrentIndex(symbols->findText(symbol));
    int shown = 0;
    for (const Position &p : rig.book.positions())
        shown += p.symbol == symbol ? 1 : 0;
    QTRY_VERIFY(totalsText(page).startsWith(
        u"%1 of %2 positions shown (%3) · "_s.arg(shown).arg(all).arg(symbol)));
    QCOMPARE(page->table()->model()->rowCount(), shown);
    QVERIFY(!named<QPushButton>(page, u"clearFilters"_s)->isHidden());

    // Nothing matches: the table says so instead of looking like an empty account.
    page->searchBox()->setText(u"no such thing"_s);
    QCOMPARE(page->table()->model()->rowCount(), 0);
    QCOMPARE(emptyTableText(page), u"No positions match the filters"_s);
    QVERIFY(totalsText(page).startsWith(
        u"0 of %1 positions shown (%2 · “no such thing”)"_s.arg(all).arg(symbol)));

    QTest::mouseClick(named<QPushButton>(page, u"clearFilters"_s), Qt::LeftButton);
    QCOMPARE(page->table()->model()->rowCount(), all);
    QVERIFY(page->searchBox()->text().isEmpty());
    QCOMPARE(symbols->currentIndex(), 0);
    QVERIFY(totalsText(page).startsWith(u"%1 positions · "_s.arg(all)));
    QVERIFY(named<QPushButton>(page, u"clearFilters"_s)->isHidden());
    QVERIFY(emptyTableText(page).isEmpty());
}

QTEST_MAIN(tst_FilterBar)
#include "tst_filterbar.moc"
