// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/closedtradestore.h"

// A real store whose writes (and, apart, whose corrections) fail on demand, as on a full disk
// or a locked file.
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

    // A correction fails as a write does: the file locked by another program.
    int withdrawProvisional(const Account &account, const QList<qint64> &tickets) override
    {
        ++withdrawals;
        if (failingWithdrawals) {
            fail(QStringLiteral("Cannot correct the trade history"),
                 QStringLiteral("database is locked"));
            return -1;
        }
        return ClosedTradeStore::withdrawProvisional(account, tickets);
    }

    bool failing = false;
    bool failingWithdrawals = false;
    int attempts = 0;
    int withdrawals = 0;
};
