"""The shape shared by the arms-control treaties in the record (CFE, INF, Open Skies, New START,
CTBT): ratification, entry into force by the treaty's own rule, withdrawal on notice, claimed
suspensions, termination or expiry. Each treaty's module supplies provisions and parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from foederis.record.models import Event
from foederis.rules import calendar
from foederis.rules.base import Compilation, Reason, RuleContext, Status, Transition, link_reason
from foederis.rules.options import Options
from foederis.rules.spec import EntryIntoForce, Withdrawal

#: (entry-into-force date or None, the reason) computed from the treaty's events.
EifRule = Callable[[RuleContext], tuple[date | None, Reason]]


@dataclass(frozen=True)
class NoticePeriod:
    """How long a withdrawal notice runs: months or days, and whether the notice may name a later
    intended date ("at least ... prior to the intended withdrawal")."""

    months: int = 0
    days: int = 0
    at_least: bool = False

    def earliest(self, notice: date, options: Options) -> date:
        day = calendar.add_months(notice, self.months, options) if self.months else notice
        return calendar.add_days(day, self.days)

    def describe(self) -> str:
        span = f"{self.months} months" if self.months else f"{self.days} days"
        return f"at least {span} before the intended withdrawal" if self.at_least else f"{span} after notice"


@dataclass(frozen=True)
class ArmsControlTreaty:
    """Rules of one arms-control treaty, parameterised by its provisions."""

    instrument: str
    eif: EifRule
    eif_provision: str
    withdrawal: str  # the withdrawal provision id
    notice: NoticePeriod | None
    bilateral: bool = False
    term_years: int | None = None  # a fixed term from entry into force
    extension_years: int = 0
    term_provision: str | None = None

    @property
    def eif_clause(self) -> EntryIntoForce:
        return EntryIntoForce((self.eif_provision,))

    @property
    def withdrawal_clause(self) -> Withdrawal | None:
        """Withdrawal on notice, when the record holds the notice period (None otherwise: a notice
        is recorded but not evaluated)."""
        if self.notice is None:
            return None
        return Withdrawal(
            notice_action="withdrawal_notice",
            effect=self.withdrawal,
            months=self.notice.months,
            days=self.notice.days,
            counted_from="intended_date" if self.notice.at_least else "notice",
        )

    def compile(self, ctx: RuleContext) -> Compilation:
        out = Compilation()
        eif, eif_reason = self.eif(ctx)
        out.treaty["entry_into_force"] = (eif, eif_reason)
        for ev in ctx.treaty_events("entry_into_force"):
            out.check(ev, "entry into force", eif, self.eif_provision)
        end, end_reason = self._term(ctx, eif)
        by_state = ctx.by_state()
        for state, events in by_state.items():
            self._state(ctx, out, state, events, eif, eif_reason)
        if end is not None and end_reason is not None:
            out.treaty["expiry"] = (end, end_reason)
            for ev in ctx.treaty_events("expiry"):
                out.check(ev, "expiry", end, end_reason.provision or "")
            for state in by_state:
                if _bound_on(out.transitions[state], end):
                    out.add(state, end, Status.terminated, False, end_reason)
        if self.bilateral:
            self._bilateral_end(ctx, out)
        return out

    def _term(self, ctx: RuleContext, eif: date | None) -> tuple[date | None, Reason | None]:
        if self.term_years is None or eif is None:
            return None, None
        end = calendar.add_years(eif, self.term_years, ctx.options)
        used = [e for e in ctx.treaty_events("extension")]
        text = f"In force for {self.term_years} years from {eif}"
        if used and self.extension_years:
            end = calendar.add_years(end, self.extension_years, ctx.options)
            text += f", extended once by {self.extension_years} years (agreed {used[0].date})"
        return end, Reason(
            self.term_provision, f"{text}: it expires on {end}.", tuple(used), ("month_overflow",)
        )

    def _state(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        events: list[Event],
        eif: date | None,
        eif_reason: Reason,
    ) -> None:
        party: tuple[Reason, ...] = ()
        suspended: Reason | None = None
        for ev in events:
            if ev.action == "signature":
                out.signed(state, ev, self.eif_provision)
            elif ev.action == "ratification":
                flag = {"derived": " (DERIVED, see note)", "unverified": " (UNVERIFIED)"}.get(ev.status, "")
                if eif is None or ev.date < eif:
                    out.add(
                        state,
                        ev.date,
                        Status.consented,
                        False,
                        Reason(
                            self.eif_provision,
                            f"Instrument of ratification dated {ev.date}"
                            f"{flag}; the treaty is not yet in force.",
                            (ev,),
                        ),
                    )
                if eif is not None:
                    start = max(eif, ev.date)
                    party = (
                        Reason(
                            self.eif_provision,
                            f"Ratified {ev.date}{flag}; in force for it from {start}.",
                            (ev,),
                        ),
                        eif_reason,
                    )
                    out.add(state, start, Status.party, True, *party)
            elif ev.action == "ratification_revoked":
                out.add(
                    state,
                    ev.date,
                    Status.signatory,
                    False,
                    Reason(
                        self.eif_provision,
                        f"Ratification revoked on {ev.date}; the state remains a signatory.",
                        (ev,),
                    ),
                )
                party = ()
            elif ev.action == "succession":
                link = next((lk for lk in ctx.links_into(state) if lk.kind == "succession"), None)
                start = link.date if link else ev.date
                basis = (
                    f"the record's succession link dates it from {link.date}"
                    if link
                    else f"the date the record gives ({ev.date}) is used"
                )
                party = (
                    Reason(
                        self.eif_provision,
                        f"Succession (notified or recognised {ev.date}); "
                        f"the treaty gives no date for a succession: {basis}.",
                        (ev,),
                    ),
                    *((link_reason(link),) if link else ()),
                )
                if eif is not None and start >= eif:
                    out.add(state, start, Status.party, True, *party)
            elif ev.action in ("suspension_claimed", "suspension_effective"):
                suspended = self._suspend(ctx, out, state, ev, party, suspended, events)
            elif ev.action in ("withdrawal_notice", "withdrawal_deposited"):
                self._withdraw(ctx, out, state, ev, party, events)
        self._continuation(ctx, out, state)

    def _suspend(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        ev: Event,
        party: tuple[Reason, ...],
        current: Reason | None,
        events: list[Event],
    ) -> Reason:
        """A suspension the treaty does not provide for: recorded as claimed, bound per option."""
        if ev.action == "suspension_claimed" and any(
            e.action == "suspension_effective" and e.date > ev.date for e in events
        ):
            return current or Reason(self.withdrawal, f"Suspension announced on {ev.date}.", (ev,))
        vclt = f" It invokes {cited(ev.legal_basis)}." if ev.legal_basis else ""
        bound = ctx.options.claimed_suspension == "no_legal_effect"
        why = Reason(
            self.withdrawal,
            f"Suspension claimed from {ev.date}. The treaty text provides for no suspension; the "
            f"suspension is recorded as claimed.{vclt} "
            + (
                "Under option claimed_suspension=no_legal_effect the state remains bound."
                if bound
                else "Under option claimed_suspension=releases the state is not bound."
            ),
            (ev,),
            ("claimed_suspension",),
        )
        if current is not None and current.events[0].action == "suspension_effective":
            return current
        out.add(state, ev.date, Status.suspended, bound, *party, why)
        return why

    def _withdraw(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        notice: Event,
        party: tuple[Reason, ...],
        events: list[Event],
    ) -> None:
        if self.notice is None:
            out.notes.append(
                f"{state}: notice of {notice.date} not evaluated: the withdrawal "
                f"period of {self.withdrawal} is not in the record."
            )
            return
        earliest = self.notice.earliest(notice.date, ctx.options)
        intended = next(
            (e for e in events if e.action == "withdrawal_intended" and e.date > notice.date), None
        )
        effective = earliest
        detail = f"Notice given on {notice.date}; the treaty requires notice {self.notice.describe()}"
        used: tuple[Event, ...] = (notice,)
        if self.notice.at_least and intended is not None:
            used = (notice, intended)
            if intended.date >= earliest:
                effective = intended.date
                detail += (
                    f". The notice named {intended.date} as the intended date of withdrawal, "
                    f"no earlier than {earliest}, so the withdrawal takes effect on {effective}."
                )
            else:
                detail += (
                    f". The intended date {intended.date} is earlier than the period allows; "
                    f"the earliest lawful date, {earliest}, is used."
                )
        else:
            detail += f": the withdrawal takes effect on {effective}."
        why = Reason(self.withdrawal, detail, used, ("month_overflow",))
        current = out.transitions[state][-1] if out.transitions[state] else None
        if current is None or current.status != Status.suspended:
            out.add(state, notice.date, Status.withdrawal_pending, True, *party, why)
        else:
            # the notice is the act the treaty provides for; a claimed suspension stays a reason
            out.add(state, notice.date, Status.withdrawal_pending, current.bound, *current.reasons, why)
        out.add(state, effective, Status.withdrawn, False, why)
        for ev in events:
            if ev.action == "withdrawal_effective" and ev.date >= notice.date:
                out.check(ev, "withdrawal takes effect", effective, self.withdrawal)

    def _bilateral_end(self, ctx: RuleContext, out: Compilation) -> None:
        """A two-sided treaty ends for everyone once one side's withdrawal takes effect."""
        ends = [
            (t.day, s, t) for s, ts in out.transitions.items() for t in ts if t.status == Status.withdrawn
        ]
        if not ends:
            return
        day, who, cause = min(ends, key=lambda x: x[0])
        why = Reason(
            self.withdrawal,
            f"The withdrawal of {who} took effect on {day}; the treaty, "
            "with no other party on that side, terminated for every party.",
            cause.reasons[0].events,
        )
        for state in list(out.transitions):
            if state != who and _bound_on(out.transitions[state], day):
                out.add(state, day, Status.terminated, False, why)
        for ev in ctx.treaty_events("termination"):
            out.check(ev, "termination", day, self.withdrawal)

    def _continuation(self, ctx: RuleContext, out: Compilation, state: str) -> None:
        """A continuing state (Russia for the USSR) cites the link on every interval."""
        for link in ctx.links_into(state):
            if link.kind != "continuation":
                continue
            if link.predecessor in ctx.event_states or _signed_before(ctx, link.date):
                ts = out.transitions[state]
                out.transitions[state] = [
                    Transition(t.day, t.status, t.bound, (*t.reasons, link_reason(link))) for t in ts
                ]


