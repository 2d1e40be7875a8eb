"""The terminal renderings at 80 and 160 columns: short enough to read, nothing cut. A citation is
only useful whole, so every provision id and every source URL must appear unbroken."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from foederis.interfaces.cli.render import reasons_table, timeline_view
from foederis.questions.status import status
from foederis.questions.timeline import timeline


def rendered(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, force_terminal=False)
    console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


@pytest.mark.parametrize("width", [80, 160])
def test_timeline_lithuania_fits_and_keeps_every_provision_id(compiled, width):
    ans = timeline(compiled, "LTU", None)
    lines = rendered(timeline_view(ans), width)
    assert all(len(line) <= width for line in lines)
    # fewer than 15 lines per instrument shown (60 for the four it had before the ATT and CCW)
    assert len(lines) < 15 * len({iv.instrument for iv in ans.intervals})
    text = "\n".join(lines)
    ids = {r.provision for iv in ans.intervals for r in iv.reasons if r.provision}
    assert ids and all(re.search(rf"(?<![\w/]){re.escape(pid)}(?![\w/])", text) for pid in ids)
    assert text.count('"until" is exclusive') == 1
    assert "\u2026" not in text  # nothing shortened with an ellipsis


def test_timeline_folds_a_reason_repeated_from_the_interval_before(compiled):
    flat = " ".join(" ".join(rendered(timeline_view(timeline(compiled, "LTU", "ccm")), 80)).split())
    # the ratification reason holds while party and while the withdrawal is pending: printed once
    assert flat.count("after the 30th instrument") == 1


@pytest.mark.parametrize("width", [80, 160])
def test_reasons_keep_sources_whole(compiled, width):
    ans = status(compiled, "LTU", "ccm", __import__("datetime").date(2025, 3, 6))
    text = "\n".join(rendered(reasons_table(ans.reasons), width))
    flat = re.sub(r"\s+", "", text)
    for r in ans.reasons:
        assert r.provision in text
        for e in r.events:
            assert re.sub(r"\s+", "", e.source) in flat
