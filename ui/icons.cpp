// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include "feedstatusbar.h"

#include <QIconEngine>
#include <QPainter>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The application's icon and a dot of the feed's colour, painted at whatever size is asked:
// a tray at 200 % gets a 44-pixel icon drawn at 44 pixels.
class FeedIconEngine : public QIconEngine
{
public:
    explicit FeedIconEngine(FeedStatus::Level level)
        : m_level(level)
        , m_base(Icons::application())
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        m_base.paint(painter, rect, Qt::AlignCenter, mode, state);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = std::min(rect.width(), rect.height());
        const qreal dot = side * 0.45;
        painter->setPen(QPen(Qt::white, std::max(1.0, side / 16.0)));
        painter->setBrush(FeedStatusBar::levelColor(m_level));
        painter->drawEllipse(
            QRectF(rect.right() + 1 - dot - 0.5, rect.bottom() + 1 - dot - 0.5, dot, dot));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new FeedIconEngine(m_level); }
    QString key() const override { return u"trademonitor.feed"_s; }

private:
    FeedStatus::Level m_level;
    QIcon m_base; // the application's, parsed once
};

} // namespace

QIcon Icons::application()
{
    return QIcon(u":/icons/trade-monitor.svg"_s);
}

QIcon Icons::feed(FeedStatus::Level level)
{
    return QIcon(new FeedIconEngine(level));
}

QIcon Icons::unreadable()
{
    return QIcon(u":/icons/unreadable.svg"_s);
}
