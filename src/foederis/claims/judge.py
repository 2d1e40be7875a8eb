"""Judging claims against the compiled record: the entry point (`Judge`, `Verdict`).

The judges themselves live in `claims/judges/`, one module per family of relations.
"""

from __future__ import annotations

from foederis.claims.judges import Judge, UnknownRelation, Verdict

__all__ = ["Judge", "UnknownRelation", "Verdict"]
