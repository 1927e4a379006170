// SPDX-License-Identifier: GPL-3.0-or-later
// Numbers that are not live are greyed, and come back in colour when they are.
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

class tst_ToneDelegate : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void staleNumbersAreGreyed();
};

void tst_ToneDelegate::staleNumbersAreGreyed()
{
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QTRY_VERIFY(rig.book.count() > 0);
    QVERIFY(banner(rig.open())->isHidden());
    named<QTabWidget>(rig.window.get(), u"tabs"_s)->setCurrentIndex(MainWindow::ClosedTradesTab);
    // The rows stay for reference, but the page says they are not live.
    QVERIFY(rig.open()->table()->model()->rowCount() > 0);
    QVERIFY(!banner(rig.open())->isHidden());
    const QImage image = rig.open()->table()->viewport()->grab().toImage();
    QVERIFY(!image.isNull());
}

QTEST_MAIN(tst_ToneDelegate)
#include "tst_tonedelegate.moc"
