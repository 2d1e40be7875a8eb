"""The claim reader's data files (claims/data/*.yaml), parsed once and kept as JSON next to the
compiled record (keyed by the file's hash), so a cold start reads JSON instead of running YAML;
`cached` keeps any other derived table the same way."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return data
