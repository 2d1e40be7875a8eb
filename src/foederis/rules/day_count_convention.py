"""The shape of the weapons conventions whose periods run in days or months from a deposit or a
notice (the CWC; the TPNW, the BWC and the ATT when their records are complete): entry into force
a number of days after the N-th instrument, and for later states a number of days after their own
deposit; withdrawal on notice after a period, optionally held back by an armed conflict.

Each convention's module supplies its provision ids and figures, quoted from its text in the
record. Two armed-conflict clauses differ in their words, and the shape keeps the difference:

- `"engaged_on_expiry"` (CCM/APMBT Art. 20(3) shape): no effect while the state is engaged in an
  armed conflict on the expiry of the period, not before the end of that conflict;
- `"bound_while_party"` (TPNW Art. 17(3)): if on expiry the state is a party to an armed conflict,
  it "shall continue to be bound ... until it is no longer party to an armed conflict" (the French
  authentic text: "à aucun conflit armé", to any armed conflict), so every conflict the state is a
  party to at that time, overlapping ones included, holds it back.

- `"article_1_situations"` (CCW Art. 9(2)): if "on the expiry of that year the denouncing High
  Contracting Party is engaged in one of the situations referred to in Article 1", it "shall
  continue to be bound ... until the end of the armed conflict or occupation". Article 1 names the
  situations of common Article 2 of the Geneva Conventions (international armed conflict and
  occupation); the 2001 amendment adds those of common Article 3 (non-international armed
  conflict), for the parties bound by it. So a non-international conflict holds a denunciation
  back only where the record holds the state's consent to the amendment. The text's further
  terms (until the release and repatriation of protected persons end; until UN peace-keeping
  functions under a Protocol end) have no dates in the record, and the answer says so.

All read who counts as engaged, or a party, through the `engaged` interpretation option.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from foederis.record.models import CONSENT_ACTIONS, ConflictPeriod, Event
from foederis.rules import calendar
from foederis.rules.base import Compilation, Reason, RuleContext, Status
from foederis.rules.calendar import text
from foederis.rules.conflict import dataset_end_note, engaged_periods, frozen_until
from foederis.rules.spec import EntryIntoForce, Withdrawal

ConflictClause = Literal["engaged_on_expiry", "bound_while_party", "article_1_situations"]


@dataclass(frozen=True)
class DayCountConvention:
    """Rules of one convention with day-counted entry into force and a notice period."""

    instrument: str
    threshold: int  # the instrument whose deposit triggers entry into force (65th, 50th)
    eif_days: int  # days after that deposit
    later_days: int  # days after a later state's own deposit
    eif_general: str
    eif_later: str
    withdrawal_right: str
    withdrawal_effect: str
    signature: str
    withdrawal_months: int = 0
    withdrawal_days: int = 0
    #: entry into force no earlier than this many years after the treaty opened for signature (the
    #: first signature in the record); 0: no such floor
    not_before_years: int = 0
    conflict_clause: ConflictClause | None = None
    notice_action: str = "withdrawal_notice"
    counted_from: Literal["receipt", "notice"] = "notice"
    #: the later-instrument rule applies to deposits after the N-th instrument (TPNW Art. 15(2))
    #: or only to those after entry into force (CWC Art. XXI(2))
    later_after: Literal["trigger", "entry_into_force"] = "trigger"
    #: the instruments counted towards the N-th (ATT Art. 22(1): ratification, acceptance or
    #: approval only; accession opens after entry into force, Art. 21(3))
    threshold_actions: frozenset[str] = CONSENT_ACTIONS
    #: the notice may name a later day of effect (ATT Art. 24(2): "unless the notification of
    #: withdrawal specifies a later date"), recorded as a `withdrawal_intended` event
    later_date_allowed: bool = False
    #: the provision a signatory's notice that it will not become a party invokes
    not_to_become_party: str = "vclt/art_18__point_a"
    #: for `article_1_situations`: the instrument whose consent makes a non-international armed
    #: conflict one of the state's Article 1 situations (the CCW's amended Article 1)
    non_international_if_bound_by: str | None = None
    #: the provisions naming the Article 1 situations: international, then non-international
    article_1: tuple[str, ...] = ()
    #: the instrument whose denunciation also denounces this one, and the provision saying so
    #: (a CCW Protocol: the Convention, Art. 9(3))
    denounced_with: str | None = None
    denounced_with_provision: str = ""
    #: periods counted in months instead of (or before) days: CCW Art. 5(1)-(2), "six months after"
    eif_months: int = 0
    later_months: int = 0

    @property
    def eif_clause(self) -> EntryIntoForce:
        return EntryIntoForce((self.eif_general, self.eif_later))

    @property
    def withdrawal_clause(self) -> Withdrawal:
        return Withdrawal(
            notice_action=self.notice_action,
            effect=self.withdrawal_effect,
            right=self.withdrawal_right,
            months=self.withdrawal_months,
            days=self.withdrawal_days,
            counted_from=self.counted_from,
            armed_conflict_freeze=self.conflict_clause is not None,
        )

    def compile(self, ctx: RuleContext) -> Compilation:
        out = Compilation()
        consents = sorted(
            (e for e in ctx.events if e.action in self.threshold_actions), key=lambda e: (e.date, e.row)
        )
        trigger = consents[self.threshold - 1] if len(consents) >= self.threshold else None
        general_eif, eif_reason = self._general_eif(ctx, trigger, len(consents))
        for ev in ctx.treaty_events("entry_into_force"):
            out.check(ev, "entry into force", general_eif, self.eif_general)
            if ev.date != general_eif:  # say so where the answer is read, not only in `data check`
                eif_reason = Reason(
                    eif_reason.provision,
                    f"{eif_reason.summary} The record states {ev.date} as the entry into force "
                    "(DISAGREES; a check, not an input): the record lacks instruments the rule needs.",
                    (*eif_reason.events, ev),
                    eif_reason.options,
                )
        out.treaty["entry_into_force"] = (general_eif, eif_reason)
        parent = self._parent_notices(ctx)
        for state, events in ctx.by_state().items():
            if state in parent:
                events = sorted([*events, *parent[state]], key=lambda e: (e.date, e.row))
            self._state(ctx, out, state, events, trigger, general_eif)
        return out

    def _parent_notices(self, ctx: RuleContext) -> dict[str, list[Event]]:
        """The notices under the instrument whose denunciation also applies to this one (CCW Art.
        9(3): a denunciation of the Convention applies to all annexed Protocols), by state."""
        out: dict[str, list[Event]] = {}
        if self.denounced_with is not None:
            for e in ctx.record.events_for(self.denounced_with):
                if e.action == self.notice_action:
                    out.setdefault(e.state, []).append(e)
        return out

    def _general_eif(self, ctx: RuleContext, trigger: Event | None, count: int) -> tuple[date | None, Reason]:
        if trigger is None:
            why = f"{count} instruments in the record, fewer than {self.threshold}: not in force."
            return None, Reason(self.eif_general, why)
        day = self._after(trigger.date, self.eif_months, self.eif_days, ctx)
        why = (
            f"The {_ordinal(self.threshold)} instrument was deposited on {trigger.date} "
            f"({trigger.state_name}); {_span(self.eif_months, self.eif_days)} later is {day}"
        )
        signatures = sorted(e.date for e in ctx.events if e.action == "signature")
        if self.not_before_years and signatures:
            floor = calendar.add_years(signatures[0], self.not_before_years, ctx.options)
            why += (
                f"; not earlier than {self.not_before_years} years after the opening for signature "
                f"(first signature in the record {signatures[0]}): {floor}"
            )
            day = max(day, floor)
        months = ("month_overflow",) if self.eif_months else ()
        return day, Reason(self.eif_general, f"{why}. In force from {day}.", (trigger,), months)

    def _state(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        events: list[Event],
        trigger: Event | None,
        general_eif: date | None,
    ) -> None:
        party: tuple[Reason, ...] = ()
        signed: Event | None = None
        for ev in events:
            if ev.action == "signature":
                out.signed(state, ev, self.signature)
                signed = ev
            elif ev.action in _PARTY_ACTIONS:
                party = (self._consent(ctx, out, state, ev, trigger, general_eif),)
            elif ev.action == self.notice_action:
                self._withdrawal(ctx, out, state, ev, party, events)
            elif ev.action == "intention_not_to_become_party" and signed is not None and not party:
                self._not_to_become_party(out, state, signed, ev)

    def _after(self, day: date, months: int, days: int, ctx: RuleContext) -> date:
        """`months` then `days` after `day` (calendar months by the `month_overflow` option)."""
        return calendar.add_days(calendar.add_months(day, months, ctx.options) if months else day, days)

    def _not_to_become_party(self, out: Compilation, state: str, signed: Event, ev: Event) -> None:
        """A signatory's notice that it will not become a party: still a signatory, no longer
        obliged to refrain from acts defeating the object and purpose (VCLT art. 18(a))."""
        signature = Reason(self.signature, f"Signed on {text(signed.date)}; the signature stays.", (signed,))
        why = Reason(
            self.not_to_become_party,
            f"On {text(ev.date)} the state made its intention clear not to become a party (notice to "
            "the depositary): a signatory that has declared it will not become a party, no longer "
            "bound under VCLT art. 18(a) to refrain from acts which would defeat the object and "
            "purpose of the treaty.",
            (ev,),
        )
        out.add(state, ev.date, Status.signatory, False, why, signature)

    def _consent(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        ev: Event,
        trigger: Event | None,
        general_eif: date | None,
    ) -> Reason:
        """A deposit: consented until the convention is in force for the state, party from then."""
        if general_eif is None or trigger is None:
            out.add(
                state,
                ev.date,
                Status.consented,
                False,
                Reason(
                    self.eif_general,
                    f"Instrument of {ev.action} deposited on {ev.date}; not in force.",
                    (ev,),
                ),
            )
            return Reason(self.eif_general, "not in force", (ev,))
        if self.later_after == "trigger":
            early, after = (ev.date, ev.row) <= (trigger.date, trigger.row), f"the {_ordinal(self.threshold)}"
        else:
            early, after = ev.date < general_eif, "entry into force"
        if early:
            eif, provision = general_eif, self.eif_general
            why = (
                f"Instrument of {ev.action} deposited on {text(ev.date)}, not after {after}: in force "
                f"for it when the convention entered into force, {text(eif)}."
            )
        else:
            own = self._after(ev.date, self.later_months, self.later_days, ctx)
            eif, provision = max(own, general_eif), self.eif_later
            why = (
                f"Instrument of {ev.action} deposited on {text(ev.date)}, after {after}: in force for it "
                f"{_span(self.later_months, self.later_days)} after deposit, on {text(eif)}."
            )
        reason = Reason(provision, why, (ev,))
        if eif > ev.date:
            out.add(
                state,
                ev.date,
                Status.consented,
                False,
                Reason(
                    provision,
                    f"Instrument of {ev.action} deposited on {text(ev.date)}; "
                    f"in force for it from {text(eif)}.",
                    (ev,),
                ),
            )
        out.add(state, eif, Status.party, True, reason)
        return reason

    def _withdrawal(
        self,
        ctx: RuleContext,
        out: Compilation,
        state: str,
        notice: Event,
        party: tuple[Reason, ...],
        events: list[Event],
    ) -> None:
        clause = self.withdrawal_clause
        expiry = clause.expiry(notice.date, ctx.options)
        notice_reason = Reason(
            self.withdrawal_right, f"Notice of withdrawal given on {notice.date}.", (notice,)
        )
        if notice.instrument != self.instrument and self.denounced_with_provision:
            notice_reason = Reason(
                self.denounced_with_provision,
                f"Notice of denunciation of {notice.instrument} received on {notice.date}: it applies "
                "to this annexed instrument too.",
                (notice,),
            )
        out.add(state, notice.date, Status.withdrawal_pending, True, *party, notice_reason)
        effective, summary = self._effect(ctx, state, notice.date, expiry)
        intended = self._intended(events, expiry)
        if intended is not None and effective is not None and intended.date > effective:
            effective = intended.date
            summary += (
                f" The notification specifies a later date, {intended.date}: the withdrawal takes "
                "effect then."
            )
        stated = [e for e in events if e.action == "withdrawal_effective" and e.date >= notice.date]
        for ev in stated:
            verdict = "agrees" if ev.date == effective else "DISAGREES"
            summary += (
                f" The record states {ev.date} as the effective date ({verdict}; a check, not an input)."
            )
            out.check(ev, "withdrawal takes effect", effective, self.withdrawal_effect)
        options: tuple[str, ...] = ("month_overflow",)
        if self.conflict_clause:
            options += ("engaged",) + (
                ("freeze_scope",) if self.conflict_clause != "bound_while_party" else ()
            )
        named = (intended,) if intended is not None else ()
        effect = Reason(self.withdrawal_effect, summary, (notice, *named, *stated), options)
        if effective is not None:
            out.add(state, effective, Status.withdrawn, False, notice_reason, effect)
        else:
            out.add(state, expiry, Status.withdrawal_pending, True, *party, notice_reason, effect)

    def _intended(self, events: list[Event], expiry: date) -> Event | None:
        """The later day of effect a notification names, where the text allows one."""
        if not self.later_date_allowed:
            return None
        return next((e for e in events if e.action == "withdrawal_intended" and e.date > expiry), None)

    def _effect(self, ctx: RuleContext, state: str, notice: date, expiry: date) -> tuple[date | None, str]:
        """When the withdrawal takes effect (None: held back by a conflict still going on), why."""
        period = self.withdrawal_clause.period()
        if self.conflict_clause is None:
            return expiry, (
                f"{period} after {self.counted_from} ({notice}) is {expiry}: "
                "the withdrawal takes effect then."
            )
        periods = engaged_periods(ctx, state)
        scope = ""
        if self.conflict_clause == "article_1_situations":
            periods, scope = self._article_1_situations(ctx, state, periods, expiry)
        # Art. 17(3) TPNW: party to no armed conflict at all; the Art. 20(3) shape: by the option
        overlapping = self.conflict_clause == "bound_while_party" or ctx.options.freeze_scope == "overlapping"
        effective, frozen_by = frozen_until(expiry, periods, overlapping)
        conflicts = ", ".join(
            f"{c.basis} ({c.start}–{'end of the dataset' if c.censored else c.end or 'ongoing'}; {c.source})"
            for c in frozen_by
        )
        words, held = _CLAUSE_WORDS[self.conflict_clause]
        if effective is None:
            summary = (
                f"The {period} period expires on {expiry}, but the state is then {words} "
                f"({conflicts}): {held}."
            )
        elif frozen_by:
            summary = (
                f"The {period} period expired on {expiry} while the state was {words} ({conflicts}); "
                f"{held}: the withdrawal takes effect on {effective}."
            )
        else:
            summary = (
                f"{period} after receipt ({notice}) is {expiry}; the state is not {words} on that day, "
                f"so the withdrawal takes effect on {effective}."
            )
        if frozen_by and self.conflict_clause == "article_1_situations":
            summary += (
                " Art. 9(2) also holds it bound until the operations for the final release, "
                "repatriation or re-establishment of protected persons end, and until UN "
                "peace-keeping functions under a Protocol end; the record holds no dates for these."
            )
        return effective, summary + scope + dataset_end_note(expiry, periods)

    def _article_1_situations(
        self, ctx: RuleContext, state: str, periods: list[ConflictPeriod], expiry: date
    ) -> tuple[list[ConflictPeriod], str]:
        """The conflict periods that are situations of Article 1 for the state, and what was left out."""
        amendment = self.non_international_if_bound_by
        bound = amendment is not None and any(
            e.state == state and e.action in _PARTY_ACTIONS and e.date <= expiry
            for e in ctx.record.events_for(amendment)
        )
        if bound:
            return periods, ""
        kept = [c for c in periods if c.international]
        left = [c for c in periods if not c.international and c.covers(expiry)]
        if not left:
            return kept, ""
        names = ", ".join(c.basis for c in left)
        para = self.article_1[1] if len(self.article_1) > 1 else "the amended Article 1"
        return kept, (
            f" Not counted: {names}, a non-international armed conflict, which is a situation of "
            f"Article 1 only for a party bound by its 2001 amendment ({para}); the record holds no "
            "consent of this state to the amendment."
        )


#: what each clause says of the state on expiry, and what follows
_CLAUSE_WORDS: dict[str | None, tuple[str, str]] = {
    "engaged_on_expiry": (
        "engaged in an armed conflict",
        "the withdrawal does not take effect before the end of that conflict",
    ),
    "bound_while_party": (
        "a party to an armed conflict",
        "it stays bound until it is no longer a party to any armed conflict",
    ),
    "article_1_situations": (
        "engaged in one of the situations referred to in Article 1 (an armed conflict or occupation)",
        "it continues to be bound until the end of the armed conflict or occupation",
    ),
}

#: a consent or a succession makes the state a party (one set, not one built per event)
_PARTY_ACTIONS = CONSENT_ACTIONS | {"succession"}


def _span(months: int, days: int) -> str:
    """A period in words ("90 days", "6 months")."""
    parts = [f"{months} months"] if months else []
    return " and ".join(parts + ([f"{days} days"] if days or not months else []))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


__all__ = ["ConflictClause", "DayCountConvention"]
