// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulator/feedsimulator.h"

#include "simulator/linkstall.h"

#include "net/socketconfig.h"
#include "protocol/feedmessages.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>

#include <memory>

Q_LOGGING_CATEGORY(lcSimulator, "trademonitor.simulator")

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QByteArray httpReason(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

// Whether `message` is `pattern` as a client fills it in: every key of the pattern with its
// value, but any value for "traderid" and any text (or none) for "{token}"; more keys are
// fine.
bool matches(const QJsonObject &pattern, const QJsonObject &message)
{
    for (auto it = pattern.begin(); it != pattern.end(); ++it) {
        const QJsonValue value = message.value(it.key());
        if (it.key() == "traderid"_L1) {
            if (value.isUndefined())
                return false; // any value: a wrong one is answered as an unknown trader
        } else if (it.value() == u"{token}"_s) {
            continue; // optional: no token, no key
        } else if (it.value().isObject()) {
            if (!value.isObject() || !matches(it.value().toObject(), value.toObject()))
                return false;
        } else if (value != it.value()) {
            return false;
        }
    }
    return true;
}

} // namespace

FeedSimulator::FeedSimulator(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_simulation(options.simulation)
    , m_faultRandom(options.simulation.seed ^ 0x9e3779b9u)
    , m_ws(u"Trade Monitor feed simulator"_s, QWebSocketServer::NonSecureMode)
    , m_silent(false)
{
    m_tickTimer.setInterval(options.simulation.tick);
    m_rateTimer.setInterval(10ms);
    m_dropTimer.setInterval(options.dropEvery);
    m_silentTimer.setSingleShot(true);
    SocketConfig templates;
    options.profile.applyTo(templates);
    m_subscribeTemplate = templates.subscribeTemplate;
    m_unsubscribeTemplate = templates.unsubscribeTemplate;
    m_pingTemplate = templates.pingTemplate;
    m_pingTimestampKey = templates.pingTimestampKey;
    connect(&m_tcp, &QTcpServer::newConnection, this, &FeedSimulator::onTcpConnection);
    connect(&m_ws, &QWebSocketServer::newConnection, this, &FeedSimulator::onWebSocketConnection);
    connect(&m_tickTimer, &QTimer::timeout, this, &FeedSimulator::onTick);
    connect(&m_rateTimer, &QTimer::timeout, this, &FeedSimulator::onRateTimer);
    connect(&m_dropTimer, &QTimer::timeout, this,
            [this] { dropAll(m_options.closeCode, u"going away"_s); });
    connect(&m_silentTimer, &QTimer::timeout, this, [this] { setSilent(true); });
}

FeedSimulator::~FeedSimulator()
{
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

bool FeedSimulator::listen(const QHostAddress &address, quint16 port)
{
    if (!m_tcp.listen(address, port)) {
        m_error = m_tcp.errorString();
        return false;
    }
    m_address = address;
    m_port = m_tcp.serverPort();
    m_tickTimer.start();
    if (m_options.rate > 0) {
        m_rateClock.start();
        m_rateSent = 0;
        m_rateTimer.start();
    }
    if (m_options.dropEvery > 0ms)
        m_dropTimer.start();
    if (m_options.silentAfter >= 0ms)
        m_silentTimer.start(m_options.silentAfter);
    qCInfo(lcSimulator).noquote() << "listening on" << url().toString();
    return true;
}

QUrl FeedSimulator::url() const
{
    QString host = m_address.toString();
    if (m_address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u"[%1]"_s.arg(host);
    return QUrl(u"ws://%1:%2/feed"_s.arg(host).arg(m_port));
}

int FeedSimulator::subscribedCount() const
{
    int count = 0;
    for (const Client &client : m_clients)
        count += client.subscribed ? 1 : 0;
    return count;
}

void FeedSimulator::pauseListening()
{
    if (m_paused)
        return;
    m_paused = true;
    m_tcp.close();
    qCInfo(lcSimulator) << "paused: connections are refused";
}

bool FeedSimulator::resumeListening()
{
    if (!m_paused)
        return true;
    if (!m_tcp.listen(m_address, m_port)) {
        m_error = m_tcp.errorString();
        qCWarning(lcSimulator).noquote() << "cannot listen again:" << m_error;
        return false;
    }
    m_paused = false;
    qCInfo(lcSimulator) << "resumed";
    return true;
}

void FeedSimulator::setSilent(bool silent)
{
    m_silent = silent;
    // Nothing read any more, WebSocket pings included: a frozen server, not a quiet one.
    for (const Client &client : std::as_const(m_clients))
        LinkStall::setStalled(client.tcp, silent);
    qCInfo(lcSimulator) << (silent ? "silent: nothing is sent, pings go unanswered" : "talking");
}

void FeedSimulator::setMuted(bool muted)
{
    m_muted = muted;
    qCInfo(lcSimulator) << (muted ? "muted: pings are answered, subscriptions get no data"
                                  : "talking");
}

void FeedSimulator::setSubscribeError(int code, const QString &text)
{
    m_options.subscribeError = code;
    m_subscribeErrorText = text;
}

void FeedSimulator::restartSeq()
{
    for (Client &client : m_clients)
        client.seq = 0;
}

bool FeedSimulator::closeOldest()
{
    const std::optional<ClosedTrade> closed = m_simulation.closeOldest();
    if (!closed)
        return false;
    if (isSeed()) {
        for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
            if (it->subscribed)
                pushList(it.key());
        }
    } else {
        broadcast("Closed",
                  FeedMessages::encodeData(QList<ClosedTrade>{*closed}, m_options.profile));
    }
    return true;
}

void FeedSimulator::setRejectHandshake(int httpStatus)
{
    m_options.rejectHandshake = httpStatus;
}

void FeedSimulator::setMalformedRate(double share)
{
    m_options.malformedRate = std::clamp(share, 0.0, 1.0);
}

void FeedSimulator::dropAll(int closeCode, const QString &reason)
{
    qCInfo(lcSimulator) << "dropping" << m_clients.size() << "clients with code" << closeCode;
    const QList<QWebSocket *> sockets = m_clients.keys();
    for (QWebSocket *socket : sockets)
        socket->close(QWebSocketProtocol::CloseCode(closeCode), reason);
}

QString FeedSimulator::executeCommand(const QString &line)
{
    const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    const QString command = words.at(0).toLower();
    bool ok = true;
    if (command == "pause"_L1) {
        pauseListening();
    } else if (command == "resume"_L1) {
        if (!resumeListening())
            return u"error: %1"_s.arg(m_error);
    } else if (command == "silent"_L1) {
        setSilent(true);
    } else if (command == "mute"_L1) {
        setMuted(true);
    } else if (command == "talk"_L1) {
        setSilent(false);
        setMuted(false);
    } else if (command == "error"_L1) {
        const int code = words.size() > 1 ? words.at(1).toInt(&ok) : -1;
        if (!ok || (code != 0 && (code < 400 || code > 599)))
            return u"error: error takes a code from 400 to 599, or 0 to answer normally"_s;
        setSubscribeError(code, words.mid(2).join(u' '));
    } else if (command == "seqrestart"_L1) {
        restartSeq();
    } else if (command == "close"_L1) {
        if (!closeOldest())
            return u"error: no position is open"_s;
    } else if (command == "drop"_L1) {
        const int code = words.size() > 1 ? words.at(1).toInt(&ok) : m_options.closeCode;
        if (!ok || code < 1000 || code > 4999)
            return u"error: drop takes a close code from 1000 to 4999"_s;
        dropAll(code, u"going away"_s);
    } else if (command == "reject"_L1) {
        const int status = words.size() > 1 ? words.at(1).toInt(&ok) : -1;
        if (!ok || (status != 0 && (status < 400 || status > 599)))
            return u"error: reject takes an HTTP status from 400 to 599, or 0 to accept"_s;
        setRejectHandshake(status);
    } else if (command == "malformed"_L1) {
        const double share = words.size() > 1 ? words.at(1).toDouble(&ok) : -1.0;
        if (!ok || share < 0.0 || share > 1.0)
            return u"error: malformed takes a share from 0 to 1"_s;
        setMalformedRate(share);
    } else if (command == "binary"_L1) {
        for (QWebSocket *socket : m_clients.keys())
            socket->sendBinaryMessage(QByteArray(256, '\x01'));
    } else if (command == "oversize"_L1) {
        const int mebibytes = words.size() > 1 ? words.at(1).toInt(&ok) : 20;
        if (!ok || mebibytes < 1 || mebibytes > 60)
            return u"error: oversize takes a size from 1 to 60 MiB"_s;
        // A syntactically fine message, far over any sane size.
        const QByteArray big = R"({"Code":200,"type":"Positions","seq":0,"data":[],"pad":")" +
                               QByteArray(mebibytes * 1024 * 1024, 'x') + R"("})";
        for (QWebSocket *socket : m_clients.keys())
            sendRaw(socket, big);
    } else if (command == "burst"_L1) {
        const qint64 count = words.size() > 1 ? words.at(1).toLongLong(&ok) : 1'000'000;
        if (!ok || count < 1 || count > 10'000'000)
            return u"error: burst takes a count from 1 to 10000000"_s;
        startBurst(count);
    } else if (command != "status"_L1) {
        return u"error: unknown command \"%1\" (pause, resume, silent, mute, talk, drop [code], "
               "reject STATUS, error CODE [text], seqrestart, close, malformed P, binary, "
               "oversize MIB, burst N, status)"_s.arg(command);
    }
    return u"ok %1 clients, %2 subscribed, %3 open positions%4%5"_s.arg(clientCount())
        .arg(subscribedCount())
        .arg(m_simulation.openPositions().size())
        .arg(m_paused ? u", paused"_s : QString())
        .arg(m_silent  ? u", silent"_s
             : m_muted ? u", muted"_s
                       : QString());
}

