// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's notifications, as the notification service receives them: the title and the
// body (escaped: the service reads markup), how urgent, how long, with or without a sound; and
// when the service fails or is not there, nothing breaks and nothing is said twice. Runs on a
// private session bus (ctest starts it under dbus-run-session) with a fake service on a
// connection of its own.
#include "desktopnotifier.h"
#include "fakedbusservice.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kService = "org.freedesktop.Notifications";
constexpr auto kPath = "/org/freedesktop/Notifications";

// What a desktop's notification daemon is to us: its Notify method.
class FakeNotificationService : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString app;
        QString icon;
        QString summary;
        QString body;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;
    int pings = 0;
    bool fail = false;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(replaces)
        Q_UNUSED(actions)
        calls.append({app, icon, summary, body, hints, timeout});
        Q_EMIT called();
        if (fail)
            sendErrorReply(QDBusError::Failed, u"the daemon is shutting down"_s);
        return uint(calls.size());
    }

    // Calls from one connection arrive in the order sent: an answered ping means that all sent
    // before it arrived.
    void Ping() { ++pings; }

Q_SIGNALS:
    void called();
};

} // namespace

class tst_DesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theServiceHearsWhatAndHowUrgent_data();
    void theServiceHearsWhatAndHowUrgent();
    void withoutServiceOrTrayNothingBreaks();
    void aServiceThatFailsIsAskedNoMore();

private:
    // The fake service, on a bus connection of its own, as a daemon would be.
    std::unique_ptr<FakeDBusService> m_bus;
    std::unique_ptr<FakeNotificationService> m_service;
};

void tst_DesktopNotifier::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus: run it under dbus-run-session, as ctest does");
}

void tst_DesktopNotifier::init()
{
    m_bus = std::make_unique<FakeDBusService>(
        u"fake-notifications-%1"_s.arg(QLatin1String(QTest::currentTestFunction())));
    QVERIFY(m_bus->isConnected());
    m_service = std::make_unique<FakeNotificationService>();
    if (QByteArrayView(QTest::currentTestFunction()) == "withoutServiceOrTrayNothingBreaks")
        return;
    QVERIFY(m_bus->publish(QLatin1String(kService), QLatin1String(kPath), m_service.get(),
                           QDBusConnection::ExportAllSlots));
}

void tst_DesktopNotifier::cleanup()
{
    m_bus.reset(); // the service gone from the bus before its object
    m_service.reset();
}

void tst_DesktopNotifier::theServiceHearsWhatAndHowUrgent_data()
{
    QTest::addColumn<bool>("urgent");
    QTest::addColumn<bool>("sound");
    QTest::addRow("a position closed") << false << false;
    QTest::addRow("a position closed, with sound") << false << true;
    QTest::addRow("the margin level is low") << true << false;
}

void tst_DesktopNotifier::theServiceHearsWhatAndHowUrgent()
{
    QFETCH(bool, urgent);
    QFETCH(bool, sound);
    DesktopNotifier notifier(nullptr);
    notifier.setSound(sound);
    QCOMPARE(notifier.route(), DesktopNotifier::Route::NotificationService);
    Notification note;
    note.title = u"Closed EURUSD"_s;
    note.body = u"Profit <b>+12.50</b> & swap"_s;
    note.urgent = urgent;
    QSignalSpy called(m_service.get(), &FakeNotificationService::called);
    notifier.notify(note);
    QTRY_COMPARE(called.count(), 1);
    const FakeNotificationService::Call call = m_service->calls.constFirst();
    QCOMPARE(call.summary, note.title);
    QCOMPARE(call.body, u"Profit &lt;b&gt;+12.50&lt;/b&gt; &amp; swap"_s);
    QCOMPARE(call.icon, u"trade-monitor"_s);
    QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"trade-monitor"_s);
    QCOMPARE(call.hints.value(u"urgency"_s).toInt(), urgent ? 2 : 1);
    // An urgent one stays until the trader dismisses it; the others go as the desktop likes.
    QCOMPARE(call.timeout, urgent ? 0 : -1);
    QCOMPARE(call.hints.contains(u"sound-name"_s), sound);
    QCOMPARE(call.hints.value(u"suppress-sound"_s).toBool(), !sound);
}

void tst_DesktopNotifier::withoutServiceOrTrayNothingBreaks()
{
    DesktopNotifier notifier(nullptr);
    QCOMPARE(notifier.route(), DesktopNotifier::Route::None);
    Notification note;
    note.title = u"Closed EURUSD"_s;
    notifier.notify(note); // said in the log only
    QVERIFY(m_service->calls.isEmpty());
}

void tst_DesktopNotifier::aServiceThatFailsIsAskedNoMore()
{
    // The daemon answers with an error (it is going away): from then on the notifier does not
    // call it again, and without a tray it says nothing rather than fail each time.
    m_service->fail = true;
    DesktopNotifier notifier(nullptr);
    Notification note;
    note.title = u"Closed EURUSD"_s;
    notifier.notify(note);
    QTRY_COMPARE(notifier.route(), DesktopNotifier::Route::None);
    QCOMPARE(m_service->calls.size(), 1);
    notifier.notify(note);
    QDBusConnection::sessionBus().asyncCall(QDBusMessage::createMethodCall(
        QLatin1String(kService), QLatin1String(kPath), QLatin1String(kService), u"Ping"_s));
    QTRY_COMPARE(m_service->pings, 1);
    QCOMPARE(m_service->calls.size(), 1);
}

QTEST_MAIN(tst_DesktopNotifier)
#include "tst_desktopnotifier.moc"
