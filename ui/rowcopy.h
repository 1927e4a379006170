// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractItemView;
class QHeaderView;

// Copying rows out of a table as a trader pastes them into a spreadsheet or a chat: the
// selected rows as plain tab-separated text, a header line first, the columns that are shown
// in the order they are shown, every value as it is shown (tabs and line breaks inside a value
// become spaces). Rows that have rows under them (group rows) are left out: they are not
// trades. Installed on a view, it takes Ctrl+C (the platform's Copy) from the view's own
// copy of one cell.
class RowCopy : public QObject
{
    Q_OBJECT

public:
    // Watches `view`'s copy key; `header` says which columns show and in what order.
    RowCopy(QAbstractItemView *view, QHeaderView *header);

    enum class Rows { Selected, All };

    // The selected rows as text; empty when none is selected.
    QString selectedText() const;
    // Every row (a report read as a whole), whatever is selected; empty when there is none.
    QString allText() const;
    // Puts those rows' text on the clipboard; false when there is none.
    bool copy(Rows rows = Rows::Selected) const;

    static QString clean(QString value);
    // Rows whose `role` is true are no trades (group rows in a flat table): left out.
    void setSkipRole(int role) { m_skipRole = role; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString text(Rows rows) const;

    QAbstractItemView *m_view = nullptr;
    QHeaderView *m_header = nullptr;
    int m_skipRole = -1;
};
