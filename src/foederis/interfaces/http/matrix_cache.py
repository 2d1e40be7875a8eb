"""The `/v1/matrix` body cache, keyed by what the answer reads on the day (`matrix_key`), not by
the day: each entry is the answer's JSON cut where it names the day, and a request fills its day in.

An entry is rendered twice, naming two placeholder days no question may ask (the boundary allows
1945-2100); the two must cut into the same pieces, or the record's own text holds a placeholder and
the entry is not used (those keys are answered in full every time).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from threading import Lock

from foederis.engine.compile import Compiled
from foederis.questions.matrix import matrix, matrix_key

PLACEHOLDERS = (date(1, 1, 1), date(1, 1, 2))
#: entries kept per process (each is one answer, ~300 kB); there are tens of keys per alliance and weapon
MAX_ENTRIES = 512


@dataclass
class CacheInfo:
    """How often a key was found, and how many entries are held."""

    hits: int = 0
    misses: int = 0
    size: int = 0


_entries: OrderedDict[tuple[object, ...], tuple[bytes, ...] | None] = OrderedDict()
_info = CacheInfo()
_lock = Lock()


def cut_at_day(first: bytes, second: bytes) -> tuple[bytes, ...] | None:
    """The pieces between the day in two renderings naming PLACEHOLDERS[0] and [1], or None when
    they do not cut alike."""
    pieces = first.split(PLACEHOLDERS[0].isoformat().encode())
    return tuple(pieces) if pieces == second.split(PLACEHOLDERS[1].isoformat().encode()) else None


def matrix_json(c: Compiled, alliance: str, weapon: str, day: date) -> bytes:
    """The matrix answer's JSON: the same bytes as `matrix(...).model_dump_json()`."""
    key = (c.options, c.record.known_on, alliance, weapon, *matrix_key(c, alliance, weapon, day))
    with _lock:
        found = key in _entries
        pieces = _entries.get(key)
        if found:
            _entries.move_to_end(key)
            _info.hits += 1
    if not found:
        first, second = (
            matrix(c, alliance, weapon, day, shown=p).model_dump_json().encode() for p in PLACEHOLDERS
        )
        pieces = cut_at_day(first, second)
        with _lock:
            _info.misses += 1
            _entries[key] = pieces
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
            _info.size = len(_entries)
    if pieces is None:
        return matrix(c, alliance, weapon, day).model_dump_json().encode()
    return day.isoformat().encode().join(pieces)


def cache_info() -> CacheInfo:
    """A copy of the counters."""
    with _lock:
        return CacheInfo(_info.hits, _info.misses, len(_entries))


def cache_clear() -> None:
    with _lock:
        _entries.clear()
        _info.hits = _info.misses = _info.size = 0
