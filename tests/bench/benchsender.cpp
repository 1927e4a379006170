// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchsender.h"

#include "domain/priceprecision.h"
#include "protocol/feedmessages.h"
#include "simulator/tradingsimulation.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTcpSocket>

#include <time.h>

#include <cmath>
#include <utility>

using namespace std::chrono_literals;

namespace {
// 19 digits, 10^18 + CLOCK_MONOTONIC ns: fixed width, and no leading zero (not valid JSON).
constexpr char kStampPlaceholder[] = "1000000000000000000";
constexpr qsizetype kChunk = 1 << 20;
constexpr qint64 kStampBase = 1'000'000'000'000'000'000;
} // namespace

BenchSender::BenchSender(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    TradingSimulation::Options simulation;
    simulation.seed = 99;
    simulation.positions = options.positions;
    simulation.startTime = 1732590000000;
    TradingSimulation account(simulation);
    const QList<Position> positions = account.openPositions();
    m_snapshotFrame = frame(FeedMessages::snapshot(1, positions));

    // Two versions of every position (price up a point, and back), so every update changes
    // something, as a real tick does; quoted with the instrument's decimals, as a feed does.
    QList<QByteArray> variants;
    for (const Position &p : positions) {
        Position up = p;
        const double scale = std::pow(10.0, PricePrecision::decimalsOf(p.price));
        up.price = (std::round(p.price * scale) + 1) / scale;
        up.profit = p.profit + 1.0;
        for (const Position &v : {p, up})
            variants.append(QJsonDocument(FeedMessages::toJson(v)).toJson(QJsonDocument::Compact));
    }
    m_updates.reserve(options.messages);
    m_stampOffsets.reserve(options.messages);
    for (int i = 0; i < options.messages; ++i) {
        const int position = positions.isEmpty() ? 0 : i % int(positions.size());
        const int variant = (i / std::max<int>(1, int(positions.size()))) % 2;
        QByteArray payload = R"({"Code":200,"type":"Positions","seq":)" + QByteArray::number(i + 2);
        qsizetype stampInPayload = -1;
        if (options.stamped) {
            payload += R"(,"sent":)";
            stampInPayload = payload.size();
            payload += kStampPlaceholder;
        }
        payload += R"(,"data":[)" + variants.value(position * 2 + variant) + "]}";
        m_updateSize = payload.size();
        QByteArray f = frame(payload);
        m_stampOffsets.append(stampInPayload < 0 ? -1 : f.size() - payload.size() + stampInPayload);
        m_updates.append(f);
    }
    if (options.rate <= 0 && options.pauseEvery <= 0 && options.framesPerWrite > 0) {
        // Groups of framesPerWrite, one TCP write each; the warm-up ends on a group's edge.
        for (int i = 0; i < int(m_updates.size());) {
            const int edge = i < options.warmup ? options.warmup : int(m_updates.size());
            const int end = std::min({i + options.framesPerWrite, edge, int(m_updates.size())});
            QByteArray group;
            for (int k = i; k < end; ++k)
                group += m_updates.at(k);
            m_groups.append(group);
            m_groupEnds.append(end);
            i = end;
        }
        m_updates.clear();
    } else if (options.rate <= 0 && options.pauseEvery <= 0) {
        qsizetype total = 0;
        for (const QByteArray &f : std::as_const(m_updates))
            total += f.size();
        m_burst.reserve(total);
        for (const QByteArray &f : std::as_const(m_updates))
            m_burst += f;
        m_updates.clear(); // only the burst is needed
    }
    connect(&m_server, &QTcpServer::newConnection, this, &BenchSender::onConnection);
}

