"""Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other Devices as
amended on 3 May 1996 (Amended Protocol II to the CCW): binding a State that notified its consent
to be bound by it (Convention Art. 4(3)-(4)). The provisions this module executes:

- ccw_p2_amended/amending_protocol__art_2: it "shall enter into force as provided for in
  paragraph 1 (b) of Article 8 of the Convention", that is "in the same manner as this Convention
  and the annexed Protocols" (ccw/art_8__para_1__point_b): six months after the twentieth
  notification of consent, and for a later State after its own (ccw/art_5__para_3, para_4);
- ccw/art_9__para_1 to para_3: denounced on its own, or with the Convention;
- use (ccw_p2_amended/art_3 to art_7): prohibited in all circumstances for mines, booby-traps or
  other devices of a nature to cause superfluous injury (art. 3(3)), and restricted by arts.
  3(5)-(11), 4, 5, 6 and 7; art. 5(2) permits anti-personnel mines without self-destruction and
  self-deactivation only in a perimeter-marked, monitored and fenced area cleared before it is
  abandoned. Use is permitted with limits;
- transfer (ccw_p2_amended/art_8__para_1): no mine whose use the Protocol prohibits (point a), to
  no recipient other than a State or an authorized State agency (point b), restraint and no
  anti-personnel mine to a State not bound unless it agrees to apply the Protocol (point c).
The Protocol rules on no other activity.
"""

from foederis.rules.ccw import annexed_protocol
from foederis.rules.spec import ActivityRule, Obligations, RecordCoverage

RULES = annexed_protocol("ccw_p2_amended")

_ART_8 = "ccw_p2_amended/art_8__para_1"
OBLIGATIONS = Obligations(
    weapons=("mines_booby_traps",),
    activities={
        "use": ActivityRule(
            "ccw_p2_amended/art_3__para_3",
            exception="ccw_p2_amended/art_5__para_2",
            limits=(
                "never against civilians or civilian objects, nor indiscriminately (art. 3(7)-(8)); "
                "no mine, booby-trap or other device of a nature to cause superfluous injury "
                "(art. 3(3)); no non-detectable anti-personnel mine (art. 4); anti-personnel mines "
                "without self-destruction and self-deactivation only within a perimeter-marked, "
                "monitored and fenced area, cleared before it is abandoned (art. 5(2)); "
                "remotely-delivered mines only if recorded and compliant (art. 6); no booby-trap "
                "attached to the protected objects art. 7(1) lists"
            ),
            covers="use any mine, booby-trap or other device designed or of a nature to cause "
            "superfluous injury or unnecessary suffering",
        ),
        "transfer": ActivityRule(
            f"{_ART_8}__point_a",
            exception=f"{_ART_8}__point_b",
            limits=(
                "only to a State or a State agency authorized to receive such transfers (art. "
                "8(1)(b)); restraint for mines whose use is restricted, and no anti-personnel mine "
                "to a State not bound by the Protocol unless it agrees to apply it (art. 8(1)(c)); "
                "in full compliance by both States (art. 8(1)(d))"
            ),
            covers="transfer any mine the use of which is prohibited by this Protocol",
        ),
    },
    scope="ccw_p2_amended/art_1__para_1",
)

#: partial (data/pending/README-ccw-tpnw-att.md): no published party count was seen in a source
COVERAGE = RecordCoverage("partial")
