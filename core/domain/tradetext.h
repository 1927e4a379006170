// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/closedtrade.h"
#include "domain/position.h"

#include <QString>

#include <chrono>

// How trades are written for people, the same in every table and footer.
namespace TradeText {

// Local time, "2024-11-26 03:00:00".
QString time(qint64 msSinceEpoch);
// The zone those times are in, short for a column header ("CST", else "UTC+08:00"), and in
// full for its tooltip ("Local time: China Standard Time, UTC+08:00").
QString timeZoneName();
QString timeZoneDescription();
// A time column's title with the zone: "Open time (CST)".
QString timeColumnTitle(const QString &title);
QString side(Position::Side side);
// Why a trade closed, as the Closed Trades table says it; a feed's own word for Other is
// shown as it came ("Other: so").
QString reason(const ClosedTrade &trade);
// Lots and money: two decimals, in the user's locale.
QString amount(double value);
// The followed signal trader: the name, else "#id"; empty for an own position.
QString signal(const Position &position);
// A duration as people say it: "0.3 s", "10 s", "1 min 30 s", "2 h 5 min", "3 d 4 h".
QString duration(std::chrono::milliseconds duration);
// "1 closed trade", "3 closed trades" (the plural forms come from the translations, English
// included: i18n/Translations).
QString closedTrades(int count);
// Provisional closes found wrong whose correction waits: "1 position thought closed while the
// feed was away is open; the history is corrected as soon as it can be written".
QString correctionsWaiting(int count);

} // namespace TradeText
