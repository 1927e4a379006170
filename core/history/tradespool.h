// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"

#include <QFile>
#include <QList>
#include <QString>

// Closed trades that could not be written to the history yet, in a file next to it: one
// batch per line of JSON, appended and pushed to the disk before append() returns, so that a
// crash or a quit loses none of them. Its room is reserved when it is opened (the file is
// made kReservedBytes long, the unused part zero bytes), so that it can still take trades
// after the disk has filled up. A line that cannot be read back (a write cut short by a
// crash) is skipped and counted.
class TradeSpool
{
    Q_DECLARE_TR_FUNCTIONS(TradeSpool)

public:
    // Room for about four thousand closed trades.
    static constexpr qint64 kReservedBytes = 2 * 1024 * 1024;

    struct Batch
    {
        Account account;
        QList<ClosedTrade> trades;
    };

    TradeSpool() = default;
    TradeSpool(const TradeSpool &) = delete;
    TradeSpool &operator=(const TradeSpool &) = delete;

    // Opens or creates the spool, reserves its room, and reads what it holds.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    QString errorString() const { return m_error; }

    // What the spool holds, oldest first.
    const QList<Batch> &batches() const { return m_batches; }
    int tradeCount() const;
    // Lines that could not be read back when it was opened.
    int unreadableLines() const { return m_unreadable; }

    // Appends and syncs one batch; false (with errorString()) when it could not be made
    // durable, and then the spool is as it was.
    bool append(const Batch &batch);
    // Forgets everything (after it was all written to the history), keeping the room.
    bool clear();

    static QByteArray encode(const Batch &batch);
    static std::optional<Batch> decode(const QByteArray &line);

private:
    bool fail(const QString &error);
    bool reserve();

    QFile m_file;
    qint64 m_end = 0; // where the next line goes
    QList<Batch> m_batches;
    int m_unreadable = 0;
    QString m_error;
};
