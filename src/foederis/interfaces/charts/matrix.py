"""The weapons matrix and the all-weapons map as pictures: one cell per ally and activity (or
weapon), coloured and marked with a symbol so it reads without colour."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foederis.questions.inputs import InputError
from foederis.questions.matrix import MatrixAnswer
from foederis.questions.obligations import ALL_ACTIVITIES
from foederis.questions.weapons_map import WeaponsMapAnswer

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

    path = _checked(path)
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
    return _save(fig, path)


def _checked(path: str | Path) -> Path:
    """The image path, refused before any drawing when its suffix names no format we write."""
    path = Path(path)
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise InputError(
            "out", f"{path.name}: the image must end in {', '.join(IMAGE_SUFFIXES)}", list(IMAGE_SUFFIXES)
        )
    return path


def _save(fig: Any, path: Path) -> Path:
    """Write the figure and close it; a missing folder or an unwritable file is bad input."""
    import matplotlib.pyplot as plt

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


def write_weapons_map_image(ans: WeaponsMapAnswer, path: str | Path) -> Path:
    """Draw the allies × weapons map as PNG, SVG or PDF (by suffix), with a symbol in every cell
    and a legend in words, so it reads without colour."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    path = _checked(path)
    n, columns = len(ans.rows), ans.weapons
    fig, ax = plt.subplots(figsize=(2.0 + 1.3 * len(columns), 1.4 + 0.28 * max(n, 1)))
    for y, row in enumerate(ans.rows):
        for x, weapon in enumerate(columns):
            v = row.cells[weapon].verdict
            ax.add_patch(plt.Rectangle((x, n - 1 - y), 1, 1, color=COLOUR[v], ec="white"))
            ax.text(x + 0.5, n - 1 - y + 0.5, SYMBOL[v], ha="center", va="center", fontsize=9)
    ax.set_xlim(0, len(columns))
    ax.set_ylim(0, max(n, 1))
    ax.set_xticks([i + 0.5 for i in range(len(columns))], [w.replace("_", "\n") for w in columns], fontsize=8)
    ax.set_yticks([n - 1 - y + 0.5 for y in range(n)], [r.state for r in ans.rows], fontsize=7)
    ax.set_title(f"{ans.alliance.upper()} · weapons bans in force · {ans.date}")
    ax.legend(
        handles=[Patch(color=COLOUR[k], label=f"{SYMBOL[k]} {k.replace('_', ' ')}") for k in COLOUR],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.06),
        ncol=2,
        fontsize=7,
        frameon=False,
    )
    fig.tight_layout()
    return _save(fig, path)
