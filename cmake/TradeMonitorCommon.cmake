# SPDX-License-Identifier: GPL-3.0-or-later
# One interface target carries what every target of the project is built with: the warnings,
# the Qt definitions that keep the code honest, and the version. The core libraries link it
# publicly, so everything that links them (ui, apps, tests, benchmarks) gets it too.
add_library(tm_common INTERFACE)
target_compile_options(tm_common INTERFACE -Wall -Wextra -Wpedantic
    # Qt's logging macros are variadic by design: qCWarning(category) << … has no argument.
    $<$<CXX_COMPILER_ID:Clang>:-Wno-gnu-zero-variadic-macro-arguments>)
target_compile_definitions(tm_common INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    TRADE_MONITOR_VERSION="${PROJECT_VERSION}")

# tm_core_library(name LINKS libraries... SOURCES files...): one layer of core/, headless.
# Its folder's parent (core/) is the include root, so includes name the layer:
# #include "net/socketmanager.h".
function(tm_core_library name)
    cmake_parse_arguments(PARSE_ARGV 1 TM "" "" "LINKS;PRIVATE_LINKS;SOURCES")
    qt_add_library(${name} STATIC ${TM_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/core)
    target_link_libraries(${name} PUBLIC tm_common ${TM_LINKS} PRIVATE ${TM_PRIVATE_LINKS})
    # The rule of core, in the build itself: nothing here may pull in a GUI module.
    foreach(lib IN LISTS TM_LINKS TM_PRIVATE_LINKS)
        if(lib MATCHES "Gui|Widgets|Quick")
            message(FATAL_ERROR "core/ must stay headless, but ${name} links ${lib}")
        endif()
    endforeach()
endfunction()
