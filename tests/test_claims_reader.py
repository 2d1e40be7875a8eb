"""The claim reader on each sentence shape it must read (sentences written for these tests),
judged against the real compiled record: supported, contradicted and partly outcomes."""

from __future__ import annotations

from datetime import date

import pytest

from foederis.claims.check import ClaimOut, check
from foederis.engine.compile import Compiled

TODAY = date(2026, 12, 1)


def read(c: Compiled, text: str, day: str = "2025-06-01") -> list[ClaimOut]:
    return check(c, text, date.fromisoformat(day), today=TODAY).claims


def about(claims: list[ClaimOut], *subjects: str) -> ClaimOut:
    """The one claim whose subjects are exactly these states."""
    hits = [x for x in claims if set(x.subjects) == set(subjects)]
    assert len(hits) == 1, [(x.kind, x.subjects, x.verdict, x.text) for x in claims]
    return hits[0]


def verdict(c: Compiled, text: str, *subjects: str, day: str = "2025-06-01") -> tuple[str, list[str]]:
    cl = about(read(c, text, day), *subjects)
    return cl.verdict, cl.wrong


# ---- lists introduced in many ways; a list broken by a dash aside ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "NATO members such as Norway, Denmark and Iceland held talks.",
        "NATO allies like Norway, Denmark and Iceland sent ships.",
        "The alliance has many members, including, among others, Norway, Denmark and Iceland.",
        "NATO's members include Norway, Denmark and Iceland.",
        "Three countries stood out among the allies: Norway, Denmark and Iceland.",
    ],
)
def test_lists_of_members(compiled: Compiled, text: str) -> None:
    assert verdict(compiled, text, "NOR", "DNK", "ISL") == ("supported", [])


def test_a_list_with_one_non_member_is_partly_and_names_it(compiled: Compiled) -> None:
    assert verdict(
        compiled, "NATO members such as Poland, Austria and Estonia met.", "POL", "AUT", "EST"
    ) == (
        "partly",
        ["AUT"],
    )


def test_a_list_broken_by_a_dash_aside(compiled: Compiled) -> None:
    text = "Estonia, Latvia and Lithuania — each a frontline state — are parties to the Ottawa Convention."
    assert verdict(compiled, text, "EST", "LVA", "LTU", day="2025-06-01")[0] == "supported"
    assert verdict(compiled, text, "EST", "LVA", "LTU", day="2026-03-01")[0] == "contradicted"


# ---- coordinated subjects judged one by one ------------------------------------------------
def test_coordinated_subjects(compiled: Compiled) -> None:
    assert verdict(compiled, "Poland and Hungary joined NATO in 1999.", "POL", "HUN")[0] == "supported"
    assert verdict(compiled, "Poland and Slovakia joined NATO in 1999.", "POL", "SVK") == ("partly", ["SVK"])
    assert verdict(compiled, "Austria and Ireland joined NATO in 1999.", "AUT", "IRL")[0] == "contradicted"


# ---- negation and its scope ----------------------------------------------------------------
def test_negation(compiled: Compiled) -> None:
    t = "Neither the United States nor Russia is a party to the Ottawa Convention."
    assert verdict(compiled, t, "USA", "RUS")[0] == "supported"
    t = "Finland and Norway are not parties to the Ottawa Convention."
    assert verdict(compiled, t, "FIN", "NOR", day="2026-03-01") == ("partly", ["NOR"])
    t = "The Ottawa Convention was not signed by the United States, China or Russia."
    assert verdict(compiled, t, "USA", "CHN", "RUS")[0] == "supported"
    assert (
        verdict(compiled, "Russia has never joined the Convention on Cluster Munitions.", "RUS")[0]
        == "supported"
    )
    assert (
        verdict(compiled, "Norway has never joined the Convention on Cluster Munitions.", "NOR")[0]
        == "contradicted"
    )


