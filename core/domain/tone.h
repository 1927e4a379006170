// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Whether an amount of money is a gain, a loss or neither: the one rule by which every table
// cell, footer and figure colours money (the models' ToneRole, the pages' totals).
enum class Tone { Loss = -1, Flat = 0, Gain = 1 };

constexpr Tone toneOf(double amount)
{
    return amount > 0.0 ? Tone::Gain : amount < 0.0 ? Tone::Loss : Tone::Flat;
}
