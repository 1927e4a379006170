// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/closedtrade.h"

#include <QFile>
#include <QList>
#include <QSet>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

// Closed trades that could not be written to the history yet, in a file next to it: one
// batch per line of JSON, appended and pushed to the disk before append() returns, so that a
// crash or a quit loses none of them. Its room is reserved when it is opened (the file is
// made kReservedBytes long, the unused part zero bytes), so that it can still take trades
// after the disk has filled up. A line that cannot be read back (a write cut short by a
// crash) is skipped and counted.
//
// Several windows may share one history, and so one spool. Every append and every removal
// takes a lock on the spool file itself (lockFile(): no lock file, which a full disk could
// not hold) and reads the file again first: an append
// goes at the file's real end, not where this process last wrote, and a removal takes out
// only the batches it names (by their id), keeping whatever another window added since.
class TradeSpool
{
    Q_DECLARE_TR_FUNCTIONS(TradeSpool)

public:
    // Room for about four thousand closed trades.
    static constexpr qint64 kReservedBytes = 2 * 1024 * 1024;

    // How long an append or a removal waits for another window to let go of the spool.
    static constexpr std::chrono::milliseconds kLockTimeout{5000};

    struct Batch
    {
        Account account;
        QList<ClosedTrade> trades;
        // Unique across processes; a line of an earlier version gets one from its content.
        QString id = newId();
    };
    static QString newId();

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
    // Takes these batches out (they are in the history now), keeping the room and every
    // other batch, another window's too.
    bool remove(const QSet<QString> &ids);
    // Takes out every batch this spool knows of.
    bool clear();

    static QByteArray encode(const Batch &batch);
    static std::optional<Batch> decode(const QByteArray &line);

private:
    // The file's lines as they are now (read under the lock), and where its data ends.
    struct Contents
    {
        QList<QByteArray> lines; // whole lines, each with its newline
        qint64 end = 0;          // after the last whole line: where the next one goes
        qint64 dataEnd = 0;      // the first byte of the reserved room
        int cutShort = 0;        // a last line without its newline
    };
    bool fail(const QString &error);
    bool reserve();
    std::optional<Contents> readContents();
    bool lock();
    // Runs `change` with the file locked and its contents read again.
    bool underLock(const std::function<bool(const Contents &)> &change);
    bool zero(qint64 from, qint64 to);

    QFile m_file;
    QList<Batch> m_batches;
    int m_unreadable = 0;
    QString m_error;
};
