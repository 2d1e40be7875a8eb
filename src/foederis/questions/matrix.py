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
from foederis.questions.obligations import ACTIVITIES, verdict
from foederis.rules.options import describe_options
from foederis.rules.registry import INSTRUMENTS

ALLIANCES = tuple(i for i, spec in INSTRUMENTS.items() if spec.kind == "alliance")


class MatrixRow(BaseModel):
    state: str
    state_name: str
    activities: dict[str, str]
    reasons: dict[str, list[ReasonOut]]


class MatrixAnswer(BaseModel):
    alliance: str
    weapon: str
    date: date
    rows: list[MatrixRow]
    free: dict[str, list[str]]
    prohibited: dict[str, list[str]]
    limited: dict[str, list[str]]
    options: dict[str, Any]


def parse_alliance(text: str, field: str = "alliance") -> str:
    from foederis.rules.registry import UnknownInstrument, resolve_instrument

    try:
        inst = resolve_instrument(text)
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
    free: dict[str, list[str]] = {a: [] for a in ACTIVITIES}
    prohibited: dict[str, list[str]] = {a: [] for a in ACTIVITIES}
    limited: dict[str, list[str]] = {a: [] for a in ACTIVITIES}
    for state in members:
        acts: dict[str, str] = {}
        why: dict[str, list[ReasonOut]] = {}
        for activity in ACTIVITIES:
            v, reasons = verdict(c, state, activity, weapon, day)
            acts[activity] = v
            why[activity] = [reason_out(c, r) for r in reasons[:2]]
            {"permitted": free, "prohibited": prohibited, "permitted_with_limits": limited}[v][
                activity
            ].append(state)
        rows.append(
            MatrixRow(state=state, state_name=c.record.states.name(state), activities=acts, reasons=why)
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
    )


SYMBOL = {"prohibited": "✗", "permitted": "✓", "permitted_with_limits": "◐"}
COLOUR = {"prohibited": "#c0392b", "permitted": "#27ae60", "permitted_with_limits": "#f1c40f"}


def write_matrix_image(ans: MatrixAnswer, path: str | Path) -> Path:
    """Draw the matrix as PNG or SVG (by suffix), with symbols so it reads without colour."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise InputError("out", f"{path.name}: the image must end in .png or .svg", [".png", ".svg"])
    n = len(ans.rows)
    fig, ax = plt.subplots(figsize=(1.0 + 0.9 * len(ACTIVITIES), 1.2 + 0.28 * max(n, 1)))
    for y, row in enumerate(ans.rows):
        for x, act in enumerate(ACTIVITIES):
            v = row.activities[act]
            ax.add_patch(plt.Rectangle((x, n - 1 - y), 1, 1, color=COLOUR[v], ec="white"))
            ax.text(x + 0.5, n - 1 - y + 0.5, SYMBOL[v], ha="center", va="center", fontsize=9)
    ax.set_xlim(0, len(ACTIVITIES))
    ax.set_ylim(0, max(n, 1))
    ax.set_xticks([i + 0.5 for i in range(len(ACTIVITIES))], ACTIVITIES, rotation=30, ha="right")
    ax.set_yticks([n - 1 - y + 0.5 for y in range(n)], [r.state for r in ans.rows], fontsize=7)
    ax.set_title(f"{ans.alliance.upper()} · {ans.weapon.replace('_', ' ')} · {ans.date}")
    ax.legend(
        handles=[Patch(color=COLOUR[k], label=f"{SYMBOL[k]} {k}") for k in COLOUR],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=3,
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
