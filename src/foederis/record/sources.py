"""What kind of source a citation is, and which sources the record never accepts.

The tables live in `data/sources/`: `kinds.csv` (domain → kind), `refused.csv` (never a source)
and `state_media.csv` (outlets that may source only what their own government said or did).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Source kinds, strongest first. The first four are primary: a fact resting on one of them
#: rests on the depositary, a government, an intergovernmental body or a court.
SOURCE_KINDS = (
    "depositary",
    "government",
    "intergovernmental",
    "court",
    "monitor",
    "wire",
    "newspaper",
    "reference",
    "other",
)
PRIMARY_KINDS = frozenset(SOURCE_KINDS[:4])

_URL = re.compile(r"https?://([^/\s\"'()<>;,]+)", re.IGNORECASE)


@dataclass(frozen=True)
class SourceTables:
    """The three source tables, read from `data/sources/`."""

    kinds: dict[str, str]
    refused: dict[str, str]
    state_media: dict[str, str]  # domain -> ISO3 of the government that owns it


@lru_cache(maxsize=4)
def load_tables(root: Path) -> SourceTables:
    def read(name: str) -> list[dict[str, str]]:
        with (root / "sources" / name).open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    return SourceTables(
        kinds={r["domain"].lower(): r["kind"] for r in read("kinds.csv")},
        refused={r["domain"].lower(): r["why"] for r in read("refused.csv")},
        state_media={r["domain"].lower(): r["government"] for r in read("state_media.csv")},
    )


def hosts(text: str) -> list[str]:
    """Every web host a citation names in a URL."""
    found = [m.group(1).lower().removeprefix("www.").split(":")[0] for m in _URL.finditer(text)]
    return list(dict.fromkeys(found))


def _bare_mentions(text: str, table: dict[str, str]) -> list[str]:
    """Domains of `table` named without a scheme ("as reported by milizona.blogspot.com")."""
    found: list[str] = []
    for domain in table:
        for m in re.finditer(rf"\b((?:[a-z0-9-]+\.)*{re.escape(domain)})\b", text, re.IGNORECASE):
            found.append(m.group(1).lower().removeprefix("www."))
    return found


def _match(host: str, table: dict[str, str]) -> str | None:
    """The table entry for a host: the host itself or its nearest parent domain."""
    parts = host.split(".")
    for i in range(len(parts)):
        hit = table.get(".".join(parts[i:]))
        if hit is not None:
            return hit
    return None


def primary_host(source: str) -> str:
    """The host (or `github:owner/name`, or dataset name) a source column cites first.

    An archive copy (web.archive.org, cybercemetery) is classed by the page it preserves.
    """
    urls = _URL.findall(source)
    if not urls:
        text = source.strip()
        if text.startswith("github:"):
            return "github:" + text.removeprefix("github:").split(":")[0].lower()
        return text.split(" ")[0].lower()
    first = source[source.lower().find("http") :].split()[0]
    inner = _URL.findall(first[8:])
    host = (inner[0] if inner else urls[0]).lower().removeprefix("www.")
    return host.split(":")[0]


def classify(source: str, tables: SourceTables) -> str:
    """The kind of the first source a citation names (`other` when the table does not know it)."""
    host = primary_host(source)
    return tables.kinds.get(host) or _match(host, tables.kinds) or "other"


def refused_hosts(text: str, tables: SourceTables) -> list[str]:
    """The refused hosts a text cites (anywhere: source column or note), with or without a URL."""
    found = [h for h in hosts(text) if _match(h, tables.refused) is not None]
    return list(dict.fromkeys(found + _bare_mentions(text, tables.refused)))


def state_media_of(source: str, tables: SourceTables) -> str | None:
    """The government whose state media the first source is, if it is state media."""
    return _match(primary_host(source), tables.state_media)


def cited_kinds(source: str, note: str, tables: SourceTables) -> list[str]:
    """The kinds of every accepted source a row names: its source column, then URLs in its note."""
    kinds = [classify(source, tables)]
    for host in hosts(note):
        if _match(host, tables.refused) is None:
            kinds.append(tables.kinds.get(host) or _match(host, tables.kinds) or "other")
    return kinds
