// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnfit.h"

#include <QEvent>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace {
// No column wider than this when fitted: one long signal name must not take the window.
constexpr int kMaxFittedWidth = 220;
} // namespace

ColumnFit::ColumnFit(QTableView *table, QList<int> yieldOrder)
    : QObject(table)
    , m_table(table)
    , m_viewport(table->viewport())
    , m_header(table->horizontalHeader())
    , m_yieldOrder(std::move(yieldOrder))
{
    m_header->setStretchLastSection(false);
    m_header->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(u"000"_s));
    // Widths from the rows in view and a few screens more, not from a thousand rows: a list of
    // ten thousand positions arriving must not cost the window a long measuring pass.
    m_header->setResizeContentsPrecision(kFitRows);
    m_baseTooltip = m_header->toolTip();
    m_viewport->installEventFilter(this);
    m_follow.setSingleShot(true);
    m_follow.setInterval(kFollowDelay);
    connect(&m_follow, &QTimer::timeout, this, &ColumnFit::widenPending);
    // A width the user drags to is theirs; any other resize (ours, a restored state) is not.
    m_headerViewport = m_header->viewport();
    m_headerViewport->installEventFilter(this);
    connect(m_header, &QHeaderView::sectionResized, this, [this](int column) {
        if (m_dragging && !m_programmatic)
            m_resizedByUser.insert(column);
    });
    // Other rows in view: measured as changed rows are.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { columnsChanged(0, m_header->count() - 1); });
    followModel();
}

void ColumnFit::followModel()
{
    QAbstractItemModel *model = m_table->model();
    if (model == m_followed)
        return;
    if (m_followed)
        m_followed->disconnect(this);
    m_followed = model;
    if (!model)
        return;
    const auto all = [this] { columnsChanged(0, m_header->count() - 1); };
    connect(model, &QAbstractItemModel::rowsInserted, this, all);
    connect(model, &QAbstractItemModel::modelReset, this, all);
    connect(model, &QAbstractItemModel::layoutChanged, this, all);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                columnsChanged(topLeft.column(), bottomRight.column());
            });
}

void ColumnFit::columnsChanged(int first, int last)
{
    for (int column = std::max(0, first); column <= last; ++column)
        m_pending.insert(column);
    if (!m_follow.isActive())
        m_follow.start();
}

void ColumnFit::widenPending()
{
    followModel();
    QList<int> columns;
    for (const int column : std::as_const(m_pending)) {
        if (column < m_header->count() && !m_resizedByUser.contains(column))
            columns.append(column);
    }
    m_pending.clear();
    if (columns.isEmpty() || !m_table->model() || m_table->model()->rowCount() == 0)
        return;
    // The rows in view: what the trader reads now (a scroll measures again).
    const QAbstractItemModel *model = m_table->model();
    const int first = std::max(0, m_table->rowAt(0));
    int last = m_table->rowAt(m_viewport->height() - 1);
    if (last < 0)
        last = model->rowCount() - 1;
    last = std::min(last, first + kFitRows - 1);
    const int grid = m_table->showGrid() ? 1 : 0;
    bool widened = false;
    for (const int column : std::as_const(columns)) {
        if (m_header->isSectionHidden(column))
            continue;
        int needed = 0;
        for (int row = first; row <= last; ++row) {
            // A group's label spans columns: it has room of its own (OpenTradesPage fits it).
            if (m_table->isRowHidden(row) || m_table->columnSpan(row, column) > 1)
                continue;
            needed = std::max(needed,
                              m_table->sizeHintForIndex(model->index(row, column)).width() + grid);
        }
        needed = std::min(kMaxFittedWidth, needed);
        if (m_header->sectionSize(column) < needed) {
            m_programmatic = true;
            m_header->resizeSection(column, needed);
            m_programmatic = false;
            widened = true;
        }
    }
    if (widened)
        refit();
}

