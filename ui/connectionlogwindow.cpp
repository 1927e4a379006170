// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionlogwindow.h"

#include "feed/connectionlog.h"
#include "tonedelegate.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QConcatenateTablesProxyModel>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

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

// The events of one account (a log of the concatenation), or of all (nullptr).
class AccountFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setLog(const QAbstractItemModel *log)
    {
        m_log = log;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_log)
            return true;
        const auto *all = static_cast<const QConcatenateTablesProxyModel *>(sourceModel());
        return all->mapToSource(all->index(row, 0, parent)).model() == m_log;
    }

private:
    const QAbstractItemModel *m_log = nullptr;
};

} // namespace

ConnectionLogWindow::ConnectionLogWindow(ConnectionLog *log, QWidget *parent)
    : ConnectionLogWindow(QList<ConnectionLog *>{log}, QStringList{QString()}, parent)
{}

ConnectionLogWindow::ConnectionLogWindow(const QList<ConnectionLog *> &logs,
                                         const QStringList &names, QWidget *parent)
    : QDialog(parent)
    , m_logs(logs)
{
    setWindowTitle(tr("Connection Log"));
    resize(760, 420);
    const bool several = logs.size() > 1;

    // Every account's events in the order they happened (a log's own order where the clock
    // reads the same), filtered to one account if asked.
    m_all = new QConcatenateTablesProxyModel(this);
    for (ConnectionLog *log : logs)
        m_all->addSourceModel(log);
    m_shown = new AccountFilter(this);
    m_shown->setSourceModel(m_all);
    if (several) {
        m_shown->setSortRole(ConnectionLog::TimestampRole);
        m_shown->sort(ConnectionLog::TimeColumn);
    }
    m_accountFilter = new QComboBox(this);
    m_accountFilter->setObjectName(u"accountFilter"_s);
    m_accountFilter->setAccessibleName(tr("Account"));
    m_accountFilter->addItem(tr("All accounts"), -1);
    for (int i = 0; i < names.size(); ++i)
        m_accountFilter->addItem(names.at(i), i);
    connect(m_accountFilter, &QComboBox::currentIndexChanged, this,
            [this] { setAccount(m_accountFilter->currentData().toInt()); });
    auto *filterLabel = new QLabel(tr("&Account:"), this);
    filterLabel->setBuddy(m_accountFilter);

    m_table = new QTableView(this);
    m_table->setAccessibleName(tr("Connection events"));
    m_table->setModel(m_shown);
    m_table->setItemDelegate(new SeverityDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(ConnectionLog::TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConnectionLog::AccountColumn, QHeaderView::ResizeToContents);
    // Whose an event is, before what it is; with one account it goes without saying.
    header->moveSection(header->visualIndex(ConnectionLog::AccountColumn), 1);
    header->setSectionHidden(ConnectionLog::AccountColumn, !several);
    header->setStretchLastSection(true);

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

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_accountFilter);
    filterRow->addStretch(1);
    filterLabel->setVisible(several);
    m_accountFilter->setVisible(several);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    // Follow new events while the view is at the end; leave a reader scrolled back alone.
    connect(m_shown, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_table->verticalScrollBar();
        const bool atEnd = bar->value() >= bar->maximum();
        if (atEnd)
            QMetaObject::invokeMethod(m_table, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
    m_table->scrollToBottom();
}

void ConnectionLogWindow::setAccount(int account)
{
    account = account >= m_logs.size() ? -1 : std::max(account, -1);
    m_accountFilter->setCurrentIndex(m_accountFilter->findData(account)); // comes back here
    static_cast<AccountFilter *>(m_shown)->setLog(account < 0 ? nullptr : m_logs.at(account));
    m_table->scrollToBottom();
}

QString ConnectionLogWindow::textOf(const QList<int> &rows) const
{
    QStringList lines;
    for (const int row : rows) {
        const QModelIndex index = m_all->mapToSource(m_shown->mapToSource(m_shown->index(row, 0)));
        const auto *log = static_cast<const ConnectionLog *>(index.model());
        if (log)
            lines.append(log->toText({index.row()}));
    }
    return lines.join(u'\n');
}

QString ConnectionLogWindow::copySelection() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty())
        return copyAll();
    std::sort(rows.begin(), rows.end());
    const QString text = textOf(rows);
    QGuiApplication::clipboard()->setText(text);
    return text;
}

QString ConnectionLogWindow::copyAll() const
{
    QList<int> rows(m_shown->rowCount());
    std::iota(rows.begin(), rows.end(), 0);
    const QString text = textOf(rows);
    QGuiApplication::clipboard()->setText(text);
    return text;
}
