#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# mancheck.sh PROGRAM MANPAGE: the man page names every option --help names, and no other.
help=$("$1" --help) || { echo "$1 --help failed"; exit 1; }
page=$(sed 's/\\-/-/g' "$2") || exit 1
status=0
for option in $(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z-]*[a-z]' | sort -u); do
    printf '%s\n' "$page" | grep -q -- "$option" || { echo "$2 lacks $option"; status=1; }
done
for option in $(printf '%s\n' "$page" | grep -oE -- '--[a-z][a-z-]*[a-z]' | sort -u); do
    printf '%s\n' "$help" | grep -q -- "$option" ||
        { echo "$2 names $option, which --help does not"; status=1; }
done
[ $status -eq 0 ] && echo "$2: every option of $(basename "$1") --help, and no other"
exit $status
