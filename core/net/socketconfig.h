// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <limits>
#include <optional>

namespace Defaults {
using namespace std::chrono_literals;
inline constexpr qint64 kTraderId = 10260;
inline constexpr std::chrono::milliseconds kHeartbeatInterval = 15s;
inline constexpr std::chrono::milliseconds kPongTimeout = 10s;
inline constexpr std::chrono::milliseconds kConnectTimeout = 10s;
// The reconnect schedule (ReconnectBackoff): back within about 6 s of a server's return, and
// a fleet spread over 2 s when it is dropped at once.
inline constexpr std::chrono::milliseconds kReconnectMin = 2s;
inline constexpr std::chrono::milliseconds kReconnectMax = 6s;
inline constexpr std::chrono::milliseconds kMinUptime = 5s;
inline constexpr std::chrono::milliseconds kCloseTimeout = 2s;
inline constexpr std::chrono::milliseconds kWakeCheckInterval = 10s;
inline constexpr std::chrono::milliseconds kSnapshotTimeout = 10s;
inline constexpr std::chrono::milliseconds kSnapshotWaitCap = 2min;
inline constexpr std::chrono::milliseconds kGiveUpAfter = 60s;
inline constexpr int kMaxRetries = 5;
inline constexpr qint64 kMaxIncomingMessageSize = 16 * 1024 * 1024;
} // namespace Defaults

// Everything SocketManager needs to know about one feed. A plain value: every field settable.
// What a user may set, and within which limits, is config/FeedSetting's table.
struct SocketConfig
{
    QUrl url;
    qint64 traderId = Defaults::kTraderId;
    // Goes into the Subscribe message as "token" when set; never logged (see Secrets).
    QString token;
    // Extra certificate authorities to trust for wss:// (a private CA); the system's stay.
    // Verification is always on: a certificate that does not verify is a fatal error.
    QList<QSslCertificate> caCertificates;
    // The wire format's name (a built-in profile, or a profile file's path). Everything below
    // that a message is made of comes from it (FeedProfile::applyTo): this layer carries the
    // payloads, it does not write them.
    QString profile = QStringLiteral("native");
    // What the payloads are made of, before the trader id and the token go in
    // (FeedProfile::fillPayloads).
    QJsonObject subscribeTemplate;
    QJsonObject unsubscribeTemplate;
    QJsonObject pingTemplate;
    // Sent as the first frame of every connection, the first and every reconnect.
    QJsonObject subscribePayload;
    // Sent just before a deliberate close; nothing is sent when it is empty.
    QJsonObject unsubscribePayload;
    // Sent every heartbeat interval (with the time under pingTimestampKey, when it is set).
    QJsonObject pingPayload;
    // The key that carries the ping's wall-clock time, echoed in the reply for the round
    // trip; empty: the ping is sent as it is and nothing is measured.
    QString pingTimestampKey;
    // Tells a reply to our ping from data: the time it echoes (-1 when it echoes none we can
    // read), or nullopt when the message is not a reply. Unset: no message is a reply.
    std::function<std::optional<qint64>(const QByteArray &message)> pingReplyTime;

    std::chrono::milliseconds heartbeatInterval = Defaults::kHeartbeatInterval;
    // After a ping, no inbound frame of any kind within this time means the link is dead.
    std::chrono::milliseconds pongTimeout = Defaults::kPongTimeout;
    // TCP connect plus the WebSocket handshake.
    std::chrono::milliseconds connectTimeout = Defaults::kConnectTimeout;
    std::chrono::milliseconds reconnectMin = Defaults::kReconnectMin;
    std::chrono::milliseconds reconnectMax = Defaults::kReconnectMax;
    // The retry counter resets only after a connection stayed open this long, so a server
    // that accepts and drops at once ends in Failed instead of looping.
    std::chrono::milliseconds minUptime = Defaults::kMinUptime;
    // How long a deliberate close waits for the server's close frame before it aborts.
    std::chrono::milliseconds closeTimeout = Defaults::kCloseTimeout;
    // While given up (not refused): how often the wall clock is checked for a sleep. A check
    // that comes over three intervals late means the machine slept: one more try.
    std::chrono::milliseconds wakeCheckInterval = Defaults::kWakeCheckInterval;
    // Retries after the first attempt; 0 means unlimited.
    int maxRetries = Defaults::kMaxRetries;
    // After subscribing, the owner must confirm data (markLive) within this time; otherwise
    // the subscription is sent once more, and after a second timeout the attempt has failed.
    std::chrono::milliseconds snapshotTimeout = Defaults::kSnapshotTimeout;
    // Data still arriving (a frame of a fragmented message, bytes of a large one) starts that
    // wait again, but never past ten timeouts or this, whichever is longer, from the
    // subscription: a trickle cannot hold it for ever.
    std::chrono::milliseconds snapshotWaitCap = Defaults::kSnapshotWaitCap;
    // Failed only when the retries are used up and this long has passed since the feed was
    // last live (or since the first failure); 0 = as soon as the retries are used up.
    std::chrono::milliseconds giveUpAfter = Defaults::kGiveUpAfter;
    qint64 maxIncomingMessageSize = Defaults::kMaxIncomingMessageSize;

    // Empty when the config can be used, otherwise what is wrong, in words for the user.
    QString validate() const;

    // The URL part of validate().
    static QString validateUrl(const QUrl &url);
};
