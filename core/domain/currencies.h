// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// Money of several accounts adds up only where it is in one currency: no exchange rate is
// guessed, and an account that does not say its currency is not taken to be in anyone's. The
// rule for every total, subtotal and statistic that spans accounts.
class Currencies
{
    Q_DECLARE_TR_FUNCTIONS(Currencies)

public:
    // The currency that the accounts named `names` (their currencies in `currencies`, empty
    // where not reported) all keep their money in; one account alone has its own, reported or
    // not. Otherwise nullopt, and `why` says what stands in the way, in a phrase ("the accounts
    // are in EUR and USD", "Prop does not report its currency").
    static std::optional<QString> common(const QStringList &names, const QStringList &currencies,
                                         QString *why = nullptr);
};
