# SPDX-License-Identifier: GPL-3.0-or-later
# One interface target carries what every target of the project is built with: the warnings,
# the Qt definitions that keep the code honest, and the version. The core libraries link it
# publicly, so everything that links them (ui, apps, tests, benchmarks) gets it too.
add_library(tm_common INTERFACE)
target_compile_options(tm_common INTERFACE -Wall -Wextra -Wpedantic
    # C++ casts say which conversion is meant; an override that hides a base overload, or a
    # class with virtuals deleted through its base without a virtual destructor, is a bug.
    -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor
    # Qt's logging macros are variadic by design: qCWarning(category) << … has no argument.
    $<$<CXX_COMPILER_ID:Clang>:-Wno-gnu-zero-variadic-macro-arguments>)
target_compile_definitions(tm_common INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    # Bytes become text, and text bytes, only where the encoding is said.
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    TRADE_MONITOR_VERSION="${PROJECT_VERSION}")

# Everything `target` links, however it was added and however deep: its own links, and theirs.
function(tm_links_of target out)
    set(found "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST found)
            continue()
        endif()
        list(APPEND found ${current})
        if(NOT TARGET ${current})
            continue()
        endif()
        get_target_property(type ${current} TYPE)
        set(links "")
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(own ${current} LINK_LIBRARIES)
            if(own)
                list(APPEND links ${own})
            endif()
        endif()
        get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
        if(interface)
            list(APPEND links ${interface})
        endif()
        foreach(link IN LISTS links)
            # $<LINK_ONLY:Qt6::Gui> and the like: the name inside counts.
            string(REGEX REPLACE "^\\$<[A-Z_]+:(.*)>$" "\\1" link "${link}")
            if(link AND NOT link MATCHES "^\\$<|^-")
                list(APPEND queue ${link})
            endif()
        endforeach()
    endwhile()
    list(REMOVE_ITEM found ${target})
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Whether `target` links a GUI module, however deep; its name in `out`, else empty.
function(tm_gui_link_of target out)
    tm_links_of(${target} links)
    set(found "")
    foreach(link IN LISTS links)
        if(link MATCHES "(^|::)(Gui|Widgets|Quick|Qml)|Qt6?(Gui|Widgets|Quick|Qml)")
            set(found ${link})
            break()
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# The rule of core, checked on what a core target finally links: deferred to the end of the
# configuration, so a link added after tm_core_library() is seen too.
function(tm_check_headless name)
    tm_gui_link_of(${name} gui)
    if(gui)
        message(FATAL_ERROR "core/ must stay headless, but ${name} links ${gui}")
    endif()
endfunction()

# The layers `target` (tm_<layer>) may include: its own, and those of every tm_ target it
# links, however deep.
function(tm_layers_of target out)
    tm_links_of(${target} links)
    set(layers "")
    foreach(link IN LISTS target links)
        if(link MATCHES "^tm_(.+)$")
            list(APPEND layers ${CMAKE_MATCH_1})
        endif()
    endforeach()
    set(${out} "${layers}" PARENT_SCOPE)
endfunction()

# The layering of core, checked in the sources: a layer includes only its own headers and those
# of the layers it links (docs/architecture.md), never one above it or beside it.
function(tm_check_layers name)
    tm_layers_of(${name} allowed)
    get_target_property(sources ${name} SOURCES)
    get_target_property(folder ${name} SOURCE_DIR)
    foreach(source IN LISTS sources)
        cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY ${folder})
        file(STRINGS ${source} includes REGEX "^#include \"[a-z]+/")
        foreach(line IN LISTS includes)
            string(REGEX MATCH "^#include \"([a-z]+)/" _ "${line}")
            set(layer ${CMAKE_MATCH_1})
            if(TARGET tm_${layer} AND NOT layer IN_LIST allowed)
                message(FATAL_ERROR "${source} includes \"${layer}/…\", but ${name} does not "
                    "link tm_${layer}: an include up or across the layers of core/")
            endif()
        endforeach()
    endforeach()
endfunction()

# tm_core_library(name LINKS libraries... SOURCES files...): one layer of core/, headless.
# Its folder's parent (core/) is the include root, so includes name the layer:
# #include "net/socketmanager.h".
function(tm_core_library name)
    cmake_parse_arguments(PARSE_ARGV 1 TM "" "" "LINKS;PRIVATE_LINKS;SOURCES")
    qt_add_library(${name} STATIC ${TM_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/core)
    target_link_libraries(${name} PUBLIC tm_common ${TM_LINKS} PRIVATE ${TM_PRIVATE_LINKS})
    # The rule of core, in the build itself: nothing here may pull in a GUI module, now or by
    # a link added later.
    # (A deferred call's arguments are read when it runs: the name goes in as a literal.)
    cmake_language(EVAL CODE
        "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL tm_check_headless [[${name}]])")
    # And it includes no layer it does not link (every target is known by then).
    cmake_language(EVAL CODE
        "cmake_language(DEFER DIRECTORY [[${CMAKE_SOURCE_DIR}]] CALL tm_check_layers [[${name}]])")
endfunction()
