"""The registry of claim judges: one function per relation, registered by name with `@judges(...)`.

The reader names a relation per claim ("member", "withdrew", "count", ...); `judge_for` finds its
function and fails loudly, naming the known relations, when none is registered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foederis.claims.extract import Draft
    from foederis.claims.judges.context import JudgeContext, Verdict

JudgeFn = Callable[["JudgeContext", "Draft"], "Verdict"]

#: relation name -> the function that judges a draft of that relation
REGISTRY: dict[str, JudgeFn] = {}


class UnknownRelation(LookupError):
    """A draft whose relation no judge is registered for; names the relations that are."""

    def __init__(self, relation: str) -> None:
        self.relation = relation
        super().__init__(
            f"no judge is registered for relation {relation!r}; "
            f"known relations: {', '.join(known_relations())}"
        )


def judges(*relations: str) -> Callable[[JudgeFn], JudgeFn]:
    """Register the decorated function as the judge of each named relation (each name once only)."""

    def register(fn: JudgeFn) -> JudgeFn:
        for r in relations:
            if r in REGISTRY and REGISTRY[r] is not fn:
                raise ValueError(f"relation {r!r} already judged by {REGISTRY[r].__qualname__}")
            REGISTRY[r] = fn
        return fn

    return register


def judge_for(relation: str) -> JudgeFn:
    """The registered judge of `relation`; `UnknownRelation` when there is none."""
    try:
        return REGISTRY[relation]
    except KeyError:
        raise UnknownRelation(relation) from None


def known_relations() -> list[str]:
    """Every relation with a registered judge, sorted."""
    return sorted(REGISTRY)
