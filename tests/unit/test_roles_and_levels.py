"""The guide's specialisations, seniority levels and salary bands."""

from __future__ import annotations

from itertools import pairwise

import pytest

from workbench.domain.roles import (
    SALARY_BANDS_USD,
    Level,
    SalaryBand,
    Specialisation,
    level_for_years,
    parse_level,
    parse_specialisation,
)

GUIDE_NAMES = {
    "Agile Project Manager": Specialisation.AGILE_PM,
    "Technical Project Manager": Specialisation.TECHNICAL_PM,
    "Program Manager": Specialisation.PROGRAM_MANAGER,
    "Scrum Master": Specialisation.SCRUM_MASTER,
    "Cybersecurity Project Manager": Specialisation.CYBERSECURITY_PM,
    "Digital Transformation Project Manager": Specialisation.DIGITAL_TRANSFORMATION_PM,
}


@pytest.mark.parametrize(
    ("years", "level"),
    [
        (0, Level.JUNIOR),
        (2.9, Level.JUNIOR),
        (3, Level.MID),
        (6.9, Level.MID),
        (7, Level.SENIOR),
        (25, Level.SENIOR),
    ],
)
def test_level_follows_the_guides_year_boundaries(years: float, level: Level) -> None:
    assert level_for_years(years) is level


def test_the_guide_has_exactly_six_specialisations() -> None:
    assert {role.label for role in Specialisation} == set(GUIDE_NAMES)


@pytest.mark.parametrize(("name", "role"), GUIDE_NAMES.items())
def test_role_is_parsed_from_its_guide_name(name: str, role: Specialisation) -> None:
    assert parse_specialisation(name) is role


@pytest.mark.parametrize("role", list(Specialisation))
def test_role_is_parsed_from_its_slug_and_enum_name(role: Specialisation) -> None:
    assert parse_specialisation(role.value) is role
    assert parse_specialisation(role.name) is role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("scrum master", Specialisation.SCRUM_MASTER),
        ("SCRUM-MASTER", Specialisation.SCRUM_MASTER),
        ("  Scrum   Master ", Specialisation.SCRUM_MASTER),
        ("ScrumMaster", Specialisation.SCRUM_MASTER),
        ("Programme Manager", Specialisation.PROGRAM_MANAGER),
        ("program_manager", Specialisation.PROGRAM_MANAGER),
        ("TPM", Specialisation.TECHNICAL_PM),
        ("Cyber Security Project Manager", Specialisation.CYBERSECURITY_PM),
        ("digital transformation", Specialisation.DIGITAL_TRANSFORMATION_PM),
    ],
)
def test_role_spelling_ignores_case_spaces_and_punctuation(text: str, role: Specialisation) -> None:
    assert parse_specialisation(text) is role


def test_unknown_role_error_names_the_input_and_lists_every_known_role() -> None:
    with pytest.raises(ValueError, match="unknown role 'Astronaut'") as caught:
        parse_specialisation("  Astronaut ")
    message = str(caught.value)
    for name in GUIDE_NAMES:
        assert name in message


@pytest.mark.parametrize("text", ["", "   ", "project manager", "scrum"])
def test_vague_or_empty_role_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="unknown role"):
        parse_specialisation(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("junior", Level.JUNIOR),
        ("Junior", Level.JUNIOR),
        ("JUNIOR", Level.JUNIOR),
        ("mid", Level.MID),
        ("Mid-level", Level.MID),
        ("mid level", Level.MID),
        ("middle", Level.MID),
        ("medior", Level.MID),
        ("senior", Level.SENIOR),
        (" Senior ", Level.SENIOR),
    ],
)
def test_level_is_parsed_from_value_label_or_common_spelling(text: str, level: Level) -> None:
    assert parse_level(text) is level


def test_unknown_level_error_lists_the_known_levels() -> None:
    with pytest.raises(ValueError, match=r"unknown level 'lead' \(known: junior, mid, senior\)"):
        parse_level("lead")


def test_level_labels_are_the_guides() -> None:
    assert [level.label for level in Level] == ["Junior", "Mid-level", "Senior"]


def test_salary_bands_match_the_guide() -> None:
    bands = dict(SALARY_BANDS_USD)
    assert bands == {
        Level.JUNIOR: SalaryBand(70_000, 90_000, open_ended=False),
        Level.MID: SalaryBand(90_000, 120_000, open_ended=False),
        Level.SENIOR: SalaryBand(120_000, 150_000, open_ended=True),
    }


def test_salary_bands_cover_every_level_without_gaps() -> None:
    bands = [SALARY_BANDS_USD[level] for level in Level]
    assert set(SALARY_BANDS_USD) == set(Level)
    for lower, upper in pairwise(bands):
        assert lower.upper == upper.lower
    assert all(band.lower < band.upper for band in bands)
