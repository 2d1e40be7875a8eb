"""States and the names they go by: ISO 3166 alpha-3 and alpha-2, English names, UN-style names.

pycountry is the base; the record's own spellings and `data/project/aliases.csv` add the names
analysts and the depositaries use ("Moldova", "Republic of Moldova", "MDA" and "md" are one state).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from foederis.record.models import StateInfo

#: Former states that appear in the record (ISO 3166-3 codes keep their old alpha-3).
HISTORIC = ("SUN", "CSK", "DDR", "SCG", "YUG")

#: Names longer than this get no nearest-match search.
MAX_SUGGEST_CHARS = 100

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Fold a name for matching: case, accents, punctuation, a leading "the"."""
    return _fold_short(name) if len(name) <= MEMO_CHARS else _fold(name)


#: Names up to this length are folded once per process (an article names the same states again
#: and again); longer input, such as a hostile request's, is folded every time and never kept.
MEMO_CHARS = 80


@lru_cache(maxsize=4096)
def _fold_short(name: str) -> str:
    return _fold(name)


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    text = _PUNCT.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


class UnknownState(LookupError):
    """A name that resolves to no state; carries the nearest matches."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown state {name!r}.{hint}")


class StateRegistry:
    """Resolves any accepted name or code to one ISO 3166 alpha-3 code."""

    def __init__(self, states: Iterable[StateInfo], alpha2: dict[str, str]) -> None:
        self.states: dict[str, StateInfo] = {s.iso3: s for s in states}
        self._index: dict[str, str] = {}
        for info in self.states.values():
            for label in (info.iso3, info.name, *info.aliases):
                self._index.setdefault(normalise(label), info.iso3)
        for a2, iso3 in alpha2.items():
            self._index.setdefault(normalise(a2), iso3)

    def resolve(self, name: str) -> str:
        """The alpha-3 code for a name, or UnknownState with the nearest matches."""
        key = normalise(name)
        if key in self._index:
            return self._index[key]
        raise UnknownState(name, self.suggest(name))

    def get(self, name: str) -> str | None:
        """Like resolve, but None for an unknown name."""
        return self._index.get(normalise(name))

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Nearest known names, as 'Name (ISO)'."""
        from rapidfuzz import fuzz, process

        key = normalise(name)
        if not key or len(key) > MAX_SUGGEST_CHARS:
            return []  # no real name is that long, and matching a huge string costs seconds
        hits = process.extract(key, list(self._index), scorer=fuzz.WRatio, limit=limit * 3)
        out: list[str] = []
        for label, score, _ in hits:
            iso3 = self._index[label]
            entry = f"{self.states[iso3].name} ({iso3})"
            if score >= 60 and entry not in out:
                out.append(entry)
        return out[:limit]

    def name(self, iso3: str) -> str:
        info = self.states.get(iso3)
        return info.name if info else iso3

    def labels(self) -> dict[str, str]:
        """Every accepted (normalised) label and the state it means: used by fuzzy matchers."""
        return dict(self._index)


def build_registry(
    record_names: Iterable[tuple[str, str]], aliases: Iterable[tuple[str, str]]
) -> StateRegistry:
    """Build the registry from pycountry, the record's own names and the alias table."""
    import pycountry

    extra: dict[str, list[str]] = {}
    for name, iso3 in (*record_names, *aliases):
        if iso3 and iso3 not in ("*",):
            extra.setdefault(iso3, []).append(name)

    infos: list[StateInfo] = []
    alpha2: dict[str, str] = {}
    for c in pycountry.countries:
        names = [c.name]
        for attr in ("official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.append(value)
        names += extra.get(c.alpha_3, [])
        short = getattr(c, "common_name", None) or c.name
        infos.append(StateInfo(c.alpha_3, short, tuple(dict.fromkeys(names))))
        alpha2[c.alpha_2] = c.alpha_3
    for c in pycountry.historic_countries:
        if c.alpha_3 in HISTORIC:
            short = c.name.split(",")[0]
            names = [c.name, short, *extra.get(c.alpha_3, [])]
            infos.append(StateInfo(c.alpha_3, short, tuple(dict.fromkeys(names)), historic=True))
    return StateRegistry(infos, alpha2)
