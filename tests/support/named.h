// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <memory>

// The child of `parent` of type T with the objectName `name`: widgets are found as a tool or a
// screen reader finds them, not through getters kept for tests. The test stops, naming what
// it looked for, when there is none.
template<typename T> T *named(const QObject *parent, const QString &name)
{
    T *child = parent->findChild<T *>(name);
    if (!child)
        qFatal("no %s named \"%s\"", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

template<typename T, typename Owner>
T *named(const std::unique_ptr<Owner> &parent, const QString &name)
{
    return named<T>(parent.get(), name);
}
