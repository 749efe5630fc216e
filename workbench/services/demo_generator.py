"""Build one realistic sample IT Project Manager from a seeded random generator."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import phonenumbers

from workbench.domain.candidate import CandidateDraft, EducationEntry, WorkHistoryEntry
from workbench.domain.roles import SALARY_BANDS_USD, Level, Specialisation
from workbench.services import demo_names
from workbench.services.demo_phrases import (
    FEEDER_DESCRIPTIONS,
    achievement,
    compose_summary,
    pick,
    support_duties,
)
from workbench.services.demo_tables import (
    ANY_INDUSTRY,
    BOOTCAMPS,
    CITIES,
    CITY_BY_NAME,
    CITY_MIX_ORIGINS,
    CLEARANCES,
    CORE_SKILLS,
    EARLY_TITLES,
    EMAIL_DOMAINS,
    EMPLOYERS,
    EXECUTIVE_TITLES,
    FEEDER_TITLES,
    FIELDS,
    FREE_TAGS,
    INDUSTRIES_BY_ROLE,
    INSTITUTIONS,
    LATIN_POOLS,
    LEVELS,
    NON_LATIN_POOLS,
    NON_LATIN_SCRIPTS,
    PHONE_EXAMPLES,
    RELATED_ROLES,
    ROLES_BY_LEVEL,
    SKILL_WEIGHTS,
    TITLE_TIERS,
    City,
    Name,
)

# Marks generated candidates, so they can be told apart from real ones.
SOURCE = "Sample data"
# A fixed "now": the same seed gives the same candidates whatever the date.
_NOW_MONTH = 2026 * 12 + 10  # November 2026, as months since year 0
_AVAILABLE_FROM = date(2026, 11, 1)
_AVAILABLE_DAYS = (date(2027, 4, 30) - _AVAILABLE_FROM).days + 1
_NON_LATIN_SHARE = 0.05
_FEMALE_SHARE = 0.42
_S = Specialisation


def _month_date(month: int) -> date:
    """Return the first day of a month counted from year 0."""
    return date(month // 12, month % 12 + 1, 1)


def _years(rng: random.Random, level: Level) -> float:
    """Return years of experience inside the level, in half-year steps."""
    if level is Level.JUNIOR:
        years = rng.uniform(0.5, 2.99)
    elif level is Level.MID:
        years = rng.uniform(3.0, 6.99)
    else:
        years = rng.triangular(7.0, 25.0, 9.0)
    # Half-year steps, kept inside the level the draw was for.
    return max(0.5, min(25.0, int(years * 2) / 2))


def _other_roles(rng: random.Random, primary: Specialisation) -> tuple[Specialisation, ...]:
    """Return 0-2 secondary roles that people in the primary role often also hold."""
    wanted = rng.choices((0, 1, 2), weights=(50, 35, 15))[0]
    related = RELATED_ROLES[primary]
    return tuple(role for role in related[:wanted] if rng.random() < 0.85)


def _title(rng: random.Random, role: Specialisation, pm_years: float) -> str:
    """Return a job title along the guide's career path for the PM experience reached."""
    if pm_years < 2:
        if role is _S.SCRUM_MASTER and rng.random() < 0.6:
            return "Associate Scrum Master"
        return pick(rng, EARLY_TITLES)
    tiers = TITLE_TIERS[role]
    if pm_years < 6:
        return pick(rng, tiers[0])
    if pm_years < 12:
        return pick(rng, tiers[1])
    if pm_years >= 18 and rng.random() < 0.25:
        titles = EXECUTIVE_TITLES if pm_years >= 22 else EXECUTIVE_TITLES[:-1]
        return pick(rng, titles)
    return pick(rng, tiers[2])


def _split_months(rng: random.Random, total: int, parts: int) -> list[int]:
    """Return `parts` job lengths in months, roughly summing to total, none under four."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = total / sum(weights)
    return [max(4, round(w * scale)) for w in weights]


@dataclass(frozen=True)
class _Career:
    """Jobs most recent first, whether the latest is current, and the employers' sectors."""

    history: tuple[WorkHistoryEntry, ...]
    current: bool
    industries: tuple[str, ...]
    environments: tuple[str, ...]


