// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class AccountSummary;
class FigureLabel;
class QGridLayout;
class QLabel;

// Open Trades' account bar for "All accounts": one compact line per account, in the trader's
// order (its state's dot, its name, balance, equity, margin level and floating P/L net, as its
// own account bar shows them; "—" where its feed reports no figures), and a total line where
// every account keeps its money in one currency (Currencies: no rate is guessed); otherwise
// the total line says why there is none. A line is greyed while its account is not live, the
// total while any is not. Refreshed at most every 100 ms, however many accounts tick. Named
// (objectName): "accountsOverview", "accountsTotal".
class AccountsOverview : public QWidget
{
    Q_OBJECT

public:
    // `summaries` (not owned) in the accounts' order, each named by `names`.
    AccountsOverview(const QStringList &names, const QList<AccountSummary *> &summaries,
                     QWidget *parent = nullptr);

    void setStatus(int account, const FeedStatus &status);
    // Percent; an account's margin level is an alarm below it.
    void setMarginLevelAlarm(double percent);
    // A line as its words, tab-separated (`account` -1: the total line); for tests and the
    // accessible description.
    QString lineText(int account) const;
    // Every figure shown now, whatever the timer.
    void refresh();
    void setVisible(bool visible) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        QLabel *dot = nullptr;
        QLabel *name = nullptr;
        QList<FigureLabel *> figures; // balance, equity, margin level, floating net
        bool live = false;
    };
    Line addLine(int row, const QString &name);
    void showFigure(FigureLabel *label, const QString &text, int tone, bool stale);

    QList<AccountSummary *> m_summaries;
    QStringList m_names;
    QList<Line> m_lines;
    Line m_total;
    QLabel *m_noTotal = nullptr;
    QGridLayout *m_grid = nullptr;
    double m_alarmLevel = 100.0;
    bool m_behind = false; // changed while hidden: refreshed when shown
    QTimer m_refresh;
};