qint64 BenchSender::monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool BenchSender::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray BenchSender::frame(const QByteArray &payload, int opcode)
{
    QByteArray f;
    f.reserve(payload.size() + 10);
    f += char(0x80 | opcode); // FIN
    const quint64 size = quint64(payload.size());
    if (size < 126) {
        f += char(size);
    } else if (size < 65536) {
        f += char(126);
        f += char(size >> 8);
        f += char(size & 0xff);
    } else {
        f += char(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            f += char((size >> shift) & 0xff);
    }
    f += payload;
    return f;
}

void BenchSender::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        auto *client = new Client;
        client->socket = socket;
        connect(socket, &QTcpSocket::readyRead, this, [this, client] { onReadyRead(client); });
        connect(socket, &QTcpSocket::disconnected, this, [this, client] {
            if (client->pacer)
                client->pacer->stop();
            if (m_ready == client)
                m_ready = nullptr;
            client->socket->deleteLater();
            delete client->pacer;
            delete client;
        });
    }
}

void BenchSender::onReadyRead(Client *client)
{
    client->input += client->socket->readAll();
    if (!client->upgraded) {
        const qsizetype end = client->input.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray key;
        for (const QByteArray &line : client->input.left(end).split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        const QByteArray accept =
            QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                     QCryptographicHash::Sha1)
                .toBase64();
        client->socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                              "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                              accept + "\r\n\r\n");
        client->upgraded = true;
        client->input.remove(0, end + 4);
    }
    // Client frames are masked; only whole ones are read.
    const auto *bytes = reinterpret_cast<const uchar *>(client->input.constData());
    const qsizetype size = client->input.size();
    qsizetype at = 0;
    while (size - at >= 2) {
        const int opcode = bytes[at] & 0x0f;
        const bool masked = bytes[at + 1] & 0x80;
        quint64 length = bytes[at + 1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (size - at < 4)
                break;
            length = (quint64(bytes[at + 2]) << 8) | bytes[at + 3];
            header = 4;
        } else if (length == 127) {
            if (size - at < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | bytes[at + 2 + i];
            header = 10;
        }
        const qsizetype maskAt = at + header;
        if (masked)
            header += 4;
        if (quint64(size - at - header) < length)
            break;
        QByteArray payload(client->input.constData() + at + header, qsizetype(length));
        if (masked) {
            for (qsizetype i = 0; i < payload.size(); ++i)
                payload[i] = char(payload[i] ^ bytes[maskAt + (i % 4)]);
        }
        at += header + qsizetype(length);
        onFrame(client, opcode, payload);
    }
    client->input.remove(0, at);
}

void BenchSender::onFrame(Client *client, int opcode, const QByteArray &payload)
{
    const qint64 now = monotonicNs();
    if (opcode == 0x1 && !client->subscribed) {
        // The first text frame is the subscription: the Snapshot, then a ping that says
        // when the client has taken it in. Of later text frames only an Unsubscribe counts.
        client->subscribed = true;
        client->socket->write(m_snapshotFrame);
        client->socket->write(frame("r", 0x9));
    } else if (opcode == 0x1 && payload.contains(R"("Unsubscribe")")) {
        Q_EMIT unsubscribed(now);
    } else if (opcode == 0xA && payload == "r") {
        m_ready = client;
        Q_EMIT ready();
    } else if (opcode == 0xA && payload == "w") {
        m_warm = client;
        Q_EMIT warm();
    } else if (opcode == 0xA && payload == "d") {
        Q_EMIT done(m_latenciesNs, now - client->startNs);
    } else if (opcode == 0xA && payload.startsWith('p')) {
        const qsizetype index = payload.mid(1).toLongLong();
        if (index >= 0 && index < client->sentNs.size())
            m_latenciesNs.append(now - client->sentNs.at(index));
    }
}

void BenchSender::go()
{
    if (m_ready) {
        startStream(std::exchange(m_ready, nullptr));
    } else if (m_warm) {
        Client *client = std::exchange(m_warm, nullptr);
        client->warming = false;
        if (m_options.pauseEvery > 0)
            paceWithPauses(client);
        else
            pumpGroups(client);
    }
}

bool BenchSender::pauseForWarmup(Client *client, int sent)
{
    if (m_options.warmup <= 0 || client->warmedUp || sent != m_options.warmup)
        return false;
    client->warming = client->warmedUp = true;
    client->socket->write(frame("w", 0x9));
    client->socket->flush();
    return true;
}

void BenchSender::pumpGroups(Client *client)
{
    // One group per write: the next one only once the socket has taken the last whole.
    while (!client->warming && client->next < int(m_groups.size()) &&
           client->socket->bytesToWrite() == 0) {
        if (pauseForWarmup(client, m_groupEnds.value(client->next - 1)))
            return;
        client->socket->write(m_groups.at(client->next));
        client->socket->flush();
        ++client->next;
        if (client->next == int(m_groups.size()))
            finishStream(client);
    }
}

void BenchSender::paceWithPauses(Client *client)
{
    if (client->warming)
        return;
    for (int k = 0; k < m_options.pauseEvery && client->next < m_options.messages; ++k) {
        if (pauseForWarmup(client, client->next))
            return;
        client->socket->write(m_updates.at(client->next));
        client->socket->flush(); // one frame per write
        ++client->next;
    }
    if (client->next >= m_options.messages) {
        finishStream(client);
        return;
    }
    client->pacer->start(); // the pause; the client's own timer, gone with the client
}

void BenchSender::startStream(Client *client)
{
    client->next = 0;
    client->startNs = monotonicNs();
    m_latenciesNs.clear();
    if (m_options.pauseEvery > 0) {
        client->pacer = new QTimer;
        client->pacer->setSingleShot(true);
        client->pacer->setTimerType(Qt::PreciseTimer);
        client->pacer->setInterval(1ms);
        connect(client->pacer, &QTimer::timeout, this, [this, client] { paceWithPauses(client); });
        paceWithPauses(client);
        return;
    }
    if (!m_groups.isEmpty()) {
        // Queued: a write and flush inside bytesWritten can leave the ping after the last
        // group in Qt's buffer.
        connect(
            client->socket, &QTcpSocket::bytesWritten, this, [this, client] { pumpGroups(client); },
            Qt::QueuedConnection);
        pumpGroups(client);
        return;
    }
    if (m_options.rate <= 0) {
        connect(client->socket, &QTcpSocket::bytesWritten, this, [this, client] { pump(client); });
        pump(client);
        return;
    }
    client->sentNs.resize(m_options.messages);
    client->pacer = new QTimer;
    client->pacer->setTimerType(Qt::PreciseTimer);
    client->pacer->setInterval(1);
    connect(client->pacer, &QTimer::timeout, this, [this, client] { pace(client); });
    client->pacer->start();
}

void BenchSender::pump(Client *client)
{
    // Keep about a megabyte queued: big writes, and no copy of the whole stream.
    const qsizetype total = m_burst.size();
    qsizetype offset = qsizetype(client->next);
    if (offset >= total)
        return;
    while (offset < total && client->socket->bytesToWrite() < kChunk) {
        const qsizetype size = std::min(kChunk, total - offset);
        client->socket->write(m_burst.constData() + offset, size);
        offset += size;
    }
    if (offset > std::numeric_limits<int>::max())
        qFatal("burst too large");
    client->next = int(offset); // bytes, in saturated mode
    if (offset >= total)
        finishStream(client);
}

void BenchSender::pace(Client *client)
{
    const qint64 elapsed = monotonicNs() - client->startNs;
    const qint64 due =
        std::min<qint64>(m_options.messages, elapsed * m_options.rate / 1'000'000'000);
    while (client->next < due) {
        const int i = client->next;
        QByteArray &f = m_updates[i];
        const qint64 now = monotonicNs();
        const QByteArray stamp = QByteArray::number(kStampBase + now);
        if (m_stampOffsets.at(i) >= 0)
            memcpy(f.data() + m_stampOffsets.at(i), stamp.constData(), 19);
        client->sentNs[i] = now;
        client->socket->write(f); // one frame per write
        if (m_options.probeEvery > 0 && (i + 1) % m_options.probeEvery == 0)
            client->socket->write(frame("p" + QByteArray::number(i), 0x9));
        ++client->next;
    }
    if (client->next >= m_options.messages) {
        client->pacer->stop();
        finishStream(client);
    }
}

void BenchSender::finishStream(Client *client)
{
    // Answered once the client has handled every update before it.
    client->socket->write(frame("d", 0x9));
    client->socket->flush();
}