void ColumnFit::fitToContents()
{
    followModel();
    showAllSetAside();
    m_programmatic = true;
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_resizedByUser.contains(column))
            continue; // the user's width stays
        m_table->resizeColumnToContents(column);
        if (m_header->sectionSize(column) > kMaxFittedWidth)
            m_header->resizeSection(column, kMaxFittedWidth);
    }
    m_programmatic = false;
    refit();
}

void ColumnFit::widenToContents(const QList<int> &columns)
{
    for (const int column : columns) {
        if (m_header->isSectionHidden(column))
            continue;
        const int needed =
            std::min(kMaxFittedWidth,
                     std::max(static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(column),
                              m_header->sectionSizeHint(column)));
        if (m_header->sectionSize(column) < needed) {
            m_programmatic = true;
            m_header->resizeSection(column, needed);
            m_programmatic = false;
        }
    }
    refit();
}

QList<int> ColumnFit::setAside() const
{
    return m_setAside;
}

void ColumnFit::setByUser(int column)
{
    m_byUser.insert(column);
    m_setAside.removeAll(column);
    updateTooltip();
}

int ColumnFit::shownWidth() const
{
    int width = 0;
    for (int column = 0; column < m_header->count(); ++column) {
        if (!m_header->isSectionHidden(column))
            width += m_header->sectionSize(column);
    }
    return width;
}

void ColumnFit::showAllSetAside()
{
    m_fitting = true;
    for (const int column : std::as_const(m_setAside))
        m_header->setSectionHidden(column, false);
    m_setAside.clear();
    m_fitting = false;
}

void ColumnFit::refit()
{
    if (m_fitting || !m_viewport || !m_header)
        return;
    m_fitting = true;
    const int available = m_viewport->width();
    // Narrower than the columns: set aside the least needed, one at a time.
    for (const int column : std::as_const(m_yieldOrder)) {
        if (shownWidth() <= available)
            break;
        if (m_byUser.contains(column) || m_header->isSectionHidden(column))
            continue;
        m_asideWidths.insert(column, m_header->sectionSize(column));
        m_header->setSectionHidden(column, true);
        m_setAside.append(column);
    }
    // Wider again: bring them back, the last set aside first, while they fit. A hidden
    // section's size reads 0: the width it had is the one it comes back with.
    while (!m_setAside.isEmpty() &&
           shownWidth() + m_asideWidths.value(m_setAside.constLast()) <= available) {
        m_header->setSectionHidden(m_setAside.takeLast(), false);
    }
    m_fitting = false;
    updateTooltip();
}

void ColumnFit::updateTooltip()
{
    if (m_setAside.isEmpty()) {
        m_header->setToolTip(m_baseTooltip);
        return;
    }
    QStringList names;
    for (const int column : std::as_const(m_setAside))
        names.append(m_header->model()->headerData(column, Qt::Horizontal).toString());
    m_header->setToolTip(
        tr("%1\nHidden to fit the window: %2").arg(m_baseTooltip, names.join(u", "_s)));
}

bool ColumnFit::restoreState(const QByteArray &state)
{
    if (!m_header->restoreState(state))
        return false;
    m_header->setStretchLastSection(false); // whatever an earlier version saved
    const QScreen *screen = m_table->screen();
    const int widest = screen ? screen->availableGeometry().width() : 4096;
    m_programmatic = true;
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->isSectionHidden(column))
            continue;
        const int size = m_header->sectionSize(column);
        if (size <= 0 || size > widest) {
            m_table->resizeColumnToContents(column);
            if (m_header->sectionSize(column) > kMaxFittedWidth)
                m_header->resizeSection(column, kMaxFittedWidth);
        }
    }
    m_programmatic = false;
    refit();
    return true;
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    // Compared by the watched object alone: the header may be half destroyed by now.
    if (watched == m_headerViewport) {
        if (event->type() == QEvent::MouseButtonPress)
            m_dragging = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_dragging = false;
    }
    if (watched == m_viewport && event->type() == QEvent::Resize)
        refit();
    return QObject::eventFilter(watched, event);
}
