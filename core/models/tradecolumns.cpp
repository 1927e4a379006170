// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tradecolumns.h"

#include "domain/tradetext.h"

#include <array>

QVariant TradeColumns::headerData(Column column, int role)
{
    static constexpr std::array<const char *, int(Column::Account) + 1> kTitles = {
        QT_TR_NOOP("Ticket"),     QT_TR_NOOP("Open time"),   QT_TR_NOOP("Close time"),
        QT_TR_NOOP("Symbol"),     QT_TR_NOOP("Type"),        QT_TR_NOOP("Volume"),
        QT_TR_NOOP("Open price"), QT_TR_NOOP("Close price"), QT_TR_NOOP("S/L"),
        QT_TR_NOOP("T/P"),        QT_TR_NOOP("Price"),       QT_TR_NOOP("Swap"),
        QT_TR_NOOP("Commission"), QT_TR_NOOP("Profit"),      QT_TR_NOOP("Net"),
        QT_TR_NOOP("Reason"),     QT_TR_NOOP("Signal"),      QT_TR_NOOP("Account")};
    const bool time = column == Column::OpenTime || column == Column::CloseTime;
    if (role == Qt::DisplayRole) {
        const QString title = tr(kTitles[std::size_t(column)]);
        // Times are local: the header says which zone that is.
        return time ? TradeText::timeColumnTitle(title) : title;
    }
    if (role == Qt::ToolTipRole && time)
        return TradeText::timeZoneDescription();
    if (role == Qt::ToolTipRole && column == Column::Net)
        return tr("Profit + swap + commission: what the trade added to the balance");
    return {};
}

QString TradeColumns::text(Column column, const Position &p, const ClosedTrade *t,
                           const PricePrecision &precision)
{
    switch (column) {
    case Column::Ticket:
        return QString::number(p.ticket);
    case Column::OpenTime:
        return TradeText::time(p.openTime);
    case Column::CloseTime:
        return t ? TradeText::time(t->closeTime) : QString();
    case Column::Symbol:
        return p.symbol;
    case Column::Type:
        return TradeText::side(p.side);
    case Column::Volume:
        return TradeText::amount(p.volume);
    case Column::OpenPrice:
        return precision.text(p.symbol, p.openPrice);
    case Column::ClosePrice:
        return t ? precision.text(p.symbol, t->closePrice) : QString();
    case Column::StopLoss:
        return p.sl != 0.0 ? precision.text(p.symbol, p.sl) : QString(); // below zero: a price
    case Column::TakeProfit:
        return p.tp != 0.0 ? precision.text(p.symbol, p.tp) : QString();
    case Column::Price:
        return precision.text(p.symbol, p.price);
    case Column::Swap:
        return TradeText::amount(p.swap);
    case Column::Commission:
        return TradeText::amount(p.commission);
    case Column::Profit:
        return TradeText::amount(p.profit);
    case Column::Net:
        return TradeText::amount(p.net());
    case Column::Reason:
        return t ? TradeText::reason(*t) : QString();
    case Column::Signal:
        return TradeText::signal(p);
    case Column::Account:
        return {}; // not the position's own: the model knows whose it is
    }
    return {};
}

Qt::Alignment TradeColumns::alignment(Column column)
{
    switch (column) {
    case Column::OpenTime:
    case Column::CloseTime:
    case Column::Symbol:
    case Column::Type:
    case Column::Reason:
    case Column::Signal:
    case Column::Account:
        return Qt::AlignLeft | Qt::AlignVCenter;
    default:
        return Qt::AlignRight | Qt::AlignVCenter;
    }
}
