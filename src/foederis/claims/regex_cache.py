"""The claim reader's regular expressions, compiled once and kept on disk next to the compiled record.

Parsing the reader's patterns (some hold every instrument name) is 0.1-0.2 s of a cold `foederis
check`. `compile_many` keeps the programs CPython's `re` builds for a batch of patterns as JSON
(keyed by the patterns, the Python build and the regex engine's MAGIC) and makes the Pattern objects
from them. A program is stored only after the object made from it compared equal to `re.compile`'s
(same flags, pattern and code), so a pattern matches exactly as `re.compile` would make it match;
an interpreter whose internals differ simply gets `re.compile`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:  # CPython's regex engine and the compiler `re` feeds it
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another implementation: re.compile only
    _sre = None  # type: ignore[assignment]

#: A program as stored: flags, code, group count, group index, index group (`_sre.compile`'s args).
Program = list[Any]


def compile_many(specs: Sequence[tuple[str, int]]) -> list[re.Pattern[str]]:
    """`re.compile(pattern, flags)` for each (pattern, flags), read from the disk cache when this
    batch was compiled before by the same interpreter."""
    specs = [(p, int(f)) for p, f in specs]
    if _sre is None or any(f & re.DEBUG for _, f in specs):
        return [re.compile(p, f) for p, f in specs]
    path = _path(specs)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored["patterns"] == [list(s) for s in specs]:
            return [_from_program(p, prog) for (p, _), prog in zip(specs, stored["programs"], strict=True)]
    except Exception:  # missing, unreadable or refused by this interpreter: compile anew
        pass
    compiled = [re.compile(p, f) for p, f in specs]
    try:
        programs = [_program(p, f) for p, f in specs]
        made = [_from_program(p, prog) for (p, _), prog in zip(specs, programs, strict=True)]
        if all(_same(a, b) for a, b in zip(made, compiled, strict=True)):
            _write(path, {"patterns": specs, "programs": programs})
    except Exception:  # internals this module does not know: keep re.compile's patterns, store nothing
        pass
    return compiled


def _path(specs: list[tuple[str, int]]) -> Path:
    from foederis.engine.cache import cache_dir

    h = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}".encode())
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


def _from_program(pattern: str, prog: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = prog
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    """Equal patterns (flags, pattern and code, as `Pattern.__eq__` compares) with the same groups."""
    return a == b and a.groups == b.groups and a.groupindex == b.groupindex


def _write(path: Path, data: dict[str, Any]) -> None:
    """Atomically; a cache that cannot be written is ignored."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, separators=(",", ":")))
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
