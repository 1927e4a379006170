// SPDX-License-Identifier: GPL-3.0-or-later
// Help → Keyboard Shortcuts: the list is the window's actions with a key, under their menus,
// in the menus' order, with the keys as the system writes them; an action added later is
// listed without a word in the dialog; and the window's own list opens from the Help menu.
#include "mainwindow.h"
#include "shortcutsdialog.h"
#include "windowtest.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using Shortcut = ShortcutsDialog::Shortcut;

// What a failed comparison prints (found by QTest through the type's namespace).
char *toString(const ShortcutsDialog::Shortcut &shortcut)
{
    return qstrdup(
        qPrintable(u"%1 / %2 / %3"_s.arg(shortcut.menu, shortcut.action, shortcut.keys)));
}

class tst_ShortcutsDialog : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryActionWithAKeyInMenuOrder();
    void anActionAddedLaterIsListed();
    void theWindowsListOpensFromHelp();
};

namespace {

QString native(const QString &portable)
{
    return QKeySequence(portable).toString(QKeySequence::NativeText);
}

} // namespace

void tst_ShortcutsDialog::listsEveryActionWithAKeyInMenuOrder()
{
    QMainWindow window;
    QMenu *file = window.menuBar()->addMenu(u"&File"_s);
    file->addAction(u"&Settings…"_s)
        ->setShortcuts({QKeySequence(u"Ctrl+,"_s), QKeySequence(u"Ctrl+P"_s)});
    file->addAction(u"&Print"_s); // no key: not listed
    file->addSeparator();
    file->addAction(u"&Quit"_s)->setShortcut(QKeySequence(u"Ctrl+Q"_s));
    QMenu *view = window.menuBar()->addMenu(u"&View"_s);
    view->addAction(u"Connection &Log"_s)->setShortcut(QKeySequence(u"Ctrl+L"_s));
    const QList<Shortcut> expected{
        {u"File"_s, u"Settings"_s, native(u"Ctrl+,"_s) + u" or "_s + native(u"Ctrl+P"_s)},
        {u"File"_s, u"Quit"_s, native(u"Ctrl+Q"_s)},
        {u"View"_s, u"Connection Log"_s, native(u"Ctrl+L"_s)},
    };
    QCOMPARE(ShortcutsDialog::of(&window), expected);
}

void tst_ShortcutsDialog::anActionAddedLaterIsListed()
{
    QMainWindow window;
    QMenu *view = window.menuBar()->addMenu(u"&View"_s);
    view->addAction(u"&Open Trades"_s)->setShortcut(QKeySequence(u"Ctrl+1"_s));
    QCOMPARE(ShortcutsDialog::of(&window).size(), 1);
    // In a menu, and outside any (a window's own action): both are found.
    view->addAction(u"&Closed Trades"_s)->setShortcut(QKeySequence(u"Ctrl+2"_s));
    auto *own = new QAction(u"Full screen"_s, &window);
    own->setShortcut(QKeySequence(u"F11"_s));
    window.addAction(own);
    const QList<Shortcut> listed = ShortcutsDialog::of(&window);
    QCOMPARE(listed.size(), 3);
    QCOMPARE(listed.at(1).action, u"Closed Trades"_s);
    QCOMPARE(listed.at(2), (Shortcut{QString(), u"Full screen"_s, native(u"F11"_s)}));
    ShortcutsDialog dialog(&window);
    QCOMPARE(named<QTreeWidget>(&dialog, u"shortcuts"_s)->topLevelItemCount(), 3);
}

void tst_ShortcutsDialog::theWindowsListOpensFromHelp()
{
    AccountSession account;
    MainWindow window(&account, services());
    // Every key the menus offer is in the list, and nothing else.
    int withKeys = 0;
    QStringList keys;
    for (const QAction *top : window.menuBar()->actions()) {
        for (const QAction *action : top->menu()->actions()) {
            if (!action->shortcuts().isEmpty()) {
                ++withKeys;
                keys.append(action->shortcut().toString(QKeySequence::NativeText));
            }
        }
    }
    const QList<Shortcut> listed = ShortcutsDialog::of(&window);
    QCOMPARE(listed.size(), withKeys);
    for (const QString &key : keys)
        QVERIFY2(std::any_of(listed.begin(), listed.end(),
                             [&](const Shortcut &s) { return s.keys.startsWith(key); }),
                 qPrintable(key));
    QVERIFY(listed.contains(Shortcut{u"View"_s, u"Connection Log"_s, native(u"Ctrl+L"_s)}));

    // Help → Keyboard Shortcuts shows it.
    QAction *open = nullptr;
    for (QAction *top : window.menuBar()->actions()) {
        for (QAction *action : top->menu()->actions()) {
            if (action->text() == "&Keyboard Shortcuts"_L1)
                open = action;
        }
    }
    QVERIFY(open);
    int shown = -1;
    QTimer::singleShot(0, this, [&shown] {
        if (auto *dialog = qobject_cast<ShortcutsDialog *>(QApplication::activeModalWidget())) {
            shown = named<QTreeWidget>(dialog, u"shortcuts"_s)->topLevelItemCount();
            dialog->reject();
        }
    });
    open->trigger();
    QCOMPARE(shown, int(listed.size()));
}

QTEST_MAIN(tst_ShortcutsDialog)
#include "tst_shortcutsdialog.moc"