def test_no_longer(compiled: Compiled) -> None:
    t = "Lithuania is no longer a party to the Convention on Cluster Munitions."
    assert verdict(compiled, t, "LTU", day="2025-06-01")[0] == "supported"
    assert verdict(compiled, t, "LTU", day="2024-01-01")[0] == "contradicted"


# ---- appositions with comma, dash, and "since" ---------------------------------------------
def test_appositions(compiled: Compiled) -> None:
    t = "France — a party to the CCM since 2009 — has destroyed its stockpile."
    assert verdict(compiled, t, "FRA")[0] == "supported"
    t = "France — a party to the CCM since 2015 — has destroyed its stockpile."
    assert verdict(compiled, t, "FRA")[0] in ("contradicted", "partly")
    assert verdict(compiled, "Norway, a NATO founder, hosted the meeting.", "NOR")[0] == "supported"
    assert verdict(compiled, "Sweden, a NATO founder, hosted the meeting.", "SWE")[0] == "contradicted"


# ---- group names the record expands ----------------------------------------------------------
def test_groups(compiled: Compiled) -> None:
    assert verdict(compiled, "The Baltic states joined NATO in 2004.", "EST", "LVA", "LTU")[0] == "supported"
    nordic = ("DNK", "FIN", "ISL", "NOR", "SWE")
    assert verdict(compiled, "The Nordic countries are all NATO members.", *nordic)[0] == "supported"
    cl = about(read(compiled, "The Nordic countries are all NATO members.", "2023-01-01"), *nordic)
    assert cl.verdict == "contradicted" and set(cl.wrong) == {"FIN", "SWE"}
    assert any("norden.org" in r for r in cl.reasons)


def test_the_allies_and_the_founders(compiled: Compiled) -> None:
    claims = read(compiled, "All the allies are parties to the Ottawa Treaty.")
    party = [x for x in claims if x.kind == "status"]
    assert party and party[0].verdict == "contradicted" and "USA" in party[0].wrong
    claims = read(compiled, "The founding members of NATO signed the North Atlantic Treaty in 1949.")
    signed = [x for x in claims if len(x.subjects) == 12]
    assert signed and signed[0].verdict == "supported"


# ---- passive voice and agents ----------------------------------------------------------------
def test_passive(compiled: Compiled) -> None:
    assert (
        verdict(compiled, "Greece and Turkey were admitted to the alliance in 1952.", "GRC", "TUR")[0]
        == "supported"
    )
    assert verdict(compiled, "Spain was admitted to the alliance in 1985.", "ESP")[0] == "contradicted"
    assert (
        verdict(compiled, "The INF Treaty was denounced by the United States in 2019.", "USA")[0]
        == "supported"
    )
    assert (
        verdict(compiled, "The INF Treaty was denounced by the United States in 2017.", "USA")[0]
        == "contradicted"
    )


def test_passive_count(compiled: Compiled) -> None:
    counts = [x for x in read(compiled, "The Ottawa Convention has been joined by 164 states.", "2025-03-18")]
    assert [x.kind for x in counts] == ["count"] and counts[0].verdict == "supported"
    counts = read(compiled, "The Ottawa Convention has been joined by 120 states.", "2025-03-18")
    assert counts[0].verdict == "contradicted"


# ---- relative and non-restrictive clauses ---------------------------------------------------
def test_relative_clauses(compiled: Compiled) -> None:
    t = "Finland, which joined NATO in 2023, shares a long border with Russia."
    assert verdict(compiled, t, "FIN")[0] == "supported"
    t = "Sweden, which joined NATO in 2023, shares a long sea border with Russia."
    assert verdict(compiled, t, "SWE")[0] == "contradicted"
    claims = read(
        compiled, "The 164 states that have accepted the Ottawa Convention met in Geneva.", "2025-03-18"
    )
    assert [x.kind for x in claims] == ["count"] and claims[0].verdict != "contradicted"


