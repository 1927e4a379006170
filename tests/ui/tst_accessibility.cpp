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

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
