// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketmanager.h"

#include "domain/clock.h"
#include "domain/credentials.h"
#include "domain/tradetext.h"

#include "net/networkmonitor.h"
#include "net/refusal.h"
#include "net/secrets.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslError>
#include <QWebSocket>

#include <utility>

Q_LOGGING_CATEGORY(lcSocket, "trademonitor.socket")

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Beyond this Qt itself refuses a message and closes the connection.
constexpr qint64 kHardMessageCeiling = 64 * 1024 * 1024;

QString hostPort(const QUrl &url)
{
    const int defaultPort = url.scheme() == "wss"_L1 ? 443 : 80;
    return u"%1:%2"_s.arg(url.host()).arg(url.port(defaultPort));
}

// QWebSocket reports a rejected handshake only through its error string
// ("... Unhandled http status code: 401 (Unauthorized)."); Qt 6.4 has no accessor for it.
int handshakeHttpStatus(const QString &errorString)
{
    static const QRegularExpression pattern(u"status code:\\s*(\\d{3})"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(errorString);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// A close frame's reason is at most 123 bytes of UTF-8; cut at a character boundary.
QString closeFrameReason(const QString &reason)
{
    QString cut = reason;
    while (cut.toUtf8().size() > 123)
        cut.chop(1);
    return cut;
}

bool isFatalCloseCode(int code)
{
    // 1008: policy violation (e.g. a bad token); 4000-4099: the feed's own "do not retry".
    return code == QWebSocketProtocol::CloseCodePolicyViolated || (code >= 4000 && code <= 4099);
}

QString describeClose(int code, const QString &reason)
{
    if (reason.isEmpty())
        return QCoreApplication::translate("SocketManager",
                                           "The server closed the connection (code %1).")
            .arg(code);
    return QCoreApplication::translate("SocketManager",
                                       "The server closed the connection (code %1: %2).")
        .arg(code)
        .arg(reason);
}

} // namespace

SocketManager::SocketManager(QObject *parent)
    : SocketManager(SocketConfig{}, parent)
{}

SocketManager::SocketManager(const SocketConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    Secrets::rememberFeed(m_config.url, m_config.token);
    m_monotonic.start();
    m_connectTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_closeTimer.setSingleShot(true);
    m_dataTimer.setSingleShot(true);
    // Precise timers: the default coarse ones may fire 5% late, which tests with short
    // intervals notice.
    for (QTimer *timer : {&m_connectTimer, &m_retryTimer, &m_closeTimer, &m_dataTimer})
        timer->setTimerType(Qt::PreciseTimer);
    connect(&m_wakeTimer, &QTimer::timeout, this, &SocketManager::onWakeCheck);
    applyIntervals();

    connect(&m_heartbeat, &Heartbeat::pingDue, this, &SocketManager::beat);
    connect(&m_heartbeat, &Heartbeat::linkDead, this, &SocketManager::onLinkDead);
    connect(&m_heartbeat, &Heartbeat::roundTripMeasured, this, &SocketManager::roundTripMeasured);
    connect(&m_heartbeat, &Heartbeat::sleepDetected, this, &SocketManager::sleepDetected);
    connect(&m_retryTimer, &QTimer::timeout, this, &SocketManager::onRetryTimer);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        connectionLost(
            QCoreApplication::translate("SocketManager", "Timed out connecting to %1 after %2.")
                .arg(hostPort(m_config.url), TradeText::duration(m_config.connectTimeout)),
            Failure::Transient);
    });
    connect(&m_closeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSocket) << "the server did not answer the close frame in time; aborting";
        finishClose();
    });
    connect(&m_dataTimer, &QTimer::timeout, this, [this] {
        // Part of a message came within the timeout, and nothing whole since: the answer is
        // on its way. Wait a timeout from that part on, up to the cap.
        const milliseconds now = monotonicNow();
        if (m_partAt > m_wholeAt && now < m_dataDeadline &&
            m_partAt + m_config.snapshotTimeout > now) {
            m_dataTimer.start(std::min(m_partAt + m_config.snapshotTimeout, m_dataDeadline) - now);
            return;
        }
        if (now >= m_dataDeadline) {
            onDataMissing(QCoreApplication::translate("SocketManager",
                                                      "The server's answer to the subscription was "
                                                      "still arriving after %1.")
                              .arg(TradeText::duration(dataWaitCap())));
            return;
        }
        onDataMissing(QCoreApplication::translate(
                          "SocketManager", "The server sent no data within %1 of the subscription.")
                          .arg(TradeText::duration(m_config.snapshotTimeout)));
    });
}

