// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/accountspec.h"

#include "config/feedsettings.h"
#include "net/socketconfig.h"
#include "protocol/feedprofile.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// The keys a spec has; url= last, the rest of the text.
constexpr auto kUrl = "url";
constexpr auto kTrader = "trader";
constexpr auto kProfile = "profile";
constexpr auto kName = "name";

} // namespace

std::optional<AccountSpec> AccountSpec::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    AccountSpec spec;
    QSet<QString> seen;
    QString rest = text;
    bool urlGiven = false;
    while (!rest.trimmed().isEmpty()) {
        const qsizetype equals = rest.indexOf(u'=');
        if (equals < 0)
            return fail(u"\"%1\" is not key=value"_s.arg(rest.trimmed()));
        const QString key = rest.left(equals).trimmed().toLower();
        if (seen.contains(key))
            return fail(u"%1= is given twice"_s.arg(key));
        seen.insert(key);
        if (key == QLatin1String(kUrl)) {
            // The rest of the text, ';' and all: a URL may hold them.
            const QString value = rest.mid(equals + 1).trimmed();
            const QUrl url(value, QUrl::StrictMode);
            if (const QString invalid = SocketConfig::validateUrl(url); !invalid.isEmpty())
                return fail(u"url=: %1"_s.arg(invalid));
            spec.url = url;
            urlGiven = true;
            break;
        }
        const qsizetype end = rest.indexOf(u';', equals + 1);
        const QString value = rest.mid(equals + 1, end < 0 ? -1 : end - equals - 1).trimmed();
        rest = end < 0 ? QString() : rest.mid(end + 1);
        if (key == QLatin1String(kTrader)) {
            const FeedSetting &setting = FeedSetting::of(FeedSetting::Id::TraderId);
            bool ok = false;
            const qint64 id = value.toLongLong(&ok);
            if (!ok || id < setting.range.min || id > setting.range.max)
                return fail(u"trader=: expected a whole number from %1 to %2, got \"%3\""_s
                                .arg(setting.range.min)
                                .arg(setting.range.max)
                                .arg(value));
            spec.traderId = id;
        } else if (key == QLatin1String(kProfile)) {
            QString problem;
            if (value.isEmpty() || !FeedProfile::load(value, &problem))
                return fail(u"profile=: %1"_s.arg(value.isEmpty() ? u"empty"_s : problem));
            spec.profile = value;
        } else if (key == QLatin1String(kName)) {
            if (value.isEmpty())
                return fail(u"name= is empty"_s);
            spec.name = value;
        } else {
            return fail(u"unknown key \"%1\" (expected %2=, %3=, %4= and, last, %5=)"_s.arg(
                key, QLatin1String(kTrader), QLatin1String(kProfile), QLatin1String(kName),
                QLatin1String(kUrl)));
        }
    }
    if (!urlGiven)
        return fail(seen.isEmpty() ? u"the spec is empty; url=… is required"_s
                                   : u"url=… is required (and comes last)"_s);
    return spec;
}

QString AccountSpec::duplicates(const QList<AccountSpec> &specs)
{
    for (qsizetype i = 0; i < specs.size(); ++i) {
        for (qsizetype j = i + 1; j < specs.size(); ++j) {
            if (specs.at(i).account() == specs.at(j).account())
                return u"\"%1\" and \"%2\" are the same account (trader %3 at %4)"_s.arg(
                    specs.at(i).displayName(), specs.at(j).displayName(),
                    QString::number(specs.at(i).account().traderId),
                    specs.at(i).account().endpoint);
            // The window tells accounts apart by their names: two of one name would read as one.
            if (specs.at(i).displayName().compare(specs.at(j).displayName(), Qt::CaseInsensitive) ==
                0)
                return u"two accounts are named \"%1\""_s.arg(specs.at(j).displayName());
        }
    }
    return {};
}

Account AccountSpec::account() const
{
    return Account::of(url, traderId > 0 ? traderId : Defaults::kTraderId);
}

QString AccountSpec::displayName() const
{
    return name.isEmpty() ? account().displayName() : name;
}
