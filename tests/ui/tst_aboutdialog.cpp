// SPDX-License-Identifier: GPL-3.0-or-later
// Help → About: the version, the licence, Qt and the notices.
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

class tst_AboutDialog : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void aboutNamesVersionLicenceQtAndNotices();
};

void tst_AboutDialog::aboutNamesVersionLicenceQtAndNotices()
{
    WindowRig rig(m_dir->path());
    QPointer<AboutDialog> about = rig.window->showAbout();
    QVERIFY(about);
    const QString text = about->summary();
    QVERIFY2(text.contains(u"Trade Monitor %1\n"_s.arg(QStringLiteral(TRADE_MONITOR_VERSION))),
             qPrintable(text));
    QVERIFY(text.contains(u"Qt %1"_s.arg(QString::fromLatin1(qVersion()))));
    QVERIFY(
        text.contains(u"GNU General Public License, version 3 or (at your option) any later"_s));
    QVERIFY(text.contains(rig.history.fileStore()->path()));
    // The whole licence and the notices are there, from the files the repository ships.
    QCOMPARE(named<QTabWidget>(about, u"tabs"_s)->count(), 3);
    QVERIFY(
        AboutDialog::licenceText().startsWith(u"                    GNU GENERAL PUBLIC LICENSE"_s));
    QVERIFY(AboutDialog::licenceText().contains(u"Version 3, 29 June 2007"_s));
    for (const char *name : {"simdjson", "Apache-2.0", "Qt Charts", "GPL-3.0-only", "LGPL-3.0"})
        QVERIFY2(AboutDialog::noticesText().contains(QLatin1String(name)), name);
    savePng(about, u"about.png"_s);
    about->close();
    QTRY_VERIFY(!about); // deleted on close
}

QTEST_MAIN(tst_AboutDialog)
#include "tst_aboutdialog.moc"
