#include "closedtradespage.h"

#include "closedtradestore.h"
#include "tonedelegate.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Period = ClosedTradesModel::Period;

ClosedTradesPage::ClosedTradesPage(ClosedTradeStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_model = new ClosedTradesModel(store, this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ClosedTradesModel::SortRole);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period:"), this));
    m_period = new QComboBox(this);
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("This week"), int(Period::ThisWeek));
    m_period->addItem(tr("This month"), int(Period::ThisMonth));
    m_period->addItem(tr("All"), int(Period::All));
    m_period->addItem(tr("Custom range"), int(Period::Custom));
    bar->addWidget(m_period);
    m_from = new QDateEdit(QDate::currentDate().addDays(-7), this);
    m_to = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setVisible(false);
    }
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addStretch();
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setToolTip(tr("Save the trades shown as a CSV file (Ctrl+E)"));
    bar->addWidget(m_export);

    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::AlternateBase);
    m_notice->setMargin(6);

    m_table = new QTableView(this);
    m_table->setModel(m_sorted);
    m_table->setItemDelegate(
        new ToneDelegate(ClosedTradesModel::ToneRole, {ClosedTradesModel::ProfitColumn}, this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(ClosedTradesModel::CloseTimeColumn,
                                                  Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    const int timeWidth = m_table->fontMetrics().horizontalAdvance(u"2024-11-26 03:00:00"_s) + 16;
    m_table->horizontalHeader()->resizeSection(ClosedTradesModel::OpenTimeColumn, timeWidth);
    m_table->horizontalHeader()->resizeSection(ClosedTradesModel::CloseTimeColumn, timeWidth);

    m_footer = new QLabel(this);
    m_footer->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_notice);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_footer);

    // A month of history is what a trader reviews most; Today is one click away.
    m_period->setCurrentIndex(m_period->findData(int(Period::ThisMonth)));
    m_model->setPeriod(Period::ThisMonth);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ClosedTradesPage::onPeriodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &ClosedTradesPage::onPeriodChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &ClosedTradesPage::onPeriodChanged);
    connect(m_export, &QPushButton::clicked, this, &ClosedTradesPage::exportWithDialog);
    connect(m_model, &ClosedTradesModel::totalsChanged, this, &ClosedTradesPage::updateFooter);
    connect(store, &ClosedTradeStore::errorOccurred, this, &ClosedTradesPage::updateStoreNotice);
    updateFooter();
    updateStoreNotice();
}

void ClosedTradesPage::onPeriodChanged()
{
    const Period period = Period(m_period->currentData().toInt());
    const bool custom = period == Period::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (custom)
        m_model->setCustomRange(m_from->date(), m_to->date());
    else
        m_model->setPeriod(period);
}

void ClosedTradesPage::updateFooter()
{
    // Column widths fit the first real rows, unless the user's own widths were restored.
    if (!m_sized && m_model->rowCount() > 0) {
        m_sized = true;
        m_table->resizeColumnsToContents();
    }
    const ClosedTradesModel::Totals t = m_model->totals();
    const QLocale locale;
    const auto money = [&](double value, bool colour) {
        const QString text = (value > 0.0 ? u"+"_s : QString()) + locale.toString(value, 'f', 2);
        if (!colour)
            return text;
        const int tone = value > 0.0 ? 1 : value < 0.0 ? -1 : 0;
        return u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(
            ToneDelegate::toneColor(palette(), tone).name(), text);
    };
    const QString trades = t.count == 1 ? tr("1 trade") : tr("%1 trades").arg(t.count);
    m_footer->setText(tr("%1 · Gross profit %2 · Swap %3 · Commission %4 · Net %5")
                          .arg(trades, money(t.profit, false), money(t.swap, false),
                               money(t.commission, false), money(t.net(), true)));
    m_export->setEnabled(t.count > 0);
}

QString ClosedTradesPage::footerText() const
{
    static const QRegularExpression tags(u"<[^>]*>"_s);
    return m_footer->text().remove(tags);
}

void ClosedTradesPage::updateStoreNotice()
{
    m_notice->setVisible(!m_store->isOpen());
    m_notice->setText(tr("The trade history is unavailable, so closed trades are kept in memory "
                         "only for this session. %1")
                          .arg(m_store->lastError()));
}

bool ClosedTradesPage::exportCsv(const QString &path, QString *error) const
{
    QList<ClosedTrade> trades;
    trades.reserve(m_sorted->rowCount());
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        trades.append(m_model->trades().at(m_sorted->mapToSource(m_sorted->index(row, 0)).row()));
    // QSaveFile: a failed export never leaves half a file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !ClosedTradeStore::exportCsv(trades, &file) ||
        !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ClosedTradesPage::exportWithDialog()
{
    if (m_model->rowCount() == 0)
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(u"closed-trades-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export closed trades"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("The trades could not be written to %1:\n%2").arg(path, error));
}

void ClosedTradesPage::saveState(QSettings &settings) const
{
    settings.setValue(u"closedTrades/header"_s, m_table->horizontalHeader()->saveState());
    settings.setValue(u"closedTrades/period"_s, m_period->currentIndex());
}

void ClosedTradesPage::restoreState(const QSettings &settings)
{
    if (m_table->horizontalHeader()->restoreState(
            settings.value(u"closedTrades/header"_s).toByteArray()))
        m_sized = true;
    if (!settings.contains(u"closedTrades/period"_s))
        return;
    const int period = settings.value(u"closedTrades/period"_s).toInt();
    if (period >= 0 && period < m_period->count())
        m_period->setCurrentIndex(period);
}
