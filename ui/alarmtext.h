// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

// Text that warns (an unsaved history, a value the dialog refuses, a failed test): in the
// colour of a loss, chosen against the background it is drawn on (ToneDelegate::toneColor),
// and chosen again whenever the palette changes (Settings → Display, the desktop going dark),
// so that it reads on light and dark alike. A fixed red is unreadable on a dark window.
namespace AlarmText {

// Sets `widget`'s text in the alarm colour, or back to the palette's own.
void set(QWidget *widget, bool alarming);

} // namespace AlarmText
