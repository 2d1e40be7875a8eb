"""The claim reader's regular expressions, compiled once and kept on disk next to the compiled record.

Parsing the reader's patterns (some hold every instrument name) is 0.1-0.2 s of a cold `foederis
check`. `compile_many` keeps the programs CPython's `re` builds for a batch of patterns as JSON
(keyed by the patterns, the Python build and the regex engine's MAGIC) and makes the Pattern objects
from them. A program is stored only after the object made from it compared equal to `re.compile`'s
(same flags, pattern and code), so a pattern matches exactly as `re.compile` would make it match;
an interpreter whose internals differ simply gets `re.compile`. A batch may ask for the
first-character guard (`first_chars`), which is then worked out once, with the programs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from foederis.claims.datafile import store

try:  # CPython's regex engine and the compiler `re` feeds it
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: re.compile only
    _sre = None  # type: ignore[assignment]

#: A program: flags, code, group count, group index, index group (`_sre.compile`'s arguments).
Program = list[Any]
#: The array type of the regex engine's code words (stored as their bytes; unsigned, CODESIZE each).
_CODE_TYPE = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), "")


def compile_many(specs: Sequence[tuple[str, int]], guard: bool = False) -> list[re.Pattern[str]]:
    """`re.compile(pattern, flags)` for each (pattern, flags), read from the disk cache when this
    batch was compiled before by the same interpreter. With `guard`, each pattern is first given
    the look-ahead of its first characters (`first_chars.guarded`: the same matches, found faster
    in long texts), worked out when the batch is compiled, not when it is read back."""
    specs = [(p, int(f)) for p, f in specs]
    if _sre is None or not _CODE_TYPE or any(f & re.DEBUG for _, f in specs):
        return [re.compile(_source(p, f, guard), f) for p, f in specs]
    path = _path(specs, guard)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["patterns"] == [list(s) for s in specs]:
            programs = [_decode(prog) for prog in stored["programs"]]
            return [_from_program(src, prog) for src, prog in zip(stored["sources"], programs, strict=True)]
    except Exception:  # missing, unreadable or refused by this interpreter: compile anew
        pass
    sources = [_source(p, f, guard) for p, f in specs]
    compiled = [re.compile(src, f) for src, (_, f) in zip(sources, specs, strict=True)]
    try:
        programs = [_program(src, f) for src, (_, f) in zip(sources, specs, strict=True)]
        made = [_from_program(src, prog) for src, prog in zip(sources, programs, strict=True)]
        if all(_same(a, b) for a, b in zip(made, compiled, strict=True)):
            stored = {"patterns": specs, "sources": sources, "programs": [_encode(p) for p in programs]}
            store(path, json.dumps(stored, separators=(",", ":")))
    except Exception:  # internals this module does not know: keep re.compile's patterns, store nothing
        pass
    return compiled


def _source(pattern: str, flags: int, guard: bool) -> str:
    """The pattern as compiled: guarded by its first characters when asked."""
    if not guard:
        return pattern
    from foederis.claims.first_chars import guarded

    return guarded(pattern, flags)


def _path(specs: list[tuple[str, int]], guard: bool) -> Path:
    from foederis.engine.cache import cache_dir

    h = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{sys.byteorder}\0{guard}".encode())
    if guard:  # a change to the guard's reading of patterns must not reuse what it wrote before
        h.update(Path(__file__).with_name("first_chars.py").read_bytes())
    for p, f in specs:
        h.update(f"\0{f}\0{p}".encode())
    return cache_dir() / f"regex-{h.hexdigest()[:16]}.json"


def _program(pattern: str, flags: int) -> Program:
    """What `re._compiler.compile` hands to `_sre.compile` for this pattern."""
    tree = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(tree, flags)]
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return [int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, indexgroup]


def _encode(prog: Program) -> Program:
    """The program as stored: its code as the base64 of the machine words (reading 100,000 JSON
    numbers back costs more than the whole regex cache saves on small batches)."""
    flags, code, groups, groupindex, indexgroup = prog
    return [
        flags,
        base64.b64encode(array(_CODE_TYPE, code).tobytes()).decode("ascii"),
        groups,
        groupindex,
        indexgroup,
    ]


def _decode(stored: Program) -> Program:
    flags, code, groups, groupindex, indexgroup = stored
    return [flags, array(_CODE_TYPE, base64.b64decode(code)).tolist(), groups, groupindex, indexgroup]


def _from_program(pattern: str, prog: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = prog
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    """Equal patterns (flags, pattern and code, as `Pattern.__eq__` compares) with the same groups."""
    return a == b and a.groups == b.groups and a.groupindex == b.groupindex
