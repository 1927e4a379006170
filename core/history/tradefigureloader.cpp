// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradefigureloader.h"

#include "history/closedtradestore.h"
#include "history/tradereader.h"

#include <QSqlDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// `cache`: what the reading thread keeps of `reader`'s file, if anything.
TradeFigureLoader::Result read(const TradeReader &reader, const TradeFigureLoader::Job &job,
                               TradeGroupCache *cache = nullptr, const QSqlDatabase &db = {})
{
    TradeFigureLoader::Result result;
    if (job.groups) {
        std::optional<QList<TradeGroup>> kept;
        // What is kept is whole days of the period, unfiltered (a caller filters groups).
        if (cache && job.query.filter == PositionFilter() &&
            TradeGroupCache::answers(job.query, job.zone))
            kept = cache->groups(db, job.query, job.zone);
        result.groups = kept ? *kept : reader.groups(job.query, job.zone);
    }
    if (job.nets >= 0)
        result.nets = reader.netsInCloseOrder(job.query, job.nets);
    result.rowsFrom = job.rowsFrom;
    if (job.rows > 0)
        result.rows = reader.trades(job.query, job.rowsFrom, job.rows,
                                    job.query.allAccounts ? &result.rowAccounts : nullptr);
    if (job.statistics)
        result.statistics = reader.statistics(job.query);
    return result;
}

} // namespace

TradeFigureLoader::TradeFigureLoader(bool newestOnly, QObject *parent)
    : QObject(parent)
    , m_newestOnly(newestOnly)
{
    m_thread.setObjectName(u"trade figures"_s);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

TradeFigureLoader::~TradeFigureLoader()
{
    m_latest = -1; // whatever is queued is moot
    if (!m_connection.isEmpty()) {
        const QString name = m_connection;
        QMetaObject::invokeMethod(
            m_worker, [name] { QSqlDatabase::removeDatabase(name); }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

int TradeFigureLoader::request(const ClosedTradeStore *store, const Job &job)
{
    const int ticket = ++m_latest;
    if (!store || !store->isOpen() || store->isInMemory()) {
        // Nothing to share with another thread: read here, answer through the event loop.
        Result result = read(TradeReader(store), job);
        result.ticket = ticket;
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT loaded(result); }, Qt::QueuedConnection);
        return ticket;
    }
    const QString name = connectTo(store);
    QMetaObject::invokeMethod(m_worker, [this, ticket, job, name] {
        if (m_latest.load() < 0 || (m_newestOnly && ticket != m_latest.load()))
            return; // going away, or a newer request is on its way
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        Result result = read(TradeReader(db), job, &m_groups, db);
        result.ticket = ticket;
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT loaded(result); }, Qt::QueuedConnection);
    });
    return ticket;
}

QString TradeFigureLoader::connectTo(const ClosedTradeStore *store)
{
    const QString from = store->database().connectionName();
    if (from == m_connectedTo)
        return m_connection;
    const QString old = m_connection;
    m_connectedTo = from;
    m_connection = u"trade-figures-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    QMetaObject::invokeMethod(m_worker, [this, from, name = m_connection, old] {
        if (!old.isEmpty())
            QSqlDatabase::removeDatabase(old);
        m_groups.clear(); // kept of another file
        // Cloned by name: the thread-safe way to copy the store's file and options.
        QSqlDatabase::cloneDatabase(from, name).open();
    });
    return m_connection;
}

void TradeFigureLoader::warm(const ClosedTradeStore *store, const Account &account,
                             const QTimeZone &zone)
{
    if (!store || !store->isOpen() || store->isInMemory())
        return;
    const QString name = connectTo(store);
    QMetaObject::invokeMethod(m_worker,
                              [this, name, account, zone] { warmStep(name, account, zone); });
}

void TradeFigureLoader::warmStep(const QString &connection, const Account &account,
                                 const QTimeZone &zone)
{
    if (m_latest.load() < 0)
        return;
    if (m_groups.warm(QSqlDatabase::database(connection, false), account, zone)) {
        // The next month after whatever was asked for in the meantime.
        QMetaObject::invokeMethod(
            m_worker, [this, connection, account, zone] { warmStep(connection, account, zone); },
            Qt::QueuedConnection);
    } else if (m_groups.isKept(account, zone)) {
        QMetaObject::invokeMethod(
            this, [this, account] { Q_EMIT warmed(account); }, Qt::QueuedConnection);
    }
}
