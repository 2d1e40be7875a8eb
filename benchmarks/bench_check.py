"""Claim checking: extraction precision/recall on the hand-labelled examples, and the cold-start time
of `foederis check` on a 2,000-word article (a fresh process each run). Prints the figures."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


def precision_recall() -> None:
    from foederis.engine.cache import load_compiled
    from foederis.questions.check import check

    c = load_compiled()
    gold: dict[str, list[dict[str, str]]] = {}
    for line in (ARTICLES / "gold.jsonl").read_text().splitlines():
        if line.strip():
            g = json.loads(line)
            gold.setdefault(g["file"], []).append(g)
    tp = fp = fn = 0
    for name, items in sorted(gold.items()):
        text = (ARTICLES / name).read_text(encoding="utf-8")
        spans = []
        for g in items:
            s = text.find(g["text"])
            assert s >= 0, f"gold text not in {name}: {g['text']!r}"
            spans.append((s, s + len(g["text"]), g["kind"]))
        claims = check(c, text).claims
        hit = [False] * len(spans)
        for cl in claims:
            j = next(
                (
                    i
                    for i, (s, e, k) in enumerate(spans)
                    if k == cl.kind and cl.start < e and s < cl.end and not hit[i]
                ),
                None,
            )
            if j is None:
                fp += 1
                print(f"  false positive in {name}: {cl.kind} {cl.text[:70]!r}")
            else:
                hit[j] = True
                tp += 1
        for ok, (s, e, k) in zip(hit, spans, strict=True):
            if not ok:
                fn += 1
                print(f"  missed in {name}: {k} {text[s:e]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"extraction: precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn}, {len(gold)} articles)")


def cold_start(runs: int = 3) -> None:
    base = (ARTICLES / "nordic_mines.md").read_text(encoding="utf-8")
    filler = (
        "Diplomats met again this week and spoke at length about the budget, the weather and "
        "the calendar of meetings that lie ahead. "
    )
    parts = []
    while sum(len(p.split()) for p in parts) < 2000:
        parts += [base, filler * 4]
    text = "\n\n".join(parts)
    words = len(text.split())
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    cmd = [sys.executable, "-m", "foederis.interfaces.cli.main", "check", fh.name, "--json"]
    subprocess.run(cmd, check=True, capture_output=True)  # warm the on-disk compiled cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    n = len(json.loads(out.stdout)["claims"])
    print(
        f"cold check of a {words}-word article ({n} claims), fresh process: best {min(times):.3f} s, "
        f"worst {max(times):.3f} s over {runs} runs (target < 1 s)"
    )


if __name__ == "__main__":
    precision_recall()
    cold_start()
