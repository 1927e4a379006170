#pragma once

#include "closedtradesmodel.h"

#include <QWidget>

class ClosedTradeStore;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QTableView;

// "Closed Trades": the history from the SQLite store for a period, sortable, with totals and
// CSV export.
class ClosedTradesPage : public QWidget
{
    Q_OBJECT

public:
    explicit ClosedTradesPage(ClosedTradeStore *store, QWidget *parent = nullptr);

    ClosedTradesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *periodBox() const { return m_period; }
    QString footerText() const;

    // Writes what the table shows (the period, in the table's order). False with `error`.
    bool exportCsv(const QString &path, QString *error) const;
    // Asks for a file name, then exports; reports the outcome in a message box.
    void exportWithDialog();

    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

private:
    void onPeriodChanged();
    void updateFooter();
    void updateStoreNotice();

    ClosedTradeStore *m_store = nullptr;
    ClosedTradesModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_footer = nullptr;
    QPushButton *m_export = nullptr;
    bool m_sized = false;
};
