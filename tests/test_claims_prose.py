"""Subjects and verbs of news prose the reader must read (sentences written for these tests):
governments and leaders for their states, pronouns for the state named before, title-case headlines,
the start and end of a withdrawal named by a noun. Judged against the real compiled record."""

from __future__ import annotations

from helpers import CLAIMS_TODAY, one_claim, read_claims

from foederis.claims.check import check
from foederis.engine.compile import Compiled

TODAY = CLAIMS_TODAY
read, one = read_claims, one_claim


def test_a_government_named_by_its_demonym_is_the_state(compiled: Compiled) -> None:
    text = "The Estonian government withdrew from the Ottawa Convention in 2025."
    cl = one(read(compiled, text, "2026-02-01"), "status")
    assert cl.subjects == ["EST"] and cl.verdict == "supported"
    text = "The Latvian government withdrew from the Convention on Cluster Munitions in 2025."
    assert one(read(compiled, text, "2026-02-01"), "status").verdict == "contradicted"


def test_a_possessive_state_with_its_institution_is_the_state(compiled: Compiled) -> None:
    text = "Poland's government ratified the Ottawa Convention in 2012."
    cl = one(read(compiled, text, "2020-01-01"), "event")
    assert cl.subjects == ["POL"] and cl.verdict == "supported"


def test_a_seat_or_a_leader_stands_for_the_state(compiled: Compiled) -> None:
    cl = one(read(compiled, "The Kremlin suspended New START in 2023.", "2024-01-01"), "event")
    assert cl.subjects == ["RUS"] and cl.verdict == "supported"
    cl = one(read(compiled, "Trump pulled out of the Open Skies Treaty in 2020.", "2021-06-01"), "status")
    assert cl.subjects == ["USA"] and cl.verdict == "supported"
    cl = one(read(compiled, "Trump pulled out of the Open Skies Treaty in 2018.", "2021-06-01"), "status")
    assert cl.verdict == "contradicted"


def test_a_legislature_vote_is_not_judged_against_the_deposit_date(compiled: Compiled) -> None:
    text = "The Lithuanian parliament ratified the Convention on Cluster Munitions on 3 February 2011."
    cl = one(read(compiled, text, "2020-01-01"), "event")
    assert cl.verdict == "unverifiable" and "legislature" in " ".join(cl.reasons)
    text = "The Lithuanian government ratified the Convention on Cluster Munitions on 3 February 2011."
    assert one(read(compiled, text, "2020-01-01"), "event").verdict == "contradicted"


def test_a_title_case_headline_is_read(compiled: Compiled) -> None:
    cl = one(read(compiled, "Sweden Becomes 32nd NATO Member", "2024-03-08"), "ordinal")
    assert cl.subjects == ["SWE"] and cl.verdict == "supported"
    assert one(read(compiled, "Sweden Becomes 31st NATO Member", "2024-03-08"), "ordinal").verdict == (
        "contradicted"
    )


def test_it_and_the_country_mean_the_one_state_named_before(compiled: Compiled) -> None:
    text = (
        "Lithuania left the cluster munitions convention in 2025. "
        "It was the first state to leave the convention."
    )
    cl = one(read(compiled, text, "2025-06-01"), "ordinal")
    assert cl.subjects == ["LTU"] and cl.verdict == "supported"
    text = "Sweden joined NATO in 2024. The Nordic country became the 31st member."
    cl = one(read(compiled, text, "2024-06-01"), "ordinal")
    assert cl.subjects == ["SWE"] and cl.verdict == "contradicted"


def test_a_pronoun_after_two_states_is_not_read(compiled: Compiled) -> None:
    text = "Finland and Sweden applied in 2022. It joined NATO in 2023."
    assert [x for x in read(compiled, text, "2024-06-01") if x.text.startswith("It")] == []


def test_a_state_reporting_its_own_act_asserts_it(compiled: Compiled) -> None:
    text = "Lithuania announced that it has withdrawn from the Convention on Cluster Munitions."
    cl = one(read(compiled, text, "2025-03-07"), "status")
    assert cl.subjects == ["LTU"] and cl.verdict == "supported"
    text = "Latvia announced that it has withdrawn from the Convention on Cluster Munitions."
    assert one(read(compiled, text, "2025-03-07"), "status").verdict == "contradicted"


def test_a_speaker_pronoun_is_not_a_subject(compiled: Compiled) -> None:
    text = "Russia sees no room for arms control talks with NATO countries, it added."
    assert read(compiled, text, "2024-01-01") == []


