"""Properties: any spreadsheet text becomes a candidate or a reason to reject it, never a crash."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from workbench.domain.candidate import validate_candidate
from workbench.services.import_rows import parse_rows, row_outcome
from workbench.services.importing import import_file
from workbench.services.search import count_candidates
from workbench.services.spreadsheet import (
    CANDIDATE_COLUMNS,
    REQUIRED_COLUMNS,
    Cell,
    SheetRow,
    Table,
    is_blank,
    parse_csv_text,
    read_table,
)
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database

COLUMNS = {name: index for index, name in enumerate(CANDIDATE_COLUMNS)}
# A reason names its field first ("email: ..."), so a consultant knows which cell to fix.
REASON_PART = re.compile(r"[a-z_]+(?:\[\d+\])?: \S")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SINGLE_LINE_FIELDS = ("first_name", "last_name", "email", "phone", "city", "country", "currency")

# Text as spreadsheets hold it: anything at all, plus the shapes agencies' files really have.
ANY_TEXT = st.text(max_size=40)
CONTROL_TEXT = st.text(
    alphabet=st.sampled_from([*map(chr, range(0x20)), "\x7f", "\x85", "\u2028", "a", " "]),
    max_size=12,
)
FORMULA = st.sampled_from(
    ["=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)", '\'=HYPERLINK("x")', "=1/0", "'\t"]
)
NUMBER_TEXT = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["7,5", "95 000", "95\u00a0000", "1,250,000", "1e308", "0x10", "١٢", "½"]),
)
ODD_DATE = st.one_of(
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(date.isoformat),
    st.sampled_from(
        ["2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31", "2025-3-1", "20250301"]
    ),
)
LONG_TEXT = st.builds(
    lambda piece, times: piece * times, st.text(min_size=1, max_size=3), st.integers(100, 5_000)
)
EMAIL = st.builds(
    "{}{}@example.com".format, st.sampled_from(["ann", "bob", "zoë"]), st.integers(0, 30)
)
TEXT_CELL = st.one_of(ANY_TEXT, CONTROL_TEXT, FORMULA, NUMBER_TEXT, ODD_DATE, LONG_TEXT, EMAIL)
# What openpyxl hands back besides text: numbers, booleans, dates and times, empty cells.
TYPED_CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
CELL = st.one_of(TEXT_CELL, TYPED_CELL)
# A value each column accepts: without them nearly every arbitrary row fails on the phone or
# the role, and the accepted path (cleaning, storing) would go untested.
PLAUSIBLE: dict[str, st.SearchStrategy[Cell]] = {
    "first_name": st.one_of(st.sampled_from(["Ann", "Łukasz", "王"]), st.text(min_size=1)),
    "last_name": st.one_of(st.sampled_from(["Smith", "Żółć", "O'Neil"]), st.text(min_size=1)),
    "email": EMAIL,
    "phone": st.sampled_from(["+44 20 7946 0958", "020 7946 0958", "+1 (202) 555-0143"]),
    "city": ANY_TEXT,
    "country": st.sampled_from(["UK", "United Kingdom", "gb", "Atlantis", "россия"]),
    "primary_role": st.sampled_from(["Scrum Master", "tpm", "agile-pm"]),
    "other_roles": st.sampled_from(["scrum-master; Program Manager;", "Agile PM"]),
    "years_experience": st.sampled_from(["7,5", "0", "60", "3.04", 12, 2.96]),
    "salary_expectation": st.sampled_from(["95,000", "95 000", 120_000, 0]),
    "currency": st.sampled_from(["gbp", "USD", " eur "]),
    "available_from": st.one_of(st.dates().map(date.isoformat), st.dates()),
    "skills": st.lists(ANY_TEXT, max_size=5).map("; ".join),
    "summary": st.one_of(ANY_TEXT, LONG_TEXT),
    "linkedin_url": st.sampled_from(["linkedin.com/in/ann", "https://uk.linkedin.com/in/x/"]),
}


@st.composite
def nearly_plausible_rows(draw: st.DrawFn) -> tuple[Cell, ...]:
    """Return a row of plausible or empty cells with up to two cells of anything at all."""
    cells: list[Cell] = [
        draw(
            PLAUSIBLE[name] if name in REQUIRED_COLUMNS else st.one_of(st.just(""), PLAUSIBLE[name])
        )
        for name in CANDIDATE_COLUMNS
    ]
    for index in draw(st.lists(st.integers(0, len(cells) - 1), max_size=2)):
        cells[index] = draw(CELL)
    return tuple(cells)


ROW_CELLS = st.one_of(
    # Rows shorter or longer than the header happen in hand-edited files.
    st.lists(CELL, min_size=0, max_size=len(CANDIDATE_COLUMNS) + 2).map(tuple),
    nearly_plausible_rows(),
)


def assert_human_reason(reason: str) -> None:
    """Check a rejection reads as 'field: problem; field: problem'."""
    assert isinstance(reason, str)
    assert reason.strip()
    for part in reason.split("; "):
        if part.startswith("duplicate of row"):
            continue
        assert REASON_PART.match(part), part


@given(ROW_CELLS)
@example(("\x00", "\x00", "\x00"))
@example(("=cmd|' /C calc'!A0", "Smith", "ann@example.com", "=1+1"))
@example(("Ann", "Smith", "ann@example.com", None, None, None, None, None, float("nan")))
@example(("Ann", "Smith", "ann@example.com", "", "", "", "", "", "", 10**20))
@example(("Ann", "Smith", "ann@example.com", *[""] * 8, time(12, 0)))
def test_a_row_becomes_a_draft_or_a_reason(cells: tuple[Cell, ...]) -> None:
    outcome = row_outcome(SheetRow(2, cells), COLUMNS, "import: test.csv")
    if all(is_blank(cell) for cell in cells):
        assert outcome is None
        return
    assert outcome is not None
    assert outcome.row == 2
    if outcome.draft is None:
        event("rejected")
        assert_human_reason(outcome.reason)
        return
    event("accepted")
    assert outcome.reason == ""
    draft = outcome.draft
    # What is stored is already clean: validating it again changes nothing.
    assert validate_candidate(draft) == draft
    for name in SINGLE_LINE_FIELDS:
        value = getattr(draft, name)
        assert not CONTROL.search(value), name
        assert "\n" not in value and "\r" not in value, name
    assert draft.first_name and draft.last_name and "@" in draft.email


@given(st.lists(ROW_CELLS, max_size=8))
def test_every_row_of_a_table_is_stored_or_rejected(rows: list[tuple[Cell, ...]]) -> None:
    table = Table(
        header=CANDIDATE_COLUMNS,
        rows=tuple(SheetRow(number, cells) for number, cells in enumerate(rows, start=2)),
    )
    parsed = parse_rows(table, source="import: test.csv")
    filled = [row.number for row in table.rows if not all(is_blank(c) for c in row.cells)]
    accounted = [row for row, _ in parsed.drafts] + [r.row for r in parsed.rejected]
    assert sorted(accounted) == filled
    for rejected in parsed.rejected:
        assert_human_reason(rejected.reason)
        assert rejected.message.startswith(f"row {rejected.row}: ")


CSV_HEADER = ["first_name", "last_name", "email", "phone", "years_experience", "summary"]
# A CSV holds only text: each cell is something the column accepts, or anything at all.
CSV_ROWS = st.lists(
    st.tuples(*(st.one_of(PLAUSIBLE[name].map(str), TEXT_CELL) for name in CSV_HEADER)).map(list),
    max_size=6,
)


@given(CSV_ROWS)
@example([["a\x00b", "\r", '"', "", "", ""]])
@example([["\ufeffAnn", "Smith", "ann@example.com", "", "", ""]])
def test_csv_text_reads_back_cell_for_cell(rows: list[list[str]]) -> None:
    path_text = _csv_text([CSV_HEADER, *rows])
    table = parse_csv_text(path_text, source="test.csv")
    assert table.header == tuple(CSV_HEADER)
    assert [list(row.cells) for row in table.rows] == rows
    parse_rows(table)


def _csv_text(records: list[list[str]]) -> str:
    """Return records as CSV text, quoted the way spreadsheets save it."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(records)
    return buffer.getvalue()


