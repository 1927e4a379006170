#include "feedsession.h"

#include "closedtradestore.h"
#include "positionbook.h"
#include "secrets.h"
#include "socketmanager.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcFeed, "trademonitor.feed")

namespace {
// At most this many rejections are logged per window; the rest are counted.
constexpr int kLogBurst = 5;
constexpr qint64 kLogWindowMs = 10'000;
constexpr qsizetype kExcerptLength = 120;

QString excerpt(const QByteArray &message)
{
    QString text = QString::fromUtf8(message.left(kExcerptLength));
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    if (message.size() > kExcerptLength)
        text += QStringLiteral("… (%1 bytes)").arg(message.size());
    return text;
}
} // namespace

FeedSession::FeedSession(SocketManager *socket, PositionBook *book, ClosedTradeStore *store,
                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_book(book)
    , m_store(store)
{
    connect(socket, &SocketManager::messageReceived, this, &FeedSession::handleMessage);
    // Frames the socket dropped whole count as rejected messages too.
    connect(socket, &SocketManager::messageIgnored, this, [this](const QString &what) {
        ++m_rejected;
        m_lastRejection = what;
        Q_EMIT messageRejected(what);
    });
    connect(socket, &SocketManager::stateChanged, this, [this](SocketManager::State state) {
        if (state == SocketManager::State::Open)
            m_book->expectSnapshot();
    });
    connect(book, &PositionBook::resyncNeeded, this,
            [this] { m_socket->send(m_socket->config().subscribePayload); });
    connect(book, &PositionBook::tradesClosed, this, &FeedSession::storeTrades);
}

void FeedSession::handleMessage(const QByteArray &message)
{
    std::optional<FeedMessage> parsed = m_parser.parse(message);
    if (!parsed) {
        ++m_rejected;
        m_lastRejection = Secrets::redact(m_parser.error());
        logRejection(m_lastRejection, message);
        Q_EMIT messageRejected(m_lastRejection);
        return;
    }
    ++m_accepted;
    if (parsed->type == FeedMessage::Type::Error) {
        qCWarning(lcFeed).noquote()
            << "the feed reported error" << parsed->code << parsed->errorMessage;
        Q_EMIT serverErrorReceived(parsed->code, parsed->errorMessage);
        return;
    }
    m_book->apply(*parsed);
}

void FeedSession::logRejection(const QString &reason, const QByteArray &message)
{
    if (!m_logWindow.isValid() || m_logWindow.elapsed() > kLogWindowMs) {
        if (m_suppressed > 0)
            qCWarning(lcFeed) << m_suppressed << "more messages were rejected";
        m_logWindow.start();
        m_loggedInWindow = 0;
        m_suppressed = 0;
    }
    if (m_loggedInWindow >= kLogBurst) {
        ++m_suppressed;
        return;
    }
    ++m_loggedInWindow;
    qCWarning(lcFeed).noquote() << "rejected a message:" << reason << "|"
                                << Secrets::redact(excerpt(message));
}

void FeedSession::storeTrades(const QList<ClosedTrade> &trades)
{
    m_pending += trades;
    if (!m_store || !m_store->isOpen())
        return;
    if (m_store->record(m_pending))
        m_pending.clear();
}