def test_the_end_and_the_start_of_a_withdrawal_named_by_a_noun(compiled: Compiled) -> None:
    text = "Washington completed its withdrawal from the Open Skies Treaty in November 2020."
    assert one(read(compiled, text, "2021-01-01"), "status").verdict == "supported"
    text = "Washington completed its withdrawal from the Open Skies Treaty in November 2019."
    assert one(read(compiled, text, "2021-01-01"), "status").verdict == "contradicted"
    text = "Russia began its process of withdrawing from the Open Skies Treaty in 2021."
    assert one(read(compiled, text, "2022-01-01"), "status").verdict == "supported"


def test_a_described_treaty_after_an_indefinite_article(compiled: Compiled) -> None:
    text = "Estonia left an international treaty prohibiting the use of anti-personnel land mines."
    cl = one(read(compiled, text, "2026-02-01"), "status")
    assert cl.instrument == "apmbt" and cl.verdict == "supported"


def test_an_abbreviated_month_after_the_treaty_is_a_date_not_a_name(compiled: Compiled) -> None:
    text = (
        "Published 2023-11-07\n\nRussia left the CFE Treaty. "
        "The U.S. will formally suspend its participation in the treaty on Dec. 7."
    )
    cl = one(check(compiled, text, today=TODAY).claims, "event")
    assert cl.subjects == ["USA"] and cl.instrument == "cfe" and cl.verdict == "supported"


def test_a_count_said_with_has_or_in_a_hyphenated_compound(compiled: Compiled) -> None:
    assert one(read(compiled, "NATO has 32 members.", "2025-01-01"), "count").verdict == "supported"
    assert one(read(compiled, "NATO, which now has 30 members, met.", "2025-01-01"), "count").verdict == (
        "contradicted"
    )
    assert one(read(compiled, "The 30-member alliance met.", "2021-01-01"), "count").verdict == "supported"
    assert one(read(compiled, "The 31-nation bloc met.", "2021-01-01"), "count").verdict == "contradicted"


def test_founders_are_counted_on_the_first_signature_day(compiled: Compiled) -> None:
    text = "NATO was founded in 1949 by 12 countries."
    assert one(read(compiled, text, "2025-01-01"), "count").verdict == "supported"
    text = "NATO was founded in 1949 by 14 countries."
    assert one(read(compiled, text, "2025-01-01"), "count").verdict == "contradicted"


def test_one_of_the_founding_members(compiled: Compiled) -> None:
    text = "NATO met. Norway is one of the organization's founding members."
    assert one(read(compiled, text, "2025-01-01"), "membership").verdict == "supported"
    text = "NATO met. Poland is one of the organization's founding members."
    assert one(read(compiled, text, "2025-01-01"), "membership").verdict == "contradicted"


def test_becoming_the_nth_member_keeps_the_subject(compiled: Compiled) -> None:
    text = "Finland joined NATO on April 4, 2023, becoming the alliance's 31st member."
    cl = one(read(compiled, text, "2024-01-01"), "ordinal")
    assert cl.subjects == ["FIN"] and cl.verdict == "supported"
    text = "Finland joined NATO on April 4, 2023, becoming the alliance's 30th member."
    assert one(read(compiled, text, "2024-01-01"), "ordinal").verdict == "contradicted"


def test_a_participle_after_the_treaty_name_dates_its_signature(compiled: Compiled) -> None:
    text = "The Ottawa Convention, signed in 1997, bans mines."
    assert one(read(compiled, text, "2024-01-01"), "event").verdict == "supported"
    text = "The Ottawa Convention, signed in 1999, bans mines."
    assert one(read(compiled, text, "2024-01-01"), "event").verdict == "contradicted"


def test_a_withdrawal_said_to_take_effect_and_a_bare_withdrew(compiled: Compiled) -> None:
    text = "Estonia left the Ottawa Convention. Estonia's withdrawal took effect on December 27, 2025."
    claims = read(compiled, text, "2026-01-05")
    assert [x.verdict for x in claims if x.text.startswith("Estonia's")] == ["supported"]
    text = "Estonia left the Ottawa Convention. Estonia's withdrawal took effect on December 27, 2024."
    claims = read(compiled, text, "2026-01-05")
    assert [x.verdict for x in claims if x.text.startswith("Estonia's")] == ["contradicted"]
    text = "Russia, which suspended its participation in the CFE Treaty in 2007, formally withdrew in 2023."
    cl = next(x for x in read(compiled, text, "2024-01-01") if x.kind == "status")
    assert cl.instrument == "cfe" and cl.verdict == "supported"