# ---- nominalised events and attributive dates -------------------------------------------------
def test_nominal_events(compiled: Compiled) -> None:
    assert (
        verdict(compiled, "Russia's withdrawal from Open Skies in 2021 ended the regime.", "RUS")[0]
        == "supported"
    )
    assert (
        verdict(compiled, "Russia's withdrawal from Open Skies in 2019 ended the regime.", "RUS")[0]
        == "contradicted"
    )
    assert (
        verdict(compiled, "Talks resumed after Sweden's accession to NATO in March 2024.", "SWE")[0]
        == "supported"
    )
    assert (
        verdict(compiled, "Talks resumed after Sweden's accession to NATO in March 2023.", "SWE")[0]
        == "contradicted"
    )


def test_attributive_dates(compiled: Compiled) -> None:
    assert [x.verdict for x in read(compiled, "The 1990 CFE Treaty limited tanks.")] == ["supported"]
    assert [x.verdict for x in read(compiled, "The 1995 CFE Treaty limited tanks.")] == ["contradicted"]


# ---- ordinals and superlatives --------------------------------------------------------------
def test_ordinals(compiled: Compiled) -> None:
    assert verdict(compiled, "North Macedonia became the 30th member of NATO.", "MKD")[0] == "supported"
    assert verdict(compiled, "Montenegro became the 30th member of NATO.", "MNE")[0] == "contradicted"
    assert verdict(compiled, "Sweden became NATO's thirty-second member.", "SWE")[0] == "supported"
    assert verdict(compiled, "Sweden is the last state to join the alliance.", "SWE")[0] == "supported"
    assert verdict(compiled, "Finland is the last state to join the alliance.", "FIN")[0] == "contradicted"
    t = "Lithuania was the first state to leave the Convention on Cluster Munitions."
    assert verdict(compiled, t, "LTU")[0] == "supported"


# ---- tense and modality ----------------------------------------------------------------------
def test_future_effect_and_perfect(compiled: Compiled) -> None:
    t = "Finland's withdrawal from the Ottawa Convention will take effect on 10 January 2026."
    assert verdict(compiled, t, "FIN", day="2025-08-01")[0] == "supported"
    t = "Finland's withdrawal from the Ottawa Convention will take effect on 10 March 2026."
    assert verdict(compiled, t, "FIN", day="2025-08-01")[0] != "supported"
    assert (
        verdict(compiled, "Latvia has left the Ottawa Convention.", "LVA", day="2026-01-05")[0] == "supported"
    )
    assert verdict(compiled, "Latvia has left the Ottawa Convention.", "LVA", day="2025-07-01")[0] == "partly"


@pytest.mark.parametrize(
    "text",
    [
        "Were Russia to attack Finland, NATO would respond.",
        "If an ally invoked Article 5, Norway would join the response.",
        "The minister said Norway will leave the Convention on Cluster Munitions.",
        "Poland plans to withdraw from the Ottawa Convention.",
        "Estonia could withdraw from the Ottawa Convention.",
    ],
)
def test_hypotheticals_intentions_and_reported_speech_are_not_claims(compiled: Compiled, text: str) -> None:
    assert [x for x in read(compiled, text) if x.subjects] == []


def test_hedge_is_judged_and_said(compiled: Compiled) -> None:
    cl = about(read(compiled, "Russia briefly suspended its participation in the CFE Treaty in 2007."), "RUS")
    assert cl.verdict == "supported" and any("briefly" in r for r in cl.reasons)


# ---- verbs and paraphrases for the same fact -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "state", "expected"),
    [
        ("Russia quit the Open Skies Treaty in 2021.", "RUS", "supported"),
        ("The United States exited the INF Treaty in 2019.", "USA", "supported"),
        ("Lithuania walked away from the Convention on Cluster Munitions in 2025.", "LTU", "supported"),
        ("Norway ceased to be a party to the CCM in 2020.", "NOR", "contradicted"),
        ("Russia is still bound by New START.", "RUS", "supported"),
        ("Norway pulled out of the Ottawa Convention in 2024.", "NOR", "contradicted"),
    ],
)
def test_verbs_for_the_same_fact(compiled: Compiled, text: str, state: str, expected: str) -> None:
    assert verdict(compiled, text, state, day="2025-06-01")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Under the Ottawa Convention a state can leave six months after notice.", "supported"),
        ("Under the Ottawa Convention a state can leave three months after notice.", "contradicted"),
        ("The North Atlantic Treaty offers no procedure for suspending a member.", "supported"),
        ("The North Atlantic Treaty allows the allies to expel a member.", "contradicted"),
    ],
)
def test_provision_paraphrases(compiled: Compiled, text: str, expected: str) -> None:
    claims = [x for x in read(compiled, text) if x.kind == "provision"]
    assert [x.verdict for x in claims] == [expected]


