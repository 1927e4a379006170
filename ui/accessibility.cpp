// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessibility.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QToolButton>

namespace Accessibility {

void nameClearButton(QLineEdit *edit)
{
    // Qt's own button (QLineEditIconButton) has no name of its own.
    for (QToolButton *button : edit->findChildren<QToolButton *>())
        button->setAccessibleName(QCoreApplication::translate("Accessibility", "Clear"));
}

} // namespace Accessibility