def test_an_enlargement_list_laid_out_as_lines(compiled: Compiled) -> None:
    text = "NATO members by year\n\n1952\nGreece and Turkey\n1955\nGermany\n1982\nPortugal\n"
    claims = read(compiled, text, "2024-01-01")
    verdicts = {tuple(x.subjects): x.verdict for x in claims}
    assert verdicts == {("GRC", "TUR"): "supported", ("DEU",): "supported", ("PRT",): "contradicted"}
    founders = "NATO's members\n\nFounding members, 1949\nBelgium, Canada and Spain."
    cl = one(read(compiled, founders, "2024-01-01"), "membership")
    assert cl.verdict == "partly" and cl.wrong == ["ESP"]


def test_non_members_are_read_as_not_members(compiled: Compiled) -> None:
    text = "The Ottawa Convention bans mines. Non-members of the treaty include China and Russia."
    assert one(read(compiled, text, "2024-01-01"), "membership").verdict == "supported"
    text = "The Ottawa Convention bans mines. Non-members of the treaty include China and Canada."
    cl = one(read(compiled, text, "2024-01-01"), "membership")
    assert cl.verdict == "partly" and cl.wrong == ["CAN"]


def test_only_before_a_name_is_not_supported_as_a_whole(compiled: Compiled) -> None:
    text = "The CCM bans cluster bombs. Only Lithuania has signed it."
    assert one(read(compiled, text, "2016-01-01"), "event").verdict == "unverifiable"


def test_an_explicit_date_after_a_weekday_is_the_date(compiled: Compiled) -> None:
    text = "Published 2009-04-04\n\nAlbania and Croatia joined NATO on Saturday (April 4th)."
    cl = one(check(compiled, text, today=TODAY).claims, "membership")
    assert cl.verdict in ("partly", "contradicted")  # the deposit was 1 April, the summit 4 April


def test_the_adapted_treaty_signature_is_not_the_original(compiled: Compiled) -> None:
    text = "NATO states never ratified the adapted version of the CFE treaty, signed on Nov. 19, 1999."
    assert [x for x in read(compiled, text, "2007-12-12") if x.kind == "event"] == []


def test_a_count_dated_by_the_act_it_did(compiled: Compiled) -> None:
    text = "The CFE treaty was signed in 1990 by 16 NATO countries."
    assert one(read(compiled, text, "2024-01-01"), "count").verdict == "supported"
    text = "The CFE treaty was signed in 1990 by 19 NATO countries."
    assert one(read(compiled, text, "2024-01-01"), "count").verdict == "contradicted"


def test_the_alliance_acting_on_a_state(compiled: Compiled) -> None:
    assert one(read(compiled, "NATO adds West Germany.", "1955-05-09"), "membership").verdict == "supported"
    cl = one(read(compiled, "NATO adds Spain.", "1955-05-09"), "membership")
    assert cl.verdict == "contradicted"  # an undated past act the record dates after the article's day


def test_joined_with_the_instrument_left_to_context(compiled: Compiled) -> None:
    text = "NATO met in Brussels. When Montenegro joined in 2017 it took a year."
    assert one(read(compiled, text, "2019-02-06"), "membership").verdict == "supported"
    text = "NATO met in Brussels. When Montenegro joined in 2015 it took a year."
    assert one(read(compiled, text, "2019-02-06"), "membership").verdict == "contradicted"


def test_members_counted_for_the_instrument_named_last(compiled: Compiled) -> None:
    text = "NATO met in Brussels. All 29 current members must ratify the accession protocol."
    assert one(read(compiled, text, "2019-02-06"), "count").verdict == "supported"
    text = "NATO met in Brussels. All 28 current members must ratify the accession protocol."
    assert one(read(compiled, text, "2019-02-06"), "count").verdict == "contradicted"


def test_a_treaty_named_by_its_description_and_a_participle(compiled: Compiled) -> None:
    text = "The INF Treaty banned missiles. The pact made in 1987 fell in 2019."
    assert one(read(compiled, text, "2020-01-01"), "event").verdict == "supported"
    text = "Russia suspended its obligations under the Conventional Forces in Europe (CFE) treaty in 2007."
    cl = one(read(compiled, text, "2008-01-01"), "event")
    assert cl.instrument == "cfe" and cl.verdict == "supported"


def test_a_verb_left_out_after_a_dated_act(compiled: Compiled) -> None:
    text = "Greece and Turkey joined NATO in 1952, West Germany in 1955, and Spain in 1984."
    verdicts = {tuple(x.subjects): x.verdict for x in read(compiled, text, "2024-01-01")}
    assert verdicts == {("GRC", "TUR"): "supported", ("DEU",): "supported", ("ESP",): "contradicted"}


