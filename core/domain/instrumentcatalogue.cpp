// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/instrumentcatalogue.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace {

struct Known
{
    const char *symbol;
    int digits;
};

// The usual quotes of retail platforms (five-digit FX, three-digit yen crosses).
constexpr Known kKnown[] = {
    // FX majors and the common crosses
    {"EURUSD", 5},
    {"GBPUSD", 5},
    {"AUDUSD", 5},
    {"NZDUSD", 5},
    {"USDCHF", 5},
    {"USDCAD", 5},
    {"EURGBP", 5},
    {"EURCHF", 5},
    {"EURAUD", 5},
    {"EURCAD", 5},
    {"EURNZD", 5},
    {"GBPCHF", 5},
    {"GBPAUD", 5},
    {"GBPCAD", 5},
    {"GBPNZD", 5},
    {"AUDCAD", 5},
    {"AUDCHF", 5},
    {"AUDNZD", 5},
    {"NZDCAD", 5},
    {"NZDCHF", 5},
    {"CADCHF", 5},
    {"USDCNH", 5},
    {"USDSGD", 5},
    {"USDHKD", 5},
    {"USDJPY", 3},
    {"EURJPY", 3},
    {"GBPJPY", 3},
    {"AUDJPY", 3},
    {"NZDJPY", 3},
    {"CADJPY", 3},
    {"CHFJPY", 3},
    // Metals
    {"XAUUSD", 2},
    {"XAGUSD", 3},
    {"XPTUSD", 2},
    {"XPDUSD", 2},
    // Indices
    {"US30", 1},
    {"US100", 1},
    {"NAS100", 1},
    {"US500", 1},
    {"SPX500", 1},
    {"GER40", 1},
    {"DE40", 1},
    {"UK100", 1},
    {"FRA40", 1},
    {"JP225", 0},
    {"HK50", 0},
    // Energy and crypto
    {"USOIL", 2},
    {"UKOIL", 2},
    {"XTIUSD", 2},
    {"XBRUSD", 2},
    {"BTCUSD", 2},
    {"ETHUSD", 2},
};

const QHash<QString, int> &catalogue()
{
    static const QHash<QString, int> map = [] {
        QHash<QString, int> known;
        for (const Known &entry : kKnown)
            known.insert(QString::fromLatin1(entry.symbol), entry.digits);
        return known;
    }();
    return map;
}

// The catalogue's symbols, longest first: "US500" must not be taken for "US50".
const QStringList &longestFirst()
{
    static const QStringList symbols = [] {
        QStringList list = catalogue().keys();
        std::sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
            return a.size() != b.size() ? a.size() > b.size() : a < b;
        });
        return list;
    }();
    return symbols;
}

} // namespace

namespace InstrumentCatalogue {

std::optional<int> digits(const QString &symbol)
{
    const QString upper = symbol.trimmed().toUpper();
    if (const auto it = catalogue().constFind(upper); it != catalogue().cend())
        return *it;
    for (const QString &known : longestFirst()) {
        if (upper.startsWith(known))
            return catalogue().value(known);
    }
    return std::nullopt;
}

} // namespace InstrumentCatalogue