void FeedSimulator::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        if (m_options.rejectHandshake) {
            rejectHandshake(socket, m_options.rejectHandshake);
            continue;
        }
        // Handed over before anything is read, so the WebSocket server sees the whole request.
        m_ws.handleConnection(socket);
    }
}

void FeedSimulator::rejectHandshake(QTcpSocket *socket, int status)
{
    auto request = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [socket, request, status] {
        request->append(socket->readAll());
        if (!request->contains("\r\n\r\n")) {
            if (request->size() > 64 * 1024)
                socket->abort();
            return;
        }
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReason(status) +
                      "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
    });
}

void FeedSimulator::onWebSocketConnection()
{
    while (QWebSocket *socket = m_ws.nextPendingConnection()) {
        socket->setParent(this);
        Client client;
        client.tcp = LinkStall::tcpOf(socket, &m_tcp);
        LinkStall::setStalled(client.tcp, m_silent);
        m_clients.insert(socket, client);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { onClientMessage(socket, message); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
            if (!m_silent)
                sendRaw(socket, FeedMessages::error(400, u"binary frames are not supported"_s,
                                                    m_options.profile));
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            if (m_clients.remove(socket)) {
                socket->deleteLater();
                Q_EMIT clientDisconnected(int(socket->closeCode()));
            }
        });
        Q_EMIT clientConnected();
    }
}