def test_a_possessive_apposition_does_not_join_the_subject_list(compiled: Compiled) -> None:
    text = "Finland, Sweden's neighbour, joined NATO in April 2023."
    cl = one(read(compiled, text, "2024-01-01"), "membership")
    assert cl.subjects == ["FIN"] and cl.verdict == "supported"


def test_the_collective_defence_clause_paraphrased(compiled: Compiled) -> None:
    text = "Article 5 obliges NATO members to consider an attack on one member as an attack on all."
    cl = one(read(compiled, text, "2024-01-01"), "provision")
    assert cl.instrument == "nato" and cl.verdict == "supported" and "nato/art_5" in cl.reasons[0]
    text = "The Convention on Cluster Munitions says an attack on one party is an attack on all."
    assert one(read(compiled, text, "2024-01-01"), "provision").verdict == "contradicted"


def test_the_allies_allowed_to_invite(compiled: Compiled) -> None:
    text = "NATO met. Article 10 allows the allies to invite any other European state to join."
    assert one(read(compiled, text, "2024-01-01"), "provision").verdict == "supported"
    text = "NATO met. Article 10 allows the allies to invite any other state to join."
    assert one(read(compiled, text, "2024-01-01"), "provision").verdict == "contradicted"


def test_a_month_day_after_words_that_look_ahead_is_the_next_one(compiled: Compiled) -> None:
    head = "Published 2025-12-27\n\nPoland left the Ottawa Convention. "
    text = head + "Poland's exit takes effect on February 20."
    cl = next(x for x in check(compiled, text, today=TODAY).claims if x.text.startswith("Poland's"))
    assert cl.verdict == "supported"
    text = head + "Poland's exit takes effect on March 20."
    cl = next(x for x in check(compiled, text, today=TODAY).claims if x.text.startswith("Poland's"))
    assert cl.verdict != "supported"


def test_ceased_to_be_parties_and_a_signatory_count_in_apposition(compiled: Compiled) -> None:
    text = "Estonia, Latvia and Lithuania formally ceased to be parties to the Ottawa Convention."
    cl = one(read(compiled, text, "2025-12-28"), "status")
    assert cl.subjects == ["EST", "LVA", "LTU"] and cl.verdict == "supported"
    text = "The Ottawa Convention, signed by 133 countries, bans mines."
    assert one(read(compiled, text, "2025-12-28"), "count").verdict == "supported"
    text = "The Ottawa Convention, signed by 150 countries, bans mines."
    assert one(read(compiled, text, "2025-12-28"), "count").verdict != "supported"


def test_founders_named_after_their_count(compiled: Compiled) -> None:
    text = "NATO was founded in 1949 by 12 nations, including the United States, Canada and Britain."
    cl = one(read(compiled, text, "2024-01-01"), "membership")
    assert cl.subjects == ["USA", "CAN", "GBR"] and cl.verdict == "supported"
    text = "NATO was founded in 1949 by 12 nations, including the United States, Spain and Britain."
    cl = one(read(compiled, text, "2024-01-01"), "membership")
    assert cl.verdict == "partly" and cl.wrong == ["ESP"]


def test_an_era_adjective_before_a_treaty_name(compiled: Compiled) -> None:
    cl = one(read(compiled, "Russia formally exits Cold War-era CFE treaty", "2023-11-07"), "status")
    assert cl.instrument == "cfe" and cl.verdict == "supported"


def test_accepted_into_and_entered_the_alliance(compiled: Compiled) -> None:
    assert one(read(compiled, "West Germany accepted into Nato", "1955-05-09"), "membership").verdict == (
        "supported"
    )
    text = "The Czech Republic, Hungary, and Poland officially entered NATO in 1999."
    assert one(read(compiled, text, "2000-01-01"), "membership").verdict == "supported"
    text = "The Czech Republic, Hungary, and Poland officially entered NATO in 1997."
    assert one(read(compiled, text, "2000-01-01"), "membership").verdict == "contradicted"


def test_making_it_the_nth_member(compiled: Compiled) -> None:
    text = "Montenegro joined NATO in 2017, making the small Balkan state the 29th member."
    cl = one(read(compiled, text, "2018-01-01"), "ordinal")
    assert cl.subjects == ["MNE"] and cl.verdict == "supported"
    text = "Montenegro joined NATO in 2017, making it the 28th member."
    assert one(read(compiled, text, "2018-01-01"), "ordinal").verdict == "contradicted"


def test_a_qualified_count_is_a_bound(compiled: Compiled) -> None:
    text = "More than 160 countries have joined the Ottawa Convention."
    assert one(read(compiled, text, "2025-05-01"), "count").verdict == "supported"
    text = "More than 170 countries have joined the Ottawa Convention."
    assert one(read(compiled, text, "2025-05-01"), "count").verdict == "contradicted"
    text = "The Ottawa Convention has some 165 states parties."
    assert one(read(compiled, text, "2025-05-01"), "count").verdict == "supported"


