// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

class QFile;

// The platform-specific pieces of the history's durability, in one place.

// Pushes what was written to `file` through to the disk (fsync on POSIX, _commit on
// Windows): Qt's flush() only empties its own buffer.
bool syncToDisk(QFile &file);

// An exclusive lock on the whole of `file` (open) against every other open of it, in this
// process or another: flock on POSIX, LockFileEx on Windows. It needs no room on the disk
// (a lock file would: the spool must work on a full disk), and the system releases it when
// the process dies. Waits up to `timeout`; false if it could not be had.
bool lockFile(QFile &file, std::chrono::milliseconds timeout);
void unlockFile(QFile &file);