def _career(rng: random.Random, role: Specialisation, years: float, currency: str) -> _Career:
    """Return 2-4 jobs that do not overlap, the PM ones adding up to the years of experience."""
    if years < 2:
        pm_jobs = 1
    elif years < 5:
        pm_jobs = pick(rng, (1, 2, 2))
    else:
        pm_jobs = pick(rng, (2, 3, 3))
    with_feeder = pm_jobs == 1 or rng.random() < 0.45
    durations = _split_months(rng, max(6, round(years * 12)), pm_jobs)
    home_industry = INDUSTRIES_BY_ROLE[role].pick(rng)
    # (months, title, kind, industry), oldest first; kind picks the style of description.
    jobs: list[tuple[int, str, str, str]] = []
    done = 0
    for months in durations:
        # A CV shows the last title held in a job: PM experience at its end decides it.
        pm_years = (done + months) / 12
        industry = home_industry if rng.random() < 0.65 else ANY_INDUSTRY.pick(rng)
        kind = "coordinator" if pm_years < 2 else "pm"
        jobs.append((months, _title(rng, role, pm_years), kind, industry))
        done += months
    if with_feeder:
        feeder = pick(rng, FEEDER_TITLES[role])
        jobs.insert(0, (rng.randrange(12, 49), feeder, "feeder", ANY_INDUSTRY.pick(rng)))

    current = rng.random() < 0.6
    end = _NOW_MONTH if current else _NOW_MONTH - rng.randrange(1, 18)
    entries: list[WorkHistoryEntry] = []
    industries: dict[str, None] = {}
    environments: dict[str, None] = {}
    previous_employer = ""
    for position, (months, title, kind, industry) in enumerate(reversed(jobs)):
        start = end - months + 1
        employer, environment = pick(rng, EMPLOYERS[industry])
        if employer == previous_employer:
            employer, environment = pick(rng, EMPLOYERS[industry])
        previous_employer = employer
        industries.setdefault(industry)
        environments.setdefault(environment)
        if rng.random() < 0.12:
            description = ""
        elif kind == "feeder":
            description = pick(rng, FEEDER_DESCRIPTIONS)
        elif kind == "coordinator":
            description = support_duties(rng, currency)
        else:
            description = achievement(rng, role, currency)
        entries.append(
            WorkHistoryEntry(
                employer=employer,
                title=title,
                start=_month_date(start),
                end=None if (position == 0 and current) else _month_date(end),
                description=description,
            )
        )
        end = start - pick(rng, (1, 1, 1, 2, 3, 5))
    return _Career(tuple(entries), current, tuple(industries), tuple(environments))


def _skills(rng: random.Random, role: Specialisation, europe: bool) -> tuple[str, ...]:
    """Return 4-10 checklist skills weighted by role and region, plus the odd free tag."""
    core = CORE_SKILLS.get(role, ())
    wanted = round(rng.triangular(4, 10, 6))
    weighted = SKILL_WEIGHTS[(role, europe)]
    # Weighted sampling without replacement: the largest u ** (1 / weight) wins.
    keyed = sorted(
        (
            (rng.random() ** (1.0 / weight), skill)
            for skill, weight in weighted
            if skill not in core
        ),
        reverse=True,
    )
    chosen = [*core, *(skill for _, skill in keyed[: wanted - len(core)])]
    tags = FREE_TAGS[role]
    for _ in range(rng.choices((0, 1, 2), weights=(45, 38, 17))[0]):
        tag = pick(rng, tags)
        if tag not in chosen:
            chosen.append(tag)
    return tuple(chosen)


# Where each level starts and how many years it spans, to place a candidate within a band.
_LEVEL_SPANS = {Level.JUNIOR: (0.0, 3.0), Level.MID: (3.0, 4.0), Level.SENIOR: (7.0, 18.0)}


def _salary(rng: random.Random, level: Level, years: float, city: City) -> int | None:
    """Return a yearly expectation from the guide's band for the level, adjusted to the city."""
    if rng.random() < 0.04:
        return None
    band = SALARY_BANDS_USD[level]
    first_year, span = _LEVEL_SPANS[level]
    seniority = min(1.0, (years - first_year) / span)
    position = 0.55 * seniority + 0.45 * rng.random()
    upper = band.upper
    if band.open_ended and rng.random() < 0.3:
        upper = round(upper * rng.uniform(1.05, 1.25))
    if city.country == "United States":
        # Within the guide's band; tech hubs ask nearer the top.
        position **= 1.0 / city.pay_factor**4
        return round((band.lower + position * (upper - band.lower)) / 1000) * 1000
    amount = (band.lower + position * (upper - band.lower)) * city.pay_factor
    return round(amount / 1000) * 1000


def _clearance(
    rng: random.Random, city: City, role: Specialisation, industries: Sequence[str]
) -> str:
    """Return a security clearance for the few who hold one, mostly in government and security."""
    choices = CLEARANCES.get(city.country)
    if choices is None:
        return ""
    likely = role is _S.CYBERSECURITY_PM or "Government" in industries
    return choices.pick(rng) if rng.random() < (0.3 if likely else 0.02) else ""


def _education(
    rng: random.Random, level: Level, city: City, first_job_year: int
) -> tuple[EducationEntry, ...]:
    """Return 1-2 qualifications, most recent first, the first finished before the first job."""
    schools = INSTITUTIONS[city.school_region]
    first_degree = rng.choices(("Bachelor's", "Associate", "Bootcamp"), weights=(82, 8, 10))[0]
    entries = [
        EducationEntry(
            degree_level=first_degree,
            field_of_study=pick(rng, FIELDS[first_degree]),
            institution=pick(rng, BOOTCAMPS if first_degree == "Bootcamp" else schools),
            year=max(1970, first_job_year - pick(rng, (0, 0, 1, 1, 2))),
        )
    ]
    second_chance = {Level.JUNIOR: 0.08, Level.MID: 0.2, Level.SENIOR: 0.45}[level]
    if first_job_year + 2 <= 2026 and rng.random() < second_chance:
        degree = rng.choices(("Master's", "MBA", "Doctorate"), weights=(55, 42, 3))[0]
        entries.insert(
            0,
            EducationEntry(
                degree_level=degree,
                field_of_study=pick(rng, FIELDS[degree]),
                institution=pick(rng, schools),
                year=rng.randint(first_job_year + 2, 2026),
            ),
        )
    return tuple(entries)