def test_the_four_nato_states_is_a_reference_not_a_count(compiled: Compiled) -> None:
    text = "Poland and the Baltic states spoke. The four NATO states border Russia."
    assert [x for x in read(compiled, text, "2025-05-01") if x.kind == "count"] == []


def test_a_present_tense_headline_of_a_withdrawal_under_way(compiled: Compiled) -> None:
    cl = one(read(compiled, "Lithuania exits cluster munitions convention", "2024-07-18"), "status")
    assert cl.verdict == "partly"
    cl = one(read(compiled, "Lithuania left the cluster munitions convention.", "2024-07-18"), "status")
    assert cl.verdict == "contradicted"


def test_a_passive_participle_after_the_treaty_and_a_range_of_days(compiled: Compiled) -> None:
    text = "The Convention on Cluster Munitions, ratified by Lithuania in 2010, bans cluster bombs."
    assert one(read(compiled, text, "2024-07-18"), "event").verdict == "contradicted"  # deposited 2011
    text = "The Ottawa Convention was opened for signature in Ottawa on December 3-4, 1997."
    assert one(read(compiled, text, "2024-07-18"), "event").verdict == "supported"


def test_it_after_a_treaty_stays_the_treaty(compiled: Compiled) -> None:
    text = "South Korea never signed the Ottawa Convention. It entered into force on March 1, 1999."
    cl = one(read(compiled, text, "2025-06-25"), "event")
    assert cl.instrument == "apmbt" and cl.verdict == "supported"


def test_the_last_single_subject_is_what_it_means(compiled: Compiled) -> None:
    text = (
        "Finland joined NATO on Tuesday, Russia said. "
        "The Nordic nation is the 31st country to join the alliance."
    )
    cl = one(read(compiled, text, "2023-04-04"), "ordinal")
    assert cl.subjects == ["FIN"] and cl.verdict == "supported"


def test_a_withdrawal_announced_is_a_notice(compiled: Compiled) -> None:
    text = "Washington announced its withdrawal from the Open Skies Treaty in 2020."
    assert one(read(compiled, text, "2021-06-01"), "status").verdict == "supported"
    text = "Washington announced its withdrawal from the Open Skies Treaty on May 21, 2020."
    assert one(read(compiled, text, "2021-06-01"), "status").verdict == "unverifiable"  # notice a day later
    text = "Washington announced its withdrawal from the Open Skies Treaty in 2018."
    assert one(read(compiled, text, "2021-06-01"), "status").verdict == "contradicted"


def test_a_leader_reporting_the_state_act(compiled: Compiled) -> None:
    text = (
        "Published 2023-02-22\n\n"
        "Putin announced on Tuesday that Russia was suspending its participation in New START."
    )
    cl = one(check(compiled, text, today=TODAY).claims, "event")
    assert cl.subjects == ["RUS"] and cl.verdict == "supported"


def test_after_opening_a_clause_is_a_conjunction(compiled: Compiled) -> None:
    text = "After Finland joined NATO in 2023, Russia protested."
    assert one(read(compiled, text, "2024-01-01"), "membership").verdict == "supported"
    text = "After Finland joined NATO in 2021, Russia protested."
    assert one(read(compiled, text, "2024-01-01"), "membership").verdict == "contradicted"


def test_a_rank_in_apposition_before_the_state(compiled: Compiled) -> None:
    text = "The alliance's newest member, Sweden, joined in 2024."
    claims = read(compiled, text, "2026-03-01")
    assert {x.kind: x.verdict for x in claims} == {"ordinal": "supported", "membership": "supported"}
    text = "NATO's newest member, Finland, joined in 2023."
    assert one(read(compiled, text, "2026-03-01"), "ordinal").verdict == "contradicted"


def test_a_suspension_named_by_a_noun_and_a_ratification_revoked(compiled: Compiled) -> None:
    text = "Russia's suspension of New START in February 2023 alarmed Washington."
    assert one(read(compiled, text, "2024-01-01"), "event").verdict == "supported"
    text = "Russia's suspension of New START in February 2021 alarmed Washington."
    assert one(read(compiled, text, "2024-01-01"), "event").verdict == "contradicted"
    text = "Russia ratified the CTBT in 2000 but revoked its ratification in 2023."
    verdicts = [x.verdict for x in read(compiled, text, "2024-01-01") if x.kind == "event"]
    assert verdicts == ["supported", "supported"]


