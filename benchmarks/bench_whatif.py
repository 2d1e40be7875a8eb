"""A sweep of a million what-if withdrawals (NOR, CCM Art. 20(3)) through the vectorised kernel.

Random notice dates 2010-2040 and one random assumed conflict each (a third none, a third ongoing,
a third ending), on top of Norway's recorded conflicts. A random sample is checked against the
scalar question `withdrawal_whatif`, which lays the facts over the record and compiles it again.

Run: python benchmarks/bench_whatif.py [--n 1000000] [--sample 1000]. Writes results.json ("whatif").
"""

from __future__ import annotations

import argparse
import statistics
from datetime import date
from pathlib import Path

import numpy as np
from _common import save, table, timed, verdict

TARGET = 2.0  # seconds for a million
STATE, INSTRUMENT = "NOR", "ccm"
FIRST, LAST = date(2010, 1, 1), date(2040, 12, 31)


def inputs(n: int, rng: np.random.Generator, recorded: list[tuple[int, int]]):
    """Notice days and an (n, 1 + recorded) conflict table: slot 0 random, then the recorded ones."""
    from foederis.engine.compile import day_number
    from foederis.engine.whatif_kernel import NO_CONFLICT, ONGOING

    notice = rng.integers(day_number(FIRST), day_number(LAST) + 1, n)
    kind = rng.integers(0, 3, n)  # 0 none, 1 ongoing, 2 ending
    start = notice + rng.integers(-730, 731, n)  # around the expiry (notice + ~182 days) and beyond
    end = start + rng.integers(1, 1001, n)
    start = np.where(kind == 0, NO_CONFLICT, start)
    end = np.where(kind == 2, end, ONGOING)
    starts = np.column_stack([start, *(np.full(n, s) for s, _ in recorded)])
    ends = np.column_stack([end, *(np.full(n, e) for _, e in recorded)])
    return notice, kind, starts, ends


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1_000_000, help="what-ifs in the sweep")
    ap.add_argument("--sample", type=int, default=1000, help="what-ifs checked against withdrawal_whatif")
    ap.add_argument("--runs", type=int, default=5, help="repetitions of the sweep (median reported)")
    ap.add_argument("--overflow", choices=["clip", "next_day"], default="clip", help="option month_overflow")
    ap.add_argument("--seed", type=int, default=20240906)
    args = ap.parse_args()

    from foederis.engine.compile import compile_record, day_number, from_day_number
    from foederis.engine.whatif_kernel import ONGOING, add_months, withdrawal_effective
    from foederis.questions.withdrawal import withdrawal_whatif
    from foederis.record.loader import load_record
    from foederis.record.models import ConflictPeriod
    from foederis.rules import calendar
    from foederis.rules.base import RuleContext
    from foederis.rules.conflict import engaged_periods, frozen_until
    from foederis.rules.options import Options

    c = compile_record(load_record(), Options(month_overflow=args.overflow))
    periods = engaged_periods(RuleContext(c.record, c.options, INSTRUMENT), STATE)
    recorded = [(day_number(p.start), ONGOING if p.end is None else day_number(p.end)) for p in periods]
    # a period that ends only because its dataset ends (UCDP 2024) keeps a withdrawal it covers pending
    censored = [p.censored for p in periods]
    rng = np.random.default_rng(args.seed)
    gen_s, (notice, kind, starts, ends) = timed(lambda: inputs(args.n, rng, recorded))
    opened = np.zeros(starts.shape, bool)
    opened[:, 1:] = np.array(censored, bool)[None, :]

    sweep = [
        timed(lambda: withdrawal_effective(notice, starts, ends, c.options, open_end=opened))
        for _ in range(args.runs)
    ]
    sweep_s = statistics.median(t for t, _ in sweep)
    effective, pending = sweep[0][1]
    one_slot_s = statistics.median(
        timed(lambda: withdrawal_effective(notice, starts[:, 0], ends[:, 0], c.options))[0]
        for _ in range(args.runs)
    )
    expiry = add_months(notice, 6, c.options.month_overflow)
    frozen = ~pending & (effective != expiry)

    # the scalar rule path (add_months + frozen_until) per what-if, for scale
    def scalar_one(i: int) -> date | None:
        ps = list(periods)
        if kind[i] != 0:
            e = None if ends[i, 0] == ONGOING else from_day_number(ends[i, 0])
            ps.append(ConflictPeriod(STATE, from_day_number(starts[i, 0]), e, "assumed", "", "what-if"))
        exp = calendar.add_months(from_day_number(notice[i]), 6, c.options)
        return frozen_until(exp, sorted(ps, key=lambda p: p.start))[0]

    n_scalar = min(args.n, 20_000)
    scalar_s, scalar_out = timed(lambda: [scalar_one(i) for i in range(n_scalar)])
    kernel_out = [None if pending[i] else from_day_number(effective[i]) for i in range(n_scalar)]
    scalar_agree = sum(w == k for w, k in zip(scalar_out, kernel_out, strict=True))

    # the question itself (recompiles the record per call): a random sample
    picks = rng.choice(args.n, size=min(args.sample, args.n), replace=False)
    agree = disagree = not_permitted = 0
    mismatches: list[str] = []

    def ask_all() -> None:
        nonlocal agree, disagree, not_permitted
        for i in picks:
            assumed = []
            if kind[i] != 0:
                e = None if ends[i, 0] == ONGOING else from_day_number(ends[i, 0])
                assumed.append((from_day_number(starts[i, 0]), e))
            ans = withdrawal_whatif(c, STATE, INSTRUMENT, from_day_number(notice[i]), assumed)
            if ans.outcome == "not_permitted":  # not a party on that day: Art. 20(3) never applies
                not_permitted += 1
                continue
            got = None if pending[i] else from_day_number(effective[i])
            said = ans.effective if ans.outcome == "effective" else None
            if said == got and ans.outcome in ("effective", "pending"):
                agree += 1
            else:
                disagree += 1
                if len(mismatches) < 5:
                    mismatches.append(
                        f"notice {from_day_number(notice[i])} conflict {assumed}: "
                        f"question {ans.outcome} {ans.effective}, kernel {got}"
                    )

    question_s, _ = timed(ask_all)
    compared = agree + disagree

    rows = [
        (
            f"kernel: {args.n:,} what-ifs, {starts.shape[1]} conflict slots each (median of {args.runs})",
            f"{sweep_s:.3f} s",
            f"< {TARGET} s",
            verdict(sweep_s < TARGET),
        ),
        (f"kernel: {args.n:,} what-ifs, 1 conflict slot each", f"{one_slot_s:.3f} s", "", ""),
        ("  kernel throughput", f"{args.n / sweep_s / 1e6:.1f} M/s", "", ""),
        (
            "  outcomes: pending / frozen then effective / plain",
            f"{pending.mean():.1%} / {frozen.mean():.1%} / {1 - pending.mean() - frozen.mean():.1%}",
            "",
            "",
        ),
        (
            f"scalar add_months + frozen_until, {n_scalar:,} what-ifs",
            f"{scalar_s:.3f} s ({scalar_s / n_scalar * 1e6:.0f} us each)",
            "",
            "",
        ),
        (
            "  kernel speed-up over the scalar rule path",
            f"{(scalar_s / n_scalar) / (sweep_s / args.n):.0f}x",
            "",
            "",
        ),
        (
            "  kernel agrees with the scalar rule path",
            f"{scalar_agree}/{n_scalar}",
            f"{n_scalar}/{n_scalar}",
            verdict(scalar_agree == n_scalar),
        ),
        (
            f"withdrawal_whatif({STATE}, {INSTRUMENT}) sample of {len(picks):,}",
            f"{question_s:.2f} s ({question_s / len(picks) * 1e3:.1f} ms each)",
            "",
            "",
        ),
        (
            "  kernel agrees with withdrawal_whatif",
            f"{agree}/{compared}",
            f"{compared}/{compared}",
            verdict(disagree == 0),
        ),
        ("  not permitted (notice before NOR was a party)", str(not_permitted), "", ""),
    ]
    table(
        f"what-if sweep: {STATE}/{INSTRUMENT}, notices {FIRST}..{LAST}, options {c.options.month_overflow}",
        rows,
    )
    for m in mismatches:
        print("  MISMATCH", m)
    save(
        "whatif",
        {
            "n": args.n,
            "conflict_slots": int(starts.shape[1]),
            "recorded_conflicts": [[str(p.start), str(p.end)] for p in periods],
            "input_generation_s": gen_s,
            "kernel_median_s": sweep_s,
            "kernel_runs_s": [t for t, _ in sweep],
            "kernel_one_slot_median_s": one_slot_s,
            "kernel_per_s": args.n / sweep_s,
            "share_pending": float(pending.mean()),
            "share_frozen_then_effective": float(frozen.mean()),
            "scalar_rule_n": n_scalar,
            "scalar_rule_s": scalar_s,
            "scalar_rule_agree": int(scalar_agree),
            "speedup_over_scalar_rule": (scalar_s / n_scalar) / (sweep_s / args.n),
            "question_sample": len(picks),
            "question_s": question_s,
            "question_agree": agree,
            "question_disagree": disagree,
            "question_not_permitted": not_permitted,
            "seed": args.seed,
            "month_overflow": args.overflow,
            "script": Path(__file__).name,
        },
    )


if __name__ == "__main__":
    main()
