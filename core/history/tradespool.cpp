// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradespool.h"

#include "history/filesync.h"
#include "protocol/feedmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSpool, "trademonitor.spool")

using namespace Qt::StringLiterals;

namespace {

const QByteArray kHeader = "trade-monitor spool 1\n";
constexpr qint64 kChunk = 64 * 1024;

// Every field the history keeps; a line missing one was not written by this program.
bool isComplete(const QJsonObject &o)
{
    static const char *const required[] = {"ticket",     "symbol",    "side",   "volume",
                                           "openPrice",  "price",     "profit", "openTime",
                                           "closePrice", "closeTime", "reason"};
    return std::all_of(std::begin(required), std::end(required),
                       [&o](const char *key) { return o.contains(QLatin1String(key)); });
}

} // namespace

QByteArray TradeSpool::encode(const Batch &batch)
{
    QJsonArray trades;
    for (const ClosedTrade &t : batch.trades) {
        QJsonObject trade = FeedMessages::toJson(t);
        // The reason's word alone cannot tell a provisional close from a feed that says
        // "unknown" for how a trade closed.
        trade.insert(u"provisional"_s, !t.isConfirmed());
        trades.append(trade);
    }
    const QJsonObject line{{u"account"_s, batch.account.key()}, {u"trades"_s, trades}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<TradeSpool::Batch> TradeSpool::decode(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (!object.value("account"_L1).isString() || !object.value("trades"_L1).isArray())
        return std::nullopt;
    Batch batch;
    batch.account = Account::fromKey(object.value("account"_L1).toString());
    for (const QJsonValue &value : object.value("trades"_L1).toArray()) {
        if (!isComplete(value.toObject()))
            return std::nullopt;
        const QJsonObject object = value.toObject();
        ClosedTrade trade = FeedMessages::closedTradeFromJson(object);
        // Lines of an earlier version have no "provisional": their "unknown" is one.
        const QJsonValue provisional = object.value("provisional"_L1);
        if (provisional.isBool())
            trade.setProvisional(provisional.toBool());
        batch.trades.append(trade);
    }
    return batch;
}

bool TradeSpool::fail(const QString &error)
{
    m_error = error;
    qCWarning(lcSpool).noquote() << error;
    return false;
}

bool TradeSpool::open(const QString &path)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite))
        return fail(
            tr("Cannot open the spool %1 for unsaved trades: %2").arg(path, m_file.errorString()));
    const QByteArray content = m_file.readAll();
    if (content.isEmpty()) {
        // New: the header, then the reserved room.
        if (m_file.write(kHeader) != kHeader.size()) {
            const QString error = m_file.errorString();
            m_file.close();
            m_file.remove();
            return fail(tr("Cannot create the spool %1 for unsaved trades: %2").arg(path, error));
        }
        m_end = kHeader.size();
    } else {
        if (!content.startsWith(kHeader)) {
            m_file.close();
            return fail(tr("%1 is not a Trade Monitor spool; it was left as it is").arg(path));
        }
        // The data ends at the first zero byte: the reserved room is zeros.
        const qsizetype zero = content.indexOf('\0');
        QByteArray data =
            content.mid(kHeader.size(), (zero < 0 ? content.size() : zero) - kHeader.size());
        // A last line without its newline was cut short: the next append writes over it.
        if (!data.isEmpty() && !data.endsWith('\n')) {
            ++m_unreadable;
            data.truncate(data.lastIndexOf('\n') + 1);
        }
        const qint64 dataEnd = zero < 0 ? content.size() : zero;
        m_end = kHeader.size() + data.size();
        if (dataEnd > m_end && m_file.seek(m_end)) {
            m_file.write(QByteArray(dataEnd - m_end, '\0'));
            syncToDisk(m_file);
        }
        for (const QByteArray &line : data.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            if (std::optional<Batch> batch = decode(line))
                m_batches.append(*batch);
            else
                ++m_unreadable;
        }
        if (m_unreadable > 0)
            qCWarning(lcSpool) << m_unreadable << "unreadable lines in the spool" << path
                               << "(a write cut short); skipped";
    }
    if (!reserve())
        qCWarning(lcSpool).noquote() << "the spool could not reserve its room:" << m_error;
    return true;
}

bool TradeSpool::reserve()
{
    const qint64 size = m_file.size();
    if (size >= kReservedBytes)
        return true;
    if (!m_file.seek(size))
        return fail(m_file.errorString());
    const QByteArray zeros(kChunk, '\0');
    for (qint64 at = size; at < kReservedBytes; at += kChunk) {
        const qint64 n = std::min(kChunk, kReservedBytes - at);
        if (m_file.write(zeros.constData(), n) != n)
            return fail(tr("no room for the spool: %1").arg(m_file.errorString()));
    }
    return syncToDisk(m_file) || fail(m_file.errorString());
}

void TradeSpool::close()
{
    if (m_file.isOpen())
        m_file.close();
    m_batches.clear();
    m_end = 0;
    m_unreadable = 0;
}

int TradeSpool::tradeCount() const
{
    int count = 0;
    for (const Batch &batch : m_batches)
        count += int(batch.trades.size());
    return count;
}

bool TradeSpool::append(const Batch &batch)
{
    if (!m_file.isOpen())
        return fail(tr("The spool for unsaved trades is not open"));
    const QByteArray line = encode(batch);
    if (!m_file.seek(m_end) || m_file.write(line) != line.size() || !syncToDisk(m_file)) {
        const QString error = m_file.errorString();
        // Whatever part got written is wiped, so that the file holds whole lines only.
        m_file.unsetError();
        if (m_file.seek(m_end)) {
            m_file.write(QByteArray(line.size(), '\0'));
            syncToDisk(m_file);
        }
        return fail(tr("Cannot write to the spool %1: %2").arg(m_file.fileName(), error));
    }
    m_end += line.size();
    m_batches.append(batch);
    return true;
}

bool TradeSpool::clear()
{
    if (!m_file.isOpen())
        return fail(tr("The spool for unsaved trades is not open"));
    // Zeros over what was used: the room stays reserved.
    const qint64 used = m_end - kHeader.size();
    if (used > 0) {
        if (!m_file.seek(kHeader.size()))
            return fail(m_file.errorString());
        const QByteArray zeros(kChunk, '\0');
        for (qint64 done = 0; done < used; done += kChunk) {
            const qint64 n = std::min(kChunk, used - done);
            if (m_file.write(zeros.constData(), n) != n)
                return fail(m_file.errorString());
        }
        if (!syncToDisk(m_file))
            return fail(m_file.errorString());
    }
    m_end = kHeader.size();
    m_batches.clear();
    return true;
}
