// SPDX-License-Identifier: GPL-3.0-or-later
// What a screen reader reads (QAccessible, as AT-SPI and UI Automation are fed): every control
// of both pages, the Settings dialog and the connection log that it can reach has a name, and
// every figure is there as text.
#include "accountbar.h"
#include "closedtradespage.h"
#include "connectionlogwindow.h"
#include "figurelabel.h"
#include "opentradespage.h"
#include "protocol/feedprofile.h"
#include "settingsdialog.h"
#include "windowtest.h"

#include <QAccessible>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using State = SocketManager::State;

namespace {

// "QComboBox "period"": where a control is, for a message.
QString where(QAccessibleInterface *item)
{
    const QObject *object = item->object();
    if (!object)
        return u"role %1"_s.arg(int(item->role()));
    const QObject *parent = object->parent();
    return u"%1 \"%2\" in %3 \"%4\""_s.arg(
        QLatin1String(object->metaObject()->className()), object->objectName(),
        parent ? QLatin1String(parent->metaObject()->className()) : QLatin1String(),
        parent ? parent->objectName() : QString());
}

// Every control under `item` a screen reader can reach without a name. Tables, lists and trees
// are named as a whole; their cells are named by their data.
void collectUnnamed(QAccessibleInterface *item, QStringList *unnamed)
{
    for (int i = 0; i < item->childCount(); ++i) {
        QAccessibleInterface *child = item->child(i);
        if (!child || child->state().invisible)
            continue;
        switch (child->role()) {
        case QAccessible::Table:
        case QAccessible::List:
        case QAccessible::Tree:
        case QAccessible::PushButton:
        case QAccessible::CheckBox:
        case QAccessible::RadioButton:
        case QAccessible::ComboBox:
        case QAccessible::SpinBox:
        case QAccessible::EditableText:
        case QAccessible::StaticText:
        case QAccessible::PageTab:
        case QAccessible::ButtonMenu:
            if (child->text(QAccessible::Name).trimmed().isEmpty())
                unnamed->append(where(child));
            break;
        default:
            break;
        }
        const QAccessible::Role role = child->role();
        if (role != QAccessible::Table && role != QAccessible::List && role != QAccessible::Tree)
            collectUnnamed(child, unnamed);
    }
}

// What reaches assistive technology: Qt hands every accessibility event to the installed
// update handler, the hook the platform bridges (AT-SPI, UI Automation) are fed through.
struct Heard
{
    QAccessible::Event type;
    QObject *object;
    QString name;
};
QList<Heard> g_heard;

void hear(QAccessibleEvent *event)
{
    QAccessibleInterface *item = event->accessibleInterface();
    g_heard.append(
        {event->type(), event->object(), item ? item->text(QAccessible::Name) : QString()});
}

// The names `object` was given, in order, by NameChanged events.
QStringList namesHeardFor(const QObject *object)
{
    QStringList names;
    for (const Heard &heard : std::as_const(g_heard)) {
        if (heard.object == object && heard.type == QAccessible::NameChanged)
            names.append(heard.name);
    }
    return names;
}

QStringList unnamedIn(QWidget *root)
{
    QStringList unnamed;
    collectUnnamed(QAccessible::queryAccessibleInterface(root), &unnamed);
    return unnamed;
}

} // namespace

class tst_Accessibility : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void everyControlOfBothPagesHasAName();
    void everyControlOfTheSettingsHasAName();
    void theConnectionLogHasNames();
    void everyFigureIsThereAsText();
    void theFeedStateIsReadAndFollowsTheFeed();
    void aChangeOfFeedStateReachesAssistiveTechnology();
};

void tst_Accessibility::everyControlOfBothPagesHasAName()
{
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.book.count() > 0);
    settle(rig);
    QStringList unnamed = unnamedIn(rig.window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"Open Trades: "_s + unnamed.join(u", "_s)));
    ClosedTradesPage *page = rig.closedTradesOverAll();
    QVERIFY(page);
    QTRY_VERIFY(!page->model()->isReading() && page->model()->rowCount() > 0);
    unnamed = unnamedIn(rig.window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"Closed Trades: "_s + unnamed.join(u", "_s)));
}

void tst_Accessibility::everyControlOfTheSettingsHasAName()
{
    SettingsDialog dialog(FeedProfile::native().configFor(QUrl(u"wss://feed.example.com/p"_s), 7));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *tabs = named<QTabWidget>(&dialog, u"tabs"_s);
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        const QStringList unnamed = unnamedIn(&dialog);
        QVERIFY2(unnamed.isEmpty(),
                 qPrintable(tabs->tabText(tab) + u": "_s + unnamed.join(u", "_s)));
    }
}