SocketManager::~SocketManager()
{
    // Nothing may reach a half-destroyed manager: detach the socket before it goes away.
    stopTimers();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete std::exchange(m_socket, nullptr);
    }
}

void SocketManager::setConfig(const SocketConfig &config)
{
    m_config = config;
    Secrets::rememberFeed(m_config.url, m_config.token);
    applyIntervals();
}

void SocketManager::applyIntervals()
{
    m_heartbeat.configure(m_config);
    m_connectTimer.setInterval(m_config.connectTimeout);
    m_closeTimer.setInterval(m_config.closeTimeout);
    m_policy.setBackoff(m_config.reconnectMin, m_config.reconnectMax);
    m_wakeTimer.setInterval(m_config.wakeCheckInterval);
    m_policy.setLimits(m_config.maxRetries, m_config.giveUpAfter);
}

void SocketManager::setClock(const Clock *clock)
{
    m_clock = clock;
    m_heartbeat.setClock(clock);
}

void SocketManager::setNetworkMonitor(NetworkMonitor *monitor)
{
    if (m_network)
        m_network->disconnect(this);
    m_network = monitor;
    if (m_network)
        connect(m_network, &NetworkMonitor::onlineChanged, this, &SocketManager::onNetworkChanged);
}

void SocketManager::setRandomSeed(quint32 seed)
{
    m_policy.setSeed(seed);
}

QString SocketManager::endpoint() const
{
    return hostPort(m_config.url);
}

milliseconds SocketManager::monotonicNow() const
{
    return milliseconds(m_monotonic.elapsed());
}

bool SocketManager::isLinkHealthy() const
{
    return m_state == State::Live && !m_heartbeat.isReplyOverdue();
}

ReconnectPolicy::Outlook SocketManager::giveUpOutlook() const
{
    return m_policy.outlook(monotonicNow());
}

QString SocketManager::stateName(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

bool SocketManager::isOnline() const
{
    // The system's idea of "the network" is about routes to other hosts: a feed on this
    // machine (a local bridge, a tunnel, the demo) is reachable whatever it says.
    return !m_network || !m_network->concerns(m_config.url) || m_network->isOnline();
}

void SocketManager::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcSocket) << "state" << stateName(m_state) << "->" << stateName(state);
    // The give-up time counts from the last moment the feed was live.
    if (m_state == State::Live || state == State::Live)
        m_policy.setLive(state == State::Live, monotonicNow());
    m_state = state;
    // Given up for want of an answer, not refused: a machine waking up is worth one more try.
    if (m_state == State::Failed && !m_refused) {
        m_wakeCheckedAt = wallNow();
        m_wakeTimer.start();
    } else {
        m_wakeTimer.stop();
    }
    Q_EMIT stateChanged(m_state);
}

qint64 SocketManager::wallNow() const
{
    return (m_clock ? *m_clock : Clock::system()).currentMSecsSinceEpoch();
}

void SocketManager::onWakeCheck()
{
    const qint64 now = wallNow();
    const qint64 late = now - m_wakeCheckedAt - m_config.wakeCheckInterval.count();
    m_wakeCheckedAt = now;
    if (late <= 2 * m_config.wakeCheckInterval.count())
        return;
    qCInfo(lcSocket) << "the wake check came" << late << "ms late (the machine slept?)";
    Q_EMIT sleepDetected(late);
    tryAgainAfterAChange(u"the machine woke up"_s);
}