# One database for all examples: opening and migrating a file takes most of a second, and
# earlier examples' candidates make later rows collide with stored emails, which must count.
_DATABASE_FOLDER = tempfile.TemporaryDirectory(prefix="wb-import-properties-")


@cache
def _database() -> Database:
    """Return the shared database, opened on first use."""
    return open_database(Path(_DATABASE_FOLDER.name) / "wb.sqlite3")


def _assert_import_accounts_for_every_row(path: Path) -> None:
    """Import a file and check every filled row was stored or rejected, and the file is sound."""
    database = _database()
    filled = sum(
        1 for row in read_table(path).rows if not all(is_blank(cell) for cell in row.cells)
    )
    before = count_candidates(database)
    report = import_file(database, path)
    assert report.imported + len(report.rejected) == filled
    assert count_candidates(database) == before + report.imported
    for rejected in report.rejected:
        assert rejected.reason.strip()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@settings(max_examples=25, deadline=None)
@given(CSV_ROWS)
@example([["Ann", "Smith", "ann0@example.com", "", "", ""], ["Ann", "Smith", "ANN0@example.com"]])
@example([["\x00", "=cmd", "zoë1@example.com", "\r", "7,5", "\x00"]])
def test_a_csv_import_stores_or_rejects_every_row(rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        path.write_text(_csv_text([CSV_HEADER, *rows]), encoding="utf-8-sig")
        _assert_import_accounts_for_every_row(path)


# openpyxl refuses to write these characters into a cell; a real .xlsx cannot hold them.
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


XLSX_HEADER = ["first_name", "last_name", "email", "years_experience", "available_from"]
# Typed cells as well as text: numbers, dates and booleans, each column plausible or anything.
XLSX_ROWS = st.lists(
    st.tuples(*(st.one_of(PLAUSIBLE[name], CELL) for name in XLSX_HEADER)).map(list),
    max_size=5,
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(XLSX_ROWS)
def test_an_xlsx_import_stores_or_rejects_every_row(rows: list[list[Cell]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(XLSX_HEADER)
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.xlsx"
        workbook.save(path)
        _assert_import_accounts_for_every_row(path)


def _xlsx_cell(cell: Cell) -> Cell:
    """Return a cell openpyxl can store: no illegal characters, numbers Excel can hold."""
    if isinstance(cell, str):
        return _XLSX_ILLEGAL.sub("", cell)
    if isinstance(cell, int) and not isinstance(cell, bool) and abs(cell) > 2**53:
        return str(cell)
    if isinstance(cell, datetime) and cell.year < 1900:
        return cell.isoformat()
    if isinstance(cell, date) and not isinstance(cell, datetime) and cell.year < 1900:
        return cell.isoformat()
    return cell
