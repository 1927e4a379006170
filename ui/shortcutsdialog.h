// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTreeWidget;

// Help → Keyboard Shortcuts: every action of a window that has a key, under the menu it is in,
// with its keys as this system writes them ("Ctrl+L", "⌘L"). Read from the actions themselves
// when it opens, so that it cannot go stale: a new action with a key is listed without a word
// here. Its table is named "shortcuts".
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Shortcut
    {
        QString menu;   // "View", as the menu bar shows it without its mnemonic
        QString action; // "Connection Log"
        QString keys;   // "Ctrl+L", or several: "Ctrl+, or Ctrl+P"
        bool operator==(const Shortcut &other) const
        {
            return menu == other.menu && action == other.action && keys == other.keys;
        }
    };

    explicit ShortcutsDialog(const QWidget *window, QWidget *parent = nullptr);

    // The shortcuts of `window`'s actions, in the order of its menus.
    static QList<Shortcut> of(const QWidget *window);

private:
    QTreeWidget *m_list = nullptr;
};
