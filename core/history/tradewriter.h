// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

// Writes batches of closed trades to a history file on a thread of its own, so that a History
// of ten thousand trades never holds the window: each batch in one transaction, with the
// statement ClosedTradeStore::record() uses (ClosedTradeStore::writeBatch), on a clone of the
// store's connection. Batches are written in the order they were given. What is done is kept
// until taken (takeDone(), after done(); or drain(), which first waits for every batch given
// so far), so that nothing written or refused goes unnoticed.
class TradeWriter : public QObject
{
    Q_OBJECT

public:
    struct Written
    {
        int ticket = 0;
        bool ok = false;
        QString error; // in words for the user, when not ok
    };

    explicit TradeWriter(QObject *parent = nullptr);
    ~TradeWriter() override; // waits for what was given

    // Writes to the file of the connection `connectionName` (a store's, open read-write).
    void open(const QString &connectionName);
    // Waits for what was given, then lets the file go.
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }

    // Gives a batch; its outcome comes, under the ticket returned, in takeDone() or drain().
    int write(const Account &account, const QList<ClosedTrade> &trades);
    // Blocks until every batch given so far is written or refused; returns what is done.
    QList<Written> drain();
    QList<Written> takeDone();
    // Keeps `account`'s currency (ClosedTradeStore::writeCurrency) after what was given:
    // written here, it would hold the window while a batch holds the file.
    void keepCurrency(const Account &account, const QString &currency);

Q_SIGNALS:
    // Something is done: takeDone() has it.
    void done();
    // keepCurrency() has written it.
    void currencyKept(const Account &account, const QString &currency);

private:
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread
    QString m_connection;        // made, used and removed in m_thread
    int m_next = 0;
    QMutex m_mutex;
    QList<Written> m_done; // under m_mutex
};
