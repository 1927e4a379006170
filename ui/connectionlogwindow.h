// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class ConnectionLog;
class QTableView;

// View -> Connection log: the ConnectionLog as a table, newest at the bottom (it follows new
// events while scrolled to the end). Rows can be selected and copied (Ctrl+C, or Copy All) as
// plain text with full timestamps, for a support ticket.
class ConnectionLogWindow : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionLogWindow(ConnectionLog *log, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // Copies the selected rows (all rows when none is selected) to the clipboard; returns
    // the text.
    QString copySelection() const;
    QString copyAll() const;

private:
    ConnectionLog *m_log = nullptr;
    QTableView *m_table = nullptr;
};