void SocketManager::tryAgainAfterAChange(const QString &why)
{
    if (m_state != State::Failed || m_refused)
        return;
    qCInfo(lcSocket).noquote() << why << "- trying once more";
    m_policy.reset();
    startAttempt();
}

void SocketManager::stopTimers()
{
    m_heartbeat.stop();
    m_connectTimer.stop();
    m_retryTimer.stop();
    m_closeTimer.stop();
    m_dataTimer.stop();
}

void SocketManager::discardSocket()
{
    if (!m_socket)
        return;
    // Detach first: an aborted socket still emits disconnected/error, and those must not
    // count as a second failure.
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    ++m_generation;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void SocketManager::open()
{
    switch (m_state) {
    case State::Connecting:
    case State::Open:
    case State::Live:
        return;
    default:
        break;
    }
    stopTimers();
    discardSocket();
    m_policy.reset();
    m_refused = false;
    if (!isOnline()) {
        qCInfo(lcSocket) << "the network is down; waiting for it before connecting";
        setState(State::WaitingForNetwork);
        return;
    }
    startAttempt();
}

void SocketManager::reconnectNow()
{
    switch (m_state) {
    case State::Connecting:
    case State::Open:
    case State::Live:
        return;
    default:
        break;
    }
    qCInfo(lcSocket) << "manual reconnect";
    // The user asked: try even if the network monitor says there is no network.
    stopTimers();
    discardSocket();
    m_policy.reset();
    m_refused = false;
    startAttempt();
}

void SocketManager::markLive()
{
    if (m_state != State::Open)
        return;
    m_dataTimer.stop();
    m_delivered = true;
    m_subscriptionsSent = 0;
    setState(State::Live);
}

void SocketManager::resubscribe(const QString &why)
{
    // While Open a subscription is already waiting for its answer, and the data timer asks
    // again if none comes.
    if (m_state != State::Live)
        return;
    qCInfo(lcSocket).noquote() << why << "- subscribing again";
    sendSubscription(1);
    setState(State::Open);
    Q_EMIT subscribed(1);
}

void SocketManager::dataUnusable(const QString &why)
{
    if (m_state == State::Live)
        resubscribe(why);
    else if (m_state == State::Open)
        onDataMissing(why);
}

void SocketManager::sendSubscription(int times)
{
    if (!m_config.subscribePayload.isEmpty())
        sendFrame(m_config.subscribePayload);
    m_subscriptionsSent = times;
    m_dataTimer.start(m_config.snapshotTimeout);
    m_dataDeadline = monotonicNow() + dataWaitCap();
    m_partAt = m_wholeAt = milliseconds::zero();
}

milliseconds SocketManager::dataWaitCap() const
{
    // Data still arriving holds the wait, but a trickle cannot hold it for ever.
    return std::max(10 * m_config.snapshotTimeout, m_config.snapshotWaitCap);
}

void SocketManager::arrived(Arrival arrival)
{
    m_heartbeat.frameArrived();
    // While waiting for the answer to a subscription: when part of a message came last, and
    // when a whole one (a pong, a reply to a ping: they say nothing of the answer).
    if (m_dataTimer.isActive())
        (arrival == Arrival::Part ? m_partAt : m_wholeAt) = monotonicNow();
}

void SocketManager::refresh(const QString &why)
{
    // The data shown stays live: the book keeps applying updates until the Snapshot comes.
    if (m_state != State::Live || m_config.subscribePayload.isEmpty())
        return;
    qCInfo(lcSocket).noquote() << why << "- asking for a fresh snapshot, staying live";
    sendFrame(m_config.subscribePayload);
}

void SocketManager::onDataMissing(const QString &why)
{
    if (m_state != State::Open)
        return;
    if (m_subscriptionsSent < 2) {
        qCInfo(lcSocket).noquote() << why << "Subscribing once more.";
        sendSubscription(m_subscriptionsSent + 1);
        Q_EMIT subscribed(m_subscriptionsSent);
        return;
    }
    // What happens next (a retry, or giving up) is said by the state, not here.
    failAttempt(QCoreApplication::translate("SocketManager", "%1 The subscription was sent twice.")
                    .arg(why),
                Failure::Transient);
}

void SocketManager::failAttempt(const QString &reason, Failure failure)
{
    if (m_state != State::Open && m_state != State::Live)
        return;
    // Tell the server why, politely: code 1000 and a reason, but no Unsubscribe, since it is
    // the attempt that failed, not the user who left. Detached first, so that the close is
    // not judged a second time as a disconnect.
    m_socket->disconnect(this);
    m_socket->close(QWebSocketProtocol::CloseCodeNormal,
                    closeFrameReason(failure == Failure::Fatal ? u"subscription refused"_s
                                                               : u"no usable data"_s));
    connectionLost(reason, failure);
}

void SocketManager::close()
{
    switch (m_state) {
    case State::Idle:
    case State::Closing:
        return;
    case State::Open:
    case State::Live:
        stopTimers();
        if (!m_config.unsubscribePayload.isEmpty())
            sendFrame(m_config.unsubscribePayload);
        setState(State::Closing);
        m_closeTimer.start();
        // disconnected() then finishes the close (it may arrive before close() returns).
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, u"client closing"_s);
        return;
    default:
        finishClose();
        return;
    }
}