void tst_Accessibility::theConnectionLogHasNames()
{
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    ConnectionLogWindow *log = rig.window->showConnectionLog();
    QVERIFY(QTest::qWaitForWindowExposed(log));
    const QStringList unnamed = unnamedIn(log);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
}

void tst_Accessibility::everyFigureIsThereAsText()
{
    // The account bar's figures and the totals: what the eye reads, the screen reader reads.
    WindowRig rig(m_dir->path());
    QTRY_VERIFY(rig.open()->accountBar()->isShown(AccountBar::Field::Balance));
    settle(rig);
    int figures = 0;
    for (FigureLabel *label : rig.window->findChildren<FigureLabel *>()) {
        if (!label->isVisibleTo(rig.window.get()) || shownText(label).isEmpty())
            continue;
        ++figures;
        QAccessibleInterface *item = QAccessible::queryAccessibleInterface(label);
        QCOMPARE(item->text(QAccessible::Name).simplified(), shownText(label).simplified());
    }
    QVERIFY2(figures >= 5, qPrintable(QString::number(figures))); // the bar's and the totals
}

void tst_Accessibility::theFeedStateIsReadAndFollowsTheFeed()
{
    // The coloured dot says in words what its colour says, and changes with it (Qt sends the
    // change to a listening screen reader; under the offscreen platform none listens, so the
    // name itself is what is checked).
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    QAccessibleInterface *dot =
        QAccessible::queryAccessibleInterface(named<QLabel>(rig.window.get(), u"stateDot"_s));
    QTRY_COMPARE(dot->text(QAccessible::Name), u"Feed: Live"_s);
    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_VERIFY2(dot->text(QAccessible::Name) != u"Feed: Live"_s,
                 qPrintable(dot->text(QAccessible::Name)));
    QCOMPARE(dot->text(QAccessible::Name),
             u"Feed: "_s + named<QLabel>(rig.window.get(), u"state"_s)->text());
}

void tst_Accessibility::aChangeOfFeedStateReachesAssistiveTechnology()
{
    // The feed going down is told to a screen reader once, in words, as it happens; while
    // nothing changes, nothing is said (the data age ticks every second).
    if (!qEnvironmentVariableIsSet("TM_SCREEN_READER"))
        QSKIP("Qt sends accessibility events only while a screen reader listens: run under "
              "tests/screenreader.sh (ctest does, on Linux)");
    // The AT-SPI bridge switches on as the bus says a screen reader is there.
    QTRY_VERIFY(QAccessible::isActive());
    WindowRig rig(m_dir->path());
    QTRY_COMPARE(rig.socket.state(), State::Live);
    auto *dot = named<QLabel>(rig.window.get(), u"stateDot"_s);
    g_heard.clear();
    const QAccessible::UpdateHandler previous = QAccessible::installUpdateHandler(&hear);
    const auto restore = qScopeGuard([previous] { QAccessible::installUpdateHandler(previous); });
    for (int tick = 0; tick < 3; ++tick) // as every half second: the age moves, the state not
        rig.account.status()->refresh();
    QVERIFY2(namesHeardFor(dot).isEmpty(), qPrintable(namesHeardFor(dot).join(u", "_s)));

    rig.simulator->pauseListening();
    rig.simulator->dropAll(1001, u"going away"_s);
    QTRY_VERIFY(!namesHeardFor(dot).isEmpty());
    const QString state = named<QLabel>(rig.window.get(), u"state"_s)->text();
    QVERIFY2(namesHeardFor(dot).constFirst() != u"Feed: Live"_s,
             qPrintable(namesHeardFor(dot).join(u", "_s)));
    QVERIFY(namesHeardFor(dot).contains(u"Feed: "_s + state));
    // Each name once: a repeat would be read out again.
    const QStringList names = namesHeardFor(dot);
    for (qsizetype i = 1; i < names.size(); ++i)
        QVERIFY2(names.at(i) != names.at(i - 1), qPrintable(names.join(u", "_s)));
    // And why, for a screen reader that asks.
    QAccessibleInterface *item = QAccessible::queryAccessibleInterface(dot);
    QVERIFY(!item->text(QAccessible::Description).isEmpty());
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