void FeedSimulator::onClientMessage(QWebSocket *socket, const QString &message)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    const FeedProfile &profile = m_options.profile;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &error);
    const QJsonObject object = document.object();
    const QString kind = classify(object);
    Q_EMIT clientMessageReceived(kind.isEmpty() ? object.value("type"_L1).toString() : kind);
    if (m_silent)
        return;
    if (!document.isObject()) {
        sendRaw(socket, FeedMessages::error(400, u"not a JSON object"_s, profile));
        return;
    }
    if (kind == "Ping"_L1) {
        // Our protocol echoes the time; the seed dialect's reply is any frame without data.
        sendRaw(socket, isSeed()
                            ? FeedMessages::alive(profile.okCode)
                            : FeedMessages::pong(object.value(m_pingTimestampKey).toInteger()));
    } else if (kind == "Subscribe"_L1) {
        if (m_muted)
            return;
        // A subscription that names a trader must name ours.
        if (m_subscribeTemplate.contains("traderid"_L1)) {
            const qint64 trader = object.value("traderid"_L1).toInteger(-1);
            if (trader != m_options.simulation.traderId) {
                sendRaw(socket,
                        FeedMessages::error(404, u"unknown trader id %1"_s.arg(trader), profile));
                return;
            }
        }
        if (m_options.subscribeError) {
            const QString text = m_subscribeErrorText.isEmpty()
                                     ? u"cannot serve the subscription now"_s
                                     : m_subscribeErrorText;
            sendRaw(socket, FeedMessages::error(m_options.subscribeError, text, profile));
            return;
        }
        subscribe(socket, it.value());
    } else if (kind == "Unsubscribe"_L1) {
        it->subscribed = false;
    } else if (!isSeed()) {
        sendRaw(socket,
                FeedMessages::error(
                    400, u"unknown message type \"%1\""_s.arg(object.value("type"_L1).toString()),
                    profile));
    }
}

