"""Ranking candidates for a job order: hard requirements filter, the rest score out of 100."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from workbench.domain.clients import Employment, JobOrderDraft
from workbench.domain.roles import Level, Specialisation, level_for_years

# How many points each part can give; they add up to 100.
WEIGHTS = {
    "specialisation": 25,
    "level": 15,
    "skills": 20,
    "nice certifications": 10,
    "salary": 10,
    "availability": 10,
    "location": 10,
}
WORKING_DAYS_A_YEAR = 220  # to set a contract's day rate beside an annual expectation
_LEVELS = (Level.JUNIOR, Level.MID, Level.SENIOR)


@dataclass(frozen=True)
class CandidateFacts:
    """What matching reads of one candidate, from one row of one query."""

    id: int
    name: str
    primary_role: Specialisation | None
    other_roles: frozenset[Specialisation]
    years_experience: float | None
    skills: frozenset[str]  # case-folded
    salary_expectation: int | None
    currency: str
    available_from: date | None
    city: str
    country: str
    stage: str
    vetted: bool  # in Vetted or past it on the main line
    valid_certifications: frozenset[str]  # codes verified and valid through the job's last day
    held_certifications: frozenset[str]  # codes claimed at all, whatever their status


@dataclass(frozen=True)
class ScorePart:
    """One line of a score's breakdown."""

    name: str
    points: float
    out_of: int
    why: str
    asked: bool = True  # False when the job asks nothing of this part (full points, no merit)


@dataclass(frozen=True)
class Match:
    """One candidate ranked for a job: score, breakdown, and what is missing."""

    candidate_id: int
    name: str
    score: float
    parts: tuple[ScorePart, ...]
    missing: tuple[str, ...]
    stage: str
    vetted: bool

    @property
    def summary(self) -> str:
        """Return why the candidate ranks here, in one line."""
        asked = [p for p in self.parts if p.asked and p.points]
        strong = [p.why for p in sorted(asked, key=lambda p: -p.points / p.out_of)]
        return "; ".join(strong[:3])


def hard_failures(job: JobOrderDraft, facts: CandidateFacts, last_day: date) -> list[str]:
    """Return why a candidate cannot be put forward at all (empty: they can)."""
    failures = []
    for code in job.required_certifications:
        if code not in facts.valid_certifications:
            held = code in facts.held_certifications
            failures.append(
                f"{code} {'not verified and valid' if held else 'not held'} "
                f"through {last_day.isoformat()}"
            )
    return failures


# Shares of a part's points for a partial fit; the store's SQL bound reads the same numbers.
SECOND_ROLE_SHARE = 0.6
LEVEL_SHARES = {0: 1.0, 1: 0.6, -1: 0.4}  # by levels above (+) or below (-) the brief
UNKNOWN_SHARE = 0.5  # salary or availability not given by the candidate
UNKNOWN_LEVEL_SHARE = 0.3
OVER_BUDGET_TOLERANCE = 0.10  # up to 10 % over budget: half the salary points
LATE_START_DAYS = 30  # free up to 30 days after the start: half the availability points
COUNTRY_SHARE = 0.6  # the job's place names the candidate's country, not their city


def level_points(job: JobOrderDraft) -> dict[Level | None, float]:
    """Return the level part's points for each candidate level (None: years unknown)."""
    out_of = WEIGHTS["level"]
    if job.level is None:
        return {level: out_of for level in (*_LEVELS, None)}
    points: dict[Level | None, float] = {None: out_of * UNKNOWN_LEVEL_SHARE}
    for level in _LEVELS:
        gap = _LEVELS.index(level) - _LEVELS.index(job.level)
        points[level] = out_of * LEVEL_SHARES.get(gap, 0.0)
    return points


def _specialisation(job: JobOrderDraft, facts: CandidateFacts) -> ScorePart:
    out_of = WEIGHTS["specialisation"]
    wanted = job.specialisation
    if wanted is None:
        return ScorePart(
            "specialisation", out_of, out_of, "any specialisation will do", asked=False
        )
    if facts.primary_role is wanted:
        return ScorePart("specialisation", out_of, out_of, f"{wanted.label} is their main role")
    if wanted in facts.other_roles:
        return ScorePart(
            "specialisation",
            out_of * 0.6,
            out_of,
            f"{wanted.label} as a second role, not their main",
        )
    return ScorePart("specialisation", 0, out_of, f"does not work as {wanted.label}")


