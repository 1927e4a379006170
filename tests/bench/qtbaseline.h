#pragma once

#include "position.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

// The obvious Qt code a benchmark compares against: parse with QJsonDocument, then read each
// field of each position by name.
inline QList<Position> qtBaselineParse(const QByteArray &bytes)
{
    using namespace Qt::StringLiterals;
    QList<Position> out;
    const QJsonArray data = QJsonDocument::fromJson(bytes).object().value("data"_L1).toArray();
    out.reserve(data.size());
    for (const QJsonValue &value : data) {
        const QJsonObject o = value.toObject();
        Position p;
        p.ticket = o.value("ticket"_L1).toInteger();
        p.symbol = o.value("symbol"_L1).toString();
        p.side =
            o.value("side"_L1).toString() == "sell"_L1 ? Position::Side::Sell : Position::Side::Buy;
        p.volume = o.value("volume"_L1).toDouble();
        p.openPrice = o.value("openPrice"_L1).toDouble();
        p.price = o.value("price"_L1).toDouble();
        p.sl = o.value("sl"_L1).toDouble();
        p.tp = o.value("tp"_L1).toDouble();
        p.swap = o.value("swap"_L1).toDouble();
        p.commission = o.value("commission"_L1).toDouble();
        p.profit = o.value("profit"_L1).toDouble();
        p.openTime = o.value("openTime"_L1).toInteger();
        p.flwsig = o.value("flwsig"_L1).toBool();
        p.sigtraderid = o.value("sigtraderid"_L1).toInteger();
        p.signame = o.value("signame"_L1).toString();
        out.append(p);
    }
    return out;
}