def test_a_block_introduced_by_reads_is_a_quote(compiled: Compiled) -> None:
    text = (
        "The Convention on Cluster Munitions sets out how a state may leave. Article 20 reads:\n\n"
        "3. Such withdrawal shall only take effect three months after the receipt of the instrument of "
        "withdrawal by the Depositary.\n"
    )
    cl = one(read(compiled, text, "2025-01-01"), "quote")
    assert cl.verdict == "contradicted" and "'six' → 'three'" in cl.reasons[0]


def test_an_alliance_in_apposition_is_not_the_treaty_left(compiled: Compiled) -> None:
    text = (
        "The Ottawa Convention bans mines. Estonia and Latvia, both NATO members, "
        "announced their withdrawals in 2025."
    )
    cl = one(read(compiled, text, "2025-07-01"), "status")
    assert cl.instrument == "apmbt" and cl.verdict == "supported"


def test_a_rank_completed_by_a_relative_clause(compiled: Compiled) -> None:
    text = "Lithuania is the first country that withdrew from the Convention on Cluster Munitions."
    cl = one(read(compiled, text, "2026-03-01"), "ordinal")
    assert cl.subjects == ["LTU"] and cl.verdict == "supported"
    assert one(
        read(compiled, "Finland is the last country that joined NATO.", "2026-03-01"), "ordinal"
    ).verdict == ("contradicted")


def test_a_rank_among_a_group(compiled: Compiled) -> None:
    text = "Sweden became the last Nordic country to join NATO."
    cl = one(read(compiled, text, "2025-07-01"), "ordinal")
    assert cl.verdict == "supported" and "among the Nordic countries" in cl.reasons[0]
    text = "Finland became the last Nordic country to join NATO."
    assert one(read(compiled, text, "2025-07-01"), "ordinal").verdict == "contradicted"


def test_a_status_before_or_by_a_date_is_judged_on_that_day(compiled: Compiled) -> None:
    text = "Neither Sweden nor Finland was a NATO member before 2023."
    assert one(read(compiled, text, "2025-07-01"), "membership").verdict == "supported"
    text = "Neither Sweden nor Finland was a NATO member before 2025."
    assert one(read(compiled, text, "2025-07-01"), "membership").verdict == "contradicted"
    text = "Albania was a member of NATO by 2008."
    assert one(read(compiled, text, "2025-07-01"), "membership").verdict == "contradicted"


def test_a_past_status_is_judged_in_its_own_time(compiled: Compiled) -> None:
    cl = one(read(compiled, "Finland was not a member of NATO in 2020.", "2025-07-01"), "membership")
    assert cl.verdict == "supported"
    cl = one(read(compiled, "Finland was not a member of NATO in 2023.", "2025-07-01"), "membership")
    assert cl.verdict == "partly"  # it joined in April 2023
    cl = one(read(compiled, "At the time, Sweden was not a NATO member.", "2025-07-01"), "membership")
    assert cl.verdict == "unverifiable"  # true before March 2024; the sentence does not say when
    assert one(read(compiled, "Sweden is not a NATO member.", "2025-07-01"), "membership").verdict == (
        "contradicted"
    )
    assert one(read(compiled, "In 1990, the alliance had 16 members.", "2025-07-01"), "count").verdict == (
        "supported"
    )


def test_a_past_count_without_a_date(compiled: Compiled) -> None:
    cl = one(read(compiled, "At the time, NATO had 30 members.", "2025-07-01"), "count")
    assert cl.verdict == "unverifiable" and "2020-03-27" in cl.reasons[0]
    assert one(read(compiled, "NATO has 30 members.", "2025-07-01"), "count").verdict == "contradicted"


def test_an_act_absent_from_a_full_depositary_list_is_contradicted(compiled: Compiled) -> None:
    text = "The United States ratified the Ottawa Convention in 1999."
    cl = one(read(compiled, text, "2025-07-01"), "event")
    assert cl.verdict == "contradicted" and "no ratified event" in cl.reasons[0]


def test_a_claim_someone_makes_without_a_date_is_not_judged(compiled: Compiled) -> None:
    assert read(compiled, "Some claim that Austria is a NATO member.", "2025-07-01") == []


def test_procedure_paraphrases_with_a_shared_negation_and_an_aside(compiled: Compiled) -> None:
    text = "The North Atlantic Treaty contains no procedure for expelling or suspending a member."
    claims = read(compiled, text, "2024-03-12")
    assert [x.verdict for x in claims] == ["supported"]
    text = "NATO met. The allies may, by unanimous agreement, invite any other European state to accede."
    assert one(read(compiled, text, "2024-03-12"), "provision").verdict == "supported"


