// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target. Any bytes into the parser, and what it accepts into a PositionBook, as the
// feed path does: it must never crash, hang or touch memory it does not own. And the same
// bytes as one row of a whole list (a native Snapshot or a seed list, by the first byte) among
// readable rows, over a book that held those positions: whatever that row is, no position is
// taken for closed unless the list names every ticket and leaves that one out.
#include "feed/positionbook.h"
#include "protocol/feedparser.h"

#include <QCoreApplication>
#include <QSet>

#include <cstddef>
#include <cstdint>

namespace {

QByteArray row(qint64 ticket)
{
    return R"({"ticket":)" + QByteArray::number(ticket) +
           R"(,"symbol":"EURUSD","side":"buy","volume":0.1,"openPrice":1.08,"price":1.09,)"
           R"("sl":0,"tp":0,"swap":0,"commission":0,"profit":10,"openTime":1732421000000,)"
           R"("flwsig":false,"sigtraderid":0})";
}

QByteArray list(bool seed, const QByteArray &rows)
{
    return seed ? R"({"Code":200,"data":[)" + rows + "]}"
                : R"({"Code":200,"type":"Snapshot","seq":1,"data":[)" + rows + "]}";
}

void checkAnyMessage(const QByteArray &bytes)
{
    static FeedParser parser;
    static PositionBook book;
    if (const std::optional<FeedMessage> message = parser.parse(bytes)) {
        book.apply(*message);
        // Every row the book holds is reachable by its ticket.
        for (int r = 0; r < book.count(); ++r) {
            if (book.rowOf(book.at(r).ticket) != r)
                __builtin_trap();
        }
    } else if (parser.error().isEmpty()) {
        __builtin_trap(); // a rejection always says why
    }
}

void checkOneRowOfAList(bool seed, const QByteArray &fuzzed)
{
    static FeedParser native;
    static FeedParser seedParser(FeedProfile::seed());
    FeedParser &parser = seed ? seedParser : native;
    PositionBook book;
    const auto held = parser.parse(list(seed, row(1) + ',' + row(2) + ',' + row(3)));
    if (!held || !book.apply(*held) || book.count() != 3)
        __builtin_trap();
    // Ticket 2's row, in the fuzzer's hands.
    const auto message = parser.parse(list(seed, row(1) + ',' + fuzzed + ',' + row(3)));
    if (!message)
        return; // the fuzzed bytes broke the envelope: a list refused whole closes nothing
    QSet<qint64> named;
    for (const Position &p : message->positions)
        named.insert(p.ticket);
    for (const FeedMessage::UnreadableRow &r : message->unreadable)
        named.insert(r.ticket);
    bool closedWrongly = false;
    QObject::connect(&book, &PositionBook::tradesClosed, &book,
                     [&](const QList<ClosedTrade> &trades) {
                         for (const ClosedTrade &t : trades) {
                             if (!message->namesEveryTicket() || named.contains(t.position.ticket))
                                 closedWrongly = true;
                         }
                     });
    book.apply(*message);
    if (closedWrongly)
        __builtin_trap();
    // A position whose row could not be read is still there, its last good version.
    for (const FeedMessage::UnreadableRow &r : message->unreadable) {
        if ((r.ticket >= 1 && r.ticket <= 3) && book.rowOf(r.ticket) < 0)
            __builtin_trap();
    }
    if (!message->namesEveryTicket() && book.rowOf(2) < 0)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkAnyMessage(bytes);
    if (size > 0)
        checkOneRowOfAList(data[0] & 1, bytes.mid(1));
    return 0;
}
