"""The presence chart: every Ally on a day as a bar coloured by its tier, labelled with its forces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TIER_COLOURS = {1: "#1f6f3f", 2: "#7fb77e", 3: "#d9d9d9"}


def write_presence_chart(ans: Any, out: str | Path) -> Path:
    """Write the chart as PNG or SVG (by the file's suffix) and return its path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    path = Path(out)
    allies = list(reversed(ans.allies))
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(allies) + 1.6))
    for y, a in enumerate(allies):
        ax.barh(y, 1, color=TIER_COLOURS.get(a.tier, "#999999"), edgecolor="white")
        label = ", ".join(sorted({f.lead for f in a.forces})) or "none recorded"
        if a.uncertain:
            label += f"  (+{len(a.uncertain)} uncertain)"
        colour = "white" if a.tier == 1 else "black"
        ax.text(0.02, y, f"{a.state}  tier {a.tier}: {label}", va="center", fontsize=7, color=colour)
    ax.set_yticks([])
    ax.set_xticks([])
    ax.set_xlim(0, 1)
    ax.set_title(f"Allied forces hosted on {ans.date} (rule {ans.rule.id})", fontsize=9)
    handles = [
        Patch(color=TIER_COLOURS[t["tier"]], label=f"{t['tier']}: {t['label']}") for t in ans.rule.tiers
    ]
    ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), fontsize=7, ncol=1, frameon=False
    )
    fig.tight_layout()
    fig.savefig(path, format=path.suffix.lstrip(".").lower() or "png", dpi=120)
    plt.close(fig)
    return path
