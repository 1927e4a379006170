// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes into the parser, and what it accepts into a PositionBook, as
// the feed path does. It must never crash, hang or touch memory it does not own.
#include "feed/positionbook.h"
#include "protocol/feedparser.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FeedParser parser;
    static PositionBook book;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const std::optional<FeedMessage> message = parser.parse(bytes)) {
        book.apply(*message);
        // Every row the book holds is reachable by its ticket.
        for (int row = 0; row < book.count(); ++row) {
            if (book.rowOf(book.at(row).ticket) != row)
                __builtin_trap();
        }
    } else if (parser.error().isEmpty()) {
        __builtin_trap(); // a rejection always says why
    }
    return 0;
}