def _level(job: JobOrderDraft, facts: CandidateFacts) -> ScorePart:
    out_of = WEIGHTS["level"]
    if job.level is None:
        return ScorePart("level", out_of, out_of, "any level will do", asked=False)
    if facts.years_experience is None:
        return ScorePart("level", out_of * UNKNOWN_LEVEL_SHARE, out_of, "experience unknown")
    level = level_for_years(facts.years_experience)
    gap = _LEVELS.index(level) - _LEVELS.index(job.level)
    points = level_points(job)[level]
    years = f"{facts.years_experience:g} year{'' if facts.years_experience == 1 else 's'}"
    if gap == 0:
        return ScorePart("level", points, out_of, f"{level.label} ({years})")
    if gap == 1:
        return ScorePart("level", points, out_of, f"{level.label}, above the brief ({years})")
    if gap == -1:
        return ScorePart("level", points, out_of, f"{level.label}, below the brief ({years})")
    return ScorePart(
        "level", points, out_of, f"{level.label}, far from {job.level.label} ({years})"
    )


def _skills(job: JobOrderDraft, facts: CandidateFacts) -> tuple[ScorePart, list[str]]:
    out_of = WEIGHTS["skills"]
    wanted = [*job.methodologies, *job.tools]
    if not wanted:
        return ScorePart(
            "skills", out_of, out_of, "no methodology or tool asked for", asked=False
        ), []
    have = [skill for skill in wanted if skill.casefold() in facts.skills]
    lacking = [skill for skill in wanted if skill.casefold() not in facts.skills]
    points = out_of * len(have) / len(wanted)
    why = f"{len(have)} of {len(wanted)} methodologies and tools" + (
        f" ({', '.join(have)})" if have else ""
    )
    return ScorePart("skills", points, out_of, why), lacking


def _nice(job: JobOrderDraft, facts: CandidateFacts) -> ScorePart:
    out_of = WEIGHTS["nice certifications"]
    if not job.nice_certifications:
        return ScorePart(
            "nice certifications", out_of, out_of, "no nice-to-have certification", asked=False
        )
    have = [code for code in job.nice_certifications if code in facts.valid_certifications]
    points = out_of * len(have) / len(job.nice_certifications)
    why = f"{len(have)} of {len(job.nice_certifications)} nice-to-have" + (
        f" ({', '.join(have)})" if have else ""
    )
    return ScorePart("nice certifications", points, out_of, why)


def yearly_budget(job: JobOrderDraft) -> int | None:
    """Return the job's money as a year's pay: a contract's day rate times working days."""
    if job.budget is None:
        return None
    if job.employment is Employment.CONTRACT:
        return job.budget * WORKING_DAYS_A_YEAR
    return job.budget


def _salary(job: JobOrderDraft, facts: CandidateFacts) -> ScorePart:
    out_of = WEIGHTS["salary"]
    budget = yearly_budget(job)
    expected = facts.salary_expectation
    if budget is None:
        return ScorePart("salary", out_of, out_of, "no budget given", asked=False)
    if expected is None:
        return ScorePart("salary", out_of * UNKNOWN_SHARE, out_of, "expectation unknown")
    if facts.currency != job.currency:
        return ScorePart(
            "salary",
            out_of * UNKNOWN_SHARE,
            out_of,
            f"expects {facts.currency}, budget in {job.currency}",
        )
    if expected <= budget:
        return ScorePart(
            "salary", out_of, out_of, f"expects {expected:,} {facts.currency}, within budget"
        )
    over = (expected - budget) / budget
    if over <= OVER_BUDGET_TOLERANCE:
        return ScorePart("salary", out_of * 0.5, out_of, f"expects {over:.0%} over budget")
    return ScorePart("salary", 0, out_of, f"expects {over:.0%} over budget")


