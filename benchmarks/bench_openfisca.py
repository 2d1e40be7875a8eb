"""The CCM/APMBT Art. 20(3) withdrawal rule in OpenFisca and in foederis, on the same inputs.

Six months after notice (month ends per the option month_overflow); frozen while a conflict covers
the expiry day, pending while that conflict is ongoing. OpenFisca gets a minimal TaxBenefitSystem
(one entity, int day-number variables, vectorised formulas written with its own helpers and
numpy datetime64); foederis uses `engine.whatif_kernel.withdrawal_effective`. Rows are every state x
every notice day 1949-01-01..2030-12-31, each with the state's recorded conflicts plus one random
assumed conflict (none, ongoing or ending), in chunks. Both must agree row for row.

Run: python benchmarks/bench_openfisca.py [--states N] [--chunk ROWS]. Writes results.json ("openfisca").
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import numpy as np
from _common import save, table, timed, verdict
from openfisca_core.entities import build_entity
from openfisca_core.model_api import YEAR, Variable, max_, min_, where
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

TARGET_RATIO = 20.0
FIRST, LAST = date(1949, 1, 1), date(2030, 12, 31)
EPOCH = np.datetime64("1800-01-01", "D")  # day 0 of foederis.engine.compile.day_number
#: The one period of every simulation. Dates travel as day numbers, so the period plays no part;
#: YEAR, because this openfisca-core cannot run a formula of an ETERNITY variable (its start is year -1).
PERIOD = "2025"
NONE = -1  # conflict start: empty slot; conflict end: ongoing; effective day: pending


def build_system(slots: int, next_day: bool) -> TaxBenefitSystem:
    """One entity ('treaty_party': a state in one what-if), inputs per conflict slot, three formulas."""
    party = build_entity(
        "treaty_party", "treaty_parties", "A state giving notice of withdrawal", is_person=True
    )
    system = TaxBenefitSystem([party])

    def int_input(name: str, label: str) -> type[Variable]:
        return type(
            name,
            (Variable,),
            {
                "value_type": int,
                "entity": party,
                "definition_period": YEAR,
                "default_value": NONE,
                "label": label,
            },
        )

    system.add_variable(int_input("notice_day", "Day the instrument of withdrawal is received"))
    for j in range(slots):
        system.add_variable(int_input(f"conflict_start_{j}", "First day engaged in conflict j (-1: none)"))
        system.add_variable(int_input(f"conflict_end_{j}", "Day conflict j has ended (-1: ongoing)"))

    class expiry_day(Variable):
        value_type = int
        entity = party
        definition_period = YEAR
        label = "Day the six-month period expires (Art. 20(3), first sentence)"

        def formula(treaty_party, period):
            notice = EPOCH + treaty_party("notice_day", period).astype("timedelta64[D]")
            month = notice.astype("datetime64[M]")
            day_of_month = (notice - month.astype("datetime64[D]")).astype(int) + 1
            first = (month + 6).astype("datetime64[D]")
            length = ((month + 7).astype("datetime64[D]") - first).astype(int)
            if next_day:
                offset = where(day_of_month > length, length, day_of_month - 1)
            else:
                offset = min_(day_of_month, length) - 1
            return (first - EPOCH).astype(int) + offset

    class withdrawal_pending(Variable):
        value_type = bool
        entity = party
        definition_period = YEAR
        label = "Engaged in an ongoing armed conflict on the expiry day (Art. 20(3), second sentence)"

        def formula(treaty_party, period):
            return _freeze(treaty_party, period, slots)[1]

    class effective_day(Variable):
        value_type = int
        entity = party
        definition_period = YEAR
        label = "Day the withdrawal takes effect (-1 while pending)"

        def formula(treaty_party, period):
            day = _freeze(treaty_party, period, slots)[0]
            return where(treaty_party("withdrawal_pending", period), NONE, day)

    for v in (expiry_day, withdrawal_pending, effective_day):
        system.add_variable(v)
    return system


def _freeze(treaty_party, period, slots: int):
    """Move the expiry day to the end of each conflict covering it, slot by slot, until none does."""
    day = treaty_party("expiry_day", period)
    pending = np.zeros(day.shape, bool)
    starts = [treaty_party(f"conflict_start_{j}", period) for j in range(slots)]
    ends = [treaty_party(f"conflict_end_{j}", period) for j in range(slots)]
    for _ in range(slots):
        for start, end in zip(starts, ends, strict=True):
            covers = (start != NONE) & (start <= day) & ((end == NONE) | (day < end))
            pending = pending | (covers & (end == NONE))
            day = where(covers & (end != NONE), max_(day, end), day)
    return day, pending


def run_openfisca(system: TaxBenefitSystem, notice, starts, ends) -> tuple[np.ndarray, np.ndarray]:
    sim = SimulationBuilder().build_default_simulation(system, len(notice))
    sim.set_input("notice_day", PERIOD, notice.astype(np.int32))
    for j in range(starts.shape[1]):
        sim.set_input(f"conflict_start_{j}", PERIOD, starts[:, j].astype(np.int32))
        sim.set_input(f"conflict_end_{j}", PERIOD, ends[:, j].astype(np.int32))
    return sim.calculate("effective_day", PERIOD), sim.calculate("withdrawal_pending", PERIOD)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--states", type=int, default=0, help="first N states only (0: all)")
    ap.add_argument("--chunk", type=int, default=500_000, help="rows per chunk")
    ap.add_argument("--overflow", choices=["clip", "next_day"], default="clip")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--singles", type=int, default=1000, help="what-ifs run one per call")
    args = ap.parse_args()

    from foederis.engine.compile import compile_record, day_number
    from foederis.engine.whatif_kernel import ONGOING, add_months, withdrawal_effective
    from foederis.record.loader import load_record
    from foederis.rules.base import RuleContext
    from foederis.rules.conflict import engaged_periods
    from foederis.rules.options import Options

    assert NONE == ONGOING
    options = Options(month_overflow=args.overflow)
    c = compile_record(load_record(), options)
    states = c.states[: args.states] if args.states else c.states
    recorded = {s: engaged_periods(RuleContext(c.record, options, "ccm"), s) for s in states}
    k_rec = max(len(p) for p in recorded.values())
    slots = 1 + k_rec
    rec_start = np.full((len(states), k_rec), NONE, np.int64)
    rec_end = np.full((len(states), k_rec), NONE, np.int64)
    for i, s in enumerate(states):
        for j, p in enumerate(recorded[s]):
            rec_start[i, j] = day_number(p.start)
            rec_end[i, j] = NONE if p.end is None else day_number(p.end)
    days = np.arange(day_number(FIRST), day_number(LAST) + 1, dtype=np.int64)
    n = len(states) * len(days)
    system = build_system(slots, args.overflow == "next_day")

    t_of = t_fo = 0.0
    mismatched = n_pending = n_frozen = 0
    for lo in range(0, n, args.chunk):
        rows = np.arange(lo, min(lo + args.chunk, n))
        rng = np.random.default_rng([args.seed, lo])
        state, notice = rows // len(days), days[rows % len(days)]
        kind = rng.integers(0, 3, len(rows))
        start = notice + rng.integers(-730, 731, len(rows))
        end = start + rng.integers(1, 1001, len(rows))
        starts = np.column_stack([np.where(kind == 0, NONE, start), rec_start[state]])
        ends = np.column_stack([np.where(kind == 2, end, NONE), rec_end[state]])
        dt, (of_eff, of_pend) = timed(lambda: run_openfisca(system, notice, starts, ends))  # noqa: B023
        t_of += dt
        dt, (fo_eff, fo_pend) = timed(lambda: withdrawal_effective(notice, starts, ends, options))  # noqa: B023
        t_fo += dt
        mismatched += int(np.count_nonzero((of_eff != fo_eff) | (of_pend != fo_pend)))
        n_pending += int(fo_pend.sum())
        n_frozen += int(np.count_nonzero(~fo_pend & (fo_eff != add_months(notice, 6, args.overflow))))
    ratio = t_of / t_fo
    # one what-if at a time (as an API serves them): per-call cost of each, on the last chunk's rows
    singles = min(args.singles, len(notice))
    one = [slice(i, i + 1) for i in range(singles)]
    t1_of, one_of = timed(lambda: [run_openfisca(system, notice[r], starts[r], ends[r]) for r in one])
    t1_fo, one_fo = timed(lambda: [withdrawal_effective(notice[r], starts[r], ends[r], options) for r in one])
    singles_agree = all(
        a[0][0] == b[0][0] and a[1][0] == b[1][0] for a, b in zip(one_of, one_fo, strict=True)
    )
    ratio1 = t1_of / t1_fo
    rows_out = [
        (f"rows: {len(states)} states x {len(days):,} days, {slots} conflict slots", f"{n:,}", "", ""),
        (
            "OpenFisca (build simulation, set inputs, calculate)",
            f"{t_of:.2f} s ({n / t_of / 1e6:.2f} M rows/s)",
            "",
            "",
        ),
        ("foederis kernel (withdrawal_effective)", f"{t_fo:.3f} s ({n / t_fo / 1e6:.1f} M rows/s)", "", ""),
        (
            "foederis speed-up over OpenFisca",
            f"{ratio:.0f}x",
            f">= {TARGET_RATIO:.0f}x",
            verdict(ratio >= TARGET_RATIO),
        ),
        (
            f"one what-if per call, {singles:,} calls: OpenFisca",
            f"{t1_of / singles * 1e3:.2f} ms each",
            "",
            "",
        ),
        ("one what-if per call: foederis kernel", f"{t1_fo / singles * 1e6:.0f} us each", "", ""),
        (
            "  foederis speed-up, one what-if per call",
            f"{ratio1:.0f}x",
            f">= {TARGET_RATIO:.0f}x",
            verdict(ratio1 >= TARGET_RATIO),
        ),
        ("  one-per-call results agree", str(singles_agree), "True", verdict(singles_agree)),
        ("rows where the two disagree", f"{mismatched:,}", "0", verdict(mismatched == 0)),
        ("rows pending / frozen then effective", f"{n_pending:,} / {n_frozen:,}", "", ""),
    ]
    table(f"Art. 20(3) in OpenFisca vs foederis (month_overflow={args.overflow})", rows_out)
    save(
        "openfisca",
        {
            "rows": n,
            "states": len(states),
            "days": len(days),
            "conflict_slots": slots,
            "chunk": args.chunk,
            "openfisca_s": t_of,
            "foederis_s": t_fo,
            "ratio": ratio,
            "mismatched_rows": mismatched,
            "single_calls": singles,
            "single_openfisca_s": t1_of,
            "single_foederis_s": t1_fo,
            "single_ratio": ratio1,
            "single_agree": singles_agree,
            "pending_rows": n_pending,
            "frozen_rows": n_frozen,
            "month_overflow": args.overflow,
            "seed": args.seed,
            "openfisca_core": _version("openfisca-core"),
            "script": Path(__file__).name,
        },
    )


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


if __name__ == "__main__":
    main()
