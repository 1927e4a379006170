// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowcopy.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>

#include <functional>

using namespace Qt::StringLiterals;

RowCopy::RowCopy(QAbstractItemView *view, QHeaderView *header)
    : QObject(view)
    , m_view(view)
    , m_header(header)
{
    view->installEventFilter(this);
}

QString RowCopy::clean(QString value)
{
    for (QChar &c : value) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return value;
}

QString RowCopy::selectedText() const
{
    return text(Rows::Selected);
}

QString RowCopy::allText() const
{
    return text(Rows::All);
}

QString RowCopy::text(Rows rows) const
{
    const QAbstractItemModel *model = m_view->model();
    const QItemSelectionModel *selection = m_view->selectionModel();
    if (!model || !selection)
        return {};
    QList<int> columns; // logical, in the order shown
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            columns.append(logical);
    }
    QStringList lines;
    const auto line = [&columns](const auto &valueOf) {
        QStringList values;
        for (const int column : std::as_const(columns))
            values.append(clean(valueOf(column)));
        return values.join(u'\t');
    };
    // Depth first, as the view shows them: the order of the lines is the order on screen.
    const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex first = model->index(row, 0, parent);
            if (model->hasChildren(first)) {
                visit(first);
                continue;
            }
            if ((rows == Rows::Selected && !selection->isRowSelected(row, parent)) ||
                (m_skipRole >= 0 && first.data(m_skipRole).toBool()))
                continue;
            lines.append(line([&](int column) {
                return model->index(row, column, parent).data(Qt::DisplayRole).toString();
            }));
        }
    };
    visit({});
    if (lines.isEmpty())
        return {};
    lines.prepend(line([model](int column) {
        return model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
    }));
    return lines.join(u'\n') + u'\n';
}

bool RowCopy::copy(Rows rows) const
{
    const QString copied = text(rows);
    if (copied.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(copied);
    return true;
}

bool RowCopy::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            if (event->type() == QEvent::KeyPress)
                copy();
            event->accept();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}