def _availability(job: JobOrderDraft, facts: CandidateFacts, today: date) -> ScorePart:
    out_of = WEIGHTS["availability"]
    start = job.start_date
    free = facts.available_from
    if start is None:
        return ScorePart("availability", out_of, out_of, "no start date given", asked=False)
    if free is None:
        return ScorePart("availability", out_of * UNKNOWN_SHARE, out_of, "availability unknown")
    if free <= max(start, today):
        return ScorePart("availability", out_of, out_of, f"free by {start.isoformat()}")
    late = (free - start).days
    if late <= LATE_START_DAYS:
        return ScorePart("availability", out_of * 0.5, out_of, f"free {late} days after the start")
    return ScorePart("availability", 0, out_of, f"free only from {free.isoformat()}")


def _location(job: JobOrderDraft, facts: CandidateFacts) -> ScorePart:
    out_of = WEIGHTS["location"]
    if job.remote:
        return ScorePart("location", out_of, out_of, "remote role", asked=False)
    place = job.location.casefold()
    city, country = facts.city.casefold(), facts.country.casefold()
    if city and city in place:
        return ScorePart("location", out_of, out_of, f"lives in {facts.city}")
    if country and country in place:
        return ScorePart("location", out_of * COUNTRY_SHARE, out_of, f"lives in {facts.country}")
    where = ", ".join(part for part in (facts.city, facts.country) if part) or "unknown"
    return ScorePart("location", 0, out_of, f"lives elsewhere ({where})")


def score(job: JobOrderDraft, facts: CandidateFacts, today: date) -> Match:
    """Return a candidate's score for a job, its breakdown, and what is missing."""
    skills, lacking = _skills(job, facts)
    parts = (
        _specialisation(job, facts),
        _level(job, facts),
        skills,
        _nice(job, facts),
        _salary(job, facts),
        _availability(job, facts, today),
        _location(job, facts),
    )
    missing = [part.why for part in parts if part.points < part.out_of and part.name != "skills"]
    if lacking:
        missing.append("lacks " + ", ".join(lacking))
    if not facts.vetted:
        missing.append(f"not vetted yet (in {facts.stage})")
    return Match(
        candidate_id=facts.id,
        name=facts.name,
        score=round(sum(part.points for part in parts), 1),
        parts=parts,
        missing=tuple(missing),
        stage=facts.stage,
        vetted=facts.vetted,
    )


def _order(match: Match) -> tuple[float, bool, int]:
    """Sort key: best score first; ties go to the vetted, then to the longest on file."""
    return (-match.score, not match.vetted, match.candidate_id)


def rank(
    job: JobOrderDraft, candidates: Iterable[CandidateFacts], today: date, limit: int
) -> list[Match]:
    """Return the best `limit` matches, best first; ties go to the vetted, then by name."""
    scored = (score(job, facts, today) for facts in candidates)
    return heapq.nsmallest(limit, scored, key=_order)


def rank_bounded(
    job: JobOrderDraft,
    candidates: Iterable[tuple[float, CandidateFacts]],
    today: date,
    limit: int,
) -> list[Match]:
    """Return what `rank` returns, reading candidates by falling upper bound of their score.

    Candidates must come by falling bound, ties vetted first and then by id (the tie order
    of `rank`). Stops as soon as no candidate left can beat the `limit`-th match held: the
    same list as scoring everyone, for a fraction of the work.
    """
    held: list[_Held] = []  # a heap with the worst match held on top
    for bound, facts in candidates:
        if len(held) >= limit:
            # Candidates come by falling bound, then in tie order (vetted, then id): once
            # a bound cannot beat the worst held, or only ties it from behind, none left can.
            worst = held[0].key
            most = round(bound, 1)  # scores are kept to one decimal; so is the bound here
            if most < -worst[0] or (most == -worst[0] and (not facts.vetted, facts.id) > worst[1:]):
                break
        entry = _Held(score(job, facts, today))
        if len(held) < limit:
            heapq.heappush(held, entry)
        elif entry.key < held[0].key:
            heapq.heapreplace(held, entry)
    return sorted((entry.match for entry in held), key=_order)


class _Held:
    """A match in rank_bounded's heap, ordered worst first."""

    __slots__ = ("key", "match")

    def __init__(self, match: Match) -> None:
        self.match, self.key = match, _order(match)

    def __lt__(self, other: _Held) -> bool:
        return self.key > other.key


def parts_by_name(match: Match) -> Mapping[str, ScorePart]:
    """Return a match's parts by name, for tables and JSON."""
    return {part.name: part for part in match.parts}
