"""Plain, immutable record items. Validation happens in the loader, which knows file and row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from foederis.record.pickling import quick_unpickle

#: `assumed`: an input of a what-if or scenario, never a fact of the record.
FactStatus = Literal["sourced", "derived", "unverified", "assumed"]

#: Actions by which a state consents to be bound (depositary vocabulary); `consent` is UNTC's
#: "consent to be bound" by a CCW Protocol, notified under the Convention's art. 4(3)-(4).
CONSENT_ACTIONS = frozenset({"ratification", "accession", "acceptance", "approval", "consent"})
#: Actions by which a state becomes a party: consent, or a successor's notification of succession
#: (the depositaries count both: the OPCW's "190th State Party", Syria, counts Montenegro's succession).
JOINING_ACTIONS = CONSENT_ACTIONS | {"succession"}


@quick_unpickle
@dataclass(frozen=True, slots=True)
class Event:
    """One thing a state (or the treaty as a whole) did on a date, with its source."""

    instrument: str
    state: str  # ISO 3166 alpha-3, "*" for treaty-wide, "" for a group of states
    state_name: str
    action: str
    date: date
    source: str
    note: str = ""
    status: FactStatus = "sourced"
    file: str = ""
    row: int = 0
    source_kind: str = "other"  # see record/sources.py: depositary, government, ... other
    known_from: date | None = None  # the day the fact became public; None: the event's own date
    derived_from: str = ""  # for a derived fact: the row(s) it was worked out from (file:row)
    legal_basis: str = ""  # the provision a state invokes for the act (e.g. vclt/art_62), if any
    participants: tuple[str, ...] = ()  # ISO3 codes an alliance act names (Art. 5 collective defence)
    #: for a consent: the entry-into-force day a source states for the state (`eif_stated`), and
    #: the one the rules computed when the row was gathered (`eif_rule`); checks, never inputs
    eif_stated: date | None = None
    eif_rule: date | None = None

    @property
    def known(self) -> date:
        """The day from which the record treats the fact as public."""
        return self.known_from or self.date

    @property
    def ref(self) -> str:
        """A stable reference to the row this event came from."""
        return f"{self.file}:{self.row}"


@dataclass(frozen=True)
class InstrumentFiles:
    """The data files of an instrument kept outside the package's data folder (absolute paths):
    its participation rows (columns as `participation/ccm.csv`) and its provision texts."""

    instrument: str
    participation: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()


@quick_unpickle
@dataclass(frozen=True, slots=True)
class Provision:
    """One provision of a treaty text, by its Akoma Ntoso-style id."""

    id: str
    heading: str
    text: str | None  # None: the record has no verified text for it
    source: str
    note: str = ""
    corrected: tuple[str, ...] = ()

    @property
    def instrument(self) -> str:
        return self.id.split("/", 1)[0]


@quick_unpickle
@dataclass(frozen=True, slots=True)
class ConflictPeriod:
    """A period in which a state was engaged in an armed conflict: [start, end); end None = ongoing."""

    state: str
    start: date
    end: date | None
    basis: str
    opponent: str
    source: str
    note: str = ""
    precision: str = "day"  # precision of the source dates: day, month or year
    file: str = ""
    row: int = 0
    role: str = "primary"  # primary: a warring party itself; secondary: a state that joined with troops
    international: bool = True  # False for a non-international (internal) armed conflict
    censored: bool = False  # True: the period ends only because the dataset ends there
    known_from: date | None = None
    source_kind: str = "other"
    conflict_id: str = ""  # UCDP conflict id, when the period comes from UCDP/PRIO

    @property
    def known(self) -> date:
        return self.known_from or self.start

    def covers(self, day: date) -> bool:
        """True when the state is engaged in this conflict on that day."""
        return self.start <= day and (self.end is None or day < self.end)


@quick_unpickle
@dataclass(frozen=True, slots=True)
class Presence:
    """Allied forces stationed in a host state."""

    host: str
    force: str
    lead: str
    start: date | None
    end: date | None
    source: str
    note: str = ""
    row: int = 0


@quick_unpickle
@dataclass(frozen=True, slots=True)
class SuccessionLink:
    """How one state's treaty status passes to another (continuation, succession, unification)."""

    predecessor: str
    successor: str
    kind: Literal["continuation", "succession", "unification"]
    date: date
    source: str
    note: str = ""
    status: FactStatus = "sourced"
    row: int = 0


@quick_unpickle
@dataclass(frozen=True, slots=True)
class StateInfo:
    """A state known to the record, with the names it goes by."""

    iso3: str
    name: str
    aliases: tuple[str, ...] = field(default=())
    historic: bool = False
