// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedprofile.h"

#include "domain/tradefields.h"

#include "net/socketconfig.h"
#include "protocol/feedparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

const QString kNative = u"native"_s;
const QString kSeed = u"seed"_s;
const QStringList kKeys = {u"envelope"_s, u"subscribe"_s, u"unsubscribe"_s, u"ping"_s,
                           u"fields"_s,   u"timeUnit"_s,  u"okCode"_s};

const QString kTokenMark = u"{token}"_s;

// The native protocol's client messages (docs/protocol.md).
QJsonObject nativeSubscribe()
{
    return {{u"type"_s, u"Subscribe"_s}, {u"traderid"_s, 0}, {u"token"_s, kTokenMark}};
}

QJsonObject nativeUnsubscribe()
{
    return {{u"type"_s, u"Unsubscribe"_s}, {u"traderid"_s, 0}};
}

QJsonObject nativePing()
{
    return {{u"type"_s, u"Ping"_s}, {u"traderid"_s, 0}};
}

// A native Pong is a few dozen bytes; anything longer is data and is not parsed twice.
constexpr qsizetype kMaxPongSize = 256;

// The time a native Pong echoes; nullopt for any other message. Runs for every message
// first, so the cheap test comes first.
std::optional<qint64> nativePongTime(const QByteArray &message)
{
    if (message.size() > kMaxPongSize || !message.contains("\"Pong\""))
        return std::nullopt;
    FeedParser parser;
    if (const std::optional<FeedMessage> pong = parser.parse(message))
        return pong->type == FeedMessage::Type::Pong ? std::optional<qint64>(pong->ts)
                                                     : std::nullopt;
    // A Pong we cannot read is still no data: it echoes no time of ours.
    if (parser.rejectedType() == FeedMessage::Type::Pong)
        return -1;
    return std::nullopt;
}

QJsonValue fillValue(const QJsonValue &value, qint64 traderId, const QString &token);

QJsonObject fillObject(const QJsonObject &object, qint64 traderId, const QString &token)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == "traderid"_L1) {
            out.insert(it.key(), traderId);
        } else if (it.value() == kTokenMark) {
            if (!token.isEmpty())
                out.insert(it.key(), token);
        } else {
            out.insert(it.key(), fillValue(it.value(), traderId, token));
        }
    }
    return out;
}

QJsonValue fillValue(const QJsonValue &value, qint64 traderId, const QString &token)
{
    if (value.isObject())
        return fillObject(value.toObject(), traderId, token);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(item == kTokenMark ? QJsonValue(token) : fillValue(item, traderId, token));
        return out;
    }
    return value;
}

} // namespace

const QStringList &FeedProfile::fieldNames()
{
    return TradeFields::names();
}

FeedProfile FeedProfile::native()
{
    return FeedProfile();
}

FeedProfile FeedProfile::seed()
{
    // The original web client's backend, as its socket.js and page show it: the page's own
    // subscription and "stop pushing" objects, and its heartbeat. Our field names.
    FeedProfile profile;
    profile.name = kSeed;
    profile.envelope = Envelope::Seed;
    profile.subscribe = QJsonObject{{u"value"_s, u"value1"_s}, {u"type"_s, u"type1"_s}};
    profile.unsubscribe = QJsonObject{{u"value1"_s, u"demo1"_s}, {u"value2"_s, u"demo2"_s}};
    profile.ping = QJsonObject{{u"traderid"_s, 10260}, {u"type"_s, u"Ping"_s}};
    return profile;
}

QStringList FeedProfile::builtInNames()
{
    return {kNative, kSeed};
}

std::optional<FeedProfile> FeedProfile::load(const QString &nameOrPath, QString *error)
{
    const QString name = nameOrPath.trimmed();
    if (name.isEmpty() || name == kNative)
        return native();
    if (name == kSeed)
        return seed();
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("profile %1: cannot be read (%2); the built-in profiles are %3")
                         .arg(name, file.errorString(), builtInNames().join(u", "_s));
        return std::nullopt;
    }
    if (file.size() > 1024 * 1024) {
        if (error)
            *error = tr("profile %1: larger than 1 MiB, not a profile").arg(name);
        return std::nullopt;
    }
    return fromJson(file.readAll(), name, error);
}