def test_invitation_paraphrase(compiled: Compiled) -> None:
    claims = read(
        compiled, "Under the North Atlantic Treaty, the allies can invite other European states to join."
    )
    assert [x.kind for x in claims] == ["provision"] and claims[0].verdict in ("supported", "partly")


# ---- a sentence asserting more than was read ---------------------------------------------
def test_over_assertion_is_never_supported_as_a_whole(compiled: Compiled) -> None:
    claims = read(compiled, "All 32 NATO allies are parties to the Ottawa Treaty.")
    assert not any(x.verdict == "supported" and x.kind != "count" for x in claims)
    assert any(x.kind == "status" and x.verdict == "contradicted" for x in claims)
    claims = read(compiled, "Norway is the only NATO member that is still a party to the Ottawa Treaty.")
    assert claims and not any(x.verdict == "supported" for x in claims)


def test_article_date_and_sentence_as_of(compiled: Compiled) -> None:
    text = (
        "Published 1 July 2025\n\nLatvia is a party to the Ottawa Convention. "
        "As of March 2026, Latvia is a party to the Ottawa Convention."
    )
    ans = check(compiled, text, today=TODAY)
    assert ans.as_of == date(2025, 7, 1)
    assert [x.verdict for x in ans.claims] == ["supported", "contradicted"]


# ---- damaged text: several deleted letter pairs ----------------------------------------------
EVAL = __import__("pathlib").Path(__file__).resolve().parent.parent / "evaluation" / "claims"


def test_two_deleted_pairs_in_one_text_are_found_and_repaired(compiled: Compiled) -> None:
    text = (
        "Norway and France are parties to the Convention on Cluster Munitions. Sweden joined NATO in 2024, "
        "and the alliance now counts 32 members. Finland, which joined NATO in 2023, is a member of the "
        "alliance and an important partner for Norway. Poland is a NATO member and a party to the Ottawa "
        "Convention, for now."
    )
    damaged = text.replace("or", "").replace("an", "")
    ans = check(compiled, damaged, date(2025, 6, 1), today=TODAY)
    assert set((ans.damaged_pair or "").split(", ")) == {"or", "an"}
    read_as = {r["text"]: r["read_as"] for r in ans.repairs}
    assert read_as.get("Nway") == "Norway" and read_as.get("Frce") == "France"
    assert about(ans.claims, "NOR", "FRA").verdict == "supported"
    assert about(ans.claims, "SWE").verdict == "supported"


def test_repair_never_turns_a_word_into_another_real_word(compiled: Compiled) -> None:
    text = (
        "NATO expansion has been a theme. The expansion of the alliance, its expansion into the east, "
        "and the planned expansion all matter; Poland and Ukraine want expansion."
    )
    ans = check(compiled, text.replace("an", ""), date(2025, 6, 1), today=TODAY)
    assert ans.damaged_pair == "an"
    assert {r["read_as"] for r in ans.repairs if r["text"] == "expsion"} == {"expansion"}


