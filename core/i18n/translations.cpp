// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

#include <memory>

Q_LOGGING_CATEGORY(lcI18n, "trademonitor.i18n")

using namespace Qt::StringLiterals;

namespace {

// Built into the program (core/CMakeLists.txt): trade-monitor_<language>.qm.
const QString kBuiltIn = u":/i18n"_s;

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

namespace Translations {

QStringList folders()
{
    const QDir program(QCoreApplication::applicationDirPath());
    return {QDir::cleanPath(program.filePath(u"../share/trade-monitor/translations"_s)),
            program.filePath(u"translations"_s), kBuiltIn};
}

QStringList install(const QLocale &locale, const QStringList &searched)
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
    // The user's language from the first folder that has it (a file that does not load is
    // passed over), else English from the first that has that.
    const auto load = [&searched](const auto &loadFrom) -> std::unique_ptr<QTranslator> {
        for (const QString &folder : searched) {
            auto translator = std::make_unique<QTranslator>();
            if (loadFrom(*translator, folder))
                return translator;
        }
        return nullptr;
    };
    auto ours = load([&locale](QTranslator &t, const QString &folder) {
        return t.load(locale, u"trade-monitor"_s, u"_"_s, folder);
    });
    if (!ours) {
        ours = load([](QTranslator &t, const QString &folder) {
            return t.load(u"trade-monitor_en"_s, folder);
        });
    }
    if (ours)
        add(std::move(ours));
    else
        qCWarning(lcI18n) << "no translation of Trade Monitor could be loaded from" << searched;
    qCDebug(lcI18n) << "translations for" << locale.name() << loaded;
    return loaded;
}

} // namespace Translations
