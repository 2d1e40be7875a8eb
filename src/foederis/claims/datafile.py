"""The claim reader's data files (claims/data/*.yaml), parsed once and kept as JSON next to the
compiled record (keyed by the file's hash), so a cold start reads JSON instead of running YAML."""

from __future__ import annotations

from importlib import resources
from typing import Any


def load(name: str) -> Any:
    """The parsed contents of claims/data/<name>."""
    import hashlib
    import json

    from foederis.engine.cache import cache_dir

    text = resources.files("foederis.claims").joinpath(f"data/{name}").read_text(encoding="utf-8")
    path = cache_dir() / f"claims-{name}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import yaml

    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return data
