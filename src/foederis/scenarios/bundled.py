"""The example scenarios shipped inside the package, readable by name with no checkout."""

from __future__ import annotations

from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"


def example_names() -> list[str]:
    """Names of the bundled examples (file names without `.yaml`), sorted."""
    return sorted(p.stem for p in EXAMPLES_DIR.glob("*.yaml"))


def example_path(name: str) -> Path | None:
    """The bundled example called `name` (with or without `.yaml`), or None."""
    stem = name.removesuffix(".yaml")
    return EXAMPLES_DIR / f"{stem}.yaml" if stem in example_names() else None
