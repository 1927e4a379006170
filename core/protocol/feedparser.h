// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/feedmessage.h"
#include "protocol/feedprofile.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

// Turns one message's bytes into a FeedMessage, or says exactly why not, in the wire format of
// a FeedProfile (field names, time unit, success code, envelope). In the native envelope
// validation is strict and whole: a message with one bad field is rejected as a whole, so
// nothing is half-applied. In the seed envelope a row that is not a valid position is left
// out and counted, and the rest of the list applies. In both, a pending order (side 2 to 5,
// MT4-style) is not a position: left out and counted. Built on simdjson (chosen by
// measurement: tests/bench/bench_parser), reusing its buffers from message to message; one
// parser per thread.
class FeedParser
{
public:
    // Limits against absurd input.
    static constexpr qsizetype kMaxMessageBytes = 64 * 1024 * 1024;
    static constexpr qsizetype kMaxItems = 1'000'000;
    static constexpr qsizetype kMaxSymbolLength = 32;
    static constexpr qsizetype kMaxTextLength = 4096;

    explicit FeedParser(const FeedProfile &profile = FeedProfile::native());
    ~FeedParser();
    FeedParser(const FeedParser &) = delete;
    FeedParser &operator=(const FeedParser &) = delete;

    void setProfile(const FeedProfile &profile);
    const FeedProfile &profile() const { return m_profile; }

    // The message, or nullopt with error() telling why it was rejected.
    std::optional<FeedMessage> parse(const QByteArray &bytes);
    QString error() const { return m_error; }
    // The type of the last rejected message when it could be read (a Snapshot with one bad
    // field is still known to be a Snapshot), nullopt otherwise.
    std::optional<FeedMessage::Type> rejectedType() const { return m_rejectedType; }

private:
    std::optional<FeedMessage> read(const QByteArray &bytes);
    std::optional<FeedMessage> readSeed(const QByteArray &bytes);

    struct Impl;
    std::unique_ptr<Impl> d;
    FeedProfile m_profile;
    QString m_error;
    std::optional<FeedMessage::Type> m_rejectedType;
};
