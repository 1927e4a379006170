// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablefooter.h"

#include "figurelabel.h"

#include <QHBoxLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

TableFooter::TableFooter(const QString &clearTip, QWidget *parent)
    : QWidget(parent)
{
    m_totals = new FigureLabel(this);
    m_totals->setObjectName(u"totals"_s);
    m_totals->setTextFormat(Qt::RichText);
    m_clearFilters = new QPushButton(tr("C&lear filters"), this);
    m_clearFilters->setObjectName(u"clearFilters"_s);
    m_clearFilters->setFlat(true);
    m_clearFilters->setToolTip(clearTip);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_totals);
    m_layout->addWidget(m_clearFilters);
    m_layout->addStretch();
}

void TableFooter::addWidget(QWidget *widget)
{
    m_layout->addWidget(widget);
}
