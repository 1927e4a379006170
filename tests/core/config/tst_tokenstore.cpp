// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/appoptions.h"
#include "config/appsettings.h"
#include "config/secretstore.h"
#include "fakesecretbackend.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Owner-only, whatever the platform mirrors into the user bits.
bool ownerOnly(const QString &path)
{
    return (QFile::permissions(path) & ~(kOwnerOnly | QFile::ReadUser | QFile::WriteUser)) == 0;
}
} // namespace

class tst_TokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void theFileIsTheOwnersAlone();
    void theKeychainWhenItAnswers();
    void theFileWhenNoKeychainAnswers();
    void oneTokenInOnePlace();
    void anOlderCopyNeverComesBack_data();
    void anOlderCopyNeverComesBack();
    void anOldSettingsFilesTokenIsMovedOut();
    void theSettingsFileNeverHoldsTheToken();
    void theSettingsFileNeverHoldsAUrlsSecrets_data();
    void theSettingsFileNeverHoldsAUrlsSecrets();
    void anOldSettingsFilesUrlIsCleaned();
    void theEnvironmentsTokenWinsAndIsNeverSaved();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_TokenStore::theFileIsTheOwnersAlone()
{
    FileSecretBackend file(m_dir->path());
    QVERIFY(file.write(u"feed-token"_s, u"s3cret"_s, nullptr) == SecretBackend::Result::Ok);
    QVERIFY(ownerOnly(file.pathOf(u"feed-token"_s)));
    QString value;
    QVERIFY(file.read(u"feed-token"_s, &value, nullptr) == SecretBackend::Result::Ok);
    QCOMPARE(value, u"s3cret"_s);
    // Made readable by others some other way: the next read takes that back.
    QFile::setPermissions(file.pathOf(u"feed-token"_s), kOwnerOnly | QFile::ReadOther);
    QVERIFY(file.read(u"feed-token"_s, &value, nullptr) == SecretBackend::Result::Ok);
    QVERIFY(ownerOnly(file.pathOf(u"feed-token"_s)));
}

void tst_TokenStore::theKeychainWhenItAnswers()
{
    FakeSecretBackend keychain;
    FileSecretBackend file(m_dir->path());
    TokenStore store(&keychain, &file);
    QVERIFY(store.write(u"tok-1"_s));
    QCOMPARE(keychain.secrets.value(u"feed-token"_s), u"tok-1"_s);
    QVERIFY(!QFile::exists(file.pathOf(u"feed-token"_s)));
    QCOMPARE(store.read(), u"tok-1"_s);
    QCOMPARE(store.location(), u"the fake keychain"_s);
}

void tst_TokenStore::theFileWhenNoKeychainAnswers()
{
    FakeSecretBackend keychain;
    keychain.available = false;
    FileSecretBackend file(m_dir->path());
    TokenStore store(&keychain, &file);
    QVERIFY(store.write(u"tok-2"_s));
    QCOMPARE(contents(file.pathOf(u"feed-token"_s)), QByteArray("tok-2"));
    QVERIFY(ownerOnly(file.pathOf(u"feed-token"_s)));
    QCOMPARE(store.read(), u"tok-2"_s);
    QCOMPARE(store.location(), m_dir->path());
}

void tst_TokenStore::oneTokenInOnePlace()
{
    FakeSecretBackend keychain;
    keychain.available = false;
    FileSecretBackend file(m_dir->path());
    TokenStore store(&keychain, &file);
    QVERIFY(store.write(u"old"_s));
    // The keychain answers now: the new token goes there, and the file's copy goes.
    keychain.available = true;
    QVERIFY(store.write(u"new"_s));
    QVERIFY(!QFile::exists(file.pathOf(u"feed-token"_s)));
    QCOMPARE(store.read(), u"new"_s);
    // None: gone from both.
    QVERIFY(store.write(QString()));
    QVERIFY(keychain.secrets.isEmpty());
    QCOMPARE(store.read(), QString());
}

void tst_TokenStore::anOlderCopyNeverComesBack_data()
{
    // Token A is saved while the keychain answers; then, while it does not, B is saved or the
    // token is cleared; later the keychain answers again. What was said last wins, every read.
    QTest::addColumn<QString>("second"); // empty: cleared
    QTest::addColumn<bool>("restartBetween");
    QTest::addRow("replaced") << u"token-B"_s << false;
    QTest::addRow("cleared") << QString() << false;
    QTest::addRow("replaced, read by a new start") << u"token-B"_s << true;
    QTest::addRow("cleared, read by a new start") << QString() << true;
}

