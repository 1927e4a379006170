// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLineEdit;

// What Qt's widgets leave unnamed for a screen reader, named in one place.
namespace Accessibility {

// The clear button a line edit shows once it has text (setClearButtonEnabled): "Clear".
// Call after enabling it.
void nameClearButton(QLineEdit *edit);

} // namespace Accessibility