QString FeedSimulator::classify(const QJsonObject &message) const
{
    if (message.isEmpty())
        return {};
    if (matches(m_subscribeTemplate, message))
        return u"Subscribe"_s;
    if (matches(m_unsubscribeTemplate, message))
        return u"Unsubscribe"_s;
    if (matches(m_pingTemplate, message))
        return u"Ping"_s;
    return {};
}

void FeedSimulator::subscribe(QWebSocket *socket, Client &client)
{
    // A (re-)subscription starts the sequence afresh: Snapshot, then History.
    client.subscribed = true;
    client.seq = 0;
    const FeedProfile &profile = m_options.profile;
    if (isSeed()) {
        pushList(socket); // the whole list; the dialect has no history
    } else {
        push(socket, client, "Snapshot",
             FeedMessages::encodeData(m_simulation.openPositions(), profile));
        push(socket, client, "History", FeedMessages::encodeData(m_simulation.history(), profile));
        if (m_options.sendAccount) {
            m_sentAccount = m_simulation.account();
            m_accountClock.start();
            push(socket, client, "Account", FeedMessages::encodeData(m_sentAccount));
        }
    }
    Q_EMIT clientSubscribed();
    if (m_options.closeAfterSubscribe)
        socket->close(QWebSocketProtocol::CloseCode(m_options.closeCode), u"closed by feed"_s);
}

void FeedSimulator::onTick()
{
    const TradingSimulation::Step step = m_simulation.tick();
    if (m_silent || m_muted)
        return;
    if (isSeed()) {
        if (!step.changed.isEmpty() || !step.closed.isEmpty()) {
            for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
                if (it->subscribed)
                    pushList(it.key());
            }
        }
        return;
    }
    if (!step.changed.isEmpty())
        broadcast("Positions", FeedMessages::encodeData(step.changed, m_options.profile));
    if (!step.closed.isEmpty())
        broadcast("Closed", FeedMessages::encodeData(step.closed, m_options.profile));
    broadcastAccount();
}

void FeedSimulator::broadcastAccount()
{
    if (!m_options.sendAccount || isSeed() || subscribedCount() == 0)
        return;
    if (m_accountClock.isValid() && m_accountClock.elapsed() < m_options.accountInterval.count())
        return;
    const AccountFigures figures = m_simulation.account();
    if (figures == m_sentAccount && m_accountClock.isValid())
        return;
    m_sentAccount = figures;
    m_accountClock.start();
    broadcast("Account", FeedMessages::encodeData(figures));
}

void FeedSimulator::onRateTimer()
{
    // Catch up with the configured rate in whole messages, whatever the timer's jitter.
    const qint64 due = m_rateClock.elapsed() * m_options.rate / 1000 - m_rateSent;
    for (qint64 i = 0; i < due; ++i) {
        const QList<Position> changed = m_simulation.nudge();
        if (!m_silent && !m_muted && !changed.isEmpty() && !isSeed())
            broadcast("Positions", FeedMessages::encodeData(changed, m_options.profile));
    }
    m_rateSent += std::max<qint64>(due, 0);
}

