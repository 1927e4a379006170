// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradewriter.h"

#include "history/closedtradestore.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWriter, "trademonitor.store.write")

TradeWriter::TradeWriter(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"trade writer"_s);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

TradeWriter::~TradeWriter()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

void TradeWriter::open(const QString &connectionName)
{
    close();
    const QString name = u"trade-writer-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    QMetaObject::invokeMethod(
        m_worker,
        [connectionName, name] {
            // Cloned by name: the thread-safe way to copy the store's file and options.
            QSqlDatabase::cloneDatabase(connectionName, name).open();
        },
        Qt::BlockingQueuedConnection);
    m_connection = name;
}

void TradeWriter::close()
{
    if (m_connection.isEmpty())
        return;
    const QString name = std::exchange(m_connection, QString());
    // After every batch given: the worker takes its calls in order.
    QMetaObject::invokeMethod(
        m_worker, [name] { QSqlDatabase::removeDatabase(name); }, Qt::BlockingQueuedConnection);
}

int TradeWriter::write(const Account &account, const QList<ClosedTrade> &trades)
{
    const int ticket = ++m_next;
    const QString name = m_connection;
    QMetaObject::invokeMethod(m_worker, [this, ticket, name, account, trades] {
        Written written;
        written.ticket = ticket;
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isOpen())
            written.error = ClosedTradeStore::tr("Cannot save closed trades");
        else
            written.ok = ClosedTradeStore::writeBatch(db, account, trades, &written.error);
        {
            const QMutexLocker lock(&m_mutex);
            m_done.append(written);
        }
        QMetaObject::invokeMethod(this, &TradeWriter::done, Qt::QueuedConnection);
    });
    return ticket;
}

void TradeWriter::keepCurrency(const Account &account, const QString &currency)
{
    const QString name = m_connection;
    QMetaObject::invokeMethod(m_worker, [this, name, account, currency] {
        QString error;
        if (!ClosedTradeStore::writeCurrency(QSqlDatabase::database(name, false), account, currency,
                                             &error)) {
            qCWarning(lcWriter).noquote() << error;
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, account, currency] { Q_EMIT currencyKept(account, currency); },
            Qt::QueuedConnection);
    });
}

QList<TradeWriter::Written> TradeWriter::drain()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
    return takeDone();
}

QList<TradeWriter::Written> TradeWriter::takeDone()
{
    const QMutexLocker lock(&m_mutex);
    return std::exchange(m_done, {});
}
