// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#include <memory>

Q_LOGGING_CATEGORY(lcI18n, "trademonitor.i18n")

using namespace Qt::StringLiterals;

namespace {

// Built into the program (core/i18n/CMakeLists.txt): trade-monitor_<language>.qm.
const QString kOurs = u":/i18n"_s;

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

namespace Translations {

QStringList install(const QLocale &locale)
{
    QStringList loaded;
    for (const QPointer<QTranslator> &translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();

    const auto add = [&loaded](std::unique_ptr<QTranslator> translator) {
        loaded.append(translator->filePath());
        QCoreApplication::installTranslator(translator.get());
        // Owned by the application from here on: they go with it.
        translator->setParent(QCoreApplication::instance());
        installed().append(translator.release());
    };
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        add(std::move(qt));
    auto ours = std::make_unique<QTranslator>();
    if (ours->load(locale, u"trade-monitor"_s, u"_"_s, kOurs) ||
        ours->load(u"trade-monitor_en"_s, kOurs))
        add(std::move(ours));
    else
        qCWarning(lcI18n) << "no translation of Trade Monitor could be loaded";
    qCDebug(lcI18n) << "translations for" << locale.name() << loaded;
    return loaded;
}

} // namespace Translations
