// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class ConnectionLog;
class QComboBox;
class QConcatenateTablesProxyModel;
class QSortFilterProxyModel;
class QTableView;

// View -> Connection log: the ConnectionLog as a table, newest at the bottom (it follows new
// events while scrolled to the end). Rows can be selected and copied (Ctrl+C, or Copy All) as
// plain text with full timestamps, for a support ticket. With several accounts, every
// account's log in one table in the order things happened, an Account column, and a filter
// that shows all accounts or one. Named (objectName): "accountFilter".
class ConnectionLogWindow : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionLogWindow(ConnectionLog *log, QWidget *parent = nullptr);
    // Several accounts' logs (not owned), each named by `names`.
    ConnectionLogWindow(const QList<ConnectionLog *> &logs, const QStringList &names,
                        QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // The account whose events are shown (its index), or -1 for all.
    void setAccount(int account);
    // Copies the selected rows (all rows when none is selected) to the clipboard; returns
    // the text.
    QString copySelection() const;
    QString copyAll() const;

private:
    // The rows of the table (`rows` of the view) as text, in the order shown.
    QString textOf(const QList<int> &rows) const;

    QList<ConnectionLog *> m_logs;
    QConcatenateTablesProxyModel *m_all = nullptr;
    QSortFilterProxyModel *m_shown = nullptr;
    QComboBox *m_accountFilter = nullptr;
    QTableView *m_table = nullptr;
};
