// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's colour scheme, as the XDG desktop portal states it over D-Bus: read without
// blocking the window, followed as the user changes it, and the window's colours with it when
// the trader left them to the system. Against a fake portal on a private session bus.
#include "desktopcolorscheme.h"
#include "fakedbusservice.h"
#include "theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<ColorScheme>)

namespace {

constexpr auto kService = "org.freedesktop.portal.Desktop";
constexpr auto kPath = "/org/freedesktop/portal/desktop";
constexpr auto kInterface = "org.freedesktop.portal.Settings";

// A value as the portal's Read sends it: a variant holding the variant of the value.
QDBusVariant asRead(const QVariant &value)
{
    return QDBusVariant(QVariant::fromValue(QDBusVariant(value)));
}

// What a desktop portal is to us: Settings.Read, and SettingChanged.
class FakePortal : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    uint scheme = 0;
    bool holdAnswer = false; // a slow portal: answer() later
    QDBusMessage held;

    void answer()
    {
        QDBusConnection(connectionName).send(held.createReply(QVariant::fromValue(asRead(scheme))));
    }
    void change(const QString &ns, const QString &key, uint value)
    {
        QDBusMessage signal = QDBusMessage::createSignal(
            QLatin1String(kPath), QLatin1String(kInterface), u"SettingChanged"_s);
        signal << ns << key << QVariant::fromValue(QDBusVariant(value));
        QDBusConnection(connectionName).send(signal);
    }
    QString connectionName; // the bus connection it is published on

public Q_SLOTS:
    QDBusVariant Read(const QString &ns, const QString &key)
    {
        if (ns != u"org.freedesktop.appearance"_s || key != u"color-scheme"_s) {
            sendErrorReply(u"org.freedesktop.portal.Error.NotFound"_s, u"no such setting"_s);
            return {};
        }
        if (holdAnswer) {
            setDelayedReply(true);
            held = message();
            Q_EMIT asked();
            return {};
        }
        return asRead(scheme);
    }

Q_SIGNALS:
    void asked();
};

} // namespace

class tst_DesktopColorScheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void thePortalsValue_data();
    void thePortalsValue();
    void aSlowPortalNeverHoldsTheWindowUp();
    void theDesktopIsFollowedAsItChanges();
    void systemColoursTheWindowAsTheDesktopStates();

private:
    std::unique_ptr<FakeDBusService> m_bus;
    std::unique_ptr<FakePortal> m_portal;
};

void tst_DesktopColorScheme::initTestCase()
{
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus: run it under dbus-run-session, as ctest does");
}

void tst_DesktopColorScheme::init()
{
    m_bus = std::make_unique<FakeDBusService>(
        u"fake-portal-%1"_s.arg(QLatin1String(QTest::currentTestFunction())));
    QVERIFY(m_bus->isConnected());
    m_portal = std::make_unique<FakePortal>();
    m_portal->connectionName = m_bus->connection().name();
    QVERIFY(m_bus->publish(QLatin1String(kService), QLatin1String(kPath), m_portal.get(),
                           QDBusConnection::ExportAllSlots));
}

void tst_DesktopColorScheme::cleanup()
{
    m_bus.reset(); // the portal gone from the bus before its object
    m_portal.reset();
}

void tst_DesktopColorScheme::thePortalsValue_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<std::optional<ColorScheme>>("scheme");
    QTest::addRow("1: prefers dark") << QVariant(1u) << std::optional(ColorScheme::Dark);
    QTest::addRow("2: prefers light") << QVariant(2u) << std::optional(ColorScheme::Light);
    QTest::addRow("0: no preference") << QVariant(0u) << std::optional<ColorScheme>();
    QTest::addRow("7: unknown") << QVariant(7u) << std::optional<ColorScheme>();
    QTest::addRow("inside two variants, as Read sends it")
        << QVariant::fromValue(asRead(1u)) << std::optional(ColorScheme::Dark);
    QTest::addRow("not a number") << QVariant(u"dark"_s) << std::optional<ColorScheme>();
    QTest::addRow("nothing") << QVariant() << std::optional<ColorScheme>();
}

void tst_DesktopColorScheme::thePortalsValue()
{
    QFETCH(QVariant, value);
    QFETCH(std::optional<ColorScheme>, scheme);
    QCOMPARE(DesktopColorScheme::fromPortalValue(value), scheme);
}

void tst_DesktopColorScheme::aSlowPortalNeverHoldsTheWindowUp()
{
    m_portal->scheme = 1;
    m_portal->holdAnswer = true;
    QSignalSpy asked(m_portal.get(), &FakePortal::asked);
    DesktopColorScheme desktop;
    QSignalSpy changed(&desktop, &DesktopColorScheme::changed);
    // Asked, not waited for: nothing is known yet, and the event loop runs on.
    QVERIFY(!desktop.scheme());
    QVERIFY(asked.wait());
    QVERIFY(!desktop.scheme());
    m_portal->answer();
    QVERIFY(changed.wait());
    QCOMPARE(desktop.scheme(), std::optional(ColorScheme::Dark));
}

void tst_DesktopColorScheme::theDesktopIsFollowedAsItChanges()
{
    m_portal->scheme = 2;
    DesktopColorScheme desktop;
    QSignalSpy changed(&desktop, &DesktopColorScheme::changed);
    QVERIFY(changed.wait());
    QCOMPARE(desktop.scheme(), std::optional(ColorScheme::Light));
    // Another setting of the portal's is not ours.
    m_portal->change(u"org.gnome.desktop.interface"_s, u"color-scheme"_s, 0);
    m_portal->change(u"org.freedesktop.appearance"_s, u"accent-color"_s, 0);
    m_portal->change(u"org.freedesktop.appearance"_s, u"color-scheme"_s, 1);
    QVERIFY(changed.wait());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(desktop.scheme(), std::optional(ColorScheme::Dark));
    m_portal->change(u"org.freedesktop.appearance"_s, u"color-scheme"_s, 0);
    QVERIFY(changed.wait());
    QCOMPARE(desktop.scheme(), std::optional<ColorScheme>());
}

void tst_DesktopColorScheme::systemColoursTheWindowAsTheDesktopStates()
{
    m_portal->scheme = 1;
    QWidget window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    {
        Theme theme;
        theme.setChoice(ColorScheme::System);
        QTRY_COMPARE(theme.shown(), ColorScheme::Dark);
        QCOMPARE(window.palette().color(QPalette::Window),
                 Theme::palette(ColorScheme::Dark).color(QPalette::Window));
        m_portal->change(u"org.freedesktop.appearance"_s, u"color-scheme"_s, 2);
        QTRY_COMPARE(theme.shown(), ColorScheme::Light);
        QCOMPARE(window.palette().color(QPalette::Window),
                 Theme::palette(ColorScheme::Light).color(QPalette::Window));
        // A choice of the trader's own is kept, whatever the desktop does.
        theme.setChoice(ColorScheme::Dark);
        m_portal->change(u"org.freedesktop.appearance"_s, u"color-scheme"_s, 2);
        QSignalSpy changed(theme.desktop(), &DesktopColorScheme::changed);
        m_portal->change(u"org.freedesktop.appearance"_s, u"color-scheme"_s, 0);
        QVERIFY(changed.wait());
        QCOMPARE(theme.shown(), ColorScheme::Dark);
    }
}

QTEST_MAIN(tst_DesktopColorScheme)
#include "tst_desktopcolorscheme.moc"