def cited(provision: str) -> str:
    """A provision id as a citation: `vclt/art_62__para_1` -> "VCLT Art. 62(1)"."""
    instrument, _, path = provision.partition("/")
    parts = dict(p.split("_", 1) for p in path.split("__") if "_" in p)
    text = f"{instrument.upper()} Art. {parts.get('art', path)}"
    return text + (f"({parts['para']})" if "para" in parts else "")


def _signed_before(ctx: RuleContext, day: date) -> bool:
    return any(e.action == "signature" and e.date < day for e in ctx.treaty_events("signature"))


def _bound_on(transitions: list[Transition], day: date) -> bool:
    current = [t for t in sorted(transitions, key=lambda t: t.day) if t.day <= day]
    return bool(current) and current[-1].status in (Status.party, Status.withdrawal_pending, Status.suspended)


def recorded_exchange(provision: str) -> EifRule:
    """Bilateral treaties enter into force on the exchange of instruments: the record's
    entry-into-force row dates that act (not a computed result)."""

    def rule(ctx: RuleContext) -> tuple[date | None, Reason]:
        rows = ctx.treaty_events("entry_into_force")
        if not rows:
            return None, Reason(provision, "No exchange of instruments in the record: not in force.")
        ev = rows[0]
        return ev.date, Reason(
            provision,
            f"Entered into force on the exchange of instruments of "
            f"ratification, which the record dates {ev.date}.",
            (ev,),
        )

    return rule