void tst_TokenStore::anOlderCopyNeverComesBack()
{
    QFETCH(QString, second);
    QFETCH(bool, restartBetween);
    FakeSecretBackend keychain;
    FileSecretBackend file(m_dir->path());
    auto store = std::make_unique<TokenStore>(&keychain, &file);
    QVERIFY(store->write(u"token-A"_s));
    QCOMPARE(keychain.secrets.value(u"feed-token"_s), u"token-A"_s);

    keychain.available = false;
    QVERIFY(store->write(second));
    QCOMPARE(store->read(), second); // while the keychain is away
    if (restartBetween)
        store = std::make_unique<TokenStore>(&keychain, &file);

    keychain.available = true;
    QCOMPARE(store->read(), second);
    QCOMPARE(store->read(), second); // and again, after the first read has tidied up
    // One copy: the keychain holds what was said last, and the file nothing.
    if (second.isEmpty())
        QVERIFY(!keychain.secrets.contains(u"feed-token"_s));
    else
        QCOMPARE(keychain.secrets.value(u"feed-token"_s), second);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList());

    // A store that saw none of it agrees.
    TokenStore fresh(&keychain, &file);
    QCOMPARE(fresh.read(), second);
}

void tst_TokenStore::anOldSettingsFilesTokenIsMovedOut()
{
    const QString ini = m_dir->filePath(u"settings.ini"_s);
    {
        QSettings old(ini, QSettings::IniFormat);
        old.setValue(u"feed/url"_s, u"wss://feed.example.com/p"_s);
        old.setValue(u"feed/token"_s, u"legacy-token-123"_s);
    }
    QVERIFY(contents(ini).contains("legacy-token-123"));
    FakeSecretBackend keychain;
    FileSecretBackend file(m_dir->filePath(u"secrets"_s));
    TokenStore store(&keychain, &file);
    {
        QSettings settingsFile(ini, QSettings::IniFormat);
        AppSettings settings(&settingsFile, &store);
        QCOMPARE(settings.feedConfig().token, u"legacy-token-123"_s);
        QVERIFY(settings.problems().isEmpty());
    }
    QVERIFY2(!contents(ini).contains("legacy-token-123"), contents(ini).constData());
    QCOMPARE(keychain.secrets.value(u"feed-token"_s), u"legacy-token-123"_s);
    // And next time it comes from the keychain.
    QSettings settingsFile(ini, QSettings::IniFormat);
    QCOMPARE(AppSettings(&settingsFile, &store).feedConfig().token, u"legacy-token-123"_s);
}

void tst_TokenStore::theSettingsFileNeverHoldsTheToken()
{
    const QString ini = m_dir->filePath(u"settings.ini"_s);
    FakeSecretBackend keychain;
    keychain.available = false; // the file beside the settings, then
    FileSecretBackend file(m_dir->path());
    TokenStore store(&keychain, &file);
    QSettings settingsFile(ini, QSettings::IniFormat);
    AppSettings settings(&settingsFile, &store);
    SocketConfig config = settings.feedConfig();
    config.token = u"fresh-token-456"_s;
    settings.setFeedConfig(config);
    QVERIFY(!contents(ini).contains("fresh-token-456"));
    QVERIFY(contents(file.pathOf(u"feed-token"_s)) == "fresh-token-456");
    QCOMPARE(settings.feedConfig().token, u"fresh-token-456"_s);
}

void tst_TokenStore::theSettingsFileNeverHoldsAUrlsSecrets_data()
{
    QTest::addColumn<QString>("typed");   // into the URL field
    QTest::addColumn<QString>("written"); // to the settings file
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<bool>("keychain");
    QTest::addRow("user info") << u"wss://alice:hunter2-pw@feed.example.com/p?room=7"_s
                               << u"wss://feed.example.com/p?room=7"_s
                               << QStringList{u"alice"_s, u"hunter2-pw"_s} << true;
    QTest::addRow("token in the query")
        << u"wss://feed.example.com/p?lang=en&token=Qx9-secret&signal=2"_s
        << u"wss://feed.example.com/p?lang=en&signal=2"_s << QStringList{u"Qx9-secret"_s} << true;
    QTest::addRow("both, no keychain")
        << u"ws://bob:pw-123456@h.example:81/f?API_KEY=k-998877&x=1"_s
        << u"ws://h.example:81/f?x=1"_s << QStringList{u"pw-123456"_s, u"k-998877"_s} << false;
}

