"""A guard for patterns that are scanned over whole texts: a look-ahead of the characters a match
can start with, so the regex engine leaves most positions after one class test.

CPython's engine finds no literal prefix in a case-insensitive alternation, so the instrument-name
pattern (~200 alternatives) entered every alternative at every position of an article. `guarded`
puts `(?=[...])` before such a pattern, the class holding every first character of every way the
pattern can match (read from the pattern's parse tree); where that set cannot be bounded (a
pattern that can match nothing, `.`, `\\w`, a back-reference, a case-insensitive group inside a
case-sensitive pattern) the pattern is returned unchanged. A look-ahead that every match passes
changes no match: the same spans, groups and order.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser `re` itself uses; without it, patterns stay unguarded
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - another implementation of `re`
    _parser = None  # type: ignore[assignment]

_NOT_BOUNDED = None


def guarded(pattern: str, flags: int = 0) -> str:
    """`pattern` with a look-ahead of its possible first characters, or `pattern` unchanged."""
    if _parser is None or re.match(r"\(\?[aiLmsux]+\)", pattern):  # inline global flags lead
        return pattern
    try:
        tree = _parser.parse(pattern, flags)
        first = _first(tree.data, bool(flags & re.IGNORECASE))
    except Exception:  # a construct this reader does not know: no guard
        return pattern
    if first is _NOT_BOUNDED or first[1] or not first[0]:
        return pattern
    return f"(?=[{_char_class(first[0])}])(?:{pattern})"


def _char_class(codes: set[int]) -> str:
    """The body of a character class holding exactly `codes`, runs written as ranges."""
    out: list[str] = []
    run: list[int] = []
    for c in sorted(codes):
        if run and c == run[-1] + 1:
            run.append(c)
            continue
        if run:
            out.append(_run(run))
        run = [c]
    if run:
        out.append(_run(run))
    return "".join(out)


def _run(run: list[int]) -> str:
    lo, hi = re.escape(chr(run[0])), re.escape(chr(run[-1]))
    return lo if len(run) == 1 else f"{lo}{hi}" if len(run) == 2 else f"{lo}-{hi}"


def _first(seq: Any, ignorecase: bool) -> tuple[set[int], bool] | None:
    """(characters a match of `seq` can start with, whether it can match the empty string), or
    None when they cannot be bounded."""
    out: set[int] = set()
    for op, av in seq:
        if op is _c.LITERAL:
            out.add(av)
            return out, False
        if op is _c.IN:
            for item_op, item in av:
                if item_op is _c.LITERAL:
                    out.add(item)
                elif item_op is _c.RANGE:
                    out.update(range(item[0], item[1] + 1))
                else:  # NEGATE, CATEGORY (\w, \d, \s)
                    return _NOT_BOUNDED
            return out, False
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the next element starts the match
        if op is _c.BRANCH:
            parts = [_first(alt, ignorecase) for alt in av[1]]
        elif op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, body = av
            if add_flags & re.IGNORECASE and not ignorecase:
                return _NOT_BOUNDED  # its letters match in both cases: the class would be too narrow
            parts = [_first(body, ignorecase)]
        elif op is getattr(_c, "ATOMIC_GROUP", object()):
            parts = [_first(av, ignorecase)]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", object()):
            low, _high, body = av
            part = _first(body, ignorecase)
            parts = [part if part is _NOT_BOUNDED or low else (part[0], True)]
        else:  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, GROUPREF_EXISTS, ...
            return _NOT_BOUNDED
        if any(p is _NOT_BOUNDED for p in parts):
            return _NOT_BOUNDED
        for chars, _empty in parts:  # type: ignore[misc]
            out |= chars
        if not any(empty for _chars, empty in parts):  # type: ignore[misc]
            return out, False
    return out, True
