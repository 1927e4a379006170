// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>

// Resident memory of this process in KiB (VmRSS), 0 where /proc is not there.
inline qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}