std::optional<FeedProfile> FeedProfile::fromJson(const QByteArray &json, const QString &source,
                                                 QString *error)
{
    const auto refuse = [&](const QString &key, const QString &problem) {
        if (error)
            *error = key.isEmpty() ? tr("profile %1: %2").arg(source, problem)
                                   : tr("profile %1: key \"%2\": %3").arg(source, key, problem);
        return std::optional<FeedProfile>();
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse(
            {},
            tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return refuse({}, tr("must be a JSON object"));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!kKeys.contains(it.key()))
            return refuse(it.key(), tr("unknown key (known: %1)").arg(kKeys.join(u", "_s)));
    }

    FeedProfile profile;
    profile.name = source;
    if (const QJsonValue envelope = object.value("envelope"_L1); !envelope.isUndefined()) {
        if (envelope == kNative)
            profile.envelope = Envelope::Native;
        else if (envelope == kSeed)
            profile.envelope = Envelope::Seed;
        else
            return refuse(u"envelope"_s, tr("unknown envelope \"%1\" (expected \"native\" or "
                                            "\"seed\")")
                                             .arg(envelope.toVariant().toString()));
    }
    for (const auto &[key, slot] :
         {std::pair{u"subscribe"_s, &profile.subscribe},
          std::pair{u"unsubscribe"_s, &profile.unsubscribe}, std::pair{u"ping"_s, &profile.ping}}) {
        const QJsonValue payload = object.value(key);
        if (payload.isUndefined())
            continue;
        if (!payload.isObject())
            return refuse(key, tr("must be a JSON object (the message to send)"));
        *slot = payload.toObject();
    }
    if (const QJsonValue fields = object.value("fields"_L1); !fields.isUndefined()) {
        if (!fields.isObject())
            return refuse(u"fields"_s, tr("must be an object of our name to theirs"));
        QHash<QString, QString> theirsToOurs;
        const QJsonObject map = fields.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString key = u"fields.%1"_s.arg(it.key());
            if (!fieldNames().contains(it.key()))
                return refuse(key,
                              tr("unknown field (ours are: %1)").arg(fieldNames().join(u", "_s)));
            if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                return refuse(key, tr("must be the feed's name for it, a string"));
            profile.fields.insert(it.key(), it.value().toString());
        }
        // Every incoming name must mean one field: renamed ones, and our own names kept.
        for (const QString &ours : fieldNames()) {
            const QString theirs = profile.field(ours);
            if (theirsToOurs.contains(theirs))
                return refuse(u"fields"_s, tr("\"%1\" is mapped twice (to %2 and to %3)")
                                               .arg(theirs, theirsToOurs.value(theirs), ours));
            theirsToOurs.insert(theirs, ours);
        }
    }
    if (const QJsonValue unit = object.value("timeUnit"_L1); !unit.isUndefined()) {
        if (unit == "ms"_L1)
            profile.timeUnit = TimeUnit::Milliseconds;
        else if (unit == "s"_L1)
            profile.timeUnit = TimeUnit::Seconds;
        else
            return refuse(u"timeUnit"_s, tr("unknown time unit (expected \"ms\" or \"s\")"));
    }
    if (const QJsonValue code = object.value("okCode"_L1); !code.isUndefined()) {
        const double number = code.toDouble(-1);
        if (!code.isDouble() || number != double(qint64(number)) || number < 0 || number > 1e9)
            return refuse(u"okCode"_s, tr("must be a whole number, the feed's success code"));
        profile.okCode = int(number);
    }
    return profile;
}

QJsonObject FeedProfile::subscribeTemplate() const
{
    if (subscribe)
        return *subscribe;
    return envelope == Envelope::Seed ? *seed().subscribe : nativeSubscribe();
}

QJsonObject FeedProfile::unsubscribeTemplate() const
{
    if (unsubscribe)
        return *unsubscribe;
    return envelope == Envelope::Seed ? *seed().unsubscribe : nativeUnsubscribe();
}

QJsonObject FeedProfile::pingTemplate() const
{
    if (ping)
        return *ping;
    return envelope == Envelope::Seed ? *seed().ping : nativePing();
}

void FeedProfile::applyTo(SocketConfig &config) const
{
    config.profile = name;
    config.subscribeTemplate = subscribeTemplate();
    config.unsubscribeTemplate = unsubscribeTemplate();
    config.pingTemplate = pingTemplate();
    // Only our own Ping carries a time to echo, in a Pong; any other ping is sent as it is
    // written, and whatever answers it is data (or a sign of life) to the parser.
    const bool nativePingPong = !ping && envelope == Envelope::Native;
    config.pingTimestampKey = nativePingPong ? u"ts"_s : QString();
    config.pingReplyTime = nativePingPong ? nativePongTime : nullptr;
    fillPayloads(config);
}

SocketConfig FeedProfile::configFor(const QUrl &url, qint64 traderId, const QString &token) const
{
    SocketConfig config;
    config.url = url;
    config.traderId = traderId;
    config.token = token;
    applyTo(config);
    return config;
}

void FeedProfile::fillPayloads(SocketConfig &config)
{
    config.subscribePayload = fill(config.subscribeTemplate, config.traderId, config.token);
    config.unsubscribePayload = fill(config.unsubscribeTemplate, config.traderId, config.token);
    config.pingPayload = fill(config.pingTemplate, config.traderId, config.token);
}

QJsonObject FeedProfile::fill(const QJsonObject &payload, qint64 traderId, const QString &token)
{
    return fillObject(payload, traderId, token);
}

QJsonObject FeedProfile::toJson() const
{
    QJsonObject object{{u"envelope"_s, envelope == Envelope::Seed ? kSeed : kNative}};
    if (subscribe)
        object.insert(u"subscribe"_s, *subscribe);
    if (unsubscribe)
        object.insert(u"unsubscribe"_s, *unsubscribe);
    if (ping)
        object.insert(u"ping"_s, *ping);
    if (!fields.isEmpty()) {
        QJsonObject map;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            map.insert(it.key(), it.value());
        object.insert(u"fields"_s, map);
    }
    object.insert(u"timeUnit"_s, timeUnit == TimeUnit::Seconds ? u"s"_s : u"ms"_s);
    object.insert(u"okCode"_s, okCode);
    return object;
}

bool FeedProfile::operator==(const FeedProfile &o) const
{
    return name == o.name && envelope == o.envelope && subscribe == o.subscribe &&
           unsubscribe == o.unsubscribe && ping == o.ping && fields == o.fields &&
           timeUnit == o.timeUnit && okCode == o.okCode;
}
