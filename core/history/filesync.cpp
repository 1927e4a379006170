// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/filesync.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#if defined(Q_OS_WIN)
#include <io.h>
#include <qt_windows.h>
#else
#include <cerrno>
#include <sys/file.h>
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

namespace {

// One attempt, without waiting.
bool tryLock(int handle)
{
#if defined(Q_OS_WIN)
    OVERLAPPED whole = {};
    return ::LockFileEx(reinterpret_cast<HANDLE>(::_get_osfhandle(handle)),
                        LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD, MAXDWORD,
                        &whole) != 0;
#else
    int result = 0;
    do {
        result = ::flock(handle, LOCK_EX | LOCK_NB);
    } while (result != 0 && errno == EINTR);
    return result == 0;
#endif
}

} // namespace

bool lockFile(QFile &file, std::chrono::milliseconds timeout)
{
    const int handle = file.handle();
    if (handle < 0)
        return false;
    // Held for the few milliseconds of an append: polling is enough, and never hangs.
    const QDeadlineTimer deadline(timeout);
    while (!tryLock(handle)) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}

void unlockFile(QFile &file)
{
    const int handle = file.handle();
    if (handle < 0)
        return;
#if defined(Q_OS_WIN)
    OVERLAPPED whole = {};
    ::UnlockFileEx(reinterpret_cast<HANDLE>(::_get_osfhandle(handle)), 0, MAXDWORD, MAXDWORD,
                   &whole);
#else
    ::flock(handle, LOCK_UN);
#endif
}
