"""Conflict periods for every state from the UCDP/PRIO Armed Conflict Dataset v25.1.

One period per (conflict episode, state, role): primary parties are the warring governments
(`gwno_a`, `gwno_b`), secondary ones the states that joined with troops (`gwno_a_2nd`,
`gwno_b_2nd`, coded per year). Episodes run from `start_date2` to `ep_end_date`; an episode still
active in 2024 ends with the dataset, and the period says so (`censored`).
Gleditsch–Ward numbers are mapped by country_converter, then through the record's successions.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from foederis.record.models import ConflictPeriod, SuccessionLink

UCDP_FILE = "ucdp/UcdpPrioConflict_v25_1.csv"
DATASET_END = date(2025, 1, 1)  # exclusive: v25.1 codes conflict-years up to 2024
SOURCE = "UCDP/PRIO Armed Conflict Dataset v25.1 (data/ucdp/UcdpPrioConflict_v25_1.csv)"
TYPES = {"1": "extrasystemic", "2": "interstate", "3": "intrastate", "4": "internationalized intrastate"}
#: UCDP precision codes (codebook 4.3, 4.4) to the record's precision words.
PRECISION = {"1": "day", "2": "day", "3": "month", "4": "month"}


def _day(text: str) -> date | None:
    if not text.strip():
        return None
    d, m, y = (int(x) for x in text.strip().split("-"))
    return date(y, m, d)


def _codes(text: str) -> list[int]:
    return [int(x) for x in text.replace(" ", "").split(",") if x.strip().isdigit()]


def _gw_crosswalk() -> dict[int, str]:
    """country_converter's Gleditsch–Ward → ISO3 crosswalk.

    Read from the table the library ships (country_data.tsv) without importing it, which would
    import pandas and cost more than the rest of the record's loading; the library's own API is
    the fallback should the table move.
    """
    import importlib.util

    spec = importlib.util.find_spec("country_converter")
    locations = list(spec.submodule_search_locations or []) if spec else []
    table = Path(locations[0]) / "country_data.tsv" if locations else None
    if table is not None and table.exists():
        with table.open(newline="", encoding="utf-8") as fh:
            rows = [(r.get("GWcode", ""), r.get("ISO3", "")) for r in csv.DictReader(fh, delimiter="\t")]
        return {int(float(gw)): iso3 for gw, iso3 in rows if gw.strip() and iso3.strip()}
    import country_converter as coco

    data = coco.CountryConverter().data[["GWcode", "ISO3"]].dropna()
    return {int(gw): str(iso3) for gw, iso3 in zip(data["GWcode"], data["ISO3"], strict=True)}


class GwMapper:
    """Gleditsch–Ward number and day → ISO 3166 alpha-3 code of a state in the record."""

    def __init__(self, codes: set[int], overrides: list[dict[str, str]], links: tuple[SuccessionLink, ...]):
        crosswalk = _gw_crosswalk()
        self.base = {gw: crosswalk[gw] for gw in codes if gw in crosswalk}
        self.overrides: dict[int, list[tuple[date | None, str]]] = defaultdict(list)
        for row in overrides:
            until = date.fromisoformat(row["until"]) if row["until"] else None
            self.overrides[int(row["gwno"])].append((until, row["iso3"]))
        self.before = {
            lk.successor: (lk.date, lk.predecessor)
            for lk in links
            if lk.kind in ("continuation", "succession") and lk.predecessor not in ("",)
        }

    def iso(self, gw: int, day: date) -> str | None:
        if gw in self.overrides:
            for until, iso3 in self.overrides[gw]:
                if until is None or day < until:
                    return iso3 or None
            return None
        iso3 = self.base.get(gw)
        if iso3 and iso3 in self.before and day < self.before[iso3][0]:
            return self.before[iso3][1]
        return iso3


def load_ucdp(root: Path, known: set[str], links: tuple[SuccessionLink, ...]) -> list[ConflictPeriod]:
    """Every UCDP episode as conflict periods of the states the record knows."""
    with (root / UCDP_FILE).open(newline="", encoding="utf-8") as fh:
        # the distributed copy has one record broken over two lines (conflict 11349, 2008): it is
        # skipped rather than guessed at, and the data README says so
        rows = [r for r in csv.DictReader(fh, delimiter=";") if r["year"].isdigit() and r["start_date2"]]
    with (root / "project/gw_overrides.csv").open(newline="", encoding="utf-8") as fh:
        overrides = list(csv.DictReader(fh))
    codes = {
        gw for r in rows for col in ("gwno_a", "gwno_b", "gwno_a_2nd", "gwno_b_2nd") for gw in _codes(r[col])
    }
    mapper = GwMapper(codes, overrides, links)
    episodes: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        episodes[(r["conflict_id"], r["start_date2"])].append(r)
    out: list[ConflictPeriod] = []
    for (cid, _), years in sorted(episodes.items()):
        out.extend(_episode(cid, sorted(years, key=lambda r: int(r["year"])), mapper, known))
    return out


def _episode(
    cid: str, years: list[dict[str, str]], mapper: GwMapper, known: set[str]
) -> list[ConflictPeriod]:
    first, last = years[0], years[-1]
    start = _day(first["start_date2"]) or date(int(first["year"]), 1, 1)
    ended = last["ep_end"] == "1"
    end_day = _day(last["ep_end_date"]) if ended else None
    censored = not ended and int(last["year"]) == DATASET_END.year - 1
    end = end_day + timedelta(days=1) if end_day is not None else date(int(last["year"]) + 1, 1, 1)
    kind = TYPES.get(last["type_of_conflict"], "armed conflict")
    international = last["type_of_conflict"] in ("1", "2")
    runs: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_year = {int(r["year"]): r for r in years}
    for r in years:
        y = int(r["year"])
        mid = max(start, date(y, 1, 1))
        for role, cols in (("primary", ("gwno_a", "gwno_b")), ("secondary", ("gwno_a_2nd", "gwno_b_2nd"))):
            for col in cols:
                for gw in _codes(r[col]):
                    iso3 = mapper.iso(gw, mid)
                    if iso3 in known and y not in runs[(iso3, role)]:
                        runs[(iso3, role)].append(y)
    out: list[ConflictPeriod] = []
    first_year, last_year = int(first["year"]), int(last["year"])
    for (iso3, role), ys in sorted(runs.items()):
        if role == "secondary" and ys and (iso3, "primary") in runs:
            ys = [y for y in ys if y not in runs[(iso3, "primary")]]
        for lo, hi in _consecutive(sorted(ys)):
            p_start = start if lo == first_year else date(lo, 1, 1)
            p_end = end if hi == last_year else date(hi + 1, 1, 1)
            precision = PRECISION.get(first["start_prec2"], "year") if lo == first_year else "year"
            if role == "secondary":
                precision = "year"
            run_row = by_year[lo]
            sides = f"{run_row['side_a']} vs {run_row['side_b']}"
            note = (
                f"UCDP conflict_id {cid}, {kind}, location {first['location']}; episode start_date2 "
                f"{first['start_date2']} (start_prec2 {first['start_prec2']}); "
                + (
                    f"ep_end_date {last['ep_end_date']} (ep_end_prec {last['ep_end_prec'] or 'n/a'})"
                    if ended
                    else "ep_end = 0 in 2024, the last year of v25.1: the period ends with the dataset"
                    if censored
                    else "no ep_end_date coded"
                )
                + f"; {role} party in {lo}–{hi}"
            )
            out.append(
                ConflictPeriod(
                    iso3,
                    p_start,
                    p_end,
                    f"UCDP {kind} conflict: {sides}",
                    sides,
                    SOURCE,
                    note,
                    precision,
                    UCDP_FILE,
                    int(cid),
                    role=role,
                    international=international,
                    censored=censored and hi == last_year,
                    known_from=p_start,
                    source_kind="monitor",
                    conflict_id=cid,
                )
            )
    return out


def _consecutive(years: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for y in years:
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return runs