def test_followed_as_the_nth_member_and_growth_to_a_total(compiled: Compiled) -> None:
    text = "NATO grew. Spain followed in 1982 as the sixteenth member."
    assert one(read(compiled, text, "2024-03-12"), "ordinal").verdict == "supported"
    text = "NATO grew. Spain followed in 1982 as the fifteenth member."
    assert one(read(compiled, text, "2024-03-12"), "ordinal").verdict == "contradicted"
    text = "In 2004 seven countries joined NATO, taking the alliance to 26 members."
    assert one(read(compiled, text, "2024-03-12"), "count").verdict == "supported"
    text = "In 2004 seven countries joined NATO, taking the alliance to 27 members."
    assert one(read(compiled, text, "2024-03-12"), "count").verdict == "contradicted"


def test_had_to_wait_and_party_nations(compiled: Compiled) -> None:
    text = "Lithuania left the CCM. The country had to wait six months after submitting exit documents."
    assert one(read(compiled, text, "2025-06-01"), "provision").verdict == "supported"
    text = "Lithuania left the CCM. The country had to wait twelve months after submitting exit documents."
    assert one(read(compiled, text, "2025-06-01"), "provision").verdict == "contradicted"
    text = "The Ottawa Convention binds the 164 states parties."
    assert one(read(compiled, text, "2021-01-01"), "count").verdict == "supported"


def test_a_count_of_a_part_is_not_the_whole(compiled: Compiled) -> None:
    text = "The Ottawa Convention has some 165 States Parties, including 42 States Parties in Europe."
    claims = [x for x in read(compiled, text, "2025-06-01") if x.kind == "count"]
    assert len(claims) == 1 and "165" in claims[0].text and claims[0].verdict == "supported"


def test_a_provision_paraphrase_takes_the_treaty_named_earlier_in_its_sentence(compiled: Compiled) -> None:
    text = (
        "Estonia left the Ottawa Convention. The parliament voted to leave the cluster munitions "
        "convention, but the country had to wait six months after submitting exit documents."
    )
    assert one(read(compiled, text, "2025-06-01"), "provision").instrument == "ccm"


def test_a_described_treaty_is_the_one_named_before_or_the_articles_only_treaty(compiled: Compiled) -> None:
    text = "U.S. Quits Missile Pact\n\nThe United States left a nuclear arms treaty, the INF Treaty, in 2019."
    cls = read(compiled, text, "2019-09-01")
    assert [(c.instrument, c.verdict) for c in cls if c.kind == "status"] == [("inf", "supported")] * 2
    text = "Moscow suspends European arms control treaty. Russia suspended the CFE Treaty in 2005."
    cls = [c for c in read(compiled, text, "2008-01-01") if c.kind == "event"]
    assert [c.instrument for c in cls] == ["cfe", "cfe"] and cls[1].verdict == "contradicted"
    # two treaties named: a described one is not guessed
    text = "Russia left a nuclear treaty. The INF Treaty and New START were both signed by Moscow."
    assert not [c for c in read(compiled, text, "2024-01-01") if c.kind == "status"]


def test_when_a_state_joined_takes_the_date_of_the_main_clause(compiled: Compiled) -> None:
    text = "The alliance's second eastward wave came in 2004 when Estonia, Latvia and Lithuania joined."
    cl = one(read(compiled, text, "2010-01-01"), "membership")
    assert cl.subjects == ["EST", "LVA", "LTU"] and cl.verdict == "supported"
    text = "NATO's first eastward wave came in 2004 when Hungary joined."
    assert one(read(compiled, text, "2010-01-01"), "membership").verdict == "contradicted"
    # a clause-final "joined" without "when" is not read as a joining
    assert not read(compiled, "NATO grew. Sweden joined.", "2025-01-01")


def test_the_departure_of_the_state_and_its_instrument_of_accession(compiled: Compiled) -> None:
    text = "The departure of the United States from the Open Skies Treaty took effect in 2020."
    assert one(read(compiled, text, "2021-01-01"), "status").verdict == "supported"
    text = "Finland's instrument of accession to NATO was deposited on 4 April 2023."
    assert one(read(compiled, text, "2023-05-01"), "membership").verdict == "supported"
    text = "Finland's instrument of accession to NATO was deposited on 4 April 2022."
    assert one(read(compiled, text, "2023-05-01"), "membership").verdict == "contradicted"


