// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/filesync.h"

#include <QFile>

#if defined(Q_OS_WIN)
#include <io.h>
#else
#include <unistd.h>
#endif

bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
    const int handle = file.handle();
    if (handle < 0)
        return false;
#if defined(Q_OS_WIN)
    return ::_commit(handle) == 0;
#else
    return ::fsync(handle) == 0;
#endif
}
