"""Matching without a database: each score part, the hard requirements, the ranking, job rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from workbench.domain.clients import (
    ClientDraft,
    ContactDraft,
    Employment,
    JobOrderDraft,
    validate_client,
    validate_contact,
    validate_job,
)
from workbench.domain.errors import ValidationError
from workbench.domain.matching import (
    WEIGHTS,
    CandidateFacts,
    hard_failures,
    parts_by_name,
    rank,
    score,
    yearly_budget,
)
from workbench.domain.roles import Level, Specialisation
from workbench.domain.submittals import SubmittalStatus, next_statuses

TODAY = date(2026, 11, 26)
CODES = ("PMP", "CSM", "PRINCE2-PRACTITIONER")

JOB = JobOrderDraft(
    client_id=1,
    title="Senior Agile PM",
    specialisation=Specialisation.AGILE_PM,
    level=Level.SENIOR,
    required_certifications=("PMP",),
    nice_certifications=("CSM",),
    methodologies=("Scrum", "Kanban"),
    tools=("Jira",),
    location="London, United Kingdom",
    budget=120_000,
    currency="GBP",
    start_date=date(2027, 1, 4),
)
FACTS = CandidateFacts(
    id=7,
    name="Ann Lee",
    primary_role=Specialisation.AGILE_PM,
    other_roles=frozenset(),
    years_experience=9.0,
    skills=frozenset({"scrum", "kanban", "jira"}),
    salary_expectation=110_000,
    currency="GBP",
    available_from=date(2026, 12, 1),
    city="London",
    country="United Kingdom",
    stage="Vetted",
    vetted=True,
    valid_certifications=frozenset({"PMP", "CSM"}),
    held_certifications=frozenset({"PMP", "CSM"}),
)


def _part(facts: CandidateFacts, name: str, job: JobOrderDraft = JOB) -> tuple[float, str]:
    part = parts_by_name(score(job, facts, TODAY))[name]
    return part.points, part.why


def test_a_perfect_candidate_scores_100_with_nothing_missing() -> None:
    match = score(JOB, FACTS, TODAY)
    assert match.score == 100
    assert match.missing == ()
    assert sum(WEIGHTS.values()) == 100


def test_specialisation_main_role_second_role_or_none() -> None:
    assert _part(FACTS, "specialisation")[0] == 25
    second = replace(
        FACTS, primary_role=Specialisation.SCRUM_MASTER, other_roles=frozenset({JOB.specialisation})
    )
    assert _part(second, "specialisation")[0] == 15
    elsewhere = replace(FACTS, primary_role=Specialisation.SCRUM_MASTER)
    assert _part(elsewhere, "specialisation") == (0, "does not work as Agile Project Manager")


@pytest.mark.parametrize(("years", "points"), [(9.0, 15), (5.0, 6), (1.0, 0), (None, 4.5)])
def test_level_fit_by_years(years: float | None, points: float) -> None:
    assert _part(replace(FACTS, years_experience=years), "level")[0] == pytest.approx(points)


def test_skills_overlap_counts_each_methodology_and_tool() -> None:
    points, why = _part(replace(FACTS, skills=frozenset({"scrum"})), "skills")
    assert points == pytest.approx(20 / 3)
    assert why.startswith("1 of 3")
    match = score(JOB, replace(FACTS, skills=frozenset({"scrum"})), TODAY)
    assert "lacks Kanban, Jira" in match.missing


def test_nice_to_have_certifications_count_only_when_valid() -> None:
    assert (
        _part(replace(FACTS, valid_certifications=frozenset({"PMP"})), "nice certifications")[0]
        == 0
    )


@pytest.mark.parametrize(
    ("expected", "currency", "points"),
    [
        (110_000, "GBP", 10),
        (130_000, "GBP", 5),
        (140_000, "GBP", 0),
        (None, "GBP", 5),
        (90_000, "EUR", 5),
    ],
)
def test_salary_within_budget(expected: int | None, currency: str, points: float) -> None:
    facts = replace(FACTS, salary_expectation=expected, currency=currency)
    assert _part(facts, "salary")[0] == points


def test_a_contract_day_rate_is_set_beside_a_yearly_expectation() -> None:
    contract = replace(JOB, employment=Employment.CONTRACT, budget=500, end_date=date(2027, 12, 31))
    assert yearly_budget(contract) == 110_000
    assert _part(FACTS, "salary", contract)[0] == 10


@pytest.mark.parametrize(
    ("free", "points"),
    [(date(2026, 12, 1), 10), (date(2027, 1, 20), 5), (date(2027, 6, 1), 0), (None, 5)],
)
def test_available_before_the_start(free: date | None, points: float) -> None:
    assert _part(replace(FACTS, available_from=free), "availability")[0] == points


def test_location_city_country_elsewhere_or_remote() -> None:
    assert _part(FACTS, "location")[0] == 10
    assert _part(replace(FACTS, city="Leeds"), "location")[0] == 6
    assert _part(replace(FACTS, city="Berlin", country="Germany"), "location")[0] == 0
    assert _part(replace(FACTS, city="Berlin"), "location", replace(JOB, remote=True))[0] == 10


def test_required_certifications_must_be_valid_not_just_held() -> None:
    day = date(2027, 12, 31)
    assert hard_failures(JOB, FACTS, day) == []
    lapsed = replace(FACTS, valid_certifications=frozenset({"CSM"}))
    assert hard_failures(JOB, lapsed, day) == ["PMP not verified and valid through 2027-12-31"]
    never = replace(lapsed, held_certifications=frozenset({"CSM"}))
    assert hard_failures(JOB, never, day) == ["PMP not held through 2027-12-31"]


def test_unvetted_candidates_say_so_and_lose_ties() -> None:
    unvetted = replace(FACTS, id=8, name="Bob Stone", vetted=False, stage="Screening")
    assert "not vetted yet (in Screening)" in score(JOB, unvetted, TODAY).missing
    ranked = rank(JOB, [unvetted, replace(FACTS, name="Zed Vetted")], TODAY, 10)
    assert [m.name for m in ranked] == ["Zed Vetted", "Bob Stone"]


def test_rank_keeps_the_best_limit() -> None:
    facts = [replace(FACTS, id=i, name=f"C{i}", years_experience=float(i)) for i in range(30)]
    ranked = rank(JOB, facts, TODAY, 5)
    assert len(ranked) == 5
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)
    assert ranked[0].summary


def test_job_rules() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_job(
            replace(JOB, title=" ", location="", required_certifications=("NOPE",), openings=0),
            CODES,
        )
    assert set(refused.value.errors) >= {"title", "location", "required_certifications", "openings"}
    with pytest.raises(ValidationError, match="contract's end"):
        validate_job(replace(JOB, employment=Employment.CONTRACT), CODES)
    with pytest.raises(ValidationError, match="cannot end before"):
        validate_job(replace(JOB, end_date=date(2026, 1, 1)), CODES)
    clean = validate_job(replace(JOB, nice_certifications=("csm", "PMP"), tools=("jira",)), CODES)
    assert clean.nice_certifications == ("CSM",)  # a required one is not also nice to have
    assert clean.tools == ("Jira",)


def test_client_and_contact_rules() -> None:
    assert (
        validate_client(ClientDraft(" Northwind ", "finance", "enterprise")).industry == "Finance"
    )
    with pytest.raises(ValidationError) as refused:
        validate_client(ClientDraft("", "Mining"))
    assert set(refused.value.errors) == {"name", "industry"}
    with pytest.raises(ValidationError):
        validate_contact(ContactDraft("Ann", email="not-an-email"))
    assert validate_contact(ContactDraft("Ann", email="ANN@Example.com")).email


def test_submittal_statuses_move_forward_or_out() -> None:
    assert next_statuses(SubmittalStatus.SUBMITTED)[0] is SubmittalStatus.INTERVIEWING
    assert SubmittalStatus.SUBMITTED not in next_statuses(SubmittalStatus.OFFERED)
    assert next_statuses(SubmittalStatus.PLACED) == ()
    assert SubmittalStatus.CLIENT_DECLINED in next_statuses(SubmittalStatus.INTERVIEWING)
