// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmtext.h"

#include "tonedelegate.h"

#include <QEvent>
#include <QWidget>

namespace {

constexpr auto kName = "alarmColour";

// Keeps the alarm colour of one widget right for its palette; its child, gone with it.
class AlarmColour : public QObject
{
public:
    explicit AlarmColour(QWidget *widget)
        : QObject(widget)
        , m_widget(widget)
    {
        setObjectName(QLatin1String(kName));
        widget->installEventFilter(this);
        paint();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The widget's own text colour is set below; a change of anything else is the
        // palette it inherits, and the alarm follows it.
        if (watched == m_widget && event->type() == QEvent::PaletteChange && !m_painting)
            paint();
        return false;
    }

private:
    void paint()
    {
        m_painting = true;
        QPalette palette = m_widget->palette();
        // Against a palette without this widget's own colour: the parent's, as inherited.
        const QPalette inherited =
            m_widget->parentWidget() ? m_widget->parentWidget()->palette() : palette;
        palette.setColor(QPalette::WindowText,
                         ToneDelegate::toneColor(inherited, Tone::Loss, QPalette::Window));
        m_widget->setPalette(palette);
        m_painting = false;
    }

    QWidget *m_widget = nullptr;
    bool m_painting = false;
};

} // namespace

void AlarmText::set(QWidget *widget, bool alarming)
{
    QObject *colour =
        widget->findChild<QObject *>(QLatin1String(kName), Qt::FindDirectChildrenOnly);
    if (alarming && !colour) {
        new AlarmColour(widget);
    } else if (!alarming && colour) {
        delete colour;
        widget->setPalette(QPalette()); // inherited again
    }
}
