"""Lookup tables for the sample-candidate generator, parsed once from the curated word lists."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import phonenumbers

from workbench.domain.candidate import ascii_fold
from workbench.domain.countries import country_code
from workbench.domain.roles import Level, Specialisation
from workbench.domain.vocabulary import SKILL_CATEGORIES
from workbench.services import demo_names, demo_vocabulary

T = TypeVar("T")
_S = Specialisation


class Weighted(Generic[T]):
    """Items with cumulative weights, for fast repeated weighted choice."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        """Keep the items and the running total of their weights."""
        self.items = [item for item, _ in pairs]
        total = 0.0
        self.cumulative: list[float] = []
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)

    def pick(self, rng: random.Random) -> T:
        """Return one item drawn in proportion to its weight."""
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True)
class Name:
    """A name as written, and its plain ASCII form for emails and LinkedIn slugs."""

    text: str
    slug: str


@dataclass(frozen=True)
class Pool:
    """Given and family names of one origin; family names come in male and female forms."""

    male: tuple[Name, ...]
    female: tuple[Name, ...]
    last_male: tuple[Name, ...]
    last_female: tuple[Name, ...]


@dataclass(frozen=True)
class City:
    """A place candidates live in, with what follows from it: names, money, phones, schools."""

    name: str
    country: str
    origin: str
    currency: str
    pay_factor: float
    region_code: str
    area_codes: tuple[int, ...]
    school_region: str


def split_list(text: str) -> list[str]:
    """Return the comma-separated entries of a word list, trimmed."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _slug(text: str) -> str:
    """Return text as lower-case ASCII letters and digits ('Łukasz' → 'lukasz')."""
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isascii() and ch.isalnum())


def _names(entries: str) -> tuple[tuple[Name, ...], tuple[Name, ...]]:
    """Parse 'A|B=a|b' entries into (male forms, female forms); the part after '=' is ASCII."""
    male, female = [], []
    for entry in split_list(entries):
        native, _, roman = entry.partition("=")
        native_forms = native.split("|")
        roman_forms = (roman or native).split("|")
        male.append(Name(native_forms[0], _slug(roman_forms[0])))
        female.append(Name(native_forms[-1], _slug(roman_forms[-1])))
    return tuple(male), tuple(female)


def _pool(spec: tuple[str, str, str]) -> Pool:
    """Return the name pool for one origin's (male, female, family) lists."""
    male_first, female_first, last = spec
    last_male, last_female = _names(last)
    return Pool(_names(male_first)[0], _names(female_first)[0], last_male, last_female)


LATIN_POOLS = {origin: _pool(spec) for origin, spec in demo_names.LATIN_NAMES.items()}
NON_LATIN_POOLS = {script: _pool(spec) for script, spec in demo_names.NON_LATIN_NAMES.items()}
NON_LATIN_SCRIPTS = Weighted(list(demo_names.NON_LATIN_WEIGHTS.items()))
CITY_MIX_ORIGINS = Weighted(list(demo_names.CITY_MIX.items()))


def _school_region(country: str, currency: str) -> str:
    """Return which list of institutions suits people living in the country."""
    if country in ("United States", "Canada"):
        return "na"
    if currency == "GBP" or country == "Ireland":
        return "uk"
    return "eu" if currency in ("EUR", "CHF") else "other"


def _city(row: tuple[str, str, str, int, str, float]) -> City:
    """Return a city from its word-list row; fail early if its country is unknown."""
    name, country, origin, _weight, currency, factor = row
    code = country_code(country)
    if code is None:
        raise ValueError(f"sample city {name} has an unknown country {country!r}")
    return City(
        name=name,
        country=country,
        origin=origin,
        currency=currency,
        pay_factor=factor,
        region_code=code,
        area_codes=demo_vocabulary.AREA_CODES.get(name, ()),
        school_region=_school_region(country, currency),
    )


