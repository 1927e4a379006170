// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/accountsummary.h"

#include <QHash>
#include <QWidget>

class FigureLabel;
class QLabel;
class QVBoxLayout;

// The line above the open positions that says how the account stands: balance, equity,
// margin, free margin and margin level as the feed reports them, and the floating profit net
// of swap and commission of every open position. A feed without account figures gets the
// count, the lots and the floating profit, and a word that the rest is not reported: nothing
// is guessed. Greyed while the feed is not live or the figures are an earlier connection's;
// the margin level turns red below the alert threshold.
class AccountBar : public QWidget
{
    Q_OBJECT

public:
    enum class Field {
        Balance,
        Equity,
        Margin,
        FreeMargin,
        MarginLevel,
        Positions,
        Lots,
        Floating,
        Today // today's closed net plus the floating net
    };
    Q_ENUM(Field)

    explicit AccountBar(AccountSummary *summary, QWidget *parent = nullptr);

    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    // Percent; the margin level is an alarm below it.
    void setMarginLevelAlarm(double percent);

    // What a field shows ("10,250.50 USD"), empty while it is hidden.
    QString value(Field field) const;
    bool isShown(Field field) const;
    // The whole line as words, for tests and the accessible description.
    QString text() const;
    bool saysFiguresAreMissing() const;
    // How many lines the figures take at the present width.
    int lineCount() const { return int(m_lines.size()); }

    QSize minimumSizeHint() const override;
    void setVisible(bool visible) override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void arrange();
    void addField(Field field, const QString &label, const QString &tip);

    AccountSummary *m_summary = nullptr;
    struct Item
    {
        QLabel *label = nullptr;
        FigureLabel *value = nullptr;
    };
    QHash<Field, Item> m_items;
    QList<Field> m_order;
    QLabel *m_missing = nullptr;
    QVBoxLayout *m_rows = nullptr;
    QList<QList<QWidget *>> m_lines;
    bool m_stale = false;
    bool m_behind = false; // changed while hidden: refreshed when shown
    double m_alarmLevel = 100.0;
};
