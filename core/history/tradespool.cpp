// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradespool.h"

#include "domain/tradefields.h"

#include "history/filesync.h"
#include "protocol/feedmessages.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSpool, "trademonitor.spool")

using namespace Qt::StringLiterals;

namespace {

const QByteArray kHeader = "trade-monitor spool 1\n";
constexpr qint64 kChunk = 64 * 1024;

// A line missing one of a trade's essential fields was not written by this program.
bool isComplete(const QJsonObject &o)
{
    for (int id = 0; id < TradeFields::kCount; ++id) {
        if ((TradeFields::field(id).rules & TradeFields::Essential) &&
            !o.contains(TradeFields::nameOf(id)))
            return false;
    }
    return true;
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
    const QJsonObject line{
        {u"id"_s, batch.id}, {u"account"_s, batch.account.key()}, {u"trades"_s, trades}};
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
    // A line of an earlier version has no id: its content names it, the same for every window.
    const QJsonValue id = object.value("id"_L1);
    batch.id =
        id.isString() && !id.toString().isEmpty()
            ? id.toString()
            : u"line-"_s + QString::fromLatin1(
                               QCryptographicHash::hash(line, QCryptographicHash::Sha1).toHex());
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

QString TradeSpool::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<TradeSpool::Contents> TradeSpool::readContents()
{
    if (!m_file.seek(0)) {
        fail(m_file.errorString());
        return std::nullopt;
    }
    const QByteArray content = m_file.readAll();
    Contents contents;
    if (content.isEmpty())
        return contents; // new: end 0, no header yet
    if (!content.startsWith(kHeader)) {
        fail(tr("%1 is not a Trade Monitor spool; it was left as it is").arg(m_file.fileName()));
        return std::nullopt;
    }
    // The data ends at the first zero byte: the reserved room is zeros.
    const qsizetype zero = content.indexOf('\0', kHeader.size());
    contents.dataEnd = zero < 0 ? content.size() : zero;
    qsizetype at = kHeader.size();
    while (at < contents.dataEnd) {
        const qsizetype newline = content.indexOf('\n', at);
        if (newline < 0 || newline >= contents.dataEnd) {
            // Cut short by a crash: the next write goes over it.
            contents.cutShort = 1;
            break;
        }
        contents.lines.append(content.mid(at, newline + 1 - at));
        at = newline + 1;
    }
    contents.end = at;
    return contents;
}

bool TradeSpool::lock()
{
    if (lockFile(m_file, kLockTimeout))
        return true;
    return fail(tr("The spool %1 is held by another window").arg(m_file.fileName()));
}

bool TradeSpool::zero(qint64 from, qint64 to)
{
    if (to <= from)
        return true;
    if (!m_file.seek(from))
        return false;
    const QByteArray zeros(kChunk, '\0');
    for (qint64 at = from; at < to; at += kChunk) {
        const qint64 n = std::min(kChunk, to - at);
        if (m_file.write(zeros.constData(), n) != n)
            return false;
    }
    return true;
}

bool TradeSpool::open(const QString &path)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite))
        return fail(
            tr("Cannot open the spool %1 for unsaved trades: %2").arg(path, m_file.errorString()));
    if (!lock()) {
        m_file.close();
        return false;
    }
    const auto unlock = qScopeGuard([this] { unlockFile(m_file); });
    const std::optional<Contents> contents = readContents();
    if (!contents) {
        m_file.close();
        return false;
    }
    if (contents->end == 0) {
        // New: the header, then the reserved room.
        if (!m_file.seek(0) || m_file.write(kHeader) != kHeader.size()) {
            const QString error = m_file.errorString();
            m_file.close();
            m_file.remove();
            return fail(tr("Cannot create the spool %1 for unsaved trades: %2").arg(path, error));
        }
    } else {
        m_unreadable = contents->cutShort;
        if (contents->dataEnd > contents->end && zero(contents->end, contents->dataEnd))
            syncToDisk(m_file);
        for (const QByteArray &line : contents->lines) {
            if (std::optional<Batch> batch = decode(line.chopped(1)))
                m_batches.append(*batch);
            else if (!line.trimmed().isEmpty())
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
    if (!zero(size, kReservedBytes))
        return fail(tr("no room for the spool: %1").arg(m_file.errorString()));
    return syncToDisk(m_file) || fail(m_file.errorString());
}

void TradeSpool::close()
{
    if (m_file.isOpen())
        m_file.close();
    m_batches.clear();
    m_unreadable = 0;
}

int TradeSpool::tradeCount() const
{
    int count = 0;
    for (const Batch &batch : m_batches)
        count += int(batch.trades.size());
    return count;
}

bool TradeSpool::underLock(const std::function<bool(const Contents &)> &change)
{
    if (!m_file.isOpen())
        return fail(tr("The spool for unsaved trades is not open"));
    if (!lock())
        return false;
    const auto unlock = qScopeGuard([this] { unlockFile(m_file); });
    // The file as it is now: another window may have written since.
    const std::optional<Contents> contents = readContents();
    return contents && change(*contents);
}

bool TradeSpool::append(const Batch &batch)
{
    const QByteArray line = encode(batch);
    return underLock([&](const Contents &contents) {
        const qint64 at = contents.end;
        if (!m_file.seek(at) || m_file.write(line) != line.size() ||
            !zero(at + line.size(), contents.dataEnd) || !syncToDisk(m_file)) {
            const QString error = m_file.errorString();
            // Whatever part got written is wiped, so that the file holds whole lines only.
            m_file.unsetError();
            if (zero(at, std::max(contents.dataEnd, at + line.size())))
                syncToDisk(m_file);
            return fail(tr("Cannot write to the spool %1: %2").arg(m_file.fileName(), error));
        }
        m_batches.append(batch);
        return true;
    });
}

bool TradeSpool::remove(const QSet<QString> &ids)
{
    if (ids.isEmpty())
        return m_file.isOpen() || fail(tr("The spool for unsaved trades is not open"));
    return underLock([&](const Contents &contents) {
        // Every other line stays as it is, another window's too (and one it cannot read).
        QByteArray kept;
        for (const QByteArray &line : contents.lines) {
            const std::optional<Batch> batch = decode(line.chopped(1));
            if (!batch || !ids.contains(batch->id))
                kept += line;
        }
        const qint64 start = kHeader.size();
        if (!m_file.seek(start) || m_file.write(kept) != kept.size() ||
            !zero(start + kept.size(), contents.dataEnd) || !syncToDisk(m_file))
            return fail(m_file.errorString());
        m_batches.removeIf([&ids](const Batch &batch) { return ids.contains(batch.id); });
        return true;
    });
}

bool TradeSpool::clear()
{
    QSet<QString> ids;
    for (const Batch &batch : std::as_const(m_batches))
        ids.insert(batch.id);
    return remove(ids);
}
