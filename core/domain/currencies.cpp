// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/currencies.h"

#include <QLocale>

std::optional<QString> Currencies::common(const QStringList &names, const QStringList &currencies,
                                          QString *why)
{
    Q_ASSERT(names.size() == currencies.size());
    if (currencies.size() == 1)
        return currencies.constFirst();
    for (qsizetype i = 0; i < currencies.size(); ++i) {
        if (currencies.at(i).isEmpty()) {
            if (why)
                *why = tr("%1 does not report its currency").arg(names.at(i));
            return std::nullopt;
        }
    }
    QStringList distinct = currencies;
    distinct.removeDuplicates();
    if (distinct.size() > 1) {
        distinct.sort();
        if (why)
            *why = tr("the accounts are in %1").arg(QLocale().createSeparatedList(distinct));
        return std::nullopt;
    }
    if (distinct.isEmpty())
        return QString();
    return distinct.constFirst();
}
