// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariant>

#include <chrono>
#include <type_traits>
#include <variant>

// The member of a plain settings struct (SocketConfig, AlertSettings) that one row of a
// settings table stands for. Rows read, write and compare their setting through it, so the
// row is the one place that names the member: a new setting is a member and a row, and no
// switch over the settings needs to learn of it. A value comes out as bool (a switch), qint64
// (a whole number or milliseconds) or double.
template<typename Config> class SettingMember
{
public:
    enum class Kind { Flag, Whole, Real };

    constexpr SettingMember(bool Config::*member)
        : m_member(member)
    {}
    constexpr SettingMember(int Config::*member)
        : m_member(member)
    {}
    constexpr SettingMember(qint64 Config::*member)
        : m_member(member)
    {}
    constexpr SettingMember(double Config::*member)
        : m_member(member)
    {}
    constexpr SettingMember(std::chrono::milliseconds Config::*member)
        : m_member(member)
    {}

    constexpr Kind kind() const
    {
        return std::holds_alternative<bool Config::*>(m_member)     ? Kind::Flag
               : std::holds_alternative<double Config::*>(m_member) ? Kind::Real
                                                                    : Kind::Whole;
    }

    QVariant valueIn(const Config &config) const
    {
        return std::visit(
            [&config](auto member) {
                using T = std::decay_t<decltype(config.*member)>;
                if constexpr (std::is_same_v<T, std::chrono::milliseconds>)
                    return QVariant(qint64((config.*member).count()));
                else if constexpr (std::is_same_v<T, int>)
                    return QVariant(qint64(config.*member));
                else
                    return QVariant(config.*member);
            },
            m_member);
    }

    void setIn(Config &config, const QVariant &value) const
    {
        std::visit(
            [&config, &value](auto member) {
                using T = std::decay_t<decltype(config.*member)>;
                if constexpr (std::is_same_v<T, std::chrono::milliseconds>)
                    config.*member = std::chrono::milliseconds(value.toLongLong());
                else if constexpr (std::is_same_v<T, bool>)
                    config.*member = value.toBool();
                else if constexpr (std::is_same_v<T, double>)
                    config.*member = value.toDouble();
                else
                    config.*member = T(value.toLongLong());
            },
            m_member);
    }

    bool sameIn(const Config &one, const Config &other) const
    {
        return valueIn(one) == valueIn(other);
    }

private:
    std::variant<bool Config::*, int Config::*, qint64 Config::*, double Config::*,
                 std::chrono::milliseconds Config::*>
        m_member;
};
