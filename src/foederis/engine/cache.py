"""The compiled record cached on disk, keyed by the data's hash, the code's hash and the options.

A cache that cannot be read or written is ignored: the record is compiled again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from collections import OrderedDict
from datetime import date
from pathlib import Path

from foederis.engine.compile import Compiled, compile_record
from foederis.record.loader import data_digest, load_record
from foederis.rules.options import DEFAULT_OPTIONS, READING_ONLY, Options

_PACKAGE = Path(__file__).resolve().parent.parent
_memo: dict[str, Compiled] = {}
#: Records as known on a day are compiled on demand (0.15 s) and only the latest few kept: any day
#: may be asked, so neither memory nor the disk cache may grow with them.
_known_memo: OrderedDict[str, Compiled] = OrderedDict()
KNOWN_ON_KEPT = 16


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
    path = cache_dir() / f"compiled-{key}.pickle"
    compiled: Compiled | None = None
    if use_disk and path.exists():
        try:
            with path.open("rb") as fh:
                compiled = pickle.load(fh)
        except Exception:
            compiled = None
    if compiled is None:
        compiled = compile_record(load_record(), options)
        if use_disk:
            _write(path, compiled)
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


def _write(path: Path, compiled: Compiled) -> None:
    """Write atomically: a crash leaves either the old file or the new one, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
