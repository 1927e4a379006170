// SPDX-License-Identifier: GPL-3.0-or-later
// The trade-monitor executable from the outside: what it leaves on disk.
#include "history/closedtradestore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_App : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDemoLeavesNoTradeInTheHistoryFile();
};

void tst_App::theDemoLeavesNoTradeInTheHistoryFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"history.sqlite"_s);
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=false\ntrademonitor.history.info=true"_s);
    // Settings of its own: nothing of this machine's user.
    env.insert(u"XDG_CONFIG_HOME"_s, dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, dir.filePath(u"data"_s));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(TRADE_MONITOR_PATH), {u"--demo"_s, u"--db"_s, file});
    QVERIFY(app.waitForStarted());
    // The demo's History (fifty closed trades) has been recorded somewhere: in memory.
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            output += app.readAll();
            return output.contains("demo trades in memory");
        }(),
        30000);
    app.kill();
    app.waitForFinished();
    QVERIFY2(output.contains("account 10260@demo"), output.constData());

    ClosedTradeStore store;
    QVERIFY2(store.open(file), qPrintable(store.lastError()));
    QCOMPARE(store.count(), 0);
    QVERIFY(store.accounts().isEmpty());
}

QTEST_GUILESS_MAIN(tst_App)
#include "tst_app.moc"
