"""The shape shared by the CCM and the APMBT: entry into force by the N-th instrument (Art. 17),
withdrawal six months after receipt, frozen while the state is engaged in an armed conflict
(Art. 20). Each convention's module supplies its own provision ids and threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foederis.record.models import CONSENT_ACTIONS, Event
from foederis.rules import calendar
from foederis.rules.base import Compilation, Reason, RuleContext, Status
from foederis.rules.calendar import text
from foederis.rules.conflict import dataset_end_note, engaged_periods, frozen_until
from foederis.rules.spec import EntryIntoForce, Withdrawal


@dataclass(frozen=True)
class BanConvention:
    """Rules of a Dublin/Oslo-type convention, parameterised by its provisions."""

    instrument: str
    threshold: int  # the instrument whose deposit triggers entry into force (30th, 40th)
    eif_general: str  # Art. 17(1)
    eif_later: str  # Art. 17(2)
    withdrawal_right: str  # Art. 20(2)
    withdrawal_effect: str  # Art. 20(3)
    signature: str  # Art. 15
    months_to_eif: int = 6
    withdrawal_months: int = 6

    @property
    def eif_clause(self) -> EntryIntoForce:
        return EntryIntoForce((self.eif_general, self.eif_later))

    @property
    def withdrawal_clause(self) -> Withdrawal:
        """Art. 20: six months after the Depositary receives the instrument, frozen while the
        state is engaged in an armed conflict."""
        return Withdrawal(
            notice_action="withdrawal_deposited",
            effect=self.withdrawal_effect,
            right=self.withdrawal_right,
            months=self.withdrawal_months,
            counted_from="receipt",
            armed_conflict_freeze=True,
        )

    def compile(self, ctx: RuleContext) -> Compilation:
        out = Compilation()
        consents = sorted(
            (e for e in ctx.events if e.action in CONSENT_ACTIONS), key=lambda e: (e.date, e.row)
        )
        trigger = consents[self.threshold - 1] if len(consents) >= self.threshold else None
        general_eif = (
            calendar.first_day_of_nth_month_after(trigger.date, self.months_to_eif) if trigger else None
        )
        eif_reason = Reason(
            self.eif_general,
            (
                f"The {_ordinal(self.threshold)} instrument was deposited on {trigger.date} "
                f"({trigger.state_name}); the Convention entered into force on the first day of the "
                f"sixth month after that month: {general_eif}."
                if trigger
                else f"Fewer than {self.threshold} instruments deposited: not in force."
            ),
            (trigger,) if trigger else (),
        )
        out.treaty["entry_into_force"] = (general_eif, eif_reason)
        for ev in ctx.treaty_events("entry_into_force"):
            out.check(ev, "entry into force", general_eif, self.eif_general)

        for state, events in ctx.by_state().items():
            self._state(ctx, out, state, events, trigger, general_eif, eif_reason)
        return out

    def _state(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        events: list[Event],
        trigger: Event | None,
        general_eif: date | None,
        eif_reason: Reason,
    ) -> None:
        party_reasons: tuple[Reason, ...] = ()
        for ev in events:
            if ev.action == "signature":
                out.signed(state, ev, self.signature)
            elif ev.action in CONSENT_ACTIONS:
                if trigger is not None and general_eif is not None and ev.date <= trigger.date:
                    eif = general_eif
                    why = Reason(
                        self.eif_general,
                        f"Instrument of {ev.action} deposited on {text(ev.date)}, on or before the "
                        f"{_ordinal(self.threshold)} instrument ({text(trigger.date)}): in force for it "
                        f"when the Convention entered into force, {text(eif)}.",
                        (ev, trigger),
                    )
                else:
                    eif = calendar.first_day_of_nth_month_after(ev.date, self.months_to_eif)
                    why = Reason(
                        self.eif_later,
                        f"Instrument of {ev.action} deposited on {text(ev.date)}, after the "
                        f"{_ordinal(self.threshold)} instrument: in force for it on the first day "
                        f"of the sixth month after that date, {text(eif)}.",
                        (ev,),
                    )
                if eif > ev.date:
                    out.add(
                        state,
                        ev.date,
                        Status.consented,
                        False,
                        Reason(
                            why.provision,
                            f"Instrument of {ev.action} deposited on "
                            f"{text(ev.date)}; not yet in force for it (from {text(eif)}).",
                            (ev,),
                        ),
                    )
                party_reasons = (why,)
                out.add(state, eif, Status.party, True, *party_reasons)
            elif ev.action == "succession":
                why = Reason(
                    self.eif_later,
                    f"Notification of succession dated {ev.date}. Art. 17 gives no date for a "
                    f"succession; the date the record gives ({ev.date}) is used.",
                    (ev,),
                )
                party_reasons = (why,)
                out.add(state, ev.date, Status.party, True, why)
            elif ev.action == "withdrawal_deposited":
                self._withdrawal(ctx, out, state, ev, party_reasons, events)
            elif ev.action in ("suspension_notified", "suspension_claimed"):
                bound = ctx.options.claimed_suspension == "no_legal_effect"
                out.add(
                    state,
                    ev.date,
                    Status.suspended,
                    bound,
                    *party_reasons,
                    Reason(
                        self.withdrawal_effect,
                        f"On {ev.date} the state notified a suspension. The Convention has no "
                        "suspension clause: the suspension is recorded as claimed; only a "
                        "withdrawal under Art. 20 ends its obligations, and it could not take "
                        "effect while the state is engaged in an armed conflict. "
                        + (
                            "The state remains bound (option claimed_suspension=no_legal_effect)."
                            if bound
                            else "Treated as releasing the state (option claimed_suspension=releases)."
                        ),
                        (ev,),
                        ("claimed_suspension",),
                    ),
                )

    def _withdrawal(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        notice: Event,
        party_reasons: tuple[Reason, ...],
        events: list[Event],
    ) -> None:
        expiry = calendar.add_months(notice.date, self.withdrawal_months, ctx.options)
        periods = engaged_periods(ctx, state)
        effective, frozen_by = frozen_until(expiry, periods, ctx.options.freeze_scope == "overlapping")
        notice_reason = Reason(
            self.withdrawal_right,
            f"Instrument of withdrawal received by the Depositary on {notice.date}"
            + (" (date DERIVED, see the event note)" if notice.status == "derived" else "")
            + ".",
            (notice,),
        )
        before = out.transitions[state][-1] if out.transitions[state] else None
        # a claimed suspension keeps its own reading of `bound` while the withdrawal is pending
        bound = before.bound if before is not None and before.status == Status.suspended else True
        out.add(state, notice.date, Status.withdrawal_pending, bound, *party_reasons, notice_reason)
        conflicts = ", ".join(
            f"{c.basis} ({c.start}–{'end of the dataset' if c.censored else c.end or 'ongoing'}; {c.source})"
            for c in frozen_by
        )
        if effective is None:
            summary = (
                f"The six-month period expires on {expiry}, but the state is then engaged in an "
                f"armed conflict that has not ended ({conflicts}): the withdrawal does not take "
                "effect before the end of that conflict."
            )
        elif frozen_by:
            summary = (
                f"The six-month period expired on {expiry} while the state was engaged in an armed "
                f"conflict ({conflicts}); the withdrawal takes effect when it ends, on {effective}."
            )
        else:
            summary = (
                f"Six months after receipt ({notice.date}) is {expiry}; the state is not engaged in "
                f"an armed conflict on that day, so the withdrawal takes effect on {effective}."
            )
        summary += dataset_end_note(expiry, periods)
        stated = [e for e in events if e.action == "withdrawal_effective" and e.date >= notice.date]
        for ev in stated:
            verdict = "agrees" if ev.date == effective else "DISAGREES"
            summary += (
                f" The record states {ev.date} as the effective date ({verdict}; a check, not an input)."
            )
        effect_reason = Reason(
            self.withdrawal_effect, summary, (notice, *stated), ("month_overflow", "engaged", "freeze_scope")
        )
        if effective is not None:
            out.add(state, effective, Status.withdrawn, False, notice_reason, effect_reason)
        else:
            out.add(
                state, expiry, Status.withdrawal_pending, bound, *party_reasons, notice_reason, effect_reason
            )
        for ev in stated:
            out.check(ev, "withdrawal takes effect", effective, self.withdrawal_effect)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
