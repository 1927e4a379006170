// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/feedmessage.h"
#include "protocol/feedprofile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

// Turns one message's bytes into a FeedMessage, or says exactly why not, in the wire format of
// a FeedProfile (field names, time unit, success code, envelope). Validation is strict, but a
// message is refused whole only when its envelope cannot be read (not JSON, no type, a bad
// Code or seq, data that is not a list, an Account with a bad figure). A row this version
// cannot read is kept out and named in FeedMessage::unreadable, with its ticket when that much
// reads, and the readable rows apply: one bad trade never costs the others. A pending order
// (side 2 to 5, MT4-style) is not a position, and a ticket repeated in one message counts once:
// both left out and counted. What is refused, and why, is listed in docs/protocol.md. Built on
// simdjson (chosen by measurement: tests/bench/bench_parser), reusing its buffers from message
// to message; one parser per thread.
class FeedParser
{
    // Its reasons reach the window (a row's tooltip, the banner, the log): translated.
    Q_DECLARE_TR_FUNCTIONS(FeedParser)

public:
    // Limits against absurd input.
    static constexpr qsizetype kMaxMessageBytes = 64 * 1024 * 1024;
    static constexpr qsizetype kMaxItems = 1'000'000;
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
    // The seq of the last rejected message when it could be read: that message still takes its
    // place in the sequence (it is no gap). Never for a Pong or an Error, which have none.
    std::optional<qint64> rejectedSeq() const { return m_rejectedSeq; }

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    FeedProfile m_profile;
    QString m_error;
    std::optional<FeedMessage::Type> m_rejectedType;
    std::optional<qint64> m_rejectedSeq;
};