void FeedSimulator::broadcast(const char *type, const QByteArray &data)
{
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->subscribed)
            push(it.key(), it.value(), type, data);
    }
}

void FeedSimulator::push(QWebSocket *socket, Client &client, const char *type,
                         const QByteArray &data)
{
    if (m_options.malformedRate > 0.0 && m_faultRandom.generateDouble() < m_options.malformedRate) {
        // In place of this message: one whose seq reads takes its place in the sequence (the
        // real one is lost); one whose seq does not read is noise, and the next real message
        // keeps the expected seq.
        const Malformed bad = malformed(type, client.seq + 1);
        if (bad.takesSeq)
            ++client.seq;
        sendRaw(socket, bad.bytes);
        return;
    }
    sendRaw(socket, FeedMessages::envelope(type, ++client.seq, data, m_options.profile.okCode));
}

void FeedSimulator::pushList(QWebSocket *socket)
{
    if (m_options.malformedRate > 0.0 && m_faultRandom.generateDouble() < m_options.malformedRate) {
        sendRaw(socket, malformed("List", 0).bytes);
        return;
    }
    sendRaw(socket, FeedMessages::list(
                        FeedMessages::encodeData(m_simulation.openPositions(), m_options.profile),
                        m_options.profile.okCode));
}

void FeedSimulator::sendRaw(QWebSocket *socket, const QByteArray &payload)
{
    socket->sendTextMessage(QString::fromUtf8(payload));
}

FeedSimulator::Malformed FeedSimulator::malformed(const char *type, qint64 seq)
{
    // A message this version cannot read in place of one of `type`. A Snapshot is broken in its
    // rows, never past naming itself: a server that cannot even say "Snapshot" is no feed.
    const QByteArray head =
        R"({"Code":200,"type":")" + QByteArray(type) + R"(","seq":)" + QByteArray::number(seq);
    const bool snapshot = qstrcmp(type, "Snapshot") == 0;
    switch (snapshot ? 3 + m_faultRandom.bounded(2) : m_faultRandom.bounded(6)) {
    case 0:
        return {head + R"(,"data":[{"ticket":12)", false};
    case 1:
        return {"this is not JSON", false};
    case 2:
        return {R"([{"Code":200,"type":")" + QByteArray(type) + R"("}])", false};
    case 3: // a row without a ticket that reads
        return {head +
                    R"(,"data":[{"ticket":"abc","symbol":"EURUSD","side":"buy","volume":"1.0"}]})",
                true};
    case 4: // a row whose ticket reads, and nothing else does
        return {head + R"(,"data":[{"ticket":1,"symbol":"EURUSD","side":"long","volume":-2}]})",
                true};
    default:
        return {R"({"Code":200,"type":")" + QByteArray(type) + R"(","seq":"seven","data":{}})",
                false};
    }
}

void FeedSimulator::startBurst(qint64 count)
{
    // Small, valid updates as fast as the socket takes them, in slices so that the server
    // never holds the whole burst in memory at once.
    m_burstLeft += count;
    if (m_burstLeft == count)
        QMetaObject::invokeMethod(this, &FeedSimulator::burstSlice, Qt::QueuedConnection);
}

void FeedSimulator::burstSlice()
{
    constexpr qint64 kSlice = 2000;
    constexpr qint64 kMaxQueued = 4 * 1024 * 1024;
    bool backedUp = false;
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it)
        backedUp = backedUp || it.key()->bytesToWrite() > kMaxQueued;
    if (!backedUp) {
        const qint64 now = std::min(kSlice, m_burstLeft);
        for (qint64 i = 0; i < now; ++i)
            broadcast("Positions", "[]");
        m_burstLeft -= now;
    }
    if (m_burstLeft > 0)
        QTimer::singleShot(backedUp ? 5 : 0, this, &FeedSimulator::burstSlice);
}