def test_a_prefix_that_lost_its_first_pair_before_a_hyphen_is_restored_and_said(compiled: Compiled) -> None:
    text = (
        "Finland and Poland left the Ottawa Convention, the anti-personnel mine ban treaty, and Latvia "
        "became the first Baltic state to leave the anti-personnel mine ban convention in 2025. Many "
        "analysts and planners and diplomats and lawyers watched the anti-personnel mine debate."
    )
    ans = check(compiled, text.replace("an", ""), date(2026, 6, 1), today=TODAY)
    assert ans.damaged_pair == "an"
    hits = [r for r in ans.repairs if r["text"] == "ti"]
    assert hits and all(r["read_as"] == "anti" and "hyphen" in r["method"] for r in hits)
    # "n-members" (a "non-" that lost its "on") is never read as "members"
    text2 = "Notable non-members of the Ottawa Treaty include China and the United States. " * 2
    ans = check(compiled, text2.replace("on", ""), date(2026, 6, 1), today=TODAY)
    assert "contradicted" not in {c.verdict for c in ans.claims if "China" in c.text}
    # a prefix that lost a pair at its end is not guessed ("co-" is not "core-")
    ans = check(
        compiled, "The co-operation of Norway and France. " * 3 + text.replace("re", ""), date(2026, 6, 1)
    )
    assert not [r for r in ans.repairs if r["text"] == "co"]


@pytest.mark.parametrize("path", sorted(EVAL.glob("*/excerpts/*.md")), ids=lambda p: p.name)
def test_no_repair_on_undamaged_real_articles(compiled: Compiled, path) -> None:
    from wordfreq import zipf_frequency

    ans = check(compiled, path.read_text(encoding="utf-8"), date(2025, 6, 1), today=TODAY)
    assert ans.damaged_pair is None
    # only the author's own misspellings of a keyword ("cvountry"), never a real word, are repaired
    assert [r for r in ans.repairs if r["method"] != "keyword typo"] == []
    assert all(zipf_frequency(r["text"], "en") == 0 for r in ans.repairs)


def test_a_rare_real_word_is_repaired_only_with_a_note(compiled: Compiled) -> None:
    text = (
        "The Ottawa Treaty was ratified by Latvia, and later that state left the treaty. Latvia ratified "
        "other treaties at that time; the state parties of the treaty meet each year in Geneva."
    )
    ans = check(compiled, text.replace("at", ""), date(2026, 6, 1), today=TODAY)
    notes = [r for r in ans.repairs if r["text"].lower() == "trey"]
    assert notes and all("itself a rare word" in r["method"] for r in notes)


def test_a_near_verbatim_quote_is_partly_with_the_difference_shown(compiled: Compiled) -> None:
    text = (
        'Article 20 of the Ottawa Convention reads: "Such withdrawal shall only take effect six calendar '
        'months after the receipt of the instrument of withdrawal by the Depositary."'
    )
    quotes = [x for x in check(compiled, text, date(2025, 6, 1), today=TODAY).claims if x.kind == "quote"]
    assert [x.verdict for x in quotes] == ["partly"]
    assert quotes[0].changes and quotes[0].changes[0]["quoted"] == "calendar"


@pytest.mark.parametrize(
    "text",
    [
        "Sweden joined NATO exercises in 2015.",
        "Austria is a member of NATO's Partnership for Peace.",
        "Austria is a member of the NATO Parliamentary Assembly.",
        "Ireland is a member of the European Union.",
    ],
)
def test_an_instrument_that_modifies_another_noun_is_not_the_object(compiled: Compiled, text: str) -> None:
    assert [x for x in read(compiled, text) if x.subjects] == []


def test_coordinated_instruments_are_each_judged(compiled: Compiled) -> None:
    claims = read(compiled, "Finland is a party to the Ottawa Convention and the CCM.", "2025-06-01")
    assert [(x.instrument, x.verdict) for x in claims] == [("apmbt", "supported"), ("ccm", "contradicted")]


def test_capitals_as_governments_and_ap_dates(compiled: Compiled) -> None:
    assert verdict(compiled, "Washington withdrew from the INF Treaty in 2019.", "USA")[0] == "supported"
    assert (
        verdict(compiled, "Moscow withdrew from the Open Skies Treaty in 2019.", "RUS")[0] == "contradicted"
    )
    assert [
        x for x in read(compiled, "Talks were held in Washington on the Open Skies Treaty.") if x.subjects
    ] == []
    t = "Latvia left the Ottawa Convention on Dec. 27, 2025."
    assert verdict(compiled, t, "LVA", day="2026-01-05")[0] == "supported"


