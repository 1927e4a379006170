// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/tradetext.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cstdlib>

namespace TradeText {

QString time(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

namespace {
QString utcOffset(int seconds)
{
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

QString timeZoneName()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString abbreviation = now.timeZoneAbbreviation();
    // Some systems give no letters, only "+08": then the offset says it better.
    const bool letters =
        !abbreviation.isEmpty() && std::all_of(abbreviation.cbegin(), abbreviation.cend(),
                                               [](QChar c) { return c.isLetter(); });
    return letters ? abbreviation : utcOffset(now.offsetFromUtc());
}

QString timeZoneDescription()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QString name =
        QTimeZone::systemTimeZone().displayName(now, QTimeZone::LongName, QLocale());
    const QString offset = utcOffset(now.offsetFromUtc());
    return name.isEmpty() || name == offset
               ? QCoreApplication::translate("TradeText", "Local time: %1").arg(offset)
               : QCoreApplication::translate("TradeText", "Local time: %1, %2").arg(name, offset);
}

QString timeColumnTitle(const QString &title)
{
    return QCoreApplication::translate("TradeText", "%1 (%2)").arg(title, timeZoneName());
}

QString side(Position::Side side)
{
    return side == Position::Side::Buy ? QCoreApplication::translate("TradeText", "Buy")
                                       : QCoreApplication::translate("TradeText", "Sell");
}

QString reason(const ClosedTrade &trade)
{
    switch (trade.reason) {
    case ClosedTrade::Reason::TakeProfit:
        return QCoreApplication::translate("TradeText", "Take profit");
    case ClosedTrade::Reason::StopLoss:
        return QCoreApplication::translate("TradeText", "Stop loss");
    case ClosedTrade::Reason::Manual:
        return QCoreApplication::translate("TradeText", "Manual");
    case ClosedTrade::Reason::StopOut:
        return QCoreApplication::translate("TradeText", "Stop out");
    case ClosedTrade::Reason::Other:
        return trade.otherReason.isEmpty()
                   ? QCoreApplication::translate("TradeText", "Other")
                   : QCoreApplication::translate("TradeText", "Other: %1").arg(trade.otherReason);
    case ClosedTrade::Reason::Unknown:
        return QCoreApplication::translate("TradeText", "Closed while offline (unconfirmed)");
    }
    return {};
}

QString amount(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString signal(const Position &p)
{
    if (!p.flwsig)
        return {};
    return p.signame.isEmpty() ? QStringLiteral("#%1").arg(p.sigtraderid) : p.signame;
}

} // namespace TradeText

QString TradeText::closedTrades(int count)
{
    return QCoreApplication::translate("TradeText", "%n closed trade(s)", nullptr, count);
}

QString TradeText::correctionsWaiting(int count)
{
    return QCoreApplication::translate(
        "TradeText",
        "%n position(s) thought closed while the feed was away turned out open; Closed Trades "
        "shows a close until the history can be corrected",
        nullptr, count);
}

QString TradeText::duration(std::chrono::milliseconds duration)
{
    const qint64 ms = std::max<qint64>(0, duration.count());
    if (ms < 1000 && ms > 0)
        return QCoreApplication::translate("TradeText", "%1 s")
            .arg(QLocale().toString(ms / 1000.0, 'g', 2));
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return QCoreApplication::translate("TradeText", "%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60) {
        if (seconds % 60 == 0)
            return QCoreApplication::translate("TradeText", "%1 min").arg(minutes);
        return QCoreApplication::translate("TradeText", "%1 min %2 s")
            .arg(minutes)
            .arg(seconds % 60);
    }
    const qint64 hours = minutes / 60;
    // A day and more (a position held overnight or over a weekend): days and hours, minutes
    // no longer matter.
    if (hours >= 24) {
        if (hours % 24 == 0)
            return QCoreApplication::translate("TradeText", "%1 d").arg(hours / 24);
        return QCoreApplication::translate("TradeText", "%1 d %2 h")
            .arg(hours / 24)
            .arg(hours % 24);
    }
    if (minutes % 60 == 0)
        return QCoreApplication::translate("TradeText", "%1 h").arg(hours);
    return QCoreApplication::translate("TradeText", "%1 h %2 min").arg(hours).arg(minutes % 60);
}
