"""Comprehensive Nuclear-Test-Ban Treaty (1996): not in force. The record holds only Russia's
signature, ratification and the revocation of that ratification.

- ctbt/art_14: entry into force (text not in the record; the condition is not met in the record).
"""

from datetime import date

from foederis.rules.arms_control import ArmsControlTreaty
from foederis.rules.base import Reason, RuleContext


def _not_in_force(ctx: RuleContext) -> tuple[date | None, Reason]:
    return None, Reason(
        "ctbt/art_14", "The treaty has not entered into force (no entry into force in the record)."
    )


RULES = ArmsControlTreaty(
    instrument="ctbt",
    eif=_not_in_force,
    eif_provision="ctbt/art_14",
    withdrawal="ctbt/art_14",
    notice=None,
)
