// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QFile;

// Pushes what was written to `file` through to the disk (fsync on POSIX, _commit on
// Windows): Qt's flush() only empties its own buffer. The one platform-specific piece of the
// history's durability.
bool syncToDisk(QFile &file);
