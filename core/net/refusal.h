// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// What a refusal by the server means: one table for the HTTP status of a rejected handshake
// and for the Code of an Error message that answers the subscription. 400, 401, 403 and 404
// say that something in the settings is wrong, which retrying cannot fix: fatal, and the user
// is told what to check. 408, 429, 5xx and anything else may pass: retried with backoff.
struct Refusal
{
    int code = 0;
    bool fatal = false;
    QString meaning; // "not authorised"; empty when the code has no usual meaning here
    QString hint;    // what the user should check; empty for transient refusals

    static Refusal of(int code);
};