def test_more_real_prose_shapes(compiled: Compiled) -> None:
    t = "Russia, which suspended New START in 2023, remains bound by the treaty."
    claims = read(compiled, t, "2025-06-01")
    assert sorted((x.kind, x.verdict) for x in claims) == [("event", "supported"), ("status", "supported")]
    t = "Germany, France and the United Kingdom, all NATO members, urged restraint."
    assert verdict(compiled, t, "DEU", "FRA", "GBR")[0] == "supported"
    t = "Parties to the Ottawa Convention include Ukraine but not the United States or Russia."
    neg = about(read(compiled, t, "2025-03-18"), "USA", "RUS")
    assert neg.verdict == "supported"
    t = "Latvia submitted a notification of denunciation of the Ottawa Convention in June 2025."
    assert verdict(compiled, t, "LVA", day="2025-07-01")[0] == "supported"
    claims = read(
        compiled, "By then 164 states had ratified or acceded to the Ottawa Convention.", "2025-03-18"
    )
    assert [x.kind for x in claims] == ["count"] and claims[0].verdict in ("supported", "partly")
    claims = read(
        compiled, "By then 120 states had ratified or acceded to the Ottawa Convention.", "2025-03-18"
    )
    assert [(x.kind, x.verdict) for x in claims] == [("count", "contradicted")]


def test_welcomed_as_newest_member_and_not_yet(compiled: Compiled) -> None:
    t = "NATO foreign ministers welcomed North Macedonia as the alliance's newest member on Thursday."
    assert verdict(compiled, t, "MKD", day="2020-04-02")[0] == "supported"
    assert (
        verdict(compiled, "Sweden is not yet a member of the alliance.", "SWE", day="2023-11-07")[0]
        == "supported"
    )
    assert verdict(compiled, "Sweden is not yet a member of the alliance.", "SWE", day="2024-06-01")[0] == (
        "contradicted"
    )


# ---- shapes found missing on the second holdout set (sentences of our own) ----------------------

DAY = date(2024, 8, 20)


def test_serial_comma_keeps_a_list_of_names_together(compiled: Compiled) -> None:
    ans = check(compiled, "In 2004, Estonia, Latvia, and Austria joined NATO.", DAY, today=TODAY)
    cl = [x for x in ans.claims if x.kind == "membership"]
    assert len(cl) == 1 and set(cl[0].subjects) == {"EST", "LVA", "AUT"}
    assert cl[0].verdict == "partly" and cl[0].wrong == ["AUT"]


def test_a_date_of_another_event_is_not_the_predicates_date(compiled: Compiled) -> None:
    text = "Romania and Slovakia joined NATO as a result of the round announced at the November 2002 summit."
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "membership"]
    assert len(cl) == 1 and cl[0].verdict == "supported"
    text = "Romania and Slovakia joined NATO in November 2002."
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "membership"]
    assert len(cl) == 1 and cl[0].verdict == "contradicted"


def test_descriptive_names_of_the_ccm_and_the_ctbt(compiled: Compiled) -> None:
    text = "Norway has withdrawn from the international convention banning the use of cluster munitions."
    cl = check(compiled, text, DAY, today=TODAY).claims
    assert [(x.instrument, x.verdict) for x in cl] == [("ccm", "contradicted")]
    text = "Russia ratified the Nuclear-Test-Ban Treaty in 2000."
    cl = check(compiled, text, DAY, today=TODAY).claims
    assert [(x.instrument, x.verdict) for x in cl] == [("ctbt", "supported")]


