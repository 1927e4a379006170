// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inside protocol/ only (see fieldreader.h).

#include "protocol/feedmessage.h"
#include "protocol/feedprofile.h"
#include "protocol/fieldreader.h"

#include <memory>

namespace FeedReading {

// The rows of a list, the same in every envelope: each item read by its fields' rows in
// TradeFields, in the profile's names and time unit. A row that cannot be read goes to the
// message's unreadable rows with its reason; a pending order and a repeated ticket are left
// out and counted. The hot path: no allocation but the rows themselves.
class ItemReader
{
public:
    explicit ItemReader(const FeedProfile &profile);
    ~ItemReader();
    ItemReader(const ItemReader &) = delete;
    ItemReader &operator=(const ItemReader &) = delete;

    void setProfile(const FeedProfile &profile);

    // Every row of `data` into `message`, by its type: positions (Snapshot, Positions), closed
    // trades (Closed, History), or a seed List (which needs fewer fields). False, with the
    // reason in `r`, when data is not an array or has too many rows.
    bool readList(FieldReader &r, element data, FeedMessage *message);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace FeedReading
