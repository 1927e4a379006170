// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// What is known of the usual instruments before the feed sends a single price: how many
// decimals their prices have. Brokers append their own marks to a symbol ("EURUSD.m",
// "XAUUSDpro", "US30.cash"); those are found by the symbol they start with. The demo feed takes
// its instruments' precision from here too.
namespace InstrumentCatalogue {

// The decimals of `symbol`'s prices, nullopt for a symbol the catalogue does not know.
std::optional<int> digits(const QString &symbol);

} // namespace InstrumentCatalogue
