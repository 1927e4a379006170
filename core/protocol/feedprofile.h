// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

struct SocketConfig;

// A feed's wire format: the envelope its messages come in, the payloads the client sends,
// the names its positions' fields go by, the unit of its times and its success code. Built in:
// "native" (docs/protocol.md, the default) and "seed" (the dialect of the original web
// client's backend, with our field names); anything else is a JSON file (docs/profiles.md).
// A profile that cannot be used is refused with an error naming the file and the key.
class FeedProfile
{
    Q_DECLARE_TR_FUNCTIONS(FeedProfile)

public:
    enum class Envelope {
        Native, // {"Code","type","seq","data"}: Snapshot, Positions, Closed, History, Error
        Seed,   // {"Code","data"}: every data is the whole list of open positions
    };
    enum class TimeUnit { Milliseconds, Seconds };

    // Our names of the fields of a position and a closed trade, in the protocol's order.
    static const QStringList &fieldNames();

    static FeedProfile native();
    static FeedProfile seed();
    static QStringList builtInNames();
    // A built-in name wins; anything else is the path of a profile file.
    static std::optional<FeedProfile> load(const QString &nameOrPath, QString *error);
    // `source` names the file in errors.
    static std::optional<FeedProfile> fromJson(const QByteArray &json, const QString &source,
                                               QString *error);

    QString name = QStringLiteral("native"); // a built-in name, or the file's path
    Envelope envelope = Envelope::Native;
    // Sent as they are, but for every "traderid" key (the trader id) and every "{token}"
    // string (the token; the key goes when there is none). Unset: the envelope's own.
    std::optional<QJsonObject> subscribe;
    std::optional<QJsonObject> unsubscribe;
    std::optional<QJsonObject> ping;
    QHash<QString, QString> fields; // our name -> theirs, for the renamed ones only
    TimeUnit timeUnit = TimeUnit::Milliseconds;
    int okCode = 200;

    bool isBuiltIn() const { return builtInNames().contains(name); }
    // Their name for one of our fields.
    QString field(const QString &ours) const { return fields.value(ours, ours); }
    // The payloads in effect: the profile's own, or its envelope's when it leaves one out.
    QJsonObject subscribeTemplate() const;
    QJsonObject unsubscribeTemplate() const;
    QJsonObject pingTemplate() const;
    // Names this profile in `config` and gives it the profile's messages: the templates, the
    // payloads filled for its trader id and token, the ping's timestamp key and how to tell
    // the reply to a ping from data.
    void applyTo(SocketConfig &config) const;
    // A config for `traderId` at `url` that speaks this profile; every other field default.
    SocketConfig configFor(const QUrl &url, qint64 traderId, const QString &token = {}) const;

    // Rebuilds the payloads of `config` from its templates after its trader id or token
    // changed.
    static void fillPayloads(SocketConfig &config);
    // One template filled in: every "traderid" key (at any depth) gets the trader id, every
    // "{token}" string the token (and its key goes when there is none).
    static QJsonObject fill(const QJsonObject &payload, qint64 traderId, const QString &token);
    // The profile as a JSON file would say it (what docs/profiles.md shows).
    QJsonObject toJson() const;

    bool operator==(const FeedProfile &other) const;
    bool operator!=(const FeedProfile &other) const { return !(*this == other); }
};
