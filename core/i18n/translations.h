// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QStringList>

// The program's words in the user's language. Every count goes through tr("%n …", nullptr, n),
// so English, too, has a translation: its plural forms ("1 position", "2 positions").
namespace Translations {

// Installs on the running application Qt's own translations and Trade Monitor's for `locale`,
// falling back to English (for its plural forms) where there is none. Installing again
// replaces what an earlier call installed. Returns the files loaded, for the log.
QStringList install(const QLocale &locale = QLocale());

} // namespace Translations
