"""Reading spreadsheets and checking their rows, without a database."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from workbench.domain.errors import WorkbenchError
from workbench.domain.roles import Specialisation
from workbench.services.import_rows import (
    ParsedRows,
    RejectedRow,
    map_columns,
    parse_date,
    parse_rows,
    parse_salary,
    parse_years,
)
from workbench.services.spreadsheet import (
    SheetRow,
    Table,
    column_key,
    parse_csv_text,
    read_table,
)

HEADER = "first_name,last_name,email"


def parse_csv(text: str) -> ParsedRows:
    """Return the checked rows of CSV text."""
    return parse_rows(parse_csv_text(text), source="import: test.csv")


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    """Write a file into the test folder and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_utf8_with_bom(tmp_path: Path) -> None:
    data = "\ufefffirst_name,last_name,email\nŁukasz,Żółć,lukasz@example.com\n".encode()
    table = read_table(write_bytes(tmp_path, "people.csv", data))
    assert table.header == ("first_name", "last_name", "email")
    parsed = parse_rows(table)
    assert [d.first_name for _, d in parsed.drafts] == ["Łukasz"]


def test_reads_utf8_without_bom(tmp_path: Path) -> None:
    data = "first_name,last_name,email\n王,芳,wang@example.com\n".encode()
    parsed = parse_rows(read_table(write_bytes(tmp_path, "people.csv", data)))
    assert [(d.first_name, d.last_name) for _, d in parsed.drafts] == [("王", "芳")]


def test_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    data = "first_name,last_name,email\nJosé,Núñez,jose@example.com\n".encode("cp1252")
    with pytest.raises(WorkbenchError, match="not UTF-8"):
        read_table(write_bytes(tmp_path, "people.csv", data))


def test_refuses_other_file_types(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, "people.xls", b"whatever")
    with pytest.raises(WorkbenchError, match=r"only \.csv and \.xlsx files can be imported"):
        read_table(path)


def test_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="does not exist"):
        read_table(tmp_path / "nowhere.csv")


def test_refuses_an_empty_file(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="empty"):
        read_table(write_bytes(tmp_path, "people.csv", b""))


def test_refuses_a_broken_xlsx(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match=r"not a readable \.xlsx"):
        read_table(write_bytes(tmp_path, "people.xlsx", b"not a zip file"))


def test_sniffs_semicolons_from_the_header() -> None:
    parsed = parse_csv(
        "first_name;last_name;email;years_experience;salary_expectation\n"
        "Ann;Smith;ann@example.com;7,5;95 000\n"
    )
    [(_, draft)] = parsed.drafts
    assert (draft.years_experience, draft.salary_expectation) == (7.5, 95_000)


def test_commas_inside_quotes_do_not_split_fields() -> None:
    parsed = parse_csv(f'{HEADER},city\nAnn,"Smith, Jr.",ann@example.com,"Washington, D.C."\n')
    [(_, draft)] = parsed.drafts
    assert (draft.last_name, draft.city) == ("Smith, Jr.", "Washington, D.C.")


def test_columns_in_any_order_and_spelling() -> None:
    parsed = parse_csv("EMAIL,Last-Name, First Name ,Primary Role\nann@example.com,Smith,Ann,TPM\n")
    [(_, draft)] = parsed.drafts
    assert (draft.first_name, draft.last_name, draft.email) == ("Ann", "Smith", "ann@example.com")
    assert draft.primary_role is Specialisation.TECHNICAL_PM


def test_column_key_treats_spaces_and_hyphens_as_underscores() -> None:
    assert column_key("  Favourite-Pet Name ") == "favourite_pet_name"
    # ...and a header that names one of our columns in other words maps to it.
    assert column_key("  Years-Of Experience ") == "years_experience"


def test_unknown_columns_are_ignored_with_a_warning() -> None:
    parsed = parse_csv(f"{HEADER},Favourite Colour\nAnn,Smith,ann@example.com,blue\n")
    assert parsed.warnings == ("ignored unknown column 'Favourite Colour'",)
    assert len(parsed.drafts) == 1


def test_export_only_columns_are_ignored_silently() -> None:
    parsed = parse_csv(f"id,{HEADER},level\n17,Ann,Smith,ann@example.com,senior\n")
    assert parsed.warnings == ()
    assert len(parsed.drafts) == 1


def test_missing_required_columns_are_named() -> None:
    with pytest.raises(WorkbenchError, match="last_name, email"):
        map_columns(("first_name", "phone"))


def test_a_column_given_twice_is_refused() -> None:
    with pytest.raises(WorkbenchError, match="'email' appears more than once"):
        map_columns(("first_name", "last_name", "email", " Email "))


def test_blank_rows_are_skipped_and_row_numbers_match_the_sheet() -> None:
    parsed = parse_csv(f"{HEADER}\nAnn,Smith,ann@example.com\n,,\n  , ,\nBob,Jones,not-an-email\n")
    assert [row for row, _ in parsed.drafts] == [2]
    assert [r.row for r in parsed.rejected] == [5]


def test_a_quoted_multiline_field_is_one_row() -> None:
    parsed = parse_csv(
        f'{HEADER},summary\nAnn,Smith,ann@example.com,"Line one\nLine two"\nBob,Jones,bad\n'
    )
    [(_, draft)] = parsed.drafts
    assert draft.summary == "Line one\nLine two"
    assert parsed.rejected[0].row == 3


