// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchsender.h"

#include "protocol/feedmessages.h"
#include "simulator/tradingsimulation.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTcpSocket>

#include <time.h>

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

    // Two versions of every position (price up a tick, and back), so every update changes
    // something, as a real tick does.
    QList<QByteArray> variants;
    for (const Position &p : positions) {
        Position up = p;
        up.price = p.price * 1.00001;
        up.profit = p.profit + 1.0;
        for (const Position &v : {p, up})
            variants.append(QJsonDocument(FeedMessages::toJson(v)).toJson(QJsonDocument::Compact));
    }
    m_updates.reserve(options.messages);
    m_stampOffsets.reserve(options.messages);
    for (int i = 0; i < options.messages; ++i) {
        const int position = positions.isEmpty() ? 0 : i % int(positions.size());
        const int variant = (i / std::max<int>(1, int(positions.size()))) % 2;
        QByteArray payload =
            R"({"Code":200,"type":"Positions","seq":)" + QByteArray::number(i + 2) + R"(,"sent":)";
        const qsizetype stampInPayload = payload.size();
        payload += kStampPlaceholder;
        payload += R"(,"data":[)" + variants.value(position * 2 + variant) + "]}";
        m_updateSize = payload.size();
        QByteArray f = frame(payload);
        m_stampOffsets.append(f.size() - payload.size() + stampInPayload);
        m_updates.append(f);
    }
    if (options.rate <= 0) {
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

QByteArray BenchSender::frame(const QByteArray &payload)
{
    QByteArray f;
    f.reserve(payload.size() + 10);
    f += char(0x81); // FIN, text
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
        connect(socket, &QTcpSocket::disconnected, this, [client] {
            if (client->pacer)
                client->pacer->stop();
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
    // The first frame from the client is its subscription; what follows (pings) is ignored.
    if (!client->subscribed && !client->input.isEmpty()) {
        client->subscribed = true;
        startStream(client);
    }
    client->input.clear();
}

void BenchSender::startStream(Client *client)
{
    client->socket->write(m_snapshotFrame);
    client->next = 0;
    client->startNs = monotonicNs();
    if (m_options.rate <= 0) {
        connect(client->socket, &QTcpSocket::bytesWritten, this, [this, client] { pump(client); });
        pump(client);
        return;
    }
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
    while (offset < total && client->socket->bytesToWrite() < kChunk) {
        const qsizetype size = std::min(kChunk, total - offset);
        client->socket->write(m_burst.constData() + offset, size);
        offset += size;
    }
    client->next = int(offset); // bytes, in saturated mode
    if (offset > std::numeric_limits<int>::max())
        qFatal("burst too large");
}

void BenchSender::pace(Client *client)
{
    const qint64 elapsed = monotonicNs() - client->startNs;
    const qint64 due =
        std::min<qint64>(m_options.messages, elapsed * m_options.rate / 1'000'000'000);
    while (client->next < due) {
        QByteArray &f = m_updates[client->next];
        const QByteArray stamp = QByteArray::number(kStampBase + monotonicNs());
        memcpy(f.data() + m_stampOffsets.at(client->next), stamp.constData(), 19);
        client->socket->write(f); // one frame per write
        ++client->next;
    }
    if (client->next >= m_options.messages)
        client->pacer->stop();
}
