// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the process sets up before the application object exists, for a feed of tens of
// thousands of messages a second. The one platform-specific piece of start-up; elsewhere a
// no-op.
//
// Linux with glibc: QWebSocket reads what the socket holds, a few hundred kilobytes at a time
// when the feed is fast, into buffers allocated and freed at every read. Above glibc's initial
// mmap threshold (128 KiB) each is a fresh mapping whose pages fault in on first touch: 13 % of
// the saturated feed's CPU in the profile (README, "The feed path, round three"). Blocks up to
// 4 MiB stay on the heap, and up to 16 MiB of free heap is kept rather than returned to the
// system at every free.
namespace ProcessTuning {

// Call first in main(), before the application object exists.
void applyBeforeApplication();

} // namespace ProcessTuning
