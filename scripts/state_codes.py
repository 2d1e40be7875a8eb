"""Write src/foederis/data/project/state_codes.csv: every ISO 3166 entry the record knows, whether it
is a state (UN member, observer, other state, historic) or a territory, with its Correlates of War
and Gleditsch–Ward numbers. The crosswalks come from country_converter (GW, UN membership) and
countrycode (COW); `state_codes_overrides.csv` corrects and completes them, each row with its source.
Run after upgrading either library; `tests/test_state_codes.py` checks the file is current."""

from __future__ import annotations

import csv
import io
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "src/foederis/data/project"
OUT = PROJECT / "state_codes.csv"
HISTORIC = ("SUN", "CSK", "DDR", "SCG", "YUG")  # the former states the record uses
COLUMNS = ("iso3", "name", "kind", "un_member_since", "cow", "gw", "source")


def _int(value: object) -> str:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    return "" if number != number else str(int(number))  # NaN check


def _code(override: str | None, library: object, kind: str) -> str:
    """An override wins ('-': the state has no code in that list); territories have no code."""
    if override:
        return "" if override == "-" else override
    return "" if kind == "territory" else _int(library)


def build() -> str:
    """The CSV text, rows sorted by alpha-3 code."""
    import country_converter as coco
    import pycountry
    from countrycode import countrycode

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    cc = coco.CountryConverter()
    with (PROJECT / "state_codes_overrides.csv").open(newline="", encoding="utf-8") as fh:
        overrides = {r["iso3"]: r for r in csv.DictReader(fh)}
    entries = [(c.alpha_3, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    entries += [
        (c.alpha_3, c.name.split(",")[0]) for c in pycountry.historic_countries if c.alpha_3 in HISTORIC
    ]
    codes = [iso for iso, _ in entries]
    gw = cc.convert(codes, src="ISO3", to="GWcode", not_found=None)
    un = cc.convert(codes, src="ISO3", to="UNmember", not_found=None)
    cow = countrycode(codes, origin="iso3c", destination="cown")
    rows = []
    for (iso3, name), g, u, w in zip(entries, gw, un, cow, strict=True):
        fix = overrides.get(iso3, {})
        un_since = _int(u)
        kind = fix.get("kind") or (
            "historic" if iso3 in HISTORIC else "member_state" if un_since else "territory"
        )
        source = "country_converter (GW, UN membership); countrycode (COW)"
        if fix:
            source = f"{source}; override: {fix['source']}"
        rows.append(
            {
                "iso3": iso3,
                "name": name,
                "kind": kind,
                "un_member_since": un_since,
                "cow": _code(fix.get("cow"), w, kind),
                "gw": _code(fix.get("gw"), g, kind),
                "source": source,
            }
        )
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: r["iso3"]))
    return out.getvalue()


if __name__ == "__main__":
    text = build()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} rows")