void tst_TokenStore::theSettingsFileNeverHoldsAUrlsSecrets()
{
    QFETCH(QString, typed);
    QFETCH(QString, written);
    QFETCH(QStringList, secrets);
    QFETCH(bool, keychain);
    const QString ini = m_dir->filePath(u"settings.ini"_s);
    FakeSecretBackend keys;
    keys.available = keychain;
    FileSecretBackend file(m_dir->filePath(u"secrets"_s));
    TokenStore store(&keys, &file);
    {
        QSettings settingsFile(ini, QSettings::IniFormat);
        AppSettings settings(&settingsFile, &store);
        SocketConfig config = settings.feedConfig();
        config.url = QUrl(typed);
        settings.setFeedConfig(config);
        QVERIFY(settings.problems().isEmpty());
    }
    const QByteArray onDisk = contents(ini);
    for (const QString &secret : secrets)
        QVERIFY2(!onDisk.contains(secret.toUtf8()), onDisk.constData());
    QCOMPARE(QSettings(ini, QSettings::IniFormat).value(u"feed/url"_s).toString(), written);
    // A new start reads the URL as typed: the secrets come back from the store.
    QSettings settingsFile(ini, QSettings::IniFormat);
    AppSettings settings(&settingsFile, &store);
    QCOMPARE(settings.feedConfig().url, QUrl(typed));
    // Typed again without them: they are gone from the store too.
    SocketConfig config = settings.feedConfig();
    config.url = QUrl(written);
    settings.setFeedConfig(config);
    QCOMPARE(settings.feedConfig().url, QUrl(written));
    QVERIFY(keys.secrets.isEmpty());
    // No copy left in the file; without a keychain, only the marks that one it could not
    // reach must not bring an older copy back.
    QStringList left = QDir(m_dir->filePath(u"secrets"_s)).entryList(QDir::Files);
    left.removeIf([&](const QString &name) { return !keychain && name.endsWith(u".cleared"_s); });
    QCOMPARE(left, QStringList());
}

void tst_TokenStore::anOldSettingsFilesUrlIsCleaned()
{
    const QString ini = m_dir->filePath(u"settings.ini"_s);
    const QString typed = u"wss://trader:old-pass-1@feed.example.com/p?token=old-tok-2&room=1"_s;
    {
        QSettings old(ini, QSettings::IniFormat);
        old.setValue(u"feed/url"_s, typed);
        old.setValue(u"feed/traderId"_s, 42);
    }
    QVERIFY(contents(ini).contains("old-tok-2"));
    FakeSecretBackend keychain;
    FileSecretBackend file(m_dir->filePath(u"secrets"_s));
    TokenStore store(&keychain, &file);
    {
        QSettings settingsFile(ini, QSettings::IniFormat);
        AppSettings settings(&settingsFile, &store);
        QCOMPARE(settings.feedConfig().url, QUrl(typed));
        QVERIFY(settings.problems().isEmpty());
    }
    const QByteArray onDisk = contents(ini);
    QVERIFY2(!onDisk.contains("old-tok-2") && !onDisk.contains("old-pass-1") &&
                 onDisk.contains("feed.example.com"),
             onDisk.constData());
    QSettings settingsFile(ini, QSettings::IniFormat);
    QCOMPARE(AppSettings(&settingsFile, &store).feedConfig().url, QUrl(typed));
}

void tst_TokenStore::theEnvironmentsTokenWinsAndIsNeverSaved()
{
    const QString ini = m_dir->filePath(u"settings.ini"_s);
    FakeSecretBackend keychain;
    FileSecretBackend file(m_dir->path());
    TokenStore store(&keychain, &file);
    QSettings settingsFile(ini, QSettings::IniFormat);
    AppSettings settings(&settingsFile, &store);
    SocketConfig saved = settings.feedConfig();
    saved.token = u"saved-token"_s;
    settings.setFeedConfig(saved);

    QProcessEnvironment environment;
    environment.insert(u"TRADE_MONITOR_TOKEN"_s, u"env-token-789"_s);
    AppOptions options;
    QCOMPARE(options.parse({u"trade-monitor"_s}, environment), AppOptions::Outcome::Run);
    QVERIFY(options.overrides().token);
    // For this run the environment's; saved, still the saved one.
    QCOMPARE(options.apply(settings.feedConfig()).token, u"env-token-789"_s);
    QCOMPARE(keychain.secrets.value(u"feed-token"_s), u"saved-token"_s);
    QVERIFY(!contents(ini).contains("env-token"));
    QVERIFY(!QFile::exists(file.pathOf(u"feed-token"_s)));
}

QTEST_GUILESS_MAIN(tst_TokenStore)
#include "tst_tokenstore.moc"
