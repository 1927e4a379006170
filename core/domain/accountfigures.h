// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// The trading account's figures as the feed reports them (the native Account message,
// docs/protocol.md): money in `currency`, the margin level in percent. Nothing here is
// computed on our side: a feed that sends no Account message has no figures at all.
struct AccountFigures
{
    double balance = 0.0;
    double equity = 0.0;
    double margin = 0.0;
    double freeMargin = 0.0;
    std::optional<double> marginLevel; // percent; none while no margin is in use
    QString currency;

    bool operator==(const AccountFigures &other) const
    {
        return balance == other.balance && equity == other.equity && margin == other.margin &&
               freeMargin == other.freeMargin && marginLevel == other.marginLevel &&
               currency == other.currency;
    }
    bool operator!=(const AccountFigures &other) const { return !(*this == other); }
};
