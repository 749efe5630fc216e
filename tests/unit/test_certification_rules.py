"""Certification rules against dated examples: expiry, statuses, valid-through, spellings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from workbench.domain.certifications import (
    SEED_RULES,
    CheckOutcome,
    ClaimStatus,
    add_months,
    claim_status,
    expiry_date,
    find_rule,
    identifier_warning,
    prerequisite_warning,
    valid_through,
)

RULES = {rule.code: rule for rule in SEED_RULES}
VERIFIED = CheckOutcome.VERIFIED


def test_the_seven_certifications_of_the_guide_are_seeded() -> None:
    assert set(RULES) == {
        "PMP",
        "CSM",
        "PRINCE2-PRACTITIONER",
        "COMPTIA-PROJECT-PLUS",
        "PMI-ACP",
        "ITIL4-FOUNDATION",
        "AWS-SAA",
    }


def test_pmp_earned_on_a_leap_day_lapses_on_the_last_day_of_february() -> None:
    assert expiry_date(RULES["PMP"], date(2024, 2, 29)) == date(2027, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_csm_runs_two_years_aws_three_and_project_plus_for_life() -> None:
    assert expiry_date(RULES["CSM"], date(2025, 3, 15)) == date(2027, 3, 15)
    assert expiry_date(RULES["AWS-SAA"], date(2024, 6, 30)) == date(2027, 6, 30)
    assert expiry_date(RULES["COMPTIA-PROJECT-PLUS"], date(2010, 1, 1)) is None


def test_the_date_printed_on_the_certificate_wins() -> None:
    assert expiry_date(RULES["CSM"], date(2025, 3, 15), date(2026, 1, 1)) == date(2026, 1, 1)


def test_without_an_earned_date_the_expiry_is_unknown() -> None:
    assert expiry_date(RULES["PMP"], None) is None


@pytest.mark.parametrize(
    ("today", "outcome", "status"),
    [
        (date(2026, 1, 1), None, ClaimStatus.UNVERIFIED),
        (date(2026, 1, 1), CheckOutcome.PENDING, ClaimStatus.UNVERIFIED),
        (date(2026, 1, 1), VERIFIED, ClaimStatus.VERIFIED),
        (date(2026, 12, 31), VERIFIED, ClaimStatus.EXPIRING),  # 74 days before 2027-03-15
        (date(2026, 12, 14), VERIFIED, ClaimStatus.VERIFIED),  # 91 days before
        (date(2027, 3, 15), VERIFIED, ClaimStatus.EXPIRED),
        (date(2026, 1, 1), CheckOutcome.NOT_FOUND, ClaimStatus.VERIFICATION_FAILED),
        (date(2026, 1, 1), CheckOutcome.MISMATCH, ClaimStatus.VERIFICATION_FAILED),
    ],
)
def test_csm_status_through_its_life(
    today: date, outcome: CheckOutcome, status: ClaimStatus
) -> None:
    assert claim_status(RULES["CSM"], date(2025, 3, 15), None, outcome, today) is status


def test_prince2_lapses_softly_into_renewal_due_not_expired() -> None:
    rule = RULES["PRINCE2-PRACTITIONER"]
    assert claim_status(rule, date(2022, 5, 1), None, VERIFIED, date(2025, 5, 1)) is (
        ClaimStatus.RENEWAL_DUE
    )
    assert not valid_through(rule, date(2022, 5, 1), None, VERIFIED, date(2025, 5, 1))


def test_project_plus_never_expires() -> None:
    rule = RULES["COMPTIA-PROJECT-PLUS"]
    assert claim_status(rule, date(2012, 1, 1), None, VERIFIED, date(2040, 1, 1)) is (
        ClaimStatus.VERIFIED
    )
    assert valid_through(rule, date(2012, 1, 1), None, VERIFIED, date(2099, 12, 31))


def test_valid_through_a_contract_end_counts_the_last_day() -> None:
    rule, earned = RULES["PMP"], date(2024, 4, 30)  # lapses 2027-04-30
    assert valid_through(rule, earned, None, VERIFIED, date(2027, 4, 29))
    assert not valid_through(rule, earned, None, VERIFIED, date(2027, 4, 30))
    assert not valid_through(rule, earned, None, None, date(2025, 1, 1))  # never checked


def test_a_rule_edited_later_changes_what_is_derived_not_what_was_recorded() -> None:
    # An administrator lengthens CSM to three years; the claim's facts stay as they were.
    earned, recorded_outcome = date(2025, 3, 15), VERIFIED
    edited = replace(RULES["CSM"], validity_months=36)
    assert expiry_date(edited, earned) == date(2028, 3, 15)
    assert expiry_date(RULES["CSM"], earned) == date(2027, 3, 15)
    assert claim_status(edited, earned, None, recorded_outcome, date(2027, 6, 1)) is (
        ClaimStatus.VERIFIED
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("pmp", "PMP"),
        ("PRINCE2 Practitioner", "PRINCE2-PRACTITIONER"),
        ("Project+", "COMPTIA-PROJECT-PLUS"),
        ("ITIL Foundation", "ITIL4-FOUNDATION"),
        ("AWS SAA", "AWS-SAA"),
        ("certified scrummaster", "CSM"),
    ],
)
def test_codes_accept_common_spellings(text: str, code: str) -> None:
    assert find_rule(text, SEED_RULES).code == code


def test_an_unknown_code_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known: PMP, CSM"):
        find_rule("CISSP", SEED_RULES)


def test_identifier_patterns_warn_and_keep_leading_zeros() -> None:
    assert identifier_warning(RULES["AWS-SAA"], "41042CWLJ1Q4QX9Z") is None
    assert "does not look like" in (identifier_warning(RULES["AWS-SAA"], "41042") or "")
    assert identifier_warning(RULES["PMP"], "0012345") is None
    assert identifier_warning(RULES["PRINCE2-PRACTITIONER"], "5593318.20601703") is None


def test_pmp_prerequisites_depend_on_the_degree() -> None:
    assert prerequisite_warning(RULES["PMP"], 3.0, has_degree=True) is None
    assert "60 months" in (prerequisite_warning(RULES["PMP"], 3.0, has_degree=False) or "")
    assert prerequisite_warning(RULES["CSM"], 0.5, has_degree=False) is None


def test_pmi_suspends_for_a_year_before_a_credential_is_expired() -> None:
    pmp = find_rule("PMP", SEED_RULES)
    earned = date(2023, 3, 1)  # lapses 2026-03-01, suspended until 2027-03-01
    verified = CheckOutcome.VERIFIED
    assert claim_status(pmp, earned, None, verified, date(2026, 2, 28)) is ClaimStatus.EXPIRING
    assert claim_status(pmp, earned, None, verified, date(2026, 3, 1)) is ClaimStatus.RENEWAL_DUE
    assert claim_status(pmp, earned, None, verified, date(2027, 2, 28)) is ClaimStatus.RENEWAL_DUE
    assert claim_status(pmp, earned, None, verified, date(2027, 3, 1)) is ClaimStatus.EXPIRED
    # Suspended is not valid: a contract needing PMP through the suspension is not met.
    assert not valid_through(pmp, earned, None, verified, date(2026, 3, 1))


def test_csm_has_no_suspension_year() -> None:
    csm = find_rule("CSM", SEED_RULES)
    status = claim_status(csm, date(2024, 1, 1), None, CheckOutcome.VERIFIED, date(2026, 1, 1))
    assert status is ClaimStatus.EXPIRED


def test_prince2_from_before_2017_lasted_five_years_and_later_ones_three() -> None:
    prince2 = find_rule("PRINCE2", SEED_RULES)
    assert expiry_date(prince2, date(2016, 12, 31)) == date(2021, 12, 31)
    assert expiry_date(prince2, date(2017, 1, 1)) == date(2020, 1, 1)
