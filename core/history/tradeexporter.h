// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/closedtradestore.h"
#include "history/tradequery.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;
class TradeReader;

// Writes a selection of closed trades to a CSV file (ClosedTradeStore's format, through
// TradeReader::exportCsv) on a thread of its own with its own connection to the history file,
// so that a million rows never hold the window. The file is written through QSaveFile: a
// failed or cancelled export leaves nothing behind, and a file already there is replaced only
// by a complete one. A history in memory (the demo's) cannot be shared with a thread: it is
// written on the caller's, and its answer still comes through the event loop.
class TradeExporter : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TradeExporter)

public:
    explicit TradeExporter(QObject *parent = nullptr);
    ~TradeExporter() override; // cancels an export under way and waits for its thread

    // Starts writing `query`'s trades from `store` (it must stay open till finished()) to
    // `path`; false when an export is already under way.
    bool start(const ClosedTradeStore *store, const TradeQuery &query, const QString &path,
               const ClosedTradeStore::CsvOptions &options);
    bool isRunning() const { return m_running; }
    // Stops the export under way; finished() follows, without a file.
    void cancel() { m_cancelled = true; }

Q_SIGNALS:
    // Trades written so far, now and then.
    void progress(int written);
    // `ok`: the file is complete with `written` trades. Else `error` says why, in words for
    // the user; it is empty when the export was cancelled.
    void finished(bool ok, int written, const QString &error);

private:
    struct Outcome
    {
        bool ok = false;
        int written = 0;
        QString error;
    };
    // Writes the file; runs on the export's thread (or the caller's, for a history in memory).
    Outcome write(const TradeReader &reader, const TradeQuery &query, const QString &path,
                  const ClosedTradeStore::CsvOptions &options);
    void finish(const Outcome &outcome);

    QThread *m_thread = nullptr;
    bool m_running = false;
    std::atomic<bool> m_cancelled{false};
};
