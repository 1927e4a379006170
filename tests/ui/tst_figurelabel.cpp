// SPDX-License-Identifier: GPL-3.0-or-later
// The totals under a table add up the rows it shows, whatever the filter.
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
#include "figurelabel.h"
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
#include <QHBoxLayout>
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

class tst_FigureLabel : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    // The widget alone.
    void aNewFigureOfTheSameWidthLaysNothingOut();
    void aWiderFigureIsShownWhole();
    // In the window.
    void totalsMatchTheRowsShown_data();
    void totalsMatchTheRowsShown();
};

namespace {

// Counts the layout requests that reach a widget: each is a layout (and, in a tab widget, a
// repaint of the whole window).
class LayoutRequests : public QObject
{
public:
    explicit LayoutRequests(QWidget *watched) { watched->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

// A label showing `text` in a row of a shown window, laid out.
struct LabelInARow
{
    explicit LabelInARow(const QString &text)
    {
        auto *layout = new QHBoxLayout(&window);
        layout->addWidget(label);
        layout->addStretch();
        label->setText(text);
        window.resize(600, 40);
        window.show();
        exposed = QTest::qWaitForWindowExposed(&window);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
    QWidget window;
    FigureLabel *label = new FigureLabel(&window);
    bool exposed = false;
};

} // namespace

void tst_FigureLabel::aNewFigureOfTheSameWidthLaysNothingOut()
{
    LabelInARow row(u"Floating P/L +1,234.56"_s);
    QVERIFY(row.exposed);
    FigureLabel *label = row.label;
    LayoutRequests requests(&row.window);
    // Ten ticks a second of figures as wide as the last: the text changes, nothing is laid out.
    for (const QString &text : {u"Floating P/L +1,234.57"_s, u"Floating P/L +1,234.11"_s})
        label->setText(text);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(label->text(), u"Floating P/L +1,234.11"_s);
    QCOMPARE(requests.count, 0);
}

void tst_FigureLabel::aWiderFigureIsShownWhole()
{
    LabelInARow row(u"+9.99"_s);
    QVERIFY(row.exposed);
    FigureLabel *label = row.label;
    LayoutRequests requests(&row.window);
    const QString wider = u"Floating P/L +1,234,567.89 USD"_s;
    label->setText(wider);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(requests.count >= 1);
    QTRY_VERIFY(label->width() >= label->fontMetrics().horizontalAdvance(wider));
}

void tst_FigureLabel::totalsMatchTheRowsShown_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addRow("All") << Mode::All;
    QTest::addRow("Following") << Mode::Following;
    QTest::addRow("Mine") << Mode::Mine;
}

void tst_FigureLabel::totalsMatchTheRowsShown()
{
    QFETCH(Mode, mode);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() >= 10);
    rig.simulator->setSilent(true); // hold the numbers still while we add them up
    rig.open()->setMode(mode);
    QAbstractItemModel *shown = rig.open()->table()->model();
    // Ticks sent before the silence may still be on their way: the rows are added up again
    // on every try, until the footer and the rows it sums agree.
    const auto expectedFooter = [&] {
        const int count = shown->rowCount();
        double volume = 0;
        double profit = 0;
        for (int row = 0; row < count; ++row) {
            volume += shown->index(row, PositionsModel::VolumeColumn)
                          .data(PositionsModel::SortRole)
                          .toDouble();
            // Net of swap and commission, as the account bar counts it.
            for (const int column : {PositionsModel::ProfitColumn, PositionsModel::SwapColumn,
                                     PositionsModel::CommissionColumn})
                profit += shown->index(row, column).data(PositionsModel::SortRole).toDouble();
        }
        const int all = rig.book.count();
        const QString shownOf =
            mode == Mode::All ? u"%1 position%2"_s.arg(count).arg(count == 1 ? QString() : u"s"_s)
                              : u"%1 of %2 positions shown (%3)"_s.arg(count).arg(all).arg(
                                    mode == Mode::Mine ? u"Mine"_s : u"Following"_s);
        return u"%1 · %2 lots · Floating P/L %3%4"_s.arg(shownOf)
            .arg(QLocale().toString(volume, 'f', 2))
            .arg(profit > 0 ? u"+"_s : QString())
            .arg(QLocale().toString(profit, 'f', 2));
    };
    QVERIFY(shown->rowCount() > 0);
    QTRY_COMPARE(totalsText(rig.open()), expectedFooter());
}

QTEST_MAIN(tst_FigureLabel)
#include "tst_figurelabel.moc"