def test_a_list_set_off_by_dashes_is_the_subject(compiled: Compiled) -> None:
    text = "In 2004 three nations – Estonia, Latvia and Austria – joined NATO."
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "membership"]
    assert len(cl) == 1 and cl[0].verdict == "partly" and cl[0].wrong == ["AUT"]


def test_these_nations_refers_back_to_the_list_just_named(compiled: Compiled) -> None:
    text = (
        "Estonia, Latvia and Austria were invited at the 2002 Prague summit. "
        "These nations joined NATO Mar 29th 2004."
    )
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "membership"]
    assert len(cl) == 1 and set(cl[0].subjects) == {"EST", "LVA", "AUT"}
    assert cl[0].verdict == "partly" and cl[0].wrong == ["AUT"]  # never CZE from "Prague summit"


def test_accession_of_counted_countries_then_their_names(compiled: Compiled) -> None:
    text = (
        "NATO's next enlargement came with the accession of three Baltic countries: "
        "Estonia, Latvia, and Austria."
    )
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "membership"]
    assert len(cl) == 1 and cl[0].verdict == "partly" and cl[0].wrong == ["AUT"]


def test_came_into_force_coordinated_after_a_fronted_participle(compiled: Compiled) -> None:
    text = (
        "Signed in Washington on 8 December 1987, the INF Treaty was approved in May 1988 "
        "and came into force on 1 June 1989."
    )
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "event"]
    assert [(x.production, x.instrument, x.verdict) for x in cl] == [
        ("treaty_signed", "inf", "supported"),
        ("treaty_entered_into_force", "inf", "contradicted"),
    ]


def test_revoking_a_ratification(compiled: Compiled) -> None:
    day = date(2024, 1, 10)
    text = "Putin signed a bill revoking Russia's ratification of the Nuclear-Test-Ban Treaty into law."
    cl = check(compiled, text, day, today=TODAY).claims
    assert [(x.kind, x.instrument, x.verdict) for x in cl] == [("event", "ctbt", "supported")]
    text = "Russia revoked its ratification of the CTBT in 2019."
    cl = check(compiled, text, day, today=TODAY).claims
    assert [(x.kind, x.verdict) for x in cl] == [("event", "contradicted")]


def test_a_withdrawal_period_named_before_the_verb(compiled: Compiled) -> None:
    base = (
        "Norway has not left the Convention on Cluster Munitions. The {} period required to withdraw is long."
    )
    for words, verdict in (("six-month", "supported"), ("three-month", "contradicted")):
        cl = [
            x for x in check(compiled, base.format(words), DAY, today=TODAY).claims if x.kind == "provision"
        ]
        assert [(x.instrument, x.verdict) for x in cl] == [("ccm", verdict)]


def test_adoption_of_a_text_is_read_but_not_judged_by_signatures(compiled: Compiled) -> None:
    text = "The Ottawa Convention, which bans anti-personnel mines, was adopted on 18 September 1997."
    cl = check(compiled, text, DAY, today=TODAY).claims
    assert [(x.kind, x.instrument, x.verdict) for x in cl] == [("event", "apmbt", "unverifiable")]


def test_growth_by_a_run_of_members_each_with_its_date(compiled: Compiled) -> None:
    text = (
        "NATO grew by including Greece and Austria in 1952 and West Germany in 1955, "
        "and then later Spain in 1983."
    )
    cl = [x for x in check(compiled, text, DAY, today=TODAY).claims if x.kind == "membership"]
    got = [(tuple(x.subjects), x.verdict) for x in cl]
    assert got == [(("GRC", "AUT"), "partly"), (("DEU",), "supported"), (("ESP",), "contradicted")]


def test_a_fronted_signed_participle_dates_the_signature_only(compiled: Compiled) -> None:
    text = "Signed in Washington on 8 December 1988, the INF Treaty came into force later."
    cl = check(compiled, text, DAY, today=TODAY).claims
    assert [(x.kind, x.instrument, x.verdict) for x in cl] == [("event", "inf", "contradicted")]
    assert cl[0].text.startswith("Signed")  # the entry into force, undated, is not judged by 1988
