"""The rules that make a candidate's fields valid, normalised and searchable."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest

from workbench.domain.candidate import (
    MAX_SUMMARY,
    CandidateDraft,
    EducationEntry,
    WorkHistoryEntry,
    ascii_fold,
    comparable_fields,
    search_text,
    validate_candidate,
)
from workbench.domain.errors import ValidationError
from workbench.domain.roles import Level, Specialisation
from workbench.domain.search import SearchCriteria, SortKey, search_terms

TODAY = date(2026, 6, 1)


def draft(**fields: Any) -> CandidateDraft:
    """Return a valid draft for Ann Lee with the given fields overridden."""
    base: dict[str, Any] = {"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"}
    return CandidateDraft(**{**base, **fields})


def errors_of(candidate: CandidateDraft) -> dict[str, str]:
    """Return the field errors validation reports for the draft (failing if it passes)."""
    with pytest.raises(ValidationError) as caught:
        validate_candidate(candidate, today=TODAY)
    return caught.value.errors


def valid(**fields: Any) -> CandidateDraft:
    """Return the validated draft with the given fields."""
    return validate_candidate(draft(**fields), today=TODAY)


# --- required fields and email ---------------------------------------------------------------


def test_missing_first_last_and_email_are_each_reported_under_their_own_key() -> None:
    errors = errors_of(CandidateDraft(first_name=" ", last_name="", email=""))
    assert set(errors) == {"first_name", "last_name", "email"}
    assert errors["first_name"] == "first name is required"
    assert errors["last_name"] == "last name is required"
    assert errors["email"] == "email is required"


def test_validation_error_message_names_each_bad_field() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_candidate(CandidateDraft(first_name="", last_name="Lee", email="nope"))
    assert str(caught.value).startswith("first_name: first name is required; email: ")


def test_name_longer_than_100_characters_is_refused() -> None:
    assert valid(first_name="A" * 100).first_name == "A" * 100
    assert "longer than 100" in errors_of(draft(first_name="A" * 101))["first_name"]


def test_email_domain_is_lower_cased_and_local_part_kept() -> None:
    assert valid(email="  Ann.Lee@Example.COM ").email == "Ann.Lee@example.com"


@pytest.mark.parametrize(
    "email",
    ["ann", "ann@", "@example.com", "ann@@example.com", "ann@example", "ann lee@example.com"],
)
def test_invalid_email_is_refused(email: str) -> None:
    errors = errors_of(draft(email=email))
    assert list(errors) == ["email"]
    assert errors["email"]


# --- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["United Kingdom", "UK", "GB", "gb", " united  kingdom "])
def test_local_uk_phone_becomes_e164_when_country_is_uk(country: str) -> None:
    candidate = valid(phone="020 7946 0958", country=country)
    assert candidate.phone == "+442079460958"
    assert candidate.country == "United Kingdom"


def test_international_phone_needs_no_country() -> None:
    assert valid(phone="+1 (415) 555-2671").phone == "+14155552671"


def test_local_phone_without_country_asks_for_the_country_code() -> None:
    errors = errors_of(draft(phone="020 7946 0958"))
    assert "country code" in errors["phone"]


@pytest.mark.parametrize("phone", ["hello", "020 1234"])
def test_invalid_phone_is_refused(phone: str) -> None:
    errors = errors_of(draft(phone=phone, country="UK"))
    assert list(errors) == ["phone"]
    assert "phone number" in errors["phone"]


def test_empty_phone_stays_empty() -> None:
    assert valid(phone="  ").phone == ""


# --- LinkedIn ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("linkedin.com/in/ann", "https://www.linkedin.com/in/ann"),
        ("http://LinkedIn.com/in/ann/", "https://www.linkedin.com/in/ann"),
        ("https://uk.linkedin.com/in/ann?trk=abc", "https://www.linkedin.com/in/ann"),
        ("www.linkedin.com/in/ann-lee-123", "https://www.linkedin.com/in/ann-lee-123"),
    ],
)
def test_linkedin_url_is_normalised_to_https_www(raw: str, expected: str) -> None:
    assert valid(linkedin_url=raw).linkedin_url == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/in/ann",
        "https://linkedin.com.evil.example/in/ann",
        "https://www.linkedin.com@evil.example/in/ann",
        "notlinkedin.com/in/ann",
    ],
)
def test_linkedin_url_on_another_host_is_refused(url: str) -> None:
    assert "linkedin.com" in errors_of(draft(linkedin_url=url))["linkedin_url"]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "javascript://www.linkedin.com/in/ann", "ftp://linkedin.com/in/a"],
)
def test_linkedin_url_with_a_non_web_scheme_is_refused(url: str) -> None:
    assert "linkedin_url" in errors_of(draft(linkedin_url=url))


def test_linkedin_url_without_a_profile_path_is_refused() -> None:
    assert "profile" in errors_of(draft(linkedin_url="https://www.linkedin.com/"))["linkedin_url"]


# --- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("years", [-0.1, 60.1, 100, float("nan"), float("inf")])
def test_years_outside_0_to_60_are_refused(years: float) -> None:
    assert "between 0 and 60" in errors_of(draft(years_experience=years))["years_experience"]


# Rounded down, so that 2.96 years stays junior ("under 3") as the consultant typed it.
@pytest.mark.parametrize(
    ("years", "stored"), [(0, 0.0), (60, 60.0), (4.26, 4.2), (2.96, 2.9), (2.3, 2.3)]
)
def test_years_within_range_are_kept_to_one_decimal(years: float, stored: float) -> None:
    assert valid(years_experience=years).years_experience == stored


def test_negative_salary_is_refused() -> None:
    assert errors_of(draft(salary_expectation=-1))["salary_expectation"] == "cannot be negative"


def test_zero_salary_is_allowed() -> None:
    assert valid(salary_expectation=0).salary_expectation == 0


@pytest.mark.parametrize("currency", ["US", "USDX", "U$D", "123"])
def test_currency_that_is_not_three_letters_is_refused(currency: str) -> None:
    assert "three-letter" in errors_of(draft(currency=currency))["currency"]


@pytest.mark.parametrize(("raw", "stored"), [("gbp", "GBP"), (" eur ", "EUR"), ("", "USD")])
def test_currency_is_upper_cased_and_defaults_to_usd(raw: str, stored: str) -> None:
    assert valid(currency=raw).currency == stored


# --- free text -------------------------------------------------------------------------------


def test_summary_of_exactly_20000_characters_is_accepted() -> None:
    assert MAX_SUMMARY == 20_000
    assert len(valid(summary="x" * 20_000).summary) == 20_000


def test_summary_of_20001_characters_is_refused() -> None:
    assert "20,000" in errors_of(draft(summary="x" * 20_001))["summary"]


def test_summary_of_10000_characters_with_line_breaks_is_kept_whole() -> None:
    text = ("word " * 9 + "line\n") * 200  # 10,000 characters
    assert len(text) == 10_000
    assert valid(summary=text).summary == text.strip()


def test_control_characters_are_stripped_and_line_breaks_kept_in_summary() -> None:
    candidate = valid(first_name="An\x00n\x07", summary="one\x1b[31m\r\ntwo\x7f\tthree\x0b")
    assert candidate.first_name == "Ann"
    assert candidate.summary == "one[31m\ntwo\tthree"


def test_c1_control_characters_are_stripped_too() -> None:
    candidate = valid(last_name="Lee\x9b2J", summary="one\x85two\x90")
    assert candidate.last_name == "Lee2J"
    assert candidate.summary == "onetwo"


def test_single_line_fields_collapse_whitespace_and_line_breaks() -> None:
    candidate = valid(first_name="  Mary \n Ann ", city="New\tYork ")
    assert (candidate.first_name, candidate.city) == ("Mary Ann", "New York")


def test_markup_like_text_is_kept_literally() -> None:
    candidate = valid(last_name="<b>Ann</b> & Co", summary="<script>alert('x')</script> &amp;")
    assert candidate.last_name == "<b>Ann</b> & Co"
    assert candidate.summary == "<script>alert('x')</script> &amp;"


@pytest.mark.parametrize(
    ("first", "last"), [("王", "芳"), ("Дмитрий", "Иванов"), ("Nguyễn Thị", "Hương")]
)
def test_non_latin_names_are_kept_in_nfc(first: str, last: str) -> None:
    candidate = valid(
        first_name=unicodedata.normalize("NFD", first),
        last_name=unicodedata.normalize("NFD", last),
    )
    assert candidate.first_name == unicodedata.normalize("NFC", first)
    assert candidate.last_name == unicodedata.normalize("NFC", last)
    assert unicodedata.is_normalized("NFC", candidate.full_name)


# --- roles, skills, history, education ---------------------------------------------------------


def test_other_roles_are_deduped_and_drop_the_primary() -> None:
    candidate = valid(
        primary_role=Specialisation.SCRUM_MASTER,
        other_roles=(
            Specialisation.AGILE_PM,
            Specialisation.SCRUM_MASTER,
            Specialisation.AGILE_PM,
            Specialisation.PROGRAM_MANAGER,
        ),
    )
    assert candidate.other_roles == (Specialisation.AGILE_PM, Specialisation.PROGRAM_MANAGER)


def test_skills_take_the_guides_spelling_and_dedupe_ignoring_case() -> None:
    candidate = valid(
        skills=("jira", "JIRA", " Jira ", "power bi", "kubernetes", "Kubernetes", "", "  ")
    )
    assert candidate.skills == ("Jira", "Power BI", "kubernetes")


def test_work_environments_and_industries_are_deduped_ignoring_case() -> None:
    candidate = valid(
        work_environments=("Startup", "startup", " Enterprise"),
        industries=("Finance", "FINANCE"),
    )
    assert candidate.work_environments == ("Startup", "Enterprise")
    assert candidate.industries == ("Finance",)


def test_work_history_ending_before_it_starts_is_refused_under_its_index() -> None:
    errors = errors_of(
        draft(
            work_history=(
                WorkHistoryEntry("Acme", "PM", date(2020, 5, 1), date(2019, 1, 1)),
                WorkHistoryEntry("Globex", "PM", date(2021, 1, 1), None),
            )
        )
    )
    assert errors == {"work_history[1]": "ends before it starts"}


def test_work_history_entry_needs_an_employer_or_a_title() -> None:
    errors = errors_of(draft(work_history=(WorkHistoryEntry("Acme", ""), WorkHistoryEntry("", ""))))
    assert errors == {"work_history[2]": "needs an employer or a title"}


def test_work_history_text_is_cleaned_and_order_kept() -> None:
    candidate = valid(
        work_history=(
            WorkHistoryEntry(" Acme ", "PM", description="led\r\nteams\x00"),
            WorkHistoryEntry("Globex", " Senior  PM "),
        )
    )
    assert candidate.work_history == (
        WorkHistoryEntry("Acme", "PM", description="led\nteams"),
        WorkHistoryEntry("Globex", "Senior PM"),
    )


@pytest.mark.parametrize("year", [1949, TODAY.year + 7])
def test_education_year_out_of_range_is_refused(year: int) -> None:
    errors = errors_of(draft(education=(EducationEntry("MBA", year=year),)))
    assert errors == {"education[1]": f"year must be between 1950 and {TODAY.year + 6}"}


@pytest.mark.parametrize("year", [1950, TODAY.year + 6])
def test_education_year_at_the_bounds_is_accepted(year: int) -> None:
    assert valid(education=(EducationEntry("MBA", year=year),)).education[0].year == year


def test_education_needs_a_degree_level() -> None:
    assert errors_of(draft(education=(EducationEntry(" ", "CS"),))) == {
        "education[1]": "needs a degree level"
    }


# --- derived values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("years", "level"), [(None, None), (2.9, Level.JUNIOR), (3, Level.MID), (7, Level.SENIOR)]
)
def test_level_is_derived_from_years(years: float | None, level: Level | None) -> None:
    assert draft(years_experience=years).level is level


def test_full_name_joins_first_and_last() -> None:
    assert draft(first_name="Mary Ann", last_name="Lee").full_name == "Mary Ann Lee"


def test_ascii_fold_makes_special_latin_letters_plain() -> None:
    assert ascii_fold("Łukasz Żółć") == "Lukasz Zolc"
    assert ascii_fold("Søren Æbelø Straße") == "Soren AEbelo Strasse"
    assert ascii_fold("王芳") == "王芳"


def test_search_text_indexes_the_folded_name_too() -> None:
    text = search_text(valid(first_name="Łukasz", last_name="Żółć"))
    assert text["name"] == "Łukasz Żółć Lukasz Zolc"


def test_search_text_does_not_repeat_a_plain_name() -> None:
    assert search_text(valid())["name"] == "Ann Lee"


def test_search_text_puts_skills_roles_and_history_in_their_columns() -> None:
    text = search_text(
        valid(
            skills=("jira",),
            primary_role=Specialisation.SCRUM_MASTER,
            industries=("Finance",),
            city="Leeds",
            country="UK",
            summary="Agile delivery",
            work_history=(WorkHistoryEntry("Acme", "PM", description="Ran payroll"),),
        )
    )
    assert text["skills"] == "Jira Scrum Master Finance"
    assert text["history"] == "Acme PM Ran payroll\nLeeds\nUnited Kingdom"
    assert text["summary"] == "Agile delivery"
    assert text["email"] == "ann@example.com"


def test_comparable_fields_tolerates_invalid_input() -> None:
    result = comparable_fields(
        CandidateDraft(
            first_name=" Ann ", last_name="Lee\x00", email="not-an-email", phone="call me",
            city=" Leeds ", country="uk",
        )
    )  # fmt: skip
    assert (result.first_name, result.last_name, result.email, result.phone) == (
        "Ann",
        "Lee",
        "",
        "",
    )
    assert (result.city, result.country) == ("Leeds", "United Kingdom")


def test_comparable_fields_normalises_what_it_can() -> None:
    result = comparable_fields(
        CandidateDraft("", "", "Ann@Example.COM", phone="020 7946 0958", country="GB")
    )
    assert (result.email, result.phone) == ("Ann@example.com", "+442079460958")


def test_validated_draft_is_stable_when_validated_again() -> None:
    once = valid(
        first_name="Łukasz",
        phone="020 7946 0958",
        country="uk",
        linkedin_url="linkedin.com/in/ann",
        skills=("jira",),
        years_experience=5.55,
    )
    assert validate_candidate(once, today=TODAY) == once


# --- search criteria -------------------------------------------------------------------------


def test_effective_sort_is_relevance_only_with_search_terms() -> None:
    assert SearchCriteria().effective_sort is SortKey.NAME
    assert SearchCriteria(text="ann").effective_sort is SortKey.RELEVANCE
    assert SearchCriteria(sort=SortKey.RELEVANCE).effective_sort is SortKey.NAME
    assert SearchCriteria(text='"*-', sort=SortKey.RELEVANCE).effective_sort is SortKey.NAME
    assert SearchCriteria(text="ann", sort=SortKey.RELEVANCE).effective_sort is SortKey.RELEVANCE


@pytest.mark.parametrize("sort", [key for key in SortKey if key is not SortKey.RELEVANCE])
def test_a_chosen_column_sort_wins_with_or_without_terms(sort: SortKey) -> None:
    assert SearchCriteria(sort=sort).effective_sort is sort
    assert SearchCriteria(text="ann", sort=sort).effective_sort is sort


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Ann Lee", ("Ann", "Lee")),
        ("ann AND lee", ("ann", "AND", "lee")),
        ('"scrum master"', ("scrum", "master")),
        ("kowal*", ("kowal",)),
        ("-smith", ("smith",)),
        ("NEAR(ann lee)", ("NEAR", "ann", "lee")),
        ("name:ann OR ^lee", ("name", "ann", "OR", "lee")),
        ('"', ()),
        ("*", ()),
        ("-", ()),
        ("", ()),
        ("Łukasz 王芳", ("Łukasz", "王芳")),
    ],
)
def test_search_terms_treat_query_syntax_as_plain_words(text: str, terms: tuple[str, ...]) -> None:
    assert search_terms(text) == terms
    assert SearchCriteria(text=text).terms == terms


def test_search_terms_are_capped_at_sixteen_words() -> None:
    words = [f"w{i}" for i in range(20)]
    assert search_terms(" ".join(words)) == tuple(words[:16])


def test_underscores_are_not_search_words() -> None:
    # FTS5 drops "_": a term of only underscores would be an empty phrase matching nothing.
    assert search_terms("scrum _ __init__") == ("scrum", "init")
