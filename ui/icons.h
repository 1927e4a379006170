// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed/feedstatus.h"

#include <QIcon>

// Every icon the window draws, in one place, and all of them vector: drawn at the size and
// the scale they are shown at (200 % and more), never a small bitmap scaled up.
namespace Icons {

// Trade Monitor's own (the window's, the About box's).
QIcon application();
// The application's icon with the feed's state as a dot in its corner (the tray's).
QIcon feed(FeedStatus::Level level);
// Beside a row the feed's last word on could not be read.
QIcon unreadable();

} // namespace Icons
