// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/refusal.h"

#include <QCoreApplication>

namespace {

struct Row
{
    int code;
    bool fatal;
    const char *meaning;
    const char *hint;
};

// The one table. Codes not listed are transient.
constexpr Row kRows[] = {
    {400, true, QT_TRANSLATE_NOOP("Refusal", "bad request"),
     QT_TRANSLATE_NOOP("Refusal", "Check the feed URL and the trader id in Settings.")},
    {401, true, QT_TRANSLATE_NOOP("Refusal", "not authorised"),
     QT_TRANSLATE_NOOP("Refusal", "Check the auth token in Settings.")},
    {403, true, QT_TRANSLATE_NOOP("Refusal", "forbidden"),
     QT_TRANSLATE_NOOP("Refusal", "Check the auth token and the trader id in Settings.")},
    {404, true, QT_TRANSLATE_NOOP("Refusal", "not found"),
     QT_TRANSLATE_NOOP("Refusal", "Check the trader id and the feed URL in Settings.")},
    {408, false, QT_TRANSLATE_NOOP("Refusal", "request timeout"), nullptr},
    {429, false, QT_TRANSLATE_NOOP("Refusal", "too many requests"), nullptr},
    {500, false, QT_TRANSLATE_NOOP("Refusal", "server error"), nullptr},
    {502, false, QT_TRANSLATE_NOOP("Refusal", "bad gateway"), nullptr},
    {503, false, QT_TRANSLATE_NOOP("Refusal", "service unavailable"), nullptr},
    {504, false, QT_TRANSLATE_NOOP("Refusal", "gateway timeout"), nullptr},
};

} // namespace

Refusal Refusal::of(int code)
{
    Refusal refusal;
    refusal.code = code;
    for (const Row &row : kRows) {
        if (row.code != code)
            continue;
        refusal.fatal = row.fatal;
        refusal.meaning = QCoreApplication::translate("Refusal", row.meaning);
        if (row.hint)
            refusal.hint = QCoreApplication::translate("Refusal", row.hint);
        break;
    }
    return refusal;
}
