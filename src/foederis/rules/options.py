"""Interpretation options: where the law is ambiguous, a named choice with a documented default.

One immutable object. Passing a different one gives a different answer and never mutates
shared state; every answer reports the options it used.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

#: How 'N months after' treats a day the target month lacks (the rules' calendar takes it too).
MonthOverflow = Literal["clip", "next_day"]


class Options(BaseModel):
    """The interpretation options in force for one compilation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    month_overflow: MonthOverflow = Field(
        "clip",
        description=(
            "'N months after' a day the target month lacks (31 Aug + 6 months): 'clip' takes the "
            "last day of the target month (28/29 Feb), as python-dateutil does; 'next_day' rolls "
            "over to the first day of the following month (1 Mar)."
        ),
    )
    claimed_suspension: Literal["no_legal_effect", "releases"] = Field(
        "no_legal_effect",
        description=(
            "A suspension the treaty text does not provide for: 'no_legal_effect' records it as "
            "claimed and keeps the state bound under the treaty; 'releases' treats the state as "
            "no longer bound while the suspension lasts."
        ),
    )
    engaged: Literal["party_to_hostilities", "primary_party", "article5_participant"] = Field(
        "party_to_hostilities",
        description=(
            "Who is 'engaged in an armed conflict' (CCM and APMBT Art. 20(3)), international or "
            "not, read from UCDP/PRIO v25.1 and the curated rows: 'party_to_hostilities' counts "
            "the primary warring parties (UCDP side_a/side_b governments) and the secondary "
            "warring states that joined with troops (side_a_2nd/side_b_2nd); 'primary_party' "
            "counts only the primary parties; 'article5_participant' counts what "
            "'party_to_hostilities' counts and also every ally taking part in collective defence "
            "once Article 5 of the North Atlantic Treaty has been invoked for an attack."
        ),
    )
    freeze_scope: Literal["overlapping", "on_expiry"] = Field(
        "overlapping",
        description=(
            "Which armed conflicts hold back a withdrawal under CCM and APMBT Art. 20(3) ('shall not "
            "take effect before the end of the armed conflict'): 'overlapping' lets a conflict still "
            "running on the day the first one ends extend the hold, and so on; 'on_expiry' counts only "
            "the conflicts the state is engaged in on the day the notice period expires. TPNW "
            "Art. 17(3) needs no option: the state stays bound until it is party to no armed conflict."
        ),
    )
    assist_reading: Literal["state_declared", "broad", "narrow"] = Field(
        "state_declared",
        description=(
            "Whether letting an ally move banned weapons through, hosting its stockpile, joint "
            "operations and investment are prohibited 'assistance' (CCM and APMBT Art. 1(1)(c), "
            "CCM Art. 21(3)-(4)): 'state_declared' takes the state's own declared view where one "
            "is recorded and otherwise answers 'contested'; 'broad' is the ICRC's and the "
            "campaign's reading (assistance covers them, Art. 21 is no exception to Art. 1); "
            "'narrow' holds that Art. 21(3) permits what Art. 21(4) does not forbid."
        ),
    )


#: Options that only change how questions read the compiled record, never the compilation.
READING_ONLY = frozenset({"assist_reading"})


DEFAULT_OPTIONS = Options()


def describe_options(options: Options) -> dict[str, dict[str, str]]:
    """Each option's value and what it means: the `options` block of every answer."""
    out: dict[str, dict[str, str]] = {}
    for name, field in Options.model_fields.items():
        out[name] = {
            "value": getattr(options, name),
            "default": str(field.default),
            "meaning": field.description or "",
        }
    return out


def choices(name: str) -> tuple[str, ...]:
    """The values option `name` may take, read from its Literal: the CLI, the API and the web forms
    offer these and name them when a value is refused."""
    return tuple(str(c) for c in get_args(Options.model_fields[name].annotation))
