#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every string the sources mark for translation is in the translation file.

lupdate skips some calls without a word (a count given as an expression, say
`translate("Ctx", "%n retries", nullptr, n - 1)`), and a string it never extracted is
never reported unfinished: the completeness test cannot see it. This reads the calls
itself: tr("…"), Class::tr("…"), QCoreApplication::translate("Ctx", "…"),
QT_TR_NOOP("…") and QT_TRANSLATE_NOOP("Ctx", "…"), adjacent literals joined, and
fails on any whose text the .ts file does not hold.

Usage: i18ncheck.py TS_FILE SOURCE_DIR...
"""
import html
import pathlib
import re
import sys

LITERAL = r'"(?:[^"\\\n]|\\.)*"'
JOINED = rf'{LITERAL}(?:\s*{LITERAL})*'
CALLS = [
    re.compile(rf'(?<![\w.>])(?:\w+::)?tr\(\s*({JOINED})'),
    re.compile(rf'\btranslate\(\s*{LITERAL}\s*,\s*({JOINED})'),
    re.compile(rf'\bQT_TR_NOOP\(\s*({JOINED})'),
    re.compile(rf'\bQT_TRANSLATE_NOOP\(\s*{LITERAL}\s*,\s*({JOINED})'),
]
ESCAPES = {'n': '\n', 't': '\t', '"': '"', "'": "'", '\\': '\\'}


def unquote(joined):
    text = ''.join(m.group(1) for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', joined))
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(0)), text)


def main():
    ts, roots = sys.argv[1], sys.argv[2:]
    held = {html.unescape(m) for m in re.findall(r'<source>(.*?)</source>',
                                                 pathlib.Path(ts).read_text(encoding='utf-8'),
                                                 re.S)}
    missing = []
    files = 0
    for root in roots:
        for path in sorted(pathlib.Path(root).rglob('*')):
            if path.suffix not in ('.cpp', '.h'):
                continue
            files += 1
            code = path.read_text(encoding='utf-8')
            # Comments say "tr(" too; strings inside them are not calls.
            code = re.sub(r'//[^\n]*', '', code)
            for call in CALLS:
                for match in call.finditer(code):
                    text = unquote(match.group(1))
                    if text and text not in held:
                        line = code.count('\n', 0, match.start()) + 1
                        missing.append(f'{path}:{line}: "{text}"')
    for entry in missing:
        print(f'not in {ts}: {entry}')
    print(f'{files} files read, {len(missing)} string(s) missing')
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