def test_a_withdrawal_that_ends_a_period_on_a_day(compiled: Compiled) -> None:
    text = (
        "Lithuania gave notice in June and will leave the Ottawa Convention after a six-month "
        "withdrawal period that ends on 27 December 2025."
    )
    cl = [c for c in read(compiled, text, "2025-07-01") if c.kind == "status"]
    assert [c.verdict for c in cl] == ["supported"], [(c.text, c.verdict) for c in cl]


def test_a_growth_to_come_is_judged_on_the_next_count(compiled: Compiled) -> None:
    text = "The accession will take the alliance from 30 to 31 members."
    assert one(read(compiled, text, "2023-03-01"), "count").verdict == "supported"
    text = "The accession will take the alliance from 30 to 33 members."
    assert one(read(compiled, text, "2023-03-01"), "count").verdict == "unverifiable"
    text = "The accession took the alliance from 30 to 32 members."
    assert one(read(compiled, text, "2023-05-01"), "count").verdict == "contradicted"


def test_a_quoted_phrase_is_the_speakers_words_not_an_unread_assertion(compiled: Compiled) -> None:
    text = 'The United States has withdrawn from the INF Treaty, saying Russia "bears sole responsibility".'
    assert one(read(compiled, text, "2019-09-01"), "status").verdict == "supported"
    text = "The United States has withdrawn from the INF Treaty, saying Russia bears sole responsibility."
    assert one(read(compiled, text, "2019-09-01"), "status").verdict == "unverifiable"


def test_years_later_counts_from_the_date_written_before(compiled: Compiled) -> None:
    text = "The CFE Treaty was signed in 1990. It officially came into effect two years later."
    eif = [c for c in read(compiled, text, "2000-01-01") if "effect" in c.text]
    assert [c.verdict for c in eif] == ["supported"]
    text = "The CFE Treaty was signed in 1990. It came into effect three years later."
    assert [c.verdict for c in read(compiled, text, "2000-01-01") if "effect" in c.text] == ["contradicted"]
    text = "The INF Treaty was signed in December 1987 and entered into force six months later."
    assert [c.verdict for c in read(compiled, text, "2000-01-01") if "force" in c.text] == ["supported"]


def test_a_date_set_off_by_a_comma_after_ago(compiled: Compiled) -> None:
    text = "The North Atlantic Treaty was signed exactly 60 years ago, on 4 April 1949."
    assert one(read(compiled, text, "2009-04-04"), "event").verdict == "supported"
    text = "The North Atlantic Treaty was signed exactly 60 years ago, on 4 April 1950."
    assert one(read(compiled, text, "2010-04-04"), "event").verdict == "contradicted"


def test_years_ago_and_years_since_joining_count_back_from_the_article(compiled: Compiled) -> None:
    text = "Published 2022-05-30\n\nSpain marks 40 years since joining NATO."
    assert one(read(compiled, text, "2022-05-30"), "membership").verdict == "supported"
    text = "Published 2022-05-30\n\nSpain marks 30 years since joining NATO."
    assert one(read(compiled, text, "2022-05-30"), "membership").verdict == "contradicted"
    # an explicit date after the count of years is the date judged
    text = "Published 2022-05-30\n\nThe North Atlantic Treaty was signed 60 years ago, on 4 April 1949."
    assert one(read(compiled, text, "2022-05-30"), "event").verdict == "supported"


def test_a_possessive_accession_with_its_rank(compiled: Compiled) -> None:
    text = "Sweden joined after Finland's accession to NATO as its 31st member."
    cl = one(read(compiled, text, "2024-06-01"), "ordinal")
    assert cl.subjects == ["FIN"] and cl.verdict == "supported"
    text = "Finland's accession to NATO as its 30th member came in 2023."
    assert one(read(compiled, text, "2024-06-01"), "ordinal").verdict == "contradicted"


def test_founders_as_a_count_and_a_passive_count_after_a_relative_clause(compiled: Compiled) -> None:
    text = "Fearing aggression, 12 nations formed the North Atlantic Treaty Organization in 1949."
    assert one(read(compiled, text, "2000-01-01"), "count").verdict == "supported"
    assert (
        one(read(compiled, "In 1949, 14 nations formed NATO.", "2000-01-01"), "count").verdict
        == "contradicted"
    )
    cwc = (
        "It is under the Chemical Weapons Convention, which took effect in 1997 and was joined by {} states."
    )
    assert one(read(compiled, cwc.format(193), "2023-07-08"), "count").verdict == "supported"
    # "under" before the treaty's name is not a qualifier of the number ("below 200" would pass)
    assert one(read(compiled, cwc.format(200), "2023-07-08"), "count").verdict != "supported"
    text = "The Ottawa Convention has been joined by more than 160 states."
    assert one(read(compiled, text, "2023-07-08"), "count").verdict == "supported"
