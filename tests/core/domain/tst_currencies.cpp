// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/currencies.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_Currencies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void aTotalOnlyInOneCurrency_data();
    void aTotalOnlyInOneCurrency();
};

void tst_Currencies::aTotalOnlyInOneCurrency_data()
{
    // Accounts as "name:currency", the total's currency ("-" for none) and why not.
    QTest::addColumn<QStringList>("accounts");
    QTest::addColumn<QString>("total");
    QTest::addColumn<QString>("why");
    QTest::newRow("all USD") << QStringList{u"Main:USD"_s, u"Prop:USD"_s, u"Demo:USD"_s} << u"USD"_s
                             << QString();
    QTest::newRow("USD and EUR") << QStringList{u"Main:USD"_s, u"Prop:EUR"_s, u"Demo:USD"_s}
                                 << u"-"_s << u"the accounts are in EUR and USD"_s;
    QTest::newRow("three currencies") << QStringList{u"A:USD"_s, u"B:JPY"_s, u"C:EUR"_s} << u"-"_s
                                      << u"the accounts are in EUR, JPY, and USD"_s;
    QTest::newRow("one not reported") << QStringList{u"Main:USD"_s, u"Prop:"_s} << u"-"_s
                                      << u"Prop does not report its currency"_s;
    QTest::newRow("none reported")
        << QStringList{u"Main:"_s, u"Prop:"_s} << u"-"_s << u"Main does not report its currency"_s;
    // One account has its own total, as it always had, reported or not.
    QTest::newRow("one account") << QStringList{u"Main:GBP"_s} << u"GBP"_s << QString();
    QTest::newRow("one, not reported") << QStringList{u"Main:"_s} << QString() << QString();
}

void tst_Currencies::aTotalOnlyInOneCurrency()
{
    QFETCH(QStringList, accounts);
    QFETCH(QString, total);
    QFETCH(QString, why);
    QStringList names;
    QStringList currencies;
    for (const QString &account : std::as_const(accounts)) {
        names.append(account.section(u':', 0, 0));
        currencies.append(account.section(u':', 1));
    }
    QString reason;
    const std::optional<QString> common = Currencies::common(names, currencies, &reason);
    QCOMPARE(common.value_or(u"-"_s), total);
    QCOMPARE(reason, why);
}

QTEST_GUILESS_MAIN(tst_Currencies)
#include "tst_currencies.moc"
