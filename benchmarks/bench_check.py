"""Claim checking: extraction recall and precision per kind and verdict accuracy on the development
set of real articles (evaluation/claims/dev: clean, one and two deleted letter pairs), the project's
own examples, and the cold time of `foederis check` on a 2,000-word article (a fresh process).

    python benchmarks/bench_check.py                 # everything
    python benchmarks/bench_check.py --dev           # only the development set
    python benchmarks/bench_check.py --make-damaged  # (re)write the damaged copies
    python benchmarks/bench_check.py --dev --verbose # list every miss, false hit and wrong verdict
    python benchmarks/bench_check.py --dev --set holdout3  # only the named sets (dev, holdout, holdout2,
                                                           # holdout3)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"
DEV = ROOT / "evaluation" / "claims" / "dev"
HOLDOUT = ROOT / "evaluation" / "claims" / "holdout"
HOLDOUT2 = ROOT / "evaluation" / "claims" / "holdout2"
HOLDOUT3 = ROOT / "evaluation" / "claims" / "holdout3"
HOLDOUT4 = ROOT / "evaluation" / "claims" / "holdout4"
HOLDOUT5 = ROOT / "evaluation" / "claims" / "holdout5"
HOLDOUT6 = ROOT / "evaluation" / "claims" / "holdout6"
HOLDOUT7 = ROOT / "evaluation" / "claims" / "holdout7"
HOLDOUT8 = ROOT / "evaluation" / "claims" / "holdout8"
#: Every labelled set, in the order they are reported.
SETS = (DEV, HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6, HOLDOUT7, HOLDOUT8)
#: Letter pairs deleted throughout a text for the damaged copies: one, then two per excerpt.
PAIRS_ONE = ["or", "an", "in", "er", "on", "at", "re", "en"]
PAIRS_TWO = [("or", "an"), ("in", "at"), ("er", "on"), ("re", "an"), ("en", "or"), ("at", "on")]


def damage(text: str, pairs: tuple[str, ...]) -> str:
    """The text with each letter pair deleted throughout (lower case, as scraping loses them)."""
    for p in pairs:
        text = text.replace(p, "")
    return text


def make_damaged(root: Path = DEV) -> None:
    out = root / "damaged"
    out.mkdir(exist_ok=True)
    for i, f in enumerate(sorted((root / "excerpts").glob("*.md"))):
        text = f.read_text(encoding="utf-8")
        one = (PAIRS_ONE[i % len(PAIRS_ONE)],)
        two = PAIRS_TWO[i % len(PAIRS_TWO)]
        (out / f"{f.stem}.p1.md").write_text(damage(text, one), encoding="utf-8")
        (out / f"{f.stem}.p2.md").write_text(damage(text, two), encoding="utf-8")
        (out / f"{f.stem}.pairs").write_text(f"{' '.join(one)}\n{' '.join(two)}\n", encoding="utf-8")
    print(f"damaged copies written to {out}")


def _overlap(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def dev_eval(variant: str = "clean", verbose: bool = False, root: Path = DEV) -> dict[str, object]:
    """Score the checker on a labelled set (the development set by default): recall/precision per
    kind, verdicts."""
    DEV = root
    from datetime import date

    from foederis.claims.check import check
    from foederis.engine.cache import load_compiled

    c = load_compiled()
    sources = {
        json.loads(x)["file"]: json.loads(x) for x in (DEV / "sources.jsonl").read_text().splitlines() if x
    }
    gold: dict[str, list[dict]] = {}
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold.setdefault(g["file"], []).append(g)
    per_kind: dict[str, dict[str, int]] = {}
    totals = {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "opt": 0,
        "verdict_ok": 0,
        "verdict_n": 0,
        "true_contradicted": 0,
        "false_supported": 0,
        "true_partly": 0,
    }

    def bump(kind: str, key: str) -> None:
        per_kind.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0})[key] += 1

    for name in sorted(sources):
        stem = name[:-3]
        if variant == "clean":
            text = (DEV / "excerpts" / name).read_text(encoding="utf-8")
            pairs: tuple[str, ...] = ()
        else:
            text = (DEV / "damaged" / f"{stem}.{variant}.md").read_text(encoding="utf-8")
            lines = (DEV / "damaged" / f"{stem}.pairs").read_text().splitlines()
            pairs = tuple(lines[0 if variant == "p1" else 1].split())
        ans = check(c, text, as_of=date.fromisoformat(sources[name]["date"]))
        items = gold.get(name, [])
        spans = []
        for g in items:
            gt = damage(g["text"], pairs)
            s = text.find(gt)
            assert s >= 0, f"gold text not in {name} ({variant}): {gt!r}"
            spans.append((s, s + len(gt)))
        hit = [False] * len(items)
        for cl in ans.claims:
            best = None
            for i, (g, (s, e)) in enumerate(zip(items, spans, strict=True)):
                if not _overlap(cl.start, cl.end, s, e):
                    continue
                if g["instrument"] and cl.instrument and g["instrument"] != cl.instrument:
                    continue
                if g["subjects"] and cl.subjects and not set(g["subjects"]) & set(cl.subjects):
                    continue
                rank = (not hit[i], g["kind"] == cl.kind)  # an unread claim first, of the same kind
                if best is None or rank > (not hit[best], items[best]["kind"] == cl.kind):
                    best = i
            if best is None:
                totals["fp"] += 1
                bump(cl.kind, "fp")
                if verbose:
                    print(f"  [{variant}] false hit {name}: {cl.kind} {cl.verdict} {cl.text[:80]!r}")
                continue
            g = items[best]
            if hit[best]:
                continue  # a second reading of the same claim: neither hit nor miss
            hit[best] = True
            if g["optional"]:
                totals["opt"] += 1
            else:
                totals["tp"] += 1
                bump(g["kind"], "tp")
            totals["verdict_n"] += 1
            ok = cl.verdict in g["verdict"]
            totals["verdict_ok"] += ok
            primary = g["verdict"][0]
            if primary == "supported" and cl.verdict == "contradicted":
                totals["true_contradicted"] += 1
            if primary == "supported" and cl.verdict == "partly" and "partly" not in g["verdict"]:
                totals["true_partly"] += 1
            if primary == "contradicted" and cl.verdict == "supported":
                totals["false_supported"] += 1
            if verbose and not ok:
                print(
                    f"  [{variant}] wrong verdict {name}: {cl.verdict} (gold {g['verdict']}) {cl.text[:70]!r}"
                )
                for r in cl.reasons[:3]:
                    print(f"        - {r[:150]}")
        for g, ok in zip(items, hit, strict=True):
            if not ok and not g["optional"]:
                totals["fn"] += 1
                bump(g["kind"], "fn")
                if verbose:
                    print(f"  [{variant}] missed {name}: {g['kind']} {g['text'][:80]!r}")
    name = "dev" if root == globals()["DEV"] else root.name
    return {"variant": f"{name}:{variant}", "totals": totals, "per_kind": per_kind}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def print_dev(results: list[dict[str, object]]) -> None:
    print(
        "labelled real excerpts (gold written before the run): dev = evaluation/claims/dev (24), "
        "holdout = evaluation/claims/holdout (6), holdout2 = evaluation/claims/holdout2 (7), "
        "holdout3 = evaluation/claims/holdout3 (16)"
    )
    print(f"{'set':12} {'kind':11} {'recall':>7} {'prec.':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
    for r in results:
        t = r["totals"]  # type: ignore[index]
        for kind, k in sorted(r["per_kind"].items()):  # type: ignore[union-attr]
            print(
                f"{r['variant']:12} {kind:11} {_ratio(k['tp'], k['tp'] + k['fn']):>7} "
                f"{_ratio(k['tp'], k['tp'] + k['fp']):>7} {k['tp']:4} {k['fp']:4} {k['fn']:4}"
            )
        tp, fp, fn, opt = t["tp"], t["fp"], t["fn"], t["opt"]
        print(
            f"{r['variant']:12} {'ALL':11} {_ratio(tp, tp + fn):>7} {_ratio(tp + opt, tp + opt + fp):>7} "
            f"{tp:4} {fp:4} {fn:4}   (+{opt} optional claims read)"
        )
        print(
            f"{'':12} verdicts right {t['verdict_ok']}/{t['verdict_n']} "
            f"({_ratio(t['verdict_ok'], t['verdict_n'])}); "
            f"true called contradicted {t['true_contradicted']}; "
            f"false called supported {t['false_supported']}; "
            f"true called partly {t['true_partly']}"
        )


def precision_recall() -> None:
    from foederis.claims.check import check
    from foederis.engine.cache import load_compiled

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


def cold_start(runs: int = 5) -> dict[str, float]:
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
    # byte-compiled first, as an installed package is: a shell with PYTHONDONTWRITEBYTECODE set
    # would otherwise measure compiling every module from source on every run
    import foederis

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(foederis.__file__).parent)], check=True
    )
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
        f"worst {max(times):.3f} s over {runs} runs (target < 0.5 s)"
    )
    return {
        "cold_check_2000_words_best_s": round(min(times), 3),
        "cold_check_2000_words_worst_s": round(max(times), 3),
    }


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--make-damaged" in args:
        for root in SETS:
            make_damaged(root)
        sys.exit(0)
    verbose = "--verbose" in args
    sets = [(v, root) for root in SETS for v in ("clean", "p1", "p2")]
    if "--set" in args:
        wanted = args[args.index("--set") + 1].split(",")
        sets = [(v, r) for v, r in sets if ("dev" if r == DEV else r.name) in wanted]
    results = [dev_eval(v, verbose, root) for v, root in sets]
    print_dev(results)
    if "--dev" not in args:
        precision_recall()
        figures: dict[str, object] = {"sets": {str(r["variant"]): r["totals"] for r in results}}
        figures.update(cold_start())
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _common import save

        save("bench_check", figures)