void SocketManager::finishClose()
{
    stopTimers();
    discardSocket();
    m_policy.reset();
    setState(State::Idle);
}

bool SocketManager::send(const QJsonObject &message)
{
    if (m_state != State::Open && m_state != State::Live)
        return false;
    return sendFrame(message);
}

void SocketManager::beat(const QJsonObject &ping)
{
    if (!m_socket)
        return;
    // A WebSocket ping: every RFC 6455 server answers it, so its pong (or any other frame)
    // proves the link even where the feed never answers its own Ping. The profile's Ping goes
    // too: servers expect it, and a reply it can recognise gives the round trip.
    m_socket->ping();
    if (!ping.isEmpty())
        sendFrame(ping);
}

bool SocketManager::sendFrame(const QJsonObject &message)
{
    if (!m_socket)
        return false;
    const QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
    return m_socket->sendTextMessage(QString::fromUtf8(json)) > 0;
}

void SocketManager::startAttempt()
{
    discardSocket();
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Qt's own limit is only the hard ceiling: a message between the configured cap and it is
    // received, counted and dropped here, and the connection stays up. Only a message beyond
    // the ceiling makes Qt close the connection (1009), which bounds memory either way.
    const quint64 ceiling =
        quint64(std::max<qint64>(kHardMessageCeiling, 4 * m_config.maxIncomingMessageSize));
    socket->setMaxAllowedIncomingMessageSize(ceiling);
    socket->setMaxAllowedIncomingFrameSize(ceiling);
    if (!m_config.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_config.caCertificates);
        socket->setSslConfiguration(tls);
    }
    m_socket = socket;

    // Every handler first checks that its socket is still the live one: a replaced socket
    // is detached in discardSocket(), and the generation also covers queued calls.
    const quint64 generation = ++m_generation;
    const auto live = [this, generation] { return m_socket && m_generation == generation; };
    connect(socket, &QWebSocket::connected, this, [this, live] {
        if (live())
            onConnected();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, live] {
        if (live())
            onDisconnected();
    });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, live](QAbstractSocket::SocketError error) {
                if (live())
                    onError(error);
            });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, live](const QString &message) {
        if (live())
            onTextMessage(message);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, live](const QByteArray &message) {
                if (live())
                    onBinaryMessage(message);
            });
    // Certificate problems are remembered for the reason, never ignored: the handshake then
    // fails, and that failure is fatal (no retry storm against a bad certificate).
    connect(socket, &QWebSocket::sslErrors, this, [this, live](const QList<QSslError> &errors) {
        if (!live())
            return;
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        m_ending.tlsErrors = texts.join(u"; "_s);
    });
    // Each frame of a message in progress is a sign of life: a large message arriving slowly
    // must not look like a dead link, nor like no data, before its last frame.
    // A WebSocket pong proves the link, and says nothing of the answer to a subscription: it
    // may come between two frames of that answer, which is still on its way. Outside a
    // message it is a whole frame, and the bytes that brought it (counted as a part as they
    // came) were no part of an answer: else every heartbeat would hold the wait for a
    // silent server up to its cap.
    connect(socket, &QWebSocket::pong, this, [this, live](quint64 elapsedMs) {
        if (!live())
            return;
        if (!m_betweenFragments)
            arrived(Arrival::Whole);
        m_heartbeat.frameArrived();
        m_heartbeat.controlPongArrived(qint64(elapsedMs));
    });
    const auto frame = [this, live](const auto &, bool isLastFrame) {
        if (!live())
            return;
        m_betweenFragments = !isLastFrame;
        if (!isLastFrame)
            arrived(Arrival::Part); // the whole message follows as messageReceived
    };
    connect(socket, &QWebSocket::textFrameReceived, this, frame);
    connect(socket, &QWebSocket::binaryFrameReceived, this, frame);

    m_ending = {};
    m_delivered = false;
    m_betweenFragments = false;
    m_subscriptionsSent = 0;
    m_policy.attemptStarted(monotonicNow());
    const int retry = m_policy.attempt();
    qCInfo(lcSocket).noquote() << "connecting to" << Credentials::maskedUrl(m_config.url)
                               << (retry > 0 ? u"(retry %1)"_s.arg(retry) : QString());
    setState(State::Connecting);
    m_connectTimer.start();
    socket->open(m_config.url);
    // So are the bytes of one large frame, long before it is whole. QWebSocket says nothing of
    // them, but its TCP (or TLS) socket, which it creates in open() as its child, does.
    if (auto *wire = socket->findChild<QAbstractSocket *>()) {
        connect(wire, &QIODevice::readyRead, this, [this, live] {
            if (live())
                arrived(Arrival::Part);
        });
    }
}

