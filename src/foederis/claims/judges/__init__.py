"""Claim judges: one function per relation, found through an explicit registry.

`context` holds what they share (the record as of a day and its helpers), `registry` the
relation → judge table; each family module registers its relations with `@judges(...)`.
"""

from __future__ import annotations

from foederis.claims.extract import Draft
from foederis.claims.judges import counts, events, membership, provisions, withdrawal
from foederis.claims.judges.context import JudgeContext, Verdict
from foederis.claims.judges.registry import REGISTRY, UnknownRelation, judge_for, judges, known_relations

#: The modules whose judges fill the registry (imported for their registrations).
FAMILIES = (membership, withdrawal, events, counts, provisions)


class Judge(JudgeContext):
    """Judges drafts as of one day, noting where the answer differs today."""

    def judge(self, d: Draft) -> Verdict:
        """The verdict on one draft; `UnknownRelation` if no judge is registered for its relation."""
        fn = judge_for(d.relation)
        if d.instrument is None:
            return Verdict("unverifiable", ["no instrument could be read for this claim"])
        return fn(self, d)


__all__ = [
    "FAMILIES",
    "REGISTRY",
    "Judge",
    "JudgeContext",
    "UnknownRelation",
    "Verdict",
    "judge_for",
    "judges",
    "known_relations",
]
