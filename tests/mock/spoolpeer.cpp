// SPDX-License-Identifier: GPL-3.0-or-later
// Another window on the same history, as a process of its own: its writes to the database
// fail (a full disk, a lock), so every closed trade it records goes to the shared spool.
//
//   tm-spool-peer <history file> <first ticket> <count> keep|write
//
// Opens the history, says "ready" and waits for a line on its input, so that a test can have
// two peers write at the same time; then records <count> trades, one batch each, from
// <first ticket> on. `write`: then the database
// can be written again, and everything waiting is written (and leaves the spool). Prints what
// it holds; exits 0 when no trade was held in memory only (all of them reached the spool).
#include "failingstore.h"
#include "history/tradehistory.h"

#include <QCoreApplication>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5 || (args.at(4) != "keep"_L1 && args.at(4) != "write"_L1)) {
        std::fputs("usage: tm-spool-peer <history file> <first ticket> <count> keep|write\n",
                   stderr);
        return 2;
    }
    const qint64 first = args.at(2).toLongLong();
    const int count = args.at(3).toInt();
    const Account account = Account::of(QUrl(u"wss://feed.example.com/p"_s), 10260);

    FailingStore store;
    store.failing = true;
    TradeHistory history(&store);
    history.open(args.at(1), account);
    history.setAccount(account);
    std::puts("ready");
    std::fflush(stdout);
    char go[16];
    if (!std::fgets(go, sizeof go, stdin))
        return 2;
    for (int i = 0; i < count; ++i) {
        ClosedTrade trade;
        trade.position.ticket = first + i;
        trade.position.symbol = u"EURUSD"_s;
        trade.position.volume = 0.1;
        trade.closeTime = 1732600000000 + i;
        trade.reason = ClosedTrade::Reason::Manual;
        history.record({trade});
    }
    std::printf("spooled %d, in memory only %d\n",
                history.unsavedCount() - history.memoryOnlyCount(), history.memoryOnlyCount());
    const bool safe = history.memoryOnlyCount() == 0;
    if (args.at(4) == "write"_L1) {
        store.failing = false;
        const bool written = history.flush();
        std::printf("written: %s\n", written ? "all" : "not all");
        return safe && written ? 0 : 1;
    }
    return safe ? 0 : 1;
}
