"""The alliance weapons matrix: every ally on a day × every activity, with reasons."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.inputs import InputError
from foederis.questions.members import bound_states
from foederis.questions.models import ReasonOut
from foederis.questions.obligations import (
    ALL_ACTIVITIES,
    ISSUES,
    DeclaredViewOut,
    declared_out,
    verdict,
)
from foederis.rules.options import describe_options
from foederis.rules.registry import REGISTRY, UnknownInstrument

ALLIANCES = REGISTRY.alliances()


class MatrixRow(BaseModel):
    state: str
    state_name: str
    activities: dict[str, str]
    reasons: dict[str, list[ReasonOut]]
    declared: dict[str, DeclaredViewOut | None] = {}  # interoperability column -> declared view


class MatrixAnswer(BaseModel):
    alliance: str
    weapon: str
    date: date
    rows: list[MatrixRow]
    free: dict[str, list[str]]
    prohibited: dict[str, list[str]]
    limited: dict[str, list[str]]
    options: dict[str, Any]
    contested: dict[str, list[str]] = {}  # interoperability column -> states where it is contested


def parse_alliance(text: str, field: str = "alliance") -> str:
    try:
        inst = REGISTRY.resolve(text)
    except UnknownInstrument:
        inst = ""
    if inst in ALLIANCES:
        return inst
    raise InputError(
        field, f"unknown alliance {text!r}; valid choices: {', '.join(ALLIANCES)}", list(ALLIANCES)
    )


def matrix(c: Compiled, alliance: str, weapon: str, day: date) -> MatrixAnswer:
    """Members are the parties bound by the alliance treaty on that day (the record decides)."""
    members = bound_states(c, alliance, day)
    rows: list[MatrixRow] = []
    free: dict[str, list[str]] = {a: [] for a in ALL_ACTIVITIES}
    prohibited: dict[str, list[str]] = {a: [] for a in ALL_ACTIVITIES}
    limited: dict[str, list[str]] = {a: [] for a in ALL_ACTIVITIES}
    contested: dict[str, list[str]] = {a: [] for a in ISSUES}
    by_verdict = {
        "permitted": free,
        "prohibited": prohibited,
        "permitted_with_limits": limited,
        "contested": contested,
    }
    for state in members:
        acts: dict[str, str] = {}
        why: dict[str, list[ReasonOut]] = {}
        for activity in ALL_ACTIVITIES:
            v, reasons = verdict(c, state, activity, weapon, day)
            acts[activity] = v
            # an interoperability cell leads with the declared view (or its absence) and the reading
            keep = 3 if activity in ISSUES else 2
            why[activity] = [reason_out(c, r) for r in reasons[:keep]]
            by_verdict[v][activity].append(state)
        rows.append(
            MatrixRow(
                state=state,
                state_name=c.record.states.name(state),
                activities=acts,
                reasons=why,
                declared={a: declared_out(state, weapon, a, c.registry) for a in ISSUES},
            )
        )
    return MatrixAnswer(
        alliance=alliance,
        weapon=weapon,
        date=day,
        rows=rows,
        free=free,
        prohibited=prohibited,
        limited=limited,
        options=describe_options(c.options),
        contested=contested,
    )


IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
SYMBOL = {"prohibited": "✗", "permitted": "✓", "permitted_with_limits": "◐", "contested": "?"}
COLOUR = {
    "prohibited": "#c0392b",
    "permitted": "#27ae60",
    "permitted_with_limits": "#f1c40f",
    "contested": "#95a5a6",
}


def write_matrix_image(ans: MatrixAnswer, path: str | Path) -> Path:
    """Draw the matrix as PNG, SVG or PDF (by suffix), with symbols so it reads without colour."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    path = Path(path)
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise InputError(
            "out", f"{path.name}: the image must end in {', '.join(IMAGE_SUFFIXES)}", list(IMAGE_SUFFIXES)
        )
    n = len(ans.rows)
    columns = [a for a in ALL_ACTIVITIES if all(a in r.activities for r in ans.rows)]
    fig, ax = plt.subplots(figsize=(1.0 + 0.9 * len(columns), 1.2 + 0.28 * max(n, 1)))
    for y, row in enumerate(ans.rows):
        for x, act in enumerate(columns):
            v = row.activities[act]
            ax.add_patch(plt.Rectangle((x, n - 1 - y), 1, 1, color=COLOUR[v], ec="white"))
            ax.text(x + 0.5, n - 1 - y + 0.5, SYMBOL[v], ha="center", va="center", fontsize=9)
    ax.set_xlim(0, len(columns))
    ax.set_ylim(0, max(n, 1))
    ax.set_xticks([i + 0.5 for i in range(len(columns))], columns, rotation=30, ha="right")
    ax.set_xlabel("activity")
    ax.set_yticks([n - 1 - y + 0.5 for y in range(n)], [r.state for r in ans.rows], fontsize=7)
    ax.set_title(f"{ans.alliance.upper()} · {ans.weapon.replace('_', ' ')} · {ans.date}")
    ax.legend(
        handles=[Patch(color=COLOUR[k], label=f"{SYMBOL[k]} {k.replace('_', ' ')}") for k in COLOUR],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=4,
        fontsize=7,
        frameon=False,
    )
    fig.tight_layout()
    if not path.parent.is_dir():
        plt.close(fig)
        raise InputError("out", f"the folder {str(path.parent)!r} does not exist; create it first")
    try:
        fig.savefig(path)
    except OSError as exc:
        raise InputError("out", f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    finally:
        plt.close(fig)
    return path