CITIES = Weighted([(_city(row), row[3]) for row in demo_vocabulary.CITIES])
CITY_BY_NAME = {city.name: city for city in CITIES.items}

LEVELS = Weighted([(Level.JUNIOR, 28), (Level.MID, 36), (Level.SENIOR, 36)])
_ROLE_WEIGHTS = {
    # agile, technical, program, scrum master, cybersecurity, digital transformation
    Level.JUNIOR: (22, 18, 2, 26, 12, 14),
    Level.MID: (20, 22, 10, 18, 13, 17),
    Level.SENIOR: (16, 20, 24, 10, 13, 17),
}
ROLES_BY_LEVEL = {
    level: Weighted(list(zip(Specialisation, weights, strict=True)))
    for level, weights in _ROLE_WEIGHTS.items()
}
# Secondary roles people in a role also hold, most likely first.
RELATED_ROLES = {
    _S.AGILE_PM: (_S.SCRUM_MASTER, _S.DIGITAL_TRANSFORMATION_PM, _S.PROGRAM_MANAGER),
    _S.TECHNICAL_PM: (_S.CYBERSECURITY_PM, _S.PROGRAM_MANAGER, _S.DIGITAL_TRANSFORMATION_PM),
    _S.PROGRAM_MANAGER: (_S.DIGITAL_TRANSFORMATION_PM, _S.TECHNICAL_PM, _S.AGILE_PM),
    _S.SCRUM_MASTER: (_S.AGILE_PM,),
    _S.CYBERSECURITY_PM: (_S.TECHNICAL_PM, _S.PROGRAM_MANAGER),
    _S.DIGITAL_TRANSFORMATION_PM: (_S.PROGRAM_MANAGER, _S.AGILE_PM, _S.TECHNICAL_PM),
}

EMPLOYERS = {
    industry: [
        (name.strip(), demo_vocabulary.ENVIRONMENT_CODES[code.strip()])
        for name, _, code in (entry.rpartition(":") for entry in split_list(entries))
    ]
    for industry, entries in demo_vocabulary.EMPLOYERS.items()
}
_DEFAULT_INDUSTRY_WEIGHTS = {
    "Technology": 30, "Finance": 20, "Healthcare": 13, "Government": 11,
    "Retail & e-commerce": 11, "Manufacturing": 9, "Education": 6,
}  # fmt: skip
_INDUSTRY_BIAS = {
    _S.CYBERSECURITY_PM: {"Government": 3.0, "Finance": 1.5, "Healthcare": 1.5},
    _S.DIGITAL_TRANSFORMATION_PM: {"Retail & e-commerce": 2.0, "Manufacturing": 2.0},
    _S.PROGRAM_MANAGER: {"Government": 1.5, "Finance": 1.3},
}
ANY_INDUSTRY = Weighted(list(_DEFAULT_INDUSTRY_WEIGHTS.items()))
INDUSTRIES_BY_ROLE = {
    role: Weighted(
        [
            (i, w * _INDUSTRY_BIAS.get(role, {}).get(i, 1.0))
            for i, w in _DEFAULT_INDUSTRY_WEIGHTS.items()
        ]
    )
    for role in Specialisation
}

TITLE_TIERS = {
    role: tuple(split_list(tier) for tier in demo_vocabulary.TITLES_BY_ROLE[role.value])
    for role in Specialisation
}
EARLY_TITLES = split_list(demo_vocabulary.TITLES_EARLY)
EXECUTIVE_TITLES = split_list(demo_vocabulary.TITLES_EXECUTIVE)
FEEDER_TITLES = {
    role: split_list(demo_vocabulary.FEEDER_TITLES[role.value]) for role in Specialisation
}


