// SPDX-License-Identifier: GPL-3.0-or-later
// View → Connection Log: every event of the feed, opened with Ctrl+L, copied as text.
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

class tst_ConnectionLogWindow : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void connectionLogOpensWithCtrlLAndCopies();
};

void tst_ConnectionLogWindow::connectionLogOpensWithCtrlLAndCopies()
{
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QSignalSpy dropped(&rig.socket, &SocketManager::dropped);
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_COMPARE(dropped.count(), 1);
    QTRY_COMPARE(rig.socket.state(), State::Live);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::OpenTradesTab);
    ConnectionLog *log = rig.account.log();
    QTRY_VERIFY(log->count() >= 8);
    QStringList events;
    for (int row = 0; row < log->count(); ++row)
        events.append(log->entry(row).text);
    const QString all = events.join(u" | "_s);
    for (const char *expected :
         {"Connecting to 127.0.0.1:", "Connected to", "Subscribed", "Snapshot with ",
          "Dropped: ", "(retry 1)", "Paused: ", "Resumed: "})
        QVERIFY2(all.contains(QLatin1String(expected)),
                 qPrintable(QLatin1String(expected) + u" in "_s + all));

    QApplication::setActiveWindow(rig.window.get());
    QVERIFY(QTest::qWaitForWindowActive(rig.window.get()));
    QTest::keySequence(rig.window.get(), QKeySequence(u"Ctrl+L"_s));
    auto *logWindow = rig.window->findChild<ConnectionLogWindow *>();
    QVERIFY(logWindow);
    QTRY_VERIFY(logWindow->isVisible());
    QCOMPARE(logWindow->table()->model()->rowCount(), log->count());
    logWindow->table()->selectRow(0);
    logWindow->table()->selectionModel()->select(logWindow->table()->model()->index(1, 0),
                                                 QItemSelectionModel::Select |
                                                     QItemSelectionModel::Rows);
    const QString copied = logWindow->copySelection();
    const QStringList lines = copied.split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(
        QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  Connecting to"_s)
            .match(lines.at(0))
            .hasMatch(),
        qPrintable(copied));
    QCOMPARE(QGuiApplication::clipboard()->text(), copied);
    savePng(logWindow, u"connection-log.png"_s);
}

QTEST_MAIN(tst_ConnectionLogWindow)
#include "tst_connectionlogwindow.moc"
