// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradefigureloader.h"

#include "history/closedtradestore.h"
#include "history/tradereader.h"

#include <QSqlDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

TradeFigureLoader::Result read(const TradeReader &reader, const TradeFigureLoader::Job &job)
{
    TradeFigureLoader::Result result;
    if (job.groups)
        result.groups = reader.groups(job.query, job.zone);
    if (job.nets >= 0)
        result.nets = reader.netsInCloseOrder(job.query, job.nets);
    result.rowsFrom = job.rowsFrom;
    if (job.rows > 0)
        result.rows = reader.trades(job.query, job.rowsFrom, job.rows);
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
    const QString from = store->database().connectionName();
    const bool reconnect = from != m_connectedTo;
    const QString old = m_connection;
    if (reconnect) {
        m_connectedTo = from;
        m_connection = u"trade-figures-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    }
    const QString name = m_connection;
    QMetaObject::invokeMethod(m_worker, [this, ticket, job, from, name, old, reconnect] {
        if (reconnect) {
            if (!old.isEmpty())
                QSqlDatabase::removeDatabase(old);
            // Cloned by name: the thread-safe way to copy the store's file and options.
            QSqlDatabase::cloneDatabase(from, name).open();
        }
        if (m_latest.load() < 0 || (m_newestOnly && ticket != m_latest.load()))
            return; // going away, or a newer request is on its way
        Result result = read(TradeReader(QSqlDatabase::database(name, false)), job);
        result.ticket = ticket;
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT loaded(result); }, Qt::QueuedConnection);
    });
    return ticket;
}
