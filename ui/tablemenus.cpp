// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablemenus.h"

#include "columnfit.h"
#include "domain/position.h"
#include "domain/tradetext.h"
#include "filterbar.h"
#include "rowcopy.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>

QMenu *TableMenus::row(QWidget *parent, RowCopy *copy, FilterBar *filters, const Position &p)
{
    auto *menu = new QMenu(parent);
    QAction *rows = menu->addAction(tr("&Copy Rows"), copy, [copy] { copy->copy(); });
    rows->setShortcut(QKeySequence::Copy); // shown as a hint; the view takes the key itself
    rows->setObjectName(QStringLiteral("copyRows"));
    const qint64 ticket = p.ticket;
    menu->addAction(tr("Copy &Ticket"), menu,
                    [ticket] { QGuiApplication::clipboard()->setText(QString::number(ticket)); })
        ->setObjectName(QStringLiteral("copyTicket"));
    menu->addSeparator();
    const QString symbol = p.symbol;
    menu->addAction(tr("Filter by &Symbol %1").arg(symbol), filters,
                    [filters, symbol] {
                        PositionFilter filter = filters->filter();
                        filter.symbol = symbol;
                        filters->setFilter(filter);
                    })
        ->setObjectName(QStringLiteral("filterSymbol"));
    const QString name = TradeText::signal(p);
    QAction *trader =
        menu->addAction(p.flwsig ? tr("Filter by Signal T&rader %1").arg(name)
                                 : tr("Filter by Signal T&rader (your own position)"));
    trader->setObjectName(QStringLiteral("filterTrader"));
    trader->setEnabled(p.flwsig && p.sigtraderid > 0);
    const qint64 id = p.sigtraderid;
    QObject::connect(trader, &QAction::triggered, filters, [filters, id, name] {
        PositionFilter filter = filters->filter();
        // Mine shows no copies: the trader's copies are under Following.
        if (filter.mode == PositionFilter::Mode::Mine)
            filter.mode = PositionFilter::Mode::Following;
        filter.signalTraderId = id;
        filters->setFilter(filter, name);
    });
    return menu;
}

QMenu *TableMenus::columns(QWidget *parent, QHeaderView *header, ColumnFit *fit)
{
    auto *menu = new QMenu(parent);
    const QAbstractItemModel *model = header->model();
    int shown = 0;
    for (int column = 0; column < header->count(); ++column)
        shown += header->isSectionHidden(column) ? 0 : 1;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        QAction *action =
            menu->addAction(model->headerData(column, Qt::Horizontal).toString().remove(u'&'));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(header->isSectionHidden(column) || shown > 1);
        QObject::connect(action, &QAction::toggled, header, [header, column, fit](bool on) {
            if (fit)
                fit->setByUser(column);
            header->setSectionHidden(column, !on);
        });
    }
    return menu;
}
