// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

// The program's words in the user's language. Every count goes through tr("%n …", nullptr, n),
// so English, too, has a translation: its plural forms ("1 position", "2 positions").
namespace Translations {

// Where Trade Monitor's translation files (trade-monitor_<language>.qm) are looked for, in
// order: share/trade-monitor/translations beside the program's bin/ (as installed on Linux),
// translations/ beside the program (Windows), then the copy built into the program.
QStringList folders();

// Installs on the running application Qt's own translations and Trade Monitor's for `locale`,
// the first of `searched` that has a readable one, falling back to English (for its plural
// forms) where none has. Installing again replaces what an earlier call installed. Returns the
// files loaded, for the log.
QStringList install(const QLocale &locale = QLocale(), const QStringList &searched = folders());

} // namespace Translations
