// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Inside protocol/ only (see fieldreader.h).

#include "protocol/feedmessage.h"
#include "protocol/feedprofile.h"
#include "protocol/fieldreader.h"
#include "protocol/itemreader.h"

#include <memory>
#include <optional>

namespace FeedReading {

// What is known of a message as it is read: a message refused later is still known by its
// type, and takes its place in the sequence.
struct ReadState
{
    std::optional<FeedMessage::Type> type;
    std::optional<qint64> seq;
};

// One envelope's reader: what a message's top object holds around its rows. The rows
// themselves are the ItemReader's, the same in every envelope.
class EnvelopeReader
{
public:
    // `okCode`: the profile's success code.
    explicit EnvelopeReader(int okCode)
        : m_okCode(okCode)
    {}
    virtual ~EnvelopeReader() = default;
    // The message, or nullopt with the reason in `r`; `state` says what was known of it.
    virtual std::optional<FeedMessage> read(FieldReader &r, object top, ItemReader &items,
                                            ReadState *state) const = 0;

    static std::unique_ptr<EnvelopeReader> of(const FeedProfile &profile);

protected:
    int m_okCode = 200;
};

// Ours (docs/protocol.md): {"Code", "type", "seq", "data"}; a Pong carries "ts"; an Error a
// 4xx or 5xx code and "msg"; Account's data is the account's figures.
class NativeEnvelope final : public EnvelopeReader
{
public:
    using EnvelopeReader::EnvelopeReader;
    std::optional<FeedMessage> read(FieldReader &r, object top, ItemReader &items,
                                    ReadState *state) const override;
};

// The original web client's backend (docs/profiles.md): {"Code", "data"} with the whole list
// of open positions; no data is a sign of life; any other code is the server's error.
class SeedEnvelope final : public EnvelopeReader
{
public:
    using EnvelopeReader::EnvelopeReader;
    std::optional<FeedMessage> read(FieldReader &r, object top, ItemReader &items,
                                    ReadState *state) const override;
};

} // namespace FeedReading
