// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Display → Colours: System follows what the desktop states, else the platform's
// palette; Light and Dark are the app's own palettes, readable, and colour the whole
// application at once.
#include "alarmtext.h"
#include "theme.h"
#include "tonedelegate.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::optional<ColorScheme>)

namespace {

QPalette platformPalette(bool dark)
{
    QPalette palette;
    palette.setColor(QPalette::Window, dark ? QColor(0x31, 0x36, 0x3b) : QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::WindowText,
                     dark ? QColor(0xfc, 0xfc, 0xfc) : QColor(0x23, 0x26, 0x29));
    return palette;
}

// The colour most of a widget's pixels have: what the eye sees.
QColor mostOf(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            ++counts[image.pixel(x, y)];
    }
    QRgb most = 0;
    int seen = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > seen) {
            seen = it.value();
            most = it.key();
        }
    }
    return QColor::fromRgb(most);
}

} // namespace

class tst_Theme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatEachChoiceShows_data();
    void whatEachChoiceShows();
    void bothPalettesAreReadable_data();
    void bothPalettesAreReadable();
    void darkColoursTheWholeApplicationAndSystemGivesItBack();
    void anAlarmReadsOnBothAndFollowsTheChange();
};

void tst_Theme::whatEachChoiceShows_data()
{
    QTest::addColumn<ColorScheme>("choice");
    QTest::addColumn<std::optional<ColorScheme>>("desktop"); // what the portal states
    QTest::addColumn<bool>("darkPlatform");                  // the platform's palette
    QTest::addColumn<ColorScheme>("shown");
    const std::optional<ColorScheme> none;
    const std::optional<ColorScheme> dark = ColorScheme::Dark;
    const std::optional<ColorScheme> light = ColorScheme::Light;
    QTest::addRow("light, whatever the desktop")
        << ColorScheme::Light << dark << true << ColorScheme::Light;
    QTest::addRow("dark, whatever the desktop")
        << ColorScheme::Dark << light << false << ColorScheme::Dark;
    QTest::addRow("system: the desktop states dark")
        << ColorScheme::System << dark << false << ColorScheme::Dark;
    QTest::addRow("system: the desktop states light")
        << ColorScheme::System << light << true << ColorScheme::Light;
    QTest::addRow("system: no statement, a dark palette")
        << ColorScheme::System << none << true << ColorScheme::Dark;
    QTest::addRow("system: no statement, a light palette")
        << ColorScheme::System << none << false << ColorScheme::Light;
}

void tst_Theme::whatEachChoiceShows()
{
    QFETCH(ColorScheme, choice);
    QFETCH(std::optional<ColorScheme>, desktop);
    QFETCH(bool, darkPlatform);
    QFETCH(ColorScheme, shown);
    QCOMPARE(Theme::resolve(choice, desktop, platformPalette(darkPlatform)), shown);
}

void tst_Theme::bothPalettesAreReadable_data()
{
    QTest::addColumn<ColorScheme>("scheme");
    QTest::addColumn<QPalette::ColorRole>("text");
    QTest::addColumn<QPalette::ColorRole>("background");
    QTest::addColumn<double>("least"); // WCAG contrast: 7 for text (AAA), 4.5 for the rest
    for (const auto &[name, scheme] :
         {std::pair{"light", ColorScheme::Light}, std::pair{"dark", ColorScheme::Dark}}) {
        QTest::addRow("%s: text", name) << scheme << QPalette::Text << QPalette::Base << 7.0;
        QTest::addRow("%s: labels", name)
            << scheme << QPalette::WindowText << QPalette::Window << 7.0;
        QTest::addRow("%s: buttons", name)
            << scheme << QPalette::ButtonText << QPalette::Button << 7.0;
        QTest::addRow("%s: tooltips", name)
            << scheme << QPalette::ToolTipText << QPalette::ToolTipBase << 7.0;
        QTest::addRow("%s: a selected row", name)
            << scheme << QPalette::HighlightedText << QPalette::Highlight << 4.5;
        QTest::addRow("%s: placeholders", name)
            << scheme << QPalette::PlaceholderText << QPalette::Base << 4.5;
        QTest::addRow("%s: links", name) << scheme << QPalette::Link << QPalette::Base << 4.5;
    }
}

void tst_Theme::bothPalettesAreReadable()
{
    QFETCH(ColorScheme, scheme);
    QFETCH(QPalette::ColorRole, text);
    QFETCH(QPalette::ColorRole, background);
    QFETCH(double, least);
    const QPalette palette = Theme::palette(scheme);
    QCOMPARE(Theme::isDark(palette), scheme == ColorScheme::Dark);
    const double contrast = ToneDelegate::contrast(palette.color(text), palette.color(background));
    QVERIFY2(contrast >= least,
             qPrintable(u"%1 on %2: %3:1"_s
                            .arg(palette.color(text).name(), palette.color(background).name())
                            .arg(contrast)));
}

void tst_Theme::darkColoursTheWholeApplicationAndSystemGivesItBack()
{
    const QPalette before = QApplication::palette();
    const QString styleBefore = QApplication::style()->name();
    QLabel label(u"Balance 10 000.00"_s);
    label.resize(200, 40);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));

    Theme theme;
    QSignalSpy shown(&theme, &Theme::shownChanged);
    theme.setChoice(ColorScheme::Dark);
    QCOMPARE(theme.shown(), ColorScheme::Dark);
    QCOMPARE(shown.count(), Theme::isDark(before) ? 0 : 1);
    // What the eye sees: an open window turns dark at once, in the Fusion style.
    QTRY_VERIFY(Theme::isDark(label.palette()));
    QCOMPARE(mostOf(label.grab().toImage()),
             Theme::palette(ColorScheme::Dark).color(QPalette::Window));
    QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);

    theme.setChoice(ColorScheme::Light);
    QCOMPARE(mostOf(label.grab().toImage()),
             Theme::palette(ColorScheme::Light).color(QPalette::Window));

    // No desktop statement here (no portal): System is the platform's look as it was.
    theme.setChoice(ColorScheme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), before.color(QPalette::Window));
    QCOMPARE(QApplication::style()->name(), styleBefore);
}

void tst_Theme::anAlarmReadsOnBothAndFollowsTheChange()
{
    // "3 closed trades are not saved yet", a refused value: red that reads on either.
    QWidget window;
    auto *alarm = new QLabel(u"Not saved"_s, &window);
    AlarmText::set(alarm, true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Theme theme;
    for (const ColorScheme scheme : {ColorScheme::Dark, ColorScheme::Light, ColorScheme::Dark}) {
        theme.setChoice(scheme);
        const QColor back = Theme::palette(scheme).color(QPalette::Window);
        QTRY_COMPARE(window.palette().color(QPalette::Window), back);
        const QColor text = alarm->palette().color(QPalette::WindowText);
        QVERIFY2(ToneDelegate::contrast(text, back) >= 4.5,
                 qPrintable(u"%1 on %2"_s.arg(text.name(), back.name())));
        QVERIFY(text.hslHue() < 10 || text.hslHue() > 350); // still the colour of a loss
    }
    AlarmText::set(alarm, false);
    QCOMPARE(alarm->palette().color(QPalette::WindowText),
             window.palette().color(QPalette::WindowText));
}

QTEST_MAIN(tst_Theme)
#include "tst_theme.moc"
