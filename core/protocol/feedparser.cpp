// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/feedparser.h"

#include "protocol/envelopereader.h"

#include <QMetaEnum>

using namespace FeedReading;

const QString &FeedMessage::typeName(Type type)
{
    // Every message names its type for a rejection's reason: made once, read by index.
    static const QList<QString> names = [] {
        const QMetaEnum meta = QMetaEnum::fromType<Type>();
        QList<QString> table;
        for (int i = 0; i < meta.keyCount(); ++i) {
            table.resize(std::max<qsizetype>(table.size(), meta.value(i) + 1));
            table[meta.value(i)] = QString::fromLatin1(meta.key(i));
        }
        return table;
    }();
    static const QString none;
    const auto index = qsizetype(type);
    return index >= 0 && index < names.size() ? names.at(index) : none;
}

struct FeedParser::Impl
{
    explicit Impl(const FeedProfile &profile)
        : items(profile)
        , envelope(EnvelopeReader::of(profile))
    {}

    simdjson::dom::parser parser;
    ItemReader items;
    std::unique_ptr<EnvelopeReader> envelope;
};

FeedParser::FeedParser(const FeedProfile &profile)
    : d(std::make_unique<Impl>(profile))
    , m_profile(profile)
{}

void FeedParser::setProfile(const FeedProfile &profile)
{
    m_profile = profile;
    d->items.setProfile(profile);
    d->envelope = EnvelopeReader::of(profile);
}

FeedParser::~FeedParser() = default;

// The top object of a message, or false with the reason in `r`.
static bool readTop(FieldReader &r, simdjson::dom::parser &parser, const QByteArray &bytes,
                    object *top)
{
    if (bytes.size() > FeedParser::kMaxMessageBytes)
        return r.fail(FeedParser::tr("%1 bytes is over the %2-byte limit")
                          .arg(bytes.size())
                          .arg(FeedParser::kMaxMessageBytes));
    // simdjson reads in blocks past the end; it copies into its own padded buffer when the
    // QByteArray has no room to spare.
    const bool padded = bytes.capacity() - bytes.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    element root;
    if (const auto error = parser.parse(bytes.constData(), size_t(bytes.size()), !padded).get(root))
        return r.fail(
            FeedParser::tr("invalid JSON (%1)").arg(QLatin1String(simdjson::error_message(error))));
    if (root.get_object().get(*top) != simdjson::SUCCESS)
        return r.fail(FeedParser::tr("must be a JSON object, not %1").arg(describeType(root)));
    return true;
}

std::optional<FeedMessage> FeedParser::parse(const QByteArray &bytes)
{
    m_error.clear();
    m_rejectedType.reset();
    m_rejectedSeq.reset();
    FieldReader r(&m_error);
    ReadState state;
    object top;
    std::optional<FeedMessage> message;
    if (readTop(r, d->parser, bytes, &top))
        message = d->envelope->read(r, top, d->items, &state);
    if (message) {
        m_error.clear(); // the reasons of rows left out are the message's own
    } else {
        m_rejectedType = state.type;
        if (state.type != FeedMessage::Type::Pong && state.type != FeedMessage::Type::Error)
            m_rejectedSeq = state.seq;
    }
    return message;
}