def test_bad_email_gives_the_field_and_the_reason() -> None:
    parsed = parse_csv(f"{HEADER}\nAnn,Smith,ann@@example\n")
    [rejected] = parsed.rejected
    assert rejected.row == 2
    assert rejected.reason.startswith("email: ")
    assert rejected.message.startswith("row 2: email: ")


def test_several_bad_fields_are_joined_with_semicolons() -> None:
    parsed = parse_csv(f"{HEADER},years_experience,available_from\n,Smith,x,many,01/03/2025\n")
    [rejected] = parsed.rejected
    fields = [part.split(":")[0] for part in rejected.reason.split("; ")]
    assert fields == ["first_name", "email", "years_experience", "available_from"]


def test_duplicate_email_in_the_same_file_names_the_first_row() -> None:
    parsed = parse_csv(f"{HEADER}\nAnn,Smith,ann@example.com\nAnnie,Smith,ANN@Example.com\n")
    assert parsed.rejected == (RejectedRow(3, "duplicate of row 2 (same email)"),)


def test_roles_by_name_slug_and_list() -> None:
    parsed = parse_csv(
        f"{HEADER},primary_role,other_roles\n"
        "Ann,Smith,ann@example.com,Agile Project Manager,scrum-master; Program Manager;\n"
        "Bob,Jones,bob@example.com,cybersecurity-pm,\n"
    )
    (_, ann), (_, bob) = parsed.drafts
    assert ann.primary_role is Specialisation.AGILE_PM
    assert ann.other_roles == (Specialisation.SCRUM_MASTER, Specialisation.PROGRAM_MANAGER)
    assert bob.primary_role is Specialisation.CYBERSECURITY_PM
    assert bob.other_roles == ()


def test_unknown_role_rejects_the_row() -> None:
    parsed = parse_csv(f"{HEADER},primary_role\nAnn,Smith,ann@example.com,Astronaut\n")
    [rejected] = parsed.rejected
    assert rejected.reason.startswith("primary_role: unknown role 'Astronaut'")


def test_skills_are_split_on_semicolons() -> None:
    parsed = parse_csv(f"{HEADER},skills\nAnn,Smith,ann@example.com,jira; Scrum ;;AWS\n")
    [(_, draft)] = parsed.drafts
    assert draft.skills == ("Jira", "Scrum", "AWS")


def test_source_names_the_file() -> None:
    parsed = parse_csv(f"{HEADER}\nAnn,Smith,ann@example.com\n")
    assert parsed.drafts[0][1].source == "import: test.csv"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("7", 7.0), ("7.5", 7.5), ("7,5", 7.5), (" 12 ", 12.0), (7, 7.0), (7.5, 7.5), ("", None)],
)
def test_years_formats(cell: str | float, expected: float | None) -> None:
    assert parse_years(cell) == expected


@pytest.mark.parametrize("cell", ["seven", "7 years", "1_0", "nan", True])
def test_years_that_are_not_numbers(cell: str | bool) -> None:
    with pytest.raises(ValueError):
        parse_years(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("95000", 95_000),
        ("95,000", 95_000),
        ("95 000", 95_000),
        ("95\u00a0000", 95_000),
        ("1,250,000", 1_250_000),
        (95_000, 95_000),
        (95_000.0, 95_000),
        (None, None),
    ],
)
def test_salary_formats(cell: str | float | None, expected: int | None) -> None:
    assert parse_salary(cell) == expected


@pytest.mark.parametrize("cell", ["95k", "95,00", "95.5", 95_000.5, "$95000"])
def test_salaries_that_are_not_whole_numbers(cell: str | float) -> None:
    with pytest.raises(ValueError):
        parse_salary(cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-03-01", date(2025, 3, 1)),
        (date(2025, 3, 1), date(2025, 3, 1)),
        (datetime(2025, 3, 1, 0, 0), date(2025, 3, 1)),
        ("  ", None),
    ],
)
def test_date_formats(cell: str | date, expected: date | None) -> None:
    assert parse_date(cell) == expected


@pytest.mark.parametrize("cell", ["01/03/2025", "2025-3-1", "20250301", "2025-02-30", 45717])
def test_dates_that_are_not_yyyy_mm_dd(cell: str | int) -> None:
    with pytest.raises(ValueError):
        parse_date(cell)


def test_spreadsheet_cells_that_are_numbers_and_dates() -> None:
    table = Table(
        header=("first_name", "last_name", "email", "phone", "years_experience", "available_from"),
        rows=(
            SheetRow(
                2,
                ("Ann", "Smith", "ann@example.com", "+44 20 7946 0958", 4, datetime(2025, 1, 6)),
            ),
        ),
    )
    [(_, draft)] = parse_rows(table).drafts
    assert draft.years_experience == 4.0
    assert draft.available_from == date(2025, 1, 6)
    assert draft.phone == "+442079460958"


def test_a_short_row_reads_missing_cells_as_blank() -> None:
    table = Table(
        header=("first_name", "last_name", "email", "city"), rows=(SheetRow(2, ("Ann",)),)
    )
    [rejected] = parse_rows(table).rejected
    assert rejected.reason.startswith("last_name: last name is required; email: ")


def test_headers_agencies_use_map_to_our_columns() -> None:
    from workbench.services.spreadsheet import column_key

    assert [
        column_key(h)
        for h in ("E-mail", "Surname", "First Name", "Mobile", "Years of experience", "LinkedIn")
    ] == ["email", "last_name", "first_name", "phone", "years_experience", "linkedin_url"]
