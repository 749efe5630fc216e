"""The sample-candidate generator: reproducible, valid, varied and plausible."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date
from itertools import pairwise

import pytest

from workbench.domain.candidate import CandidateDraft, validate_candidate
from workbench.domain.countries import country_code
from workbench.domain.roles import SALARY_BANDS_USD, Level, Specialisation
from workbench.domain.vocabulary import SKILL_CATEGORIES
from workbench.services.demo import generate_drafts

CHECKLIST = {skill for skills in SKILL_CATEGORIES.values() for skill in skills}


@pytest.fixture(scope="module")
def drafts() -> list[CandidateDraft]:
    """Return 2,000 sample candidates, made once for the module."""
    return generate_drafts(2000, seed=42)


def _is_latin(text: str) -> bool:
    """Return True when every letter in text is a Latin letter (accents allowed)."""
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def test_same_seed_gives_the_same_candidates() -> None:
    """Check that a seed fully determines the output."""
    assert generate_drafts(50, seed=7) == generate_drafts(50, seed=7)


def test_different_seeds_give_different_candidates() -> None:
    """Check that another seed gives other people."""
    first, second = generate_drafts(50, seed=7), generate_drafts(50, seed=8)
    assert [d.full_name for d in first] != [d.full_name for d in second]
    assert sum(a.summary == b.summary for a, b in zip(first, second, strict=True)) < 5


def test_start_index_continues_the_same_sequence() -> None:
    """Check that candidate i is the same whichever batch generated it."""
    assert generate_drafts(10, seed=3, start_index=5) == generate_drafts(15, seed=3)[5:]


def test_negative_count_is_refused() -> None:
    """Check that a negative count is an error, not an empty list."""
    with pytest.raises(ValueError):
        generate_drafts(-1)


def test_every_draft_passes_validation(drafts: list[CandidateDraft]) -> None:
    """Check that validate_candidate accepts every generated candidate unchanged in substance."""
    for draft in drafts:
        clean = validate_candidate(draft)
        assert clean.email == draft.email
        assert clean.phone == draft.phone
        assert clean.country == draft.country


def test_emails_are_unique_and_reserved_for_examples() -> None:
    """Check that 20,000 candidates have 20,000 addresses, all on example domains."""
    emails = [d.email.casefold() for d in generate_drafts(20_000, seed=1)]
    assert len(set(emails)) == len(emails)
    assert {e.rsplit("@", 1)[1] for e in emails} <= {"example.com", "example.org", "example.net"}


def test_every_role_and_level_appears(drafts: list[CandidateDraft]) -> None:
    """Check that 1,000 candidates cover all six specialisations and all three levels well."""
    first = drafts[:1000]
    roles = Counter(d.primary_role for d in first)
    levels = Counter(d.level for d in first)
    assert set(roles) == set(Specialisation)
    assert set(levels) == set(Level)
    assert min(levels.values()) > 200
    assert min(roles.values()) > 50


def test_names_come_from_many_scripts(drafts: list[CandidateDraft]) -> None:
    """Check for accented Latin names and about 5% in other scripts."""
    names = [f"{d.first_name} {d.last_name}" for d in drafts]
    non_latin = [n for n in names if not _is_latin(n)]
    assert 0.02 < len(non_latin) / len(names) < 0.09
    assert any(not n.isascii() and _is_latin(n) for n in names)


def test_places_are_known_countries(drafts: list[CandidateDraft]) -> None:
    """Check that every country resolves, so phone numbers can be read locally."""
    assert all(country_code(d.country) for d in drafts)
    assert len({d.city for d in drafts}) > 60


def test_skills_follow_the_role(drafts: list[CandidateDraft]) -> None:
    """Check 4-10 checklist skills each, Scrum for Scrum Masters, security for security PMs."""
    for draft in drafts:
        checklist = [s for s in draft.skills if s in CHECKLIST]
        assert 4 <= len(checklist) <= 10
        assert len(set(draft.skills)) == len(draft.skills)
        if draft.primary_role is Specialisation.SCRUM_MASTER:
            assert {"Scrum", "Jira"} <= set(draft.skills)
        if draft.primary_role is Specialisation.CYBERSECURITY_PM:
            assert "Cybersecurity" in draft.skills
    assert any(s not in CHECKLIST for d in drafts for s in d.skills)


def test_work_history_is_plausible(drafts: list[CandidateDraft]) -> None:
    """Check 2-4 jobs, most recent first, not overlapping, none ending after November 2026."""
    for draft in drafts:
        jobs = draft.work_history
        assert 2 <= len(jobs) <= 4
        for job in jobs:
            assert job.start is not None
            assert job.end is None or job.start <= job.end <= date(2026, 11, 30)
        for later, earlier in pairwise(jobs):
            assert earlier.end is not None and later.start is not None
            assert earlier.end < later.start
        assert 1 <= len(draft.education) <= 2


def test_salaries_follow_the_guide(drafts: list[CandidateDraft]) -> None:
    """Check that US expectations sit in the guide's band for the level."""
    for draft in drafts:
        if draft.country != "United States" or draft.salary_expectation is None:
            continue
        assert draft.currency == "USD"
        assert draft.level is not None
        band = SALARY_BANDS_USD[draft.level]
        ceiling = band.upper * 1.25 if band.open_ended else band.upper
        assert band.lower <= draft.salary_expectation <= ceiling
    currencies = Counter(d.currency for d in drafts)
    assert currencies.most_common(1)[0][0] == "USD"
    assert {"GBP", "EUR"} <= set(currencies)


def test_availability_is_spread_over_winter(drafts: list[CandidateDraft]) -> None:
    """Check that available_from falls between November 2026 and April 2027, or is unknown."""
    dates = [d.available_from for d in drafts]
    known = [d for d in dates if d is not None]
    assert all(date(2026, 11, 1) <= d <= date(2027, 4, 30) for d in known)
    assert 0 < dates.count(None) < len(dates) / 4
    assert {d.month for d in known} == {11, 12, 1, 2, 3, 4}


def test_summaries_read_like_profiles(drafts: list[CandidateDraft]) -> None:
    """Check 2-4 sentences with at least one number, mostly mentioning projects."""
    for draft in drafts:
        sentences = [s for s in draft.summary.split(". ") if s]
        assert 2 <= len(sentences) <= 4
        assert any(ch.isdigit() for ch in draft.summary)
    mentions = sum("project" in d.summary.lower() for d in drafts)
    assert mentions > len(drafts) / 2


def test_ordered_results_survive_a_pool_that_cannot_start(monkeypatch):
    from workbench.services import parallel

    def no_processes(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_processes)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    results = list(parallel.ordered_results(pow, [(2, 3), (3, 2), (5, 1)], parallel=True))
    assert results == [8, 9, 5]
