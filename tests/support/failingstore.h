// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/closedtradestore.h"

// A real store whose writes fail on demand, as on a full disk.
class FailingStore : public ClosedTradeStore
{
public:
    using ClosedTradeStore::ClosedTradeStore;

    bool record(const Account &account, const QList<ClosedTrade> &trades) override
    {
        ++attempts;
        if (failing)
            return fail(QStringLiteral("Cannot save closed trades"),
                        QStringLiteral("database or disk is full"));
        return ClosedTradeStore::record(account, trades);
    }

    bool failing = false;
    int attempts = 0;
};