# How often PMs list each checklist skill, and how a role changes that.
_BASE_SKILL_WEIGHTS: dict[str, float] = {
    "Jira": 6, "Trello": 2, "Microsoft Project": 3, "Asana": 1.5, "Monday.com": 1,
    "Scrum": 4, "Kanban": 3, "Waterfall": 3, "PRINCE2": 1, "Hybrid": 2,
    "Software development": 2, "AWS": 2, "Azure": 2, "GCP": 1, "Cybersecurity": 1,
    "Networking": 1, "Excel": 4, "Financial software": 1, "Slack": 3,
    "Microsoft Teams": 4, "Confluence": 4, "Tableau": 1.5, "Power BI": 2,
}  # fmt: skip
_ROLE_SKILL_BOOSTS: dict[Specialisation, dict[str, float]] = {
    _S.SCRUM_MASTER: {"Scrum": 6, "Kanban": 5, "Jira": 3, "Confluence": 2,
                      "Waterfall": 0.2, "Microsoft Project": 0.2, "PRINCE2": 0.3},
    _S.AGILE_PM: {"Scrum": 3, "Kanban": 3, "Jira": 2, "Trello": 2, "Waterfall": 0.5},
    _S.TECHNICAL_PM: {"Software development": 3, "AWS": 3, "Azure": 3, "GCP": 3,
                      "Networking": 2},
    _S.PROGRAM_MANAGER: {"Microsoft Project": 2, "Excel": 2, "Financial software": 4,
                         "Power BI": 2, "Tableau": 2, "Hybrid": 2, "Waterfall": 1.5},
    _S.CYBERSECURITY_PM: {"Cybersecurity": 30, "Networking": 10, "AWS": 1.5, "Azure": 1.5},
    _S.DIGITAL_TRANSFORMATION_PM: {"Power BI": 3, "Tableau": 3, "Azure": 2, "AWS": 1.5,
                                   "Hybrid": 2},
}  # fmt: skip
# PRINCE2 is a UK and European method.
_EUROPE_SKILL_BOOSTS = {"PRINCE2": 5.0}


def _skill_weights(role: Specialisation, europe: bool) -> list[tuple[str, float]]:
    """Return every checklist skill with its weight for the role, in Europe or elsewhere."""
    boosts = _ROLE_SKILL_BOOSTS[role]
    regional = _EUROPE_SKILL_BOOSTS if europe else {}
    checklist = [skill for skills in SKILL_CATEGORIES.values() for skill in skills]
    return [
        (skill, _BASE_SKILL_WEIGHTS.get(skill, 1) * boosts.get(skill, 1) * regional.get(skill, 1))
        for skill in checklist
    ]


SKILL_WEIGHTS = {
    (role, europe): _skill_weights(role, europe)
    for role in Specialisation
    for europe in (False, True)
}
# The skills that define a role: every Scrum Master lists Scrum, every security PM Cybersecurity.
CORE_SKILLS = {_S.SCRUM_MASTER: ("Scrum", "Jira"), _S.CYBERSECURITY_PM: ("Cybersecurity",)}
FREE_TAGS = {role: split_list(demo_vocabulary.FREE_TAGS[role.value]) for role in Specialisation}
CLEARANCES = {
    country: Weighted(list(choices)) for country, choices in demo_vocabulary.CLEARANCES.items()
}
INSTITUTIONS = {region: split_list(names) for region, names in demo_vocabulary.INSTITUTIONS.items()}
BOOTCAMPS = split_list(demo_vocabulary.BOOTCAMPS)
FIELDS = {degree: split_list(fields) for degree, fields in demo_vocabulary.FIELDS.items()}
EMAIL_DOMAINS = Weighted([("example.com", 70), ("example.org", 15), ("example.net", 15)])


def _example_mobile(region_code: str) -> phonenumbers.PhoneNumber:
    """Return phonenumbers' example mobile number for a region."""
    number = phonenumbers.example_number_for_type(region_code, phonenumbers.PhoneNumberType.MOBILE)
    if number is None:
        raise ValueError(f"no example mobile number for {region_code}")
    return number


PHONE_EXAMPLES = {code: _example_mobile(code) for code in {c.region_code for c in CITIES.items}}