void SocketManager::onConnected()
{
    m_connectTimer.stop();
    m_openSince.start();
    m_lastError.clear();
    qCInfo(lcSocket).noquote() << "connected to" << Credentials::maskedUrl(m_config.url);
    // The subscription goes out before anyone hears of the open state, so that it is
    // always the first frame of the connection.
    sendSubscription(1);
    m_heartbeat.start();
    setState(State::Open);
    Q_EMIT subscribed(1);
}

void SocketManager::onDisconnected()
{
    if (m_state == State::Closing) {
        qCInfo(lcSocket) << "closed";
        finishClose();
        return;
    }
    if (m_state != State::Connecting && m_state != State::Open && m_state != State::Live)
        return;
    m_ending.disconnected = true;
    if (m_ending.scheduled)
        return;
    m_ending.scheduled = true;
    QMetaObject::invokeMethod(this, &SocketManager::concludeEnding, Qt::QueuedConnection);
}

void SocketManager::onError(QAbstractSocket::SocketError error)
{
    if (m_state == State::Closing) {
        finishClose();
        return;
    }
    if (m_state != State::Connecting && m_state != State::Open && m_state != State::Live)
        return;
    if (!m_ending.error) {
        m_ending.error = error;
        m_ending.errorString = m_socket->errorString();
        qCDebug(lcSocket).noquote() << "socket error" << error << m_ending.errorString;
    }
    if (m_ending.scheduled)
        return;
    m_ending.scheduled = true;
    QMetaObject::invokeMethod(this, &SocketManager::concludeEnding, Qt::QueuedConnection);
}

void SocketManager::concludeEnding()
{
    // Queued: the socket may have been replaced or closed on purpose in the meantime.
    if (!m_socket || !m_ending.scheduled ||
        (m_state != State::Connecting && m_state != State::Open && m_state != State::Live))
        return;
    Failure failure = Failure::Transient;
    const QString reason = describeEnding(&failure);
    m_ending = {};
    connectionLost(reason, failure);
}