def days_after_last_deposit(provision: str, days: int) -> EifRule:
    """In force a number of days after the last required deposit (CFE Art. XXII(2))."""

    def rule(ctx: RuleContext) -> tuple[date | None, Reason]:
        deposits = sorted((e for e in ctx.events if e.action == "ratification"), key=lambda e: e.date)
        if not deposits:
            return None, Reason(provision, "No deposits in the record: not in force.")
        last = deposits[-1]
        eif = calendar.add_days(last.date, days)
        derived = sum(1 for e in deposits if e.status != "sourced")
        return eif, Reason(
            provision,
            f"The last of {len(deposits)} instruments of ratification "
            f"({derived} DERIVED) was deposited on {last.date}; in force {days} days "
            f"later, {eif}.",
            (last,),
        )

    return rule


def recorded_date(provision: str, why_not_computed: str) -> EifRule:
    """Where the record lacks the deposits a rule needs, take the date the record gives, and say so."""

    def rule(ctx: RuleContext) -> tuple[date | None, Reason]:
        rows = ctx.treaty_events("entry_into_force")
        if not rows:
            return None, Reason(provision, "Not in force in the record.")
        ev = rows[0]
        return ev.date, Reason(
            provision, f"Entry into force on {ev.date}, the date the record gives: {why_not_computed}", (ev,)
        )

    return rule
