"""The compiled record cached on disk, keyed by the data's hash, the code's hash and the options.

The file is a one-line JSON header (format, version, key, length and sha256 of the payload)
followed by the payload. The payload is read with an unpickler that resolves only the record's
own classes and `datetime.date` (the lookup arrays are plain bytes, checked on loading and given to
NumPy on first use: `packed.py`), so a planted file cannot run code;
any file that fails the header, the checksum, the allowed classes or the type and options check
is discarded with a warning on stderr and rebuilt. A cache that cannot be written is ignored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import gc
import hashlib
import io
import json
import os
import pickle
import sys
import tempfile
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any

from foederis.engine import packed
from foederis.engine.compile import ARRAY_FIELDS, Compiled, compile_record
from foederis.record.loader import data_digest, load_record
from foederis.rules.options import DEFAULT_OPTIONS, READING_ONLY, Options

_PACKAGE = Path(__file__).resolve().parent.parent
_memo: dict[str, Compiled] = {}
#: Records as known on a day are compiled on demand (0.15 s) and only the latest few kept: any day
#: may be asked, so neither memory nor the disk cache may grow with them.
_known_memo: OrderedDict[str, Compiled] = OrderedDict()
KNOWN_ON_KEPT = 16

FORMAT = "foederis-compiled"
#: Bump when the layout of `Compiled` changes in a way the code digest would not catch (3: the
#: arrays packed as bytes, so that loading needs no NumPy).
VERSION = 3
_ALLOWED_GLOBALS = {("datetime", "date")}
_ALLOWED_MODULES = (
    "foederis.engine.compile",
    "foederis.record.loader",
    "foederis.record.models",
    "foederis.record.states",
    "foederis.rules.base",
    "foederis.rules.options",
)


class DamagedCache(Exception):
    """The cache file is not one this code wrote for this key, or it has been altered."""


def _enum_member(cls: Any, name: str) -> Any:
    """What `getattr` does when some Pythons pickle an enum member by name, and nothing else: a
    general `getattr` would let a crafted payload reach any attribute of any class."""
    if isinstance(cls, type) and issubclass(cls, enum.Enum) and name in cls.__members__:
        return cls[name]
    raise DamagedCache(f"asks for {name!r} of {cls!r}, which is no enum member of the record")


class _RecordUnpickler(pickle.Unpickler):
    """Resolves only the compiled record's own classes and the few builders it needs."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _enum_member
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        if module in _ALLOWED_MODULES:
            obj = super().find_class(module, name)
            if isinstance(obj, type):
                return obj
        raise DamagedCache(f"refers to {module}.{name}, which a compiled record never holds")


def _code_digest() -> str:
    h = hashlib.sha256()
    for sub in ("record", "rules", "engine"):
        for path in sorted((_PACKAGE / sub).glob("*.py")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("FOEDERIS_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("foederis"))


def cache_key(options: Options, known_on: date | None = None) -> str:
    opts = hashlib.sha256(options.model_dump_json().encode()).hexdigest()[:12]
    return f"{data_digest()}-{_code_digest()}-{opts}" + (f"-known{known_on}" if known_on else "")


def cache_path(options: Options = DEFAULT_OPTIONS) -> Path:
    """Where the compiled record for `options` is cached."""
    return cache_dir() / f"compiled-{cache_key(options)}.bin"


def load_compiled(
    options: Options = DEFAULT_OPTIONS, *, use_disk: bool = True, known_on: date | None = None
) -> Compiled:
    """The compiled real record for these options: from memory, then disk, then compiled.

    With `known_on`, the record as it stood on that day (only facts public by then). Options that
    only change how questions read the record (READING_ONLY) share one compilation.
    """
    base = options.model_copy(update={k: getattr(DEFAULT_OPTIONS, k) for k in READING_ONLY})
    if base != options:
        shared = load_compiled(base, use_disk=use_disk, known_on=known_on)
        return dataclasses.replace(shared, options=options)
    key = cache_key(options, known_on)
    if known_on is not None:
        return _load_known_on(key, options, known_on)
    if key in _memo:
        return _memo[key]
    path = cache_dir() / f"compiled-{key}.bin"
    compiled: Compiled | None = None
    if use_disk and path.exists():
        try:
            compiled = read_cache(path, key, options)
        except DamagedCache as exc:
            print(f"foederis: warning: discarding the compiled-record cache {path}: {exc}", file=sys.stderr)
            _discard(path)
        except OSError:
            compiled = None
    if compiled is None:
        compiled = compile_record(load_record(), options)
        if use_disk:
            write_cache(path, key, compiled)
    _memo[key] = compiled
    return compiled


def _load_known_on(key: str, options: Options, known_on: date) -> Compiled:
    """The record as it stood on `known_on`, compiled on demand; the latest few are kept in memory."""
    if key in _known_memo:
        _known_memo.move_to_end(key)
        return _known_memo[key]
    compiled = compile_record(load_record().as_known_on(known_on), options)
    _known_memo[key] = compiled
    while len(_known_memo) > KNOWN_ON_KEPT:
        _known_memo.popitem(last=False)
    return compiled


def read_cache(path: Path, key: str, options: Options) -> Compiled:
    """The compiled record in `path`, or DamagedCache saying what is wrong with the file."""
    data = path.read_bytes()
    head, sep, payload = data.partition(b"\n")
    if not sep:
        raise DamagedCache("no header")
    try:
        header = json.loads(head.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise DamagedCache("the header is not readable") from None
    if not isinstance(header, dict):
        raise DamagedCache("the header is not readable")
    expected = {"format": FORMAT, "version": VERSION, "key": key}
    for field, value in expected.items():
        if header.get(field) != value:
            raise DamagedCache(f"{field} is {header.get(field)!r}, expected {value!r}")
    if header.get("bytes") != len(payload):
        raise DamagedCache(f"{len(payload)} bytes of payload, the header says {header.get('bytes')!r}")
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise DamagedCache("the checksum does not match")
    was_enabled = gc.isenabled()
    gc.disable()  # ~40,000 objects and no cycles: the collector's full passes over them cost 0.05-0.1 s
    try:
        compiled = _RecordUnpickler(io.BytesIO(payload)).load()
    except DamagedCache:
        raise
    except Exception as exc:  # any failure to rebuild the objects means the file is not ours
        raise DamagedCache(f"the payload cannot be read ({type(exc).__name__})") from None
    finally:
        if was_enabled:
            gc.enable()
    if type(compiled) is not Compiled:
        raise DamagedCache(f"holds a {type(compiled).__name__}, not a compiled record")
    arrays = compiled.__dict__.get("_packed")
    if not isinstance(arrays, dict) or set(arrays) != set(ARRAY_FIELDS):
        raise DamagedCache("its lookup arrays are missing")
    try:
        for p in arrays.values():
            packed.check(p)
    except ValueError as exc:
        raise DamagedCache(f"a lookup array is damaged ({exc})") from None
    if compiled.options != options:
        raise DamagedCache("it was compiled with other interpretation options")
    return compiled


def write_cache(path: Path, key: str, compiled: Compiled) -> None:
    """Write atomically: a crash leaves either the old file or the new one, never half of one."""
    payload = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "key": key,
        "bytes": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(json.dumps(header, sort_keys=True).encode("ascii") + b"\n")
            fh.write(payload)
        os.replace(tmp, path)
    except OSError:
        pass


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
