// SPDX-License-Identifier: GPL-3.0-or-later
// The feed's state in words, kept current without a window: it ticks on its own, reads the
// data's age on the clock it is given, and tells a paused feed from a lost one.
#include "feed/feedstatuspresenter.h"
#include "protocol/feedprofile.h"
#include "session/accountsession.h"
#include "testclocks.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Level = FeedStatus::Level;

class tst_FeedStatusPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pausedIsNotDown();
    void ticksOnItsOwn();
    void theDataAgeIsReadOnTheClockGiven();
};

void tst_FeedStatusPresenter::pausedIsNotDown()
{
    AccountSession account;
    FeedStatusPresenter *status = account.status();
    QSignalSpy changed(status, &FeedStatusPresenter::statusChanged);
    QCOMPARE(status->status().level, Level::Down); // never opened, in front: down
    QVERIFY(status->status().offerReconnect);
    status->setPaused(true);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(status->status().level, Level::Paused);
    QCOMPARE(changed.constLast().at(0).value<FeedStatus>().text, u"Paused"_s);
    status->setPaused(false);
    QCOMPARE(status->status().level, Level::Down);
}

void tst_FeedStatusPresenter::ticksOnItsOwn()
{
    AccountSession account;
    QSignalSpy changed(account.status(), &FeedStatusPresenter::statusChanged);
    // Nothing happens to the feed; the countdown and the age still move.
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, 5000);
}

void tst_FeedStatusPresenter::theDataAgeIsReadOnTheClockGiven()
{
    AccountSession account;
    QString error;
    QVERIFY(
        account.start(FeedProfile::native().configFor(QUrl(), 7), FeedProfile::native(), &error));
    account.socket()->open();
    QTRY_COMPARE(account.socket()->state(), SocketManager::State::Live);
    QTRY_VERIFY(account.feed()->lastDataAt() > 0);

    FixedClock clock;
    FeedStatusPresenter *status = account.status();
    status->setClock(&clock);
    // Ten and a half minutes after the last data, on a healthy link: quiet, not alarming.
    clock.now = account.feed()->lastDataAt() + 630'000;
    status->refresh();
    QVERIFY2(status->status().ageText.contains(u"10 min"_s), qPrintable(status->status().ageText));
    QVERIFY(!status->status().ageWarning);
    // Paused: no age at all.
    status->setPaused(true);
    QVERIFY(status->status().ageText.isEmpty());
}

QTEST_GUILESS_MAIN(tst_FeedStatusPresenter)
#include "tst_feedstatuspresenter.moc"