def _phone(rng: random.Random, city: City) -> str:
    """Return a mobile number valid for the city's country, in E.164 form."""
    example = PHONE_EXAMPLES[city.region_code]
    for _ in range(3):
        if city.area_codes:
            exchange = rng.randrange(200, 1000)
            national = f"{pick(rng, city.area_codes)}{exchange}{rng.randrange(10_000):04d}"
        else:
            digits = str(example.national_number)
            tail = 6 if len(digits) >= 9 else 4
            national = digits[:-tail] + f"{rng.randrange(10**tail):0{tail}d}"
        number = phonenumbers.PhoneNumber(
            country_code=example.country_code, national_number=int(national)
        )
        if phonenumbers.is_valid_number_for_region(number, city.region_code):
            break
    else:
        number = example
    return f"+{number.country_code}{number.national_number}"


def _person(rng: random.Random) -> tuple[Name, Name, City]:
    """Return a first name, a family name and a city that fit together."""
    if rng.random() < _NON_LATIN_SHARE:
        script = NON_LATIN_SCRIPTS.pick(rng)
        pool = NON_LATIN_POOLS[script]
        homes = demo_names.NON_LATIN_HOMES[script]
        city = CITY_BY_NAME[pick(rng, homes)] if rng.random() < 0.6 else CITIES.pick(rng)
    else:
        city = CITIES.pick(rng)
        local = city.origin != "mix" and rng.random() < 0.8
        pool = LATIN_POOLS[city.origin if local else CITY_MIX_ORIGINS.pick(rng)]
    female = rng.random() < _FEMALE_SHARE
    first = pick(rng, pool.female if female else pool.male)
    family = rng.randrange(len(pool.last_male))
    last = (pool.last_female if female else pool.last_male)[family]
    return first, last, city


def _draft(rng: random.Random, index: int) -> CandidateDraft:
    """Return the sample candidate numbered `index`, drawn from rng."""
    first, last, city = _person(rng)
    level = LEVELS.pick(rng)
    years = _years(rng, level)
    role = ROLES_BY_LEVEL[level].pick(rng)
    europe = city.school_region in ("uk", "eu")
    career = _career(rng, role, years, city.currency)
    industries, environments = career.industries, career.environments
    skills = _skills(rng, role, europe)
    clearance = _clearance(rng, city, role, industries)
    first_job = career.history[-1].start
    education = _education(rng, level, city, first_job.year if first_job else 2020)
    summary = compose_summary(
        rng,
        role=role,
        level=level,
        years=years,
        industries=industries,
        environments=environments,
        skills=skills,
        currency=city.currency,
        clearance=clearance,
    )
    if rng.random() < 0.1:
        available = None
    else:
        days = rng.randrange(_AVAILABLE_DAYS) if career.current else rng.randrange(60)
        available = _AVAILABLE_FROM + timedelta(days=days)
    first_slug, last_slug = first.slug or "candidate", last.slug or "pm"
    local_part = pick(
        rng,
        (f"{first_slug}.{last_slug}", f"{first_slug}{last_slug}", f"{first_slug[0]}.{last_slug}"),
    )
    linkedin = (
        f"https://www.linkedin.com/in/{first_slug}-{last_slug}-{rng.randrange(100, 100_000)}"
        if rng.random() < 0.9
        else ""
    )
    return CandidateDraft(
        first_name=first.text,
        last_name=last.text,
        # The running index keeps every generated address unique, however many are made.
        email=f"{local_part}.{index}@{EMAIL_DOMAINS.pick(rng)}",
        phone=_phone(rng, city),
        city=city.name,
        country=city.country,
        linkedin_url=linkedin,
        primary_role=role,
        other_roles=_other_roles(rng, role),
        years_experience=years,
        salary_expectation=_salary(rng, level, years, city),
        currency=city.currency,
        available_from=available,
        work_environments=environments,
        industries=industries,
        skills=skills,
        work_history=career.history,
        education=education,
        security_clearance=clearance,
        summary=summary,
        source=SOURCE,
    )


def generate_drafts(count: int, seed: int = 42, *, start_index: int = 0) -> list[CandidateDraft]:
    """Return `count` sample candidates numbered from start_index; same arguments, same list."""
    if count < 0:
        raise ValueError("count must not be negative")
    # One generator per candidate, seeded from (seed, index): candidate i is the same whichever
    # batch made it, and a call with a higher start_index adds new people, not copies.
    return [
        _draft(random.Random(f"workbench-demo:{seed}:{index}"), index)
        for index in range(start_index, start_index + count)
    ]
