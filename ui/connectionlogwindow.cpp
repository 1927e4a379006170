// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionlogwindow.h"

#include "feed/connectionlog.h"
#include "tonedelegate.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPushButton>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace {

// Warnings and errors stand out in the loss colour, errors in bold too.
class SeverityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto severity =
            ConnectionLog::Severity(index.data(ConnectionLog::SeverityRole).toInt());
        if (severity == ConnectionLog::Severity::Info)
            return;
        option->palette.setColor(QPalette::Text,
                                 ToneDelegate::toneColor(option->palette, Tone::Loss));
        option->font.setBold(severity == ConnectionLog::Severity::Error);
    }
};

} // namespace

ConnectionLogWindow::ConnectionLogWindow(ConnectionLog *log, QWidget *parent)
    : QDialog(parent)
    , m_log(log)
{
    setWindowTitle(tr("Connection Log"));
    resize(760, 420);

    m_table = new QTableView(this);
    m_table->setAccessibleName(tr("Connection events"));
    m_table->setModel(log);
    m_table->setItemDelegate(new SeverityDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ConnectionLog::TimeColumn,
                                                      QHeaderView::ResizeToContents);

    auto *copy = new QAction(tr("Copy"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &ConnectionLogWindow::copySelection);
    m_table->addAction(copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyAllButton = buttons->addButton(tr("Copy &All"), QDialogButtonBox::ActionRole);
    connect(copyAllButton, &QPushButton::clicked, this, &ConnectionLogWindow::copyAll);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    // Follow new events while the view is at the end; leave a reader scrolled back alone.
    connect(log, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_table->verticalScrollBar();
        const bool atEnd = bar->value() >= bar->maximum();
        if (atEnd)
            QMetaObject::invokeMethod(m_table, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
    m_table->scrollToBottom();
}

QString ConnectionLogWindow::copySelection() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty())
        return copyAll();
    std::sort(rows.begin(), rows.end());
    const QString text = m_log->toText(rows);
    QGuiApplication::clipboard()->setText(text);
    return text;
}

QString ConnectionLogWindow::copyAll() const
{
    QList<int> rows(m_log->count());
    std::iota(rows.begin(), rows.end(), 0);
    const QString text = m_log->toText(rows);
    QGuiApplication::clipboard()->setText(text);
    return text;
}