QString SocketManager::describeEnding(Failure *failure) const
{
    const QString where = hostPort(m_config.url);
    const std::optional<QAbstractSocket::SocketError> error = m_ending.error;

    if (error) {
        if (const int status = handshakeHttpStatus(m_ending.errorString)) {
            const Refusal refusal = Refusal::of(status);
            if (refusal.fatal)
                *failure = Failure::Fatal;
            QString text =
                refusal.meaning.isEmpty()
                    ? QCoreApplication::translate("SocketManager",
                                                  "The server refused the connection: HTTP %1.")
                          .arg(status)
                    : QCoreApplication::translate(
                          "SocketManager", "The server refused the connection: HTTP %1 (%2).")
                          .arg(status)
                          .arg(refusal.meaning);
            if (!refusal.hint.isEmpty())
                text += u" "_s + refusal.hint;
            return text;
        }
        // Qt 6.4 names no status for a 400 answer, nor for an answer that is no WebSocket
        // upgrade at all (a web server at that URL): both say the URL or request is wrong.
        if (m_ending.errorString.contains("processHandshake"_L1)) {
            *failure = Failure::Fatal;
            return QCoreApplication::translate("SocketManager",
                                               "The server rejected the WebSocket handshake "
                                               "(HTTP 400, or an answer that is no WebSocket "
                                               "upgrade). %1")
                .arg(Refusal::of(400).hint);
        }
        switch (*error) {
        case QAbstractSocket::RemoteHostClosedError:
            break; // the close frame, if any, says more: see below
        case QAbstractSocket::ConnectionRefusedError:
            return QCoreApplication::translate("SocketManager", "Connection refused by %1.")
                .arg(where);
        case QAbstractSocket::HostNotFoundError:
            return QCoreApplication::translate("SocketManager", "Host not found: %1.")
                .arg(m_config.url.host());
        case QAbstractSocket::SocketTimeoutError:
            return QCoreApplication::translate("SocketManager", "Timed out talking to %1.")
                .arg(where);
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            // A certificate problem does not fix itself in a few seconds: no retry storm.
            *failure = Failure::Fatal;
            return QCoreApplication::translate("SocketManager", "TLS with %1 failed: %2")
                .arg(where,
                     m_ending.tlsErrors.isEmpty() ? m_ending.errorString : m_ending.tlsErrors);
        default:
            return QCoreApplication::translate("SocketManager", "Network error with %1: %2")
                .arg(where, m_ending.errorString);
        }
    }

    if (m_state == State::Connecting)
        return QCoreApplication::translate("SocketManager",
                                           "%1 closed the connection during the handshake.")
            .arg(where);
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (code == QWebSocketProtocol::CloseCodeTooMuchData)
        return QCoreApplication::translate("SocketManager",
                                           "The feed sent a message over the %1-byte limit (code "
                                           "1009).")
            .arg(m_config.maxIncomingMessageSize);
    if (code == QWebSocketProtocol::CloseCodeNormal && reason.isEmpty() && error)
        // No close frame at all.
        return QCoreApplication::translate("SocketManager", "%1 dropped the connection.")
            .arg(where);
    if (isFatalCloseCode(code))
        *failure = Failure::Fatal;
    return describeClose(code, reason);
}

void SocketManager::connectionLost(const QString &unsafeReason, Failure failure)
{
    // A close reason or error text may quote what we sent: never let the token through.
    const QString reason = Secrets::redact(unsafeReason);
    // Only a useful connection gives the retries back: one that delivered data and stayed
    // up. A server that accepts and then sends nothing, or drops at once, uses them up.
    const bool useful =
        m_delivered && m_openSince.isValid() && m_openSince.elapsed() >= m_config.minUptime.count();
    const bool wasConnected = m_state == State::Open || m_state == State::Live;
    stopTimers();
    discardSocket();
    m_lastError = reason;
    qCWarning(lcSocket).noquote() << "connection lost:" << reason;
    Q_EMIT dropped(reason, wasConnected);

    if (failure == Failure::Fatal) {
        giveUp(reason, true);
        return;
    }
    if (!isOnline()) {
        // Not counted: failing while the network is down says nothing about the server.
        setState(State::WaitingForNetwork);
        return;
    }
    if (useful)
        m_policy.forgiveRetries();
    const ReconnectPolicy::Decision decision = m_policy.failed(monotonicNow());
    if (decision.giveUp) {
        // Why, then how hard it tried: one statement, the last failure's reason first.
        QString why = reason;
        if (why.endsWith(u'.'))
            why.chop(1);
        const int retries = decision.attempt - 1; // a plain name: lupdate skips an expression
        giveUp(QCoreApplication::translate("SocketManager", "%1 — %n retries over %2", nullptr,
                                           retries)
                   .arg(why, TradeText::duration(m_policy.downFor(monotonicNow()))),
               false);
        return;
    }
    scheduleRetry(decision);
}

