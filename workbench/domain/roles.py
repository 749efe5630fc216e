"""Specialisations, seniority levels and the guide's salary bands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Specialisation(Enum):
    """The guide's six sub-roles of the IT Project Manager; the value is the stored slug."""

    AGILE_PM = "agile-pm"
    TECHNICAL_PM = "technical-pm"
    PROGRAM_MANAGER = "program-manager"
    SCRUM_MASTER = "scrum-master"
    CYBERSECURITY_PM = "cybersecurity-pm"
    DIGITAL_TRANSFORMATION_PM = "digital-transformation-pm"

    @property
    def label(self) -> str:
        """Return the guide's name for the role."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Specialisation.AGILE_PM: "Agile Project Manager",
    Specialisation.TECHNICAL_PM: "Technical Project Manager",
    Specialisation.PROGRAM_MANAGER: "Program Manager",
    Specialisation.SCRUM_MASTER: "Scrum Master",
    Specialisation.CYBERSECURITY_PM: "Cybersecurity Project Manager",
    Specialisation.DIGITAL_TRANSFORMATION_PM: "Digital Transformation Project Manager",
}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


# Spreadsheets spell roles many ways; every spelling reduces to letters and digits only.
_ROLE_ALIASES: dict[str, Specialisation] = {}
for _role in Specialisation:
    _ROLE_ALIASES[_key(_role.value)] = _role
    _ROLE_ALIASES[_key(_role.label)] = _role
    _ROLE_ALIASES[_key(_role.name)] = _role
for _alias, _role in {
    "agile project manager": Specialisation.AGILE_PM,
    "technical pm": Specialisation.TECHNICAL_PM,
    "tpm": Specialisation.TECHNICAL_PM,
    "programme manager": Specialisation.PROGRAM_MANAGER,
    "program-manager": Specialisation.PROGRAM_MANAGER,
    "scrummaster": Specialisation.SCRUM_MASTER,
    "cybersecurity pm": Specialisation.CYBERSECURITY_PM,
    "cyber security project manager": Specialisation.CYBERSECURITY_PM,
    "security pm": Specialisation.CYBERSECURITY_PM,
    "digital transformation pm": Specialisation.DIGITAL_TRANSFORMATION_PM,
    "digital transformation": Specialisation.DIGITAL_TRANSFORMATION_PM,
}.items():
    _ROLE_ALIASES[_key(_alias)] = _role


def parse_specialisation(text: str) -> Specialisation:
    """Return the role named by its guide name, slug or a common spelling; raise ValueError."""
    role = _ROLE_ALIASES.get(_key(text))
    if role is None:
        known = ", ".join(r.label for r in Specialisation)
        raise ValueError(f"unknown role {text.strip()!r} (known: {known})")
    return role


class Level(Enum):
    """Seniority derived from years of relevant experience."""

    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"

    @property
    def label(self) -> str:
        """Return the level as the guide names it."""
        return {"junior": "Junior", "mid": "Mid-level", "senior": "Senior"}[self.value]


MID_LEVEL_FROM_YEARS = 3.0
SENIOR_FROM_YEARS = 7.0


def level_for_years(years: float) -> Level:
    """Return the level for years of experience: junior under 3, mid under 7, senior from 7."""
    if years < MID_LEVEL_FROM_YEARS:
        return Level.JUNIOR
    if years < SENIOR_FROM_YEARS:
        return Level.MID
    return Level.SENIOR


def parse_level(text: str) -> Level:
    """Return the level named by value or label ('mid', 'Mid-level', 'senior'); raise ValueError."""
    key = _key(text)
    for level in Level:
        if key in (_key(level.value), _key(level.label), _key(level.name)):
            return level
    if key in ("midlevel", "middle", "medior"):
        return Level.MID
    raise ValueError(f"unknown level {text.strip()!r} (known: junior, mid, senior)")


@dataclass(frozen=True)
class SalaryBand:
    """A base-salary range in USD a year; `upper` is open-ended ('150,000+') when flagged."""

    lower: int
    upper: int
    open_ended: bool = False


# The guide's 2025 US base-salary bands; seed data, kept here until Settings can edit them.
SALARY_BANDS_USD = {
    Level.JUNIOR: SalaryBand(70_000, 90_000),
    Level.MID: SalaryBand(90_000, 120_000),
    Level.SENIOR: SalaryBand(120_000, 150_000, open_ended=True),
}
