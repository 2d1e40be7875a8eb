"""The `/v1/matrix` body cache, keyed by what the answer reads on the day (`matrix_key`), not by
the day: each entry is the answer's JSON cut where it names the day, and a request fills its day in.

An entry is rendered twice, naming two placeholder days no question may ask (the boundary allows
1945-2100); the two must cut into the same pieces, or the record's own text holds a placeholder and
the entry is not used (those keys are answered in full every time). The key found for a day is
remembered too (a few hundred bytes), so a day asked again costs one dictionary lookup.
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
#: days whose key is remembered per process (the days share the key objects: ~200 bytes a day)
MAX_DAYS = 1 << 15


@dataclass
class CacheInfo:
    """How often a key was found, and how many entries are held."""

    hits: int = 0
    misses: int = 0
    size: int = 0


_entries: OrderedDict[tuple[object, ...], tuple[bytes, ...] | None] = OrderedDict()
_day_keys: dict[tuple[object, ...], tuple[object, ...]] = {}
_keys: dict[tuple[object, ...], tuple[object, ...]] = {}  # one object per distinct key
_info = CacheInfo()
_lock = Lock()


def cut_at_day(first: bytes, second: bytes) -> tuple[bytes, ...] | None:
    """The pieces between the day in two renderings naming PLACEHOLDERS[0] and [1], or None when
    they do not cut alike."""
    pieces = first.split(PLACEHOLDERS[0].isoformat().encode())
    return tuple(pieces) if pieces == second.split(PLACEHOLDERS[1].isoformat().encode()) else None


def matrix_json(c: Compiled, alliance: str, weapon: str, day: date) -> bytes:
    """The matrix answer's JSON: the same bytes as `matrix(...).model_dump_json()`."""
    key = _key_of(c, alliance, weapon, day)
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
    if pieces is None:
        return matrix(c, alliance, weapon, day).model_dump_json().encode()
    return day.isoformat().encode().join(pieces)


def _key_of(c: Compiled, alliance: str, weapon: str, day: date) -> tuple[object, ...]:
    """The entry's key: the compilation, the question and `matrix_key` (remembered per day)."""
    asked = (c.options, c.record.known_on, alliance, weapon, day)
    key = _day_keys.get(asked)
    if key is None:
        key = (*asked[:4], *matrix_key(c, alliance, weapon, day))
        with _lock:
            if len(_keys) >= MAX_DAYS:
                _keys.clear()
            key = _keys.setdefault(key, key)
            while len(_day_keys) >= MAX_DAYS:
                del _day_keys[next(iter(_day_keys))]
            _day_keys[asked] = key
    return key


def cache_info() -> CacheInfo:
    """A copy of the counters."""
    with _lock:
        return CacheInfo(_info.hits, _info.misses, len(_entries))


def cache_clear() -> None:
    with _lock:
        _entries.clear()
        _day_keys.clear()
        _keys.clear()
        _info.hits = _info.misses = 0
