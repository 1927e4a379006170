// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/positionfilter.h"

#include <QMap>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;

// The filter row both pages share: All / Following / Mine, a signal trader, a symbol and a
// search. It says what it filters in words (describe(), for the footers), disables the
// signal-trader choice under Mine (whose positions copy nobody), and keeps a choice that has
// no rows right now (a trader with no open copy) rather than drop it behind the user's back.
// Every control is on the Tab chain and has a mnemonic. Its boxes are named (objectName):
// "signalTrader", "symbol", "search".
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    PositionFilter filter() const { return m_filter; }
    // Sets every control; `traderName` names a trader not (yet) in the list.
    void setFilter(const PositionFilter &filter, const QString &traderName = {});
    void clear();

    // The choices there are: signal traders (id -> name) and symbols.
    void setTraders(const QMap<qint64, QString> &traders);
    void setSymbols(const QStringList &symbols);

    // "Mine · EURUSD · “EUR”": what hides rows, empty when nothing does.
    QString describe() const;
    QString traderName(qint64 id) const;

    QAbstractButton *modeButton(PositionFilter::Mode mode) const;
    QLineEdit *searchBox() const { return m_search; }

    // Under `group/` in `settings`: mode, trader (id and name), symbol. Not the search: text
    // typed last week would greet the trader with a table emptied for no reason they can see.
    void saveState(QSettings &settings, const QString &group) const;
    void restoreState(const QSettings &settings, const QString &group);

Q_SIGNALS:
    void filterChanged(const PositionFilter &filter);

private:
    void readControls();
    void fill(QComboBox *box, const QList<std::pair<QVariant, QString>> &items,
              const QVariant &keep, const QString &keepText);

    PositionFilter m_filter;
    QButtonGroup *m_modes = nullptr;
    QLabel *m_traderLabel = nullptr;
    QComboBox *m_traders = nullptr;
    QComboBox *m_symbols = nullptr;
    QLineEdit *m_search = nullptr;
};
