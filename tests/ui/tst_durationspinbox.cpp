// SPDX-License-Identifier: GPL-3.0-or-later
// Settings' timing numbers as people read and type them ("15 s", "1 min 30 s"), kept in
// milliseconds.
#include "config/feedsettings.h"
#include "durationspinbox.h"
#include "named.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"

#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_DurationSpinBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shownAsPeopleReadIt_data();
    void shownAsPeopleReadIt();
    void typedAsPeopleWriteIt_data();
    void typedAsPeopleWriteIt();
    void theArrowsStepByWhatIsShown();
    void theFeedTimingsInTheDialogReadSo();
};

void tst_DurationSpinBox::shownAsPeopleReadIt_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("shown");
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QLocale german(QLocale::German, QLocale::Germany);
    QTest::addRow("under a second") << qint64(250) << english << u"250 ms"_s;
    QTest::addRow("whole seconds") << qint64(15000) << english << u"15 s"_s;
    QTest::addRow("a second and a half") << qint64(1500) << english << u"1.5 s"_s;
    QTest::addRow("in German") << qint64(2500) << german << u"2,5 s"_s;
    QTest::addRow("a minute") << qint64(60000) << english << u"1 min"_s;
    QTest::addRow("a minute and a half") << qint64(90000) << english << u"1 min 30 s"_s;
    QTest::addRow("ten minutes") << qint64(600000) << english << u"10 min"_s;
    QTest::addRow("an hour and a half") << qint64(5400000) << english << u"1 h 30 min"_s;
    QTest::addRow("a day (the longest give-up time)") << qint64(86400000) << english << u"24 h"_s;
    QTest::addRow("an hour and a second") << qint64(3601000) << english << u"1 h 1 s"_s;
    QTest::addRow("nothing") << qint64(0) << english << u"0 ms"_s;
}

void tst_DurationSpinBox::shownAsPeopleReadIt()
{
    QFETCH(qint64, ms);
    QFETCH(QLocale, locale);
    QFETCH(QString, shown);
    QCOMPARE(DurationSpinBox::format(ms, locale), shown);
    QCOMPARE(DurationSpinBox::parse(shown, locale), ms); // and read back as written
}

void tst_DurationSpinBox::typedAsPeopleWriteIt_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<qint64>("ms"); // -1: not a duration
    QTest::addRow("a bare number is seconds") << u"20"_s << qint64(20000);
    QTest::addRow("seconds") << u"90 s"_s << qint64(90000);
    QTest::addRow("without a space") << u"90s"_s << qint64(90000);
    QTest::addRow("milliseconds") << u"750 ms"_s << qint64(750);
    QTest::addRow("minutes with a fraction") << u"1.5 min"_s << qint64(90000);
    QTest::addRow("minutes and seconds") << u"2 min 5 s"_s << qint64(125000);
    QTest::addRow("in capitals") << u"3 S"_s << qint64(3000);
    QTest::addRow("an unknown unit") << u"3 parsecs"_s << qint64(-1);
    QTest::addRow("words") << u"soon"_s << qint64(-1);
    QTest::addRow("negative") << u"-5"_s << qint64(-1);
    QTest::addRow("empty") << QString() << qint64(-1);
}

void tst_DurationSpinBox::typedAsPeopleWriteIt()
{
    QFETCH(QString, typed);
    QFETCH(qint64, ms);
    QCOMPARE(DurationSpinBox::parse(typed, QLocale(QLocale::English, QLocale::UnitedStates)), ms);
}

void tst_DurationSpinBox::theArrowsStepByWhatIsShown()
{
    DurationSpinBox box;
    box.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    box.setRange(0, 600000);
    box.setValue(800);
    box.stepBy(1);
    QCOMPARE(box.value(), 900); // a tenth of a second under a second
    box.setValue(1400);
    box.stepBy(1);
    QCOMPARE(box.value(), 2000); // onto whole seconds
    box.stepBy(-1);
    QCOMPARE(box.value(), 1000);
    box.setValue(60000);
    box.stepBy(2);
    QCOMPARE(box.value(), 80000); // ten seconds above a minute
    QCOMPARE(box.text(), u"1 min 20 s"_s);
    box.setValue(599000);
    box.stepBy(5);
    QCOMPARE(box.value(), 600000); // never past the top
}

void tst_DurationSpinBox::theFeedTimingsInTheDialogReadSo()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 7));
    dialog.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    auto *heartbeat =
        named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::Heartbeat).optionName());
    QCOMPARE(heartbeat->text(), DurationSpinBox::format(heartbeat->value(), heartbeat->locale()));
    QVERIFY2(!heartbeat->text().contains(u"ms"_s), qPrintable(heartbeat->text())); // 15 s
    // Typed as a trader would, kept in milliseconds.
    heartbeat->findChild<QLineEdit *>()->selectAll();
    QTest::keyClicks(heartbeat, u"1 min 30 s"_s);
    QTest::keyClick(heartbeat, Qt::Key_Enter);
    QCOMPARE(heartbeat->value(), 90000);
    QCOMPARE(dialog.config().heartbeatInterval, std::chrono::milliseconds(90000));
    // A count stays a plain number.
    auto *retries =
        named<QSpinBox>(&dialog, FeedSetting::of(FeedSetting::Id::MaxRetries).optionName());
    QVERIFY(!qobject_cast<DurationSpinBox *>(retries));
}

QTEST_MAIN(tst_DurationSpinBox)
#include "tst_durationspinbox.moc"
