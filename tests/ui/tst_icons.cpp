// SPDX-License-Identifier: GPL-3.0-or-later
// Sharp at any scale: every icon the window draws is drawn at the size and scale it is shown
// at (a tray at 200 %, a table at 300 %), never a small bitmap scaled up.
#include "feedstatusbar.h"
#include "icons.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_Icons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawnAtEverySizeAndScale_data();
    void drawnAtEverySizeAndScale();
    void theTrayIconShowsTheFeedsColour_data();
    void theTrayIconShowsTheFeedsColour();
};

void tst_Icons::drawnAtEverySizeAndScale_data()
{
    QTest::addColumn<QIcon>("icon");
    QTest::addRow("application") << Icons::application();
    QTest::addRow("feed: live") << Icons::feed(FeedStatus::Level::Live);
    QTest::addRow("feed: down") << Icons::feed(FeedStatus::Level::Down);
    QTest::addRow("unreadable row") << Icons::unreadable();
}

void tst_Icons::drawnAtEverySizeAndScale()
{
    QFETCH(QIcon, icon);
    QVERIFY(!icon.isNull());
    for (const int side : {16, 22, 32, 48, 64}) {
        for (const qreal scale : {1.0, 1.5, 2.0, 3.0}) {
            const QPixmap shown = icon.pixmap(QSize(side, side), scale);
            const int pixels = qRound(side * scale);
            // Every device pixel its own: as large as the screen needs...
            QCOMPARE(shown.size(), QSize(pixels, pixels));
            // ...and drawn at that size, not a smaller one stretched (it would be the same
            // picture as one drawn at that size outright only if it were vector).
            const QImage direct = icon.pixmap(QSize(pixels, pixels), 1.0).toImage();
            QImage pixelsShown = shown.toImage().convertToFormat(direct.format());
            pixelsShown.setDevicePixelRatio(1.0);
            QCOMPARE(pixelsShown, direct);
            // And not empty.
            QVERIFY(direct.pixelColor(pixels / 2, pixels / 2).alpha() > 0);
        }
    }
}

void tst_Icons::theTrayIconShowsTheFeedsColour_data()
{
    QTest::addColumn<FeedStatus::Level>("level");
    QTest::addRow("live") << FeedStatus::Level::Live;
    QTest::addRow("busy") << FeedStatus::Level::Busy;
    QTest::addRow("down") << FeedStatus::Level::Down;
    QTest::addRow("paused") << FeedStatus::Level::Paused;
}

void tst_Icons::theTrayIconShowsTheFeedsColour()
{
    QFETCH(FeedStatus::Level, level);
    for (const qreal scale : {1.0, 2.0}) {
        const QImage image = Icons::feed(level).pixmap(QSize(22, 22), scale).toImage();
        // The dot's middle, in the lower right corner.
        const int at = qRound(image.width() * (1.0 - 0.45 / 2)) - 1;
        QCOMPARE(image.pixelColor(at, at).name(), FeedStatusBar::levelColor(level).name());
    }
}

QTEST_MAIN(tst_Icons)
#include "tst_icons.moc"
