// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/positionfilter.h"

#include "domain/position.h"

bool PositionFilter::accepts(const Position &p) const
{
    switch (mode) {
    case Mode::All:
        // arrayFilter(array, 'normal', signalId): with an id, only that trader's copies.
        if (signalTraderId && !(p.flwsig && p.sigtraderid == signalTraderId))
            return false;
        break;
    case Mode::Following:
        if (!p.flwsig || (signalTraderId && p.sigtraderid != signalTraderId))
            return false;
        break;
    case Mode::Mine:
        if (p.flwsig)
            return false;
        break;
    }
    if (!symbol.isEmpty() && p.symbol.compare(symbol, Qt::CaseInsensitive) != 0)
        return false;
    if (search.isEmpty())
        return true;
    return p.symbol.contains(search, Qt::CaseInsensitive) ||
           QString::number(p.ticket).contains(search);
}

bool PositionFilter::isActive() const
{
    return mode != Mode::All || effectiveSignalTraderId() != 0 || !symbol.isEmpty() ||
           !search.isEmpty();
}
