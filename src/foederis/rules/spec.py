"""The typed parts of one instrument's description: entry into force, withdrawal, obligations, data.

Every question reads an instrument through these parts (via the registry), so a new treaty needs
only its data, a rules module built from the shared shapes and one `InstrumentSpec`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from foederis.record.models import InstrumentFiles
from foederis.rules import calendar
from foederis.rules.base import Compilation, RuleContext
from foederis.rules.options import Options

Role = Literal["alliance", "arms_control", "weapons_ban"]
Kind = Literal["legal", "political"]


@dataclass(frozen=True)
class EntryIntoForce:
    """The provisions that set entry into force: treaty-wide first, then for later instruments."""

    provisions: tuple[str, ...]


@dataclass(frozen=True)
class Withdrawal:
    """How a party leaves: the notice it gives, how long it runs, and what may hold it back.

    `armed_conflict_freeze` is the Art. 20(3) shape (no effect while the state is engaged in an
    armed conflict); `earliest_notice_fact` names the treaty-level fact (in the compilation's
    `treaty` table) before which no notice may be given (NATO Art. 13: twenty years in force).
    """

    notice_action: str  # the event action that gives notice in this instrument's record
    effect: str  # provision id setting when the withdrawal takes effect
    right: str | None = None  # provision id granting the right to withdraw, if a separate one
    months: int = 0
    days: int = 0
    counted_from: Literal["receipt", "notice", "intended_date"] = "notice"
    armed_conflict_freeze: bool = False
    earliest_notice_fact: str | None = None

    def expiry(self, notice: date, options: Options) -> date:
        """The day the notice period runs out."""
        day = calendar.add_months(notice, self.months, options) if self.months else notice
        return day + timedelta(days=self.days)

    def latest_notice(self, by: date, options: Options) -> date:
        """The latest notice day whose period runs out on or before `by`."""
        day = by - timedelta(days=self.days)
        return calendar.months_before(day, self.months, options) if self.months else day

    def period(self) -> str:
        """The period in words ("6 months", "150 days")."""
        parts = [f"{self.months} months"] if self.months else []
        parts += [f"{self.days} days"] if self.days else []
        return " and ".join(parts) or "no period"


@dataclass(frozen=True)
class ActivityRule:
    """The prohibition of one activity, and the exception that limits it (if any)."""

    prohibition: str  # provision id
    exception: str | None = None  # provision id of an exception that permits it with limits
    limits: str = ""  # the condition the exception sets, quoted or closely summarised by provision
    #: what the prohibition covers, where it is narrower than the whole activity (ATT Art. 6: to
    #: authorize a transfer in the cases it names); empty: the activity itself
    covers: str = ""


@dataclass(frozen=True)
class Obligations:
    """What an instrument bans: the weapon categories, each activity's rule, and its
    interoperability issues (issue id -> rule object of `rules/interoperability.py`)."""

    weapons: tuple[str, ...]
    activities: Mapping[str, ActivityRule]
    interoperability: Mapping[str, object] = field(default_factory=dict)
    #: the provision setting the instrument's scope, cited for an activity it sets no rule on (the
    #: ATT regulates transfers, Art. 2(2), not use or production); None: every activity is declared
    scope: str | None = None


@dataclass(frozen=True)
class RecordCoverage:
    """How much of the depositary's record the data holds. A partial record names the published
    party count (depositary or treaty body; None: no figure seen in a source), its day and source."""

    extent: Literal["complete", "partial"] = "complete"
    published_parties: int | None = None
    as_of: date | None = None  # None: the source copy is undated
    source: str = ""

    def statement(self, held: int | None = None) -> str | None:
        """What an answer read from a partial record must say ("holds N of the M parties
        published"; without N when the answer is not a count); None for a complete record."""
        if self.extent == "complete":
            return None
        holds = f"it holds {held} parties" if held is not None else "it lacks some parties"
        if self.published_parties is None:
            return (
                f"The record is partial: {holds}; the depositary's party count is "
                "unknown (no published figure seen in a source)."
            )
        when = f"as of {self.as_of.isoformat()}" if self.as_of else "undated"
        if held is None:
            return (
                f"The record is partial: {holds} of the {self.published_parties} published "
                f"({when}, {self.source})."
            )
        return (
            f"The record is partial: it holds {held} of the {self.published_parties} parties "
            f"published ({when}, {self.source})."
        )


@dataclass(frozen=True)
class InstrumentSpec:
    """One instrument, whole: names, role, the rules that compile it and their typed parts."""

    id: str
    title: str
    short: str
    role: Role
    compile: Callable[[RuleContext], Compilation]
    aliases: tuple[str, ...] = ()
    depositary: str = ""
    entry_into_force: EntryIntoForce | None = None
    withdrawal: Withdrawal | None = None
    obligations: Obligations | None = None
    data: InstrumentFiles | None = None  # files outside the package's data folder, if any
    #: descriptive names beyond the aliases ("Oslo convention", "treaty banning ... cluster munitions"):
    #: regular expressions, case-insensitive, that the claim reader also reads as this instrument
    name_patterns: tuple[str, ...] = ()
    kind: Kind = "legal"
    #: complete, or partial with the depositary's published count: `members` says which
    record_coverage: RecordCoverage = field(default_factory=RecordCoverage)
