// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"
#include "feedstatusbar.h"
#include "trayicon.h"

#include <QSystemTrayIcon>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;
using Level = FeedStatus::Level;

class tst_TrayIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void iconColourAndTooltipFollowTheFeed_data();
    void iconColourAndTooltipFollowTheFeed();
    void aClickBringsTheWindowBack();
    void withoutServiceOrTrayNothingIsPretended();
};

void tst_TrayIcon::iconColourAndTooltipFollowTheFeed_data()
{
    QTest::addColumn<Level>("level");
    QTest::addColumn<QString>("text");
    QTest::addRow("live") << Level::Live << u"Live"_s;
    QTest::addRow("busy") << Level::Busy << u"Reconnecting 2/5 in 4 s"_s;
    QTest::addRow("down") << Level::Down << u"Disconnected"_s;
    QTest::addRow("paused") << Level::Paused << u"Paused"_s;
}

void tst_TrayIcon::iconColourAndTooltipFollowTheFeed()
{
    QFETCH(Level, level);
    QFETCH(QString, text);
    QWidget window;
    TrayIcon tray(&window);
    FeedStatus status;
    status.level = level == Level::Paused ? Level::Live : Level::Paused; // a change either way
    tray.setStatus(status);
    status.level = level;
    status.text = text;
    tray.setStatus(status);
    QCOMPARE(tray.level(), level);
    QCOMPARE(tray.toolTip(), u"Trade Monitor — %1"_s.arg(text));
    // The dot in the corner has the status bar's colour for that level.
    const QImage image = tray.icon()->icon().pixmap(32, 32).toImage();
    const QColor dot = image.pixelColor(image.width() * 3 / 4 + 1, image.height() * 3 / 4 + 1);
    const QColor expected = FeedStatusBar::levelColor(level);
    QVERIFY2(qAbs(dot.red() - expected.red()) < 8 && qAbs(dot.green() - expected.green()) < 8 &&
                 qAbs(dot.blue() - expected.blue()) < 8,
             qPrintable(dot.name() + u" vs "_s + expected.name()));
}

void tst_TrayIcon::aClickBringsTheWindowBack()
{
    QWidget window;
    TrayIcon tray(&window);
    QVERIFY(!window.isVisible());
    Q_EMIT tray.icon()->activated(QSystemTrayIcon::Trigger);
    QVERIFY(window.isVisible());
    window.hide();
    Q_EMIT tray.icon()->activated(QSystemTrayIcon::Context); // the menu, not the window
    QVERIFY(!window.isVisible());
}

void tst_TrayIcon::withoutServiceOrTrayNothingIsPretended()
{
    // No session bus and no tray here (offscreen): no route, and notify() is harmless.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QWidget window;
    TrayIcon tray(&window);
    tray.setVisible(true);
    QCOMPARE(tray.isVisible(), TrayIcon::isAvailable());
    DesktopNotifier notifier(TrayIcon::isAvailable() ? &tray : nullptr);
    if (notifier.route() == DesktopNotifier::Route::NotificationService)
        QSKIP("this machine has a desktop notification service");
    QCOMPARE(notifier.route(),
             TrayIcon::isAvailable() ? DesktopNotifier::Route::Tray : DesktopNotifier::Route::None);
    notifier.notify({Notification::Kind::Opened, u"Opened EURUSD Buy 0.10"_s, {}, false});
}

QTEST_MAIN(tst_TrayIcon)
#include "tst_trayicon.moc"
