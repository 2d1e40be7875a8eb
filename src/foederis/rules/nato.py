"""North Atlantic Treaty (Washington, 4 April 1949): the provisions this module executes.

- nato/art_11: in force between the ratifying states once the majority of the signatories,
  including Belgium, Canada, France, Luxembourg, the Netherlands, the United Kingdom and the
  United States, have deposited; for other signatories on their deposit;
- nato/art_10: an invited state becomes a Party on depositing its instrument of accession;
- nato/art_13: after twenty years in force, a Party may cease to be one, one year after notice
  of denunciation.
"""

from __future__ import annotations

from datetime import date

from foederis.record.models import Event
from foederis.rules import calendar
from foederis.rules.base import Compilation, Reason, RuleContext, Status, link_reason
from foederis.rules.calendar import text
from foederis.rules.spec import EntryIntoForce, Withdrawal

EIF = "nato/art_11"
ACCESSION = "nato/art_10"
DENUNCIATION = "nato/art_13"
#: The seven signatories whose ratification Art. 11 requires (named in its text).
REQUIRED = ("BEL", "CAN", "FRA", "LUX", "NLD", "GBR", "USA")
DENUNCIATION_AFTER_YEARS = 20
#: Art. 13: a Party ceases to be one a year after its notice of denunciation.
DENUNCIATION_NOTICE_YEARS = 1

ENTRY_INTO_FORCE = EntryIntoForce((EIF, ACCESSION))
#: Art. 13: notice only once the Treaty has been in force twenty years (the compiled treaty fact
#: `denunciation_possible_from`), effective one year after the notice.
WITHDRAWAL = Withdrawal(
    notice_action="withdrawal_notice",
    effect=DENUNCIATION,
    months=12 * DENUNCIATION_NOTICE_YEARS,
    counted_from="notice",
    earliest_notice_fact="denunciation_possible_from",
)


def entry_into_force(ctx: RuleContext) -> tuple[date | None, tuple[Event, ...]]:
    """The first day on which a majority of signatories, including the seven, had deposited."""
    signatories = {e.state for e in ctx.events if e.action == "signature"}
    deposits = sorted(
        (e for e in ctx.events if e.action == "ratification" and e.state in signatories),
        key=lambda e: (e.date, e.row),
    )
    have: dict[str, Event] = {}
    for ev in deposits:
        have.setdefault(ev.state, ev)
        if len(have) * 2 > len(signatories) and all(s in have for s in REQUIRED):
            return ev.date, tuple(have.values())
    return None, tuple(have.values())


def compile(ctx: RuleContext) -> Compilation:
    out = Compilation()
    eif, deposits = entry_into_force(ctx)
    derived = sum(1 for e in deposits if e.status == "derived")
    eif_reason = Reason(
        EIF,
        (
            f"Entered into force on {eif}, when a majority of the signatories, including the seven "
            f"named in Art. 11, had deposited ({len(deposits)} deposits, {derived} of them DERIVED)."
            if eif
            else "The Art. 11 condition is not met in the record: not in force."
        ),
        deposits,
    )
    out.treaty["entry_into_force"] = (eif, eif_reason)
    for ev in ctx.treaty_events("entry_into_force"):
        out.check(ev, "entry into force", eif, EIF)
    earliest = calendar.add_years(eif, DENUNCIATION_AFTER_YEARS, ctx.options) if eif else None
    out.treaty["denunciation_possible_from"] = (
        earliest,
        Reason(
            DENUNCIATION,
            "Art. 13 allows notice of denunciation only after the Treaty has been in force for "
            f"twenty years, i.e. from {earliest}",
            (),
        ),
    )

    for state, events in ctx.by_state().items():
        party_reasons: tuple[Reason, ...] = ()
        for ev in events:
            if ev.action == "signature":
                out.signed(state, ev, EIF)
            elif ev.action == "ratification":
                if eif is None:
                    out.add(
                        state,
                        ev.date,
                        Status.consented,
                        False,
                        Reason(
                            EIF,
                            f"Ratification deposited on {ev.date}; the Treaty is not yet in force.",
                            (ev,),
                        ),
                    )
                    continue
                start = max(eif, ev.date)
                why = Reason(
                    EIF,
                    f"Ratification deposited on {text(ev.date)}"
                    + (" (DERIVED date, see note)" if ev.status == "derived" else "")
                    + (
                        f"; in force for it from the Treaty's entry into force, {text(eif)}."
                        if ev.date <= eif
                        else f"; in force for it on that deposit, {text(ev.date)}."
                    ),
                    (ev,),
                )
                if ev.date < start:
                    out.add(state, ev.date, Status.consented, False, why)
                party_reasons = (why, eif_reason)
                out.add(state, start, Status.party, True, *party_reasons)
            elif ev.action == "accession":
                why = Reason(
                    ACCESSION,
                    f"Instrument of accession deposited with the Government "
                    f"of the United States on {text(ev.date)}: a Party from that day.",
                    (ev,),
                )
                party_reasons = (why,)
                out.add(state, ev.date, Status.party, True, *party_reasons)
            elif ev.action in ("withdrawal_notice", "withdrawal_deposited"):
                _denounce(ctx, out, state, ev, eif, party_reasons)
        _unification(ctx, out, state)
    return out


def _denounce(
    ctx: RuleContext,
    out: Compilation,
    state: str,
    notice: Event,
    eif: date | None,
    party_reasons: tuple[Reason, ...],
) -> None:
    """Art. 13: one year after notice, and only once the Treaty has been in force twenty years."""
    earliest = calendar.add_years(eif, DENUNCIATION_AFTER_YEARS, ctx.options) if eif else None
    if earliest is None or notice.date < earliest:
        out.notes.append(
            f"{state}: notice of denunciation of {notice.date} is before {earliest}, when Art. 13 "
            "first allows one; it has no effect."
        )
        return
    effective = calendar.add_years(notice.date, DENUNCIATION_NOTICE_YEARS, ctx.options)
    why = Reason(
        DENUNCIATION,
        f"Notice of denunciation given on {notice.date}; the state ceases "
        f"to be a Party one year later, on {effective}.",
        (notice,),
        ("month_overflow",),
    )
    out.add(state, notice.date, Status.withdrawal_pending, True, *party_reasons, why)
    out.add(state, effective, Status.withdrawn, False, why)


def _unification(ctx: RuleContext, out: Compilation, state: str) -> None:
    """A unification link (3 Oct 1990, Germany) is cited from its date on: the same membership."""
    for link in ctx.links_into(state):
        if link.kind != "unification":
            continue
        current = [t for t in out.transitions[state] if t.day <= link.date]
        if current and current[-1].status == Status.party:
            last = current[-1]
            out.add(state, link.date, last.status, last.bound, *last.reasons, link_reason(link))
