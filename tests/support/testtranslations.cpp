// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into every test as an object, so that it always runs: the tests see the words a user
// with an English UI sees, plural forms included ("1 position", "2 positions"), whatever the
// machine's language. (Number formats stay the machine's, or what a test sets.)
#include "i18n/translations.h"

#include <QCoreApplication>

namespace {

void installEnglish()
{
    Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglish)
