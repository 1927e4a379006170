// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/processtuning.h"

#include <cstdlib> // defines __GLIBC__ where it applies

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ProcessTuning {

void applyBeforeApplication()
{
#if defined(__GLIBC__)
    // Fixed values also end glibc's own adjustment of the threshold, which begins only after
    // the first large block has been freed and is undone by the trimming.
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
}

} // namespace ProcessTuning
