"""The claim reader's data files (claims/data/*.yaml), parsed once and kept as JSON next to the
compiled record (keyed by the file's hash), so a cold start reads JSON instead of running YAML;
`cached` keeps any other derived table the same way."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any


def load(name: str) -> Any:
    """The parsed contents of claims/data/<name>."""
    import hashlib

    text = resources.files("foederis.claims").joinpath(f"data/{name}").read_text(encoding="utf-8")

    def parse() -> Any:
        import yaml

        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    return cached(f"claims-{name}-{hashlib.sha256(text.encode()).hexdigest()[:16]}", parse)


def cached(stem: str, build: Callable[[], Any]) -> Any:
    """`build()` (JSON-shaped data), kept as <cache dir>/<stem>.json and read from there when present;
    `stem` must change whenever what `build` returns would (a hash of its inputs)."""
    import json

    from foederis.engine.cache import cache_dir

    path = cache_dir() / f"{stem}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    data = build()
    store(path, json.dumps(data))
    return data


def store(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (a unique temporary file, then a rename), so processes
    filling the cache at once never leave half a file; a cache that cannot be written is ignored."""
    import os
    import tempfile

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
