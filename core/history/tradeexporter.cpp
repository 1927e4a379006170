// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/tradeexporter.h"

#include "history/tradereader.h"

#include <QLoggingCategory>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcExport, "trademonitor.store.export")

TradeExporter::TradeExporter(QObject *parent)
    : QObject(parent)
{}

TradeExporter::~TradeExporter()
{
    if (m_thread) {
        m_cancelled = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool TradeExporter::start(const ClosedTradeStore *store, const TradeQuery &query,
                          const QString &path, const ClosedTradeStore::CsvOptions &options)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    if (!store || !store->isOpen() || store->isInMemory()) {
        const Outcome outcome = write(TradeReader(store), query, path, options);
        QMetaObject::invokeMethod(
            this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
        return true;
    }
    const QString from = store->database().connectionName();
    m_thread = QThread::create([this, from, query, path, options] {
        // Cloned by name: the thread-safe way to copy the store's file and options.
        const QString name = u"trade-export-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
        Outcome outcome;
        {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(from, name);
            if (db.open())
                outcome = write(TradeReader(db), query, path, options);
            else
                outcome.error = tr("Cannot read the trade history");
        }
        QSqlDatabase::removeDatabase(name);
        QMetaObject::invokeMethod(
            this, [this, outcome] { finish(outcome); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(u"trade export"_s);
    m_thread->start(QThread::LowPriority);
    return true;
}

TradeExporter::Outcome TradeExporter::write(const TradeReader &reader, const TradeQuery &query,
                                            const QString &path,
                                            const ClosedTradeStore::CsvOptions &options)
{
    Outcome outcome;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        outcome.error = file.errorString();
        return outcome;
    }
    const bool read = reader.exportCsv(query, &file, options, [this, &outcome](int written) {
        outcome.written = written;
        QMetaObject::invokeMethod(
            this, [this, written] { Q_EMIT progress(written); }, Qt::QueuedConnection);
        return !m_cancelled.load();
    });
    if (m_cancelled) {
        file.cancelWriting();
        outcome.error.clear();
        return outcome; // not ok, and nothing to say
    }
    if (!read) {
        // A write error is the file's to tell; else the history could not be read.
        outcome.error = file.error() != QFileDevice::NoError ? file.errorString()
                                                             : tr("Cannot read the trade history");
        file.cancelWriting();
        return outcome;
    }
    if (!file.commit()) {
        outcome.error = file.errorString();
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

void TradeExporter::finish(const Outcome &outcome)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_running = false;
    if (!outcome.ok && !outcome.error.isEmpty())
        qCWarning(lcExport).noquote() << "export failed:" << outcome.error;
    Q_EMIT finished(outcome.ok, outcome.written, outcome.error);
}