void SocketManager::giveUp(const QString &reason, bool refused)
{
    stopTimers();
    discardSocket();
    m_lastError = reason;
    m_refused = refused;
    qCWarning(lcSocket).noquote() << "giving up:" << reason;
    setState(State::Failed);
    Q_EMIT connectError(reason);
}

void SocketManager::scheduleRetry(const ReconnectPolicy::Decision &decision)
{
    m_retryDelay = decision.delay;
    qCInfo(lcSocket) << "retry" << decision.attempt << "in" << m_retryDelay.count() << "ms";
    m_retryTimer.start(m_retryDelay);
    setState(State::Reconnecting);
    Q_EMIT retryScheduled(decision.attempt, m_config.maxRetries, m_retryDelay);
}

void SocketManager::onRetryTimer()
{
    if (!isOnline()) {
        setState(State::WaitingForNetwork);
        return;
    }
    startAttempt();
}

void SocketManager::onNetworkChanged(bool online)
{
    if (!m_network || !m_network->concerns(m_config.url))
        return; // e.g. a feed on this machine: nothing the system says about the network matters
    qCInfo(lcSocket) << "network" << (online ? "up" : "down");
    if (!online) {
        // An open connection is left to the heartbeat: the report may be wrong, or brief.
        if (m_state == State::Reconnecting) {
            m_retryTimer.stop();
            setState(State::WaitingForNetwork);
        }
        return;
    }
    // A refusal (a bad token, say) is not fixed by the network coming back.
    if (m_state == State::WaitingForNetwork) {
        m_policy.reset();
        startAttempt();
    } else {
        tryAgainAfterAChange(u"the network is back"_s);
    }
}

void SocketManager::onLinkDead()
{
    connectionLost(QCoreApplication::translate("SocketManager",
                                               "No reply from the server within %1 of a "
                                               "heartbeat; the connection is dead.")
                       .arg(TradeText::duration(m_config.pongTimeout)),
                   Failure::Transient);
}

void SocketManager::onTextMessage(const QString &message)
{
    arrived(Arrival::Whole);
    // simdjson's SIMDJSON_PADDING; the parser copies the message when there is less.
    constexpr qsizetype kSpare = 64;
    m_utf8.resize(m_utf8Encoder.requiredSpace(message.size()) + kSpare);
    char *end = m_utf8Encoder.appendToBuffer(m_utf8.data(), message);
    m_utf8.truncate(end - m_utf8.constData()); // the capacity stays
    // A shallow copy: a receiver that spins an event loop cannot have the next frame written
    // over this one (the next then detaches); otherwise the buffer is unshared again on return.
    const QByteArray utf8 = m_utf8;
    if (m_heartbeat.consumeReply(utf8))
        return;
    if (utf8.size() > m_config.maxIncomingMessageSize) {
        ignore(u"a message of %1 bytes is over the %2-byte limit"_s.arg(utf8.size())
                   .arg(m_config.maxIncomingMessageSize));
        return;
    }
    Q_EMIT messageReceived(utf8);
}

void SocketManager::onBinaryMessage(const QByteArray &message)
{
    // A sign of life, but the feed speaks JSON text only.
    arrived(Arrival::Whole);
    ignore(u"a binary frame of %1 bytes (the feed sends JSON text)"_s.arg(message.size()));
}

void SocketManager::ignore(const QString &what)
{
    ++m_ignoredCount;
    qCWarning(lcSocket).noquote() << "ignored" << what;
    Q_EMIT messageIgnored(what);
}
