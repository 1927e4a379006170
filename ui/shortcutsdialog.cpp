// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// "&Find Position…" → "Find Position": the words, as a list shows them.
QString plain(QString text)
{
    text.remove(QRegularExpression(u"&(?!&)"_s));
    text.replace(u"&&"_s, u"&"_s);
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    return text.trimmed();
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys.append(key.toString(QKeySequence::NativeText));
    keys.removeDuplicates();
    return keys.join(ShortcutsDialog::tr(" or "));
}

} // namespace

QList<ShortcutsDialog::Shortcut> ShortcutsDialog::of(const QWidget *window)
{
    QList<Shortcut> list;
    QList<const QAction *> seen;
    const auto add = [&](const QString &menu, const QAction *action) {
        if (action->shortcuts().isEmpty() || action->isSeparator() || seen.contains(action))
            return;
        seen.append(action);
        list.append({menu, plain(action->text()), keysOf(action)});
    };
    // The menu bar's first, in its order; then any other action of the window with a key.
    if (const auto *bar = window->findChild<QMenuBar *>()) {
        for (const QAction *top : bar->actions()) {
            if (const QMenu *menu = top->menu()) {
                for (const QAction *action : menu->actions())
                    add(plain(menu->title()), action);
            }
        }
    }
    for (const QAction *action : window->findChildren<QAction *>())
        add(QString(), action);
    return list;
}

ShortcutsDialog::ShortcutsDialog(const QWidget *window, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"shortcuts"_s);
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Menu"), tr("Action"), tr("Keys")});
    for (const Shortcut &shortcut : of(window))
        new QTreeWidgetItem(m_list, {shortcut.menu, shortcut.action, shortcut.keys});
    for (int column = 0; column < m_list->columnCount(); ++column)
        m_list->resizeColumnToContents(column);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(480, 360);
}
