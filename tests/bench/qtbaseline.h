// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/position.h"
#include "protocol/feedmessages.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

// The obvious Qt code a benchmark compares against: parse with QJsonDocument, then read each
// field of each position by name (FeedMessages::positionFromJson).
inline QList<Position> qtBaselineParse(const QByteArray &bytes)
{
    using namespace Qt::StringLiterals;
    QList<Position> out;
    const QJsonArray data = QJsonDocument::fromJson(bytes).object().value("data"_L1).toArray();
    out.reserve(data.size());
    for (const QJsonValue &value : data)
        out.append(FeedMessages::positionFromJson(value.toObject()));
    return out;
}
