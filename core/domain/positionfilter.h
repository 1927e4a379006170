// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

struct Position;

// What the trader chooses to see, the same on Open Trades and Closed Trades. It carries over
// the original web client's arrayFilter: All (following positions first, then own ones),
// Following (flwsig true) or Mine (flwsig false); a signal-trader id keeps only the copies of
// that trader (it means nothing under Mine, whose positions copy nobody); then an exact symbol
// and a search in symbol and ticket.
struct PositionFilter
{
    Q_GADGET

public:
    enum class Mode { All, Following, Mine };
    Q_ENUM(Mode)

    Mode mode = Mode::All;
    qint64 signalTraderId = 0; // 0 = any
    QString symbol;            // empty = any
    QString search;            // trimmed; empty = none

    bool accepts(const Position &position) const;
    // Whether it can hide anything at all.
    bool isActive() const;
    // The trader id that counts: none under Mine.
    qint64 effectiveSignalTraderId() const { return mode == Mode::Mine ? 0 : signalTraderId; }

    // The same filter as the user set it, with the search trimmed.
    PositionFilter normalised() const
    {
        PositionFilter filter = *this;
        filter.search = search.trimmed();
        return filter;
    }

    bool operator==(const PositionFilter &other) const
    {
        return mode == other.mode && signalTraderId == other.signalTraderId &&
               symbol == other.symbol && search == other.search;
    }
    bool operator!=(const PositionFilter &other) const { return !(*this == other); }
};
