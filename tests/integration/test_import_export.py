"""Importing spreadsheets into a real SQLite file and exporting candidates back out."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from workbench.domain.candidate import CandidateDraft
from workbench.domain.errors import WorkbenchError
from workbench.domain.roles import Specialisation
from workbench.domain.search import SearchCriteria, SortKey
from workbench.services import exporting, importing, parallel
from workbench.services.candidates import (
    add_candidate,
    delete_candidates,
    find_candidate,
    get_candidate,
)
from workbench.services.exporting import candidate_to_dict, export_candidates
from workbench.services.importing import ImportReport, RejectedRow, import_file
from workbench.services.progress import Cancelled, ProgressReporter
from workbench.services.search import count_candidates
from workbench.services.spreadsheet import CANDIDATE_COLUMNS
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database

HEADER = "first_name,last_name,email"

NON_LATIN = [
    ("王", "芳", "wang.fang@example.cn"),
    ("Дмитрий", "Иванов", "dmitry@example.ru"),
    ("Nguyễn Thị", "Hương", "huong@example.vn"),
    ("Łukasz", "Żółć", "lukasz@example.pl"),
]


def write_csv(path: Path, rows: list[dict[str, Any]], *, bom: bool = True) -> Path:
    """Write rows (dicts keyed by column) as a CSV file the way Excel saves CSV UTF-8."""
    columns = list(dict.fromkeys(key for row in rows for key in row)) or list(CANDIDATE_COLUMNS)
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def person(index: int, **fields: Any) -> dict[str, Any]:
    """Return a valid spreadsheet row for a numbered person, with fields overridden."""
    return {
        "first_name": f"Ann{index}",
        "last_name": "Smith",
        "email": f"ann{index}@example.com",
        **fields,
    }


def exported_fields(database: Database, folder: Path) -> list[dict[str, Any]]:
    """Return every live candidate as the JSON export writes it, without the id."""
    path = folder / "fields.json"
    export_candidates(database, path)
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [{key: value for key, value in row.items() if key != "id"} for row in rows]


def full_draft(index: int, **fields: Any) -> CandidateDraft:
    """Return a draft with every exported field filled in."""
    values: dict[str, Any] = {
        "first_name": f"Ann{index}",
        "last_name": "Smith",
        "email": f"ann{index}@example.com",
        "phone": "+44 20 7946 0958",
        "city": "London",
        "country": "United Kingdom",
        "linkedin_url": f"linkedin.com/in/ann-{index}",
        "primary_role": Specialisation.TECHNICAL_PM,
        "other_roles": (Specialisation.SCRUM_MASTER, Specialisation.AGILE_PM),
        "years_experience": 7.5,
        "salary_expectation": 125_000,
        "currency": "GBP",
        "available_from": date(2025, 3, 1),
        "skills": ("Jira", "AWS", "Stakeholder wrangling"),
        "summary": "Led a <b>platform</b> migration & more.\nSecond line.",
    }
    values.update(fields)
    return CandidateDraft(**values)


# --- importing ---------------------------------------------------------------------------


def test_imports_every_field(database: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "people.csv",
        [
            person(
                1,
                phone="020 7946 0958",
                city="London",
                country="UK",
                primary_role="Technical Project Manager",
                other_roles="scrum-master; Agile PM",
                years_experience="7,5",
                salary_expectation="95,000",
                currency="gbp",
                available_from="2025-03-01",
                skills="jira; AWS",
                summary="Ships things.",
                linkedin_url="linkedin.com/in/ann-smith",
            )
        ],
    )
    report = import_file(database, path)
    assert report == ImportReport(imported=1, rejected=(), warnings=(), dry_run=False)
    assert report.summary == "imported 1, rejected 0"
    draft = find_candidate(database, "ann1@example.com").draft
    assert draft.phone == "+442079460958"
    assert draft.country == "United Kingdom"
    assert draft.primary_role is Specialisation.TECHNICAL_PM
    assert draft.other_roles == (Specialisation.AGILE_PM, Specialisation.SCRUM_MASTER)
    assert (draft.years_experience, draft.salary_expectation, draft.currency) == (
        7.5,
        95_000,
        "GBP",
    )
    assert draft.available_from == date(2025, 3, 1)
    assert draft.skills == ("Jira", "AWS")
    assert draft.linkedin_url == "https://www.linkedin.com/in/ann-smith"
    assert draft.source == "import: people.csv"


def test_bad_rows_are_rejected_and_good_ones_stored(database: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "people.csv",
        [
            person(1),
            person(2, email="not an email"),
            person(3, first_name=""),
            person(4, last_name="  "),
            person(5),
        ],
    )
    report = import_file(database, path)
    assert report.imported == 2
    assert [r.row for r in report.rejected] == [3, 4, 5]
    assert report.rejected[0].reason.startswith("email: ")
    assert report.rejected[1].reason == "first_name: first name is required"
    assert report.rejected[2].reason == "last_name: last name is required"
    assert count_candidates(database) == 2


def test_missing_required_column_stores_nothing(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("first_name,phone\nAnn,+44 20 7946 0958\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="last_name, email"):
        import_file(database, path)
    assert count_candidates(database) == 0


def test_duplicates_in_the_file_and_in_the_store(database: Database, tmp_path: Path) -> None:
    stored = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com"))
    path = write_csv(
        tmp_path / "people.csv",
        [
            person(1, email="bob@example.com"),
            person(2, email="ANN@example.com"),
            person(3, email="Bob@Example.com"),
        ],
    )
    report = import_file(database, path)
    assert report.imported == 1
    assert report.rejected == (
        RejectedRow(3, f"email ANN@example.com already belongs to Ann Smith (#{stored.id})"),
        RejectedRow(4, "duplicate of row 2 (same email)"),
    )
    assert [str(r) for r in report.rejected][1] == "row 4: duplicate of row 2 (same email)"


def test_non_latin_names_are_stored_exactly(database: Database, tmp_path: Path) -> None:
    rows = [{"first_name": f, "last_name": s, "email": e} for f, s, e in NON_LATIN]
    report = import_file(database, write_csv(tmp_path / "people.csv", rows, bom=False))
    assert report.imported == len(NON_LATIN)
    for first, last, email in NON_LATIN:
        draft = find_candidate(database, email).draft
        assert (draft.first_name, draft.last_name) == (first, last)


def test_markup_and_long_text_are_stored_literally(database: Database, tmp_path: Path) -> None:
    long_summary = ("Delivered 40 releases. " * 500)[:10_000].strip()
    path = write_csv(
        tmp_path / "people.csv",
        [
            person(1, first_name="<b>Ann</b> & Co", summary="<script>alert(1)</script> &amp;"),
            person(2, summary=long_summary),
        ],
    )
    assert import_file(database, path).imported == 2
    first = find_candidate(database, "ann1@example.com").draft
    assert first.first_name == "<b>Ann</b> & Co"
    assert first.summary == "<script>alert(1)</script> &amp;"
    assert find_candidate(database, "ann2@example.com").draft.summary == long_summary


def test_multiline_summary_in_quotes(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        f'{HEADER},summary\nAnn,Smith,ann@example.com,"First line\n\nThird, with a comma"\n'
        "Bob,Jones,bob@example.com,\n",
        encoding="utf-8",
    )
    assert import_file(database, path).imported == 2
    summary = find_candidate(database, "ann@example.com").draft.summary
    assert summary == "First line\n\nThird, with a comma"


def test_imports_xlsx_with_typed_cells(database: Database, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Email", "First Name", "Last Name", "Years Experience", "Salary Expectation",
                  "Available From", "Primary Role", "Notes"])  # fmt: skip
    sheet.append(["ann@example.com", "Ann", "Smith", 7, 95000, datetime(2025, 3, 1), "TPM", "x"])
    sheet.append([None, None, None, None, None, None, None, None])
    sheet.append(["bob@example.com", "Bob", "Jones", 2.5, 70000.0, date(2025, 4, 1), None, None])
    sheet.append(["bad", "Cy", "Young", "many", None, "01/05/2025", None, None])
    path = tmp_path / "people.xlsx"
    workbook.save(path)

    report = import_file(database, path)
    assert report.imported == 2
    assert report.warnings == ("ignored unknown column 'Notes'",)
    assert [r.row for r in report.rejected] == [5]
    assert report.rejected[0].reason.startswith("email: ")
    assert "years_experience: " in report.rejected[0].reason
    assert "available_from: " in report.rejected[0].reason
    ann = find_candidate(database, "ann@example.com").draft
    assert (ann.years_experience, ann.salary_expectation) == (7.0, 95_000)
    assert ann.available_from == date(2025, 3, 1)
    assert ann.primary_role is Specialisation.TECHNICAL_PM
    bob = find_candidate(database, "bob@example.com").draft
    assert (bob.years_experience, bob.salary_expectation) == (2.5, 70_000)
    assert bob.available_from == date(2025, 4, 1)


def test_dry_run_checks_everything_and_writes_nothing(database: Database, tmp_path: Path) -> None:
    stored = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com"))
    path = write_csv(
        tmp_path / "people.csv",
        [person(1, email="ann@example.com"), person(2), person(3, email="x"), person(4)],
    )
    report = import_file(database, path, dry_run=True)
    assert report.dry_run
    assert report.summary == "would import 2, rejected 2"
    assert report.rejected[0].reason.endswith(f"already belongs to Ann Smith (#{stored.id})")
    assert count_candidates(database) == 1


def test_cancelling_after_a_batch_stores_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[int] = []
    real_insert_many = importing.insert_many

    def counting_insert_many(session: Any, drafts: Any, now: datetime) -> list[int]:
        batches.append(len(drafts))
        return real_insert_many(session, drafts, now)

    monkeypatch.setattr(importing, "insert_many", counting_insert_many)
    # Keep the row checks in this process so the test stays fast; the store part is the point.
    monkeypatch.setattr(importing, "PARALLEL_FROM_ROWS", 10**9)
    path = write_csv(tmp_path / "people.csv", [person(i) for i in range(1_500)])
    reports: list[tuple[int, int]] = []
    reporter = ProgressReporter(
        progress=lambda done, total: reports.append((done, total)),
        is_cancelled=lambda: len(batches) >= 1,
    )
    with pytest.raises(Cancelled):
        import_file(database, path, reporter=reporter)
    assert batches == [1_000]
    assert reports[-1] == (1_000, 1_500)
    assert count_candidates(database) == 0


def test_progress_reaches_the_end(database: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", [person(i) for i in range(1_200)])
    reports: list[tuple[int, int]] = []
    report = import_file(
        database, path, reporter=ProgressReporter(progress=lambda d, t: reports.append((d, t)))
    )
    assert report.imported == 1_200
    assert reports[-1] == (1_200, 1_200)
    assert (1_000, 1_200) in reports


def test_rows_checked_in_worker_processes_give_the_same_result(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [person(i) for i in range(30)]
    rows[7]["email"] = "broken"
    rows[20]["email"] = rows[3]["email"]
    path = write_csv(tmp_path / "people.csv", rows)
    in_process = import_file(database, path, dry_run=True)
    monkeypatch.setattr(importing, "PARALLEL_FROM_ROWS", 2)
    monkeypatch.setattr(importing, "CHECK_CHUNK", 4)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    in_workers = import_file(database, path, dry_run=True)
    assert in_workers == in_process
    assert [r.row for r in in_workers.rejected] == [9, 22]


def test_refuses_other_file_types(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "people.txt"
    path.write_text(f"{HEADER}\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match=r"only \.csv and \.xlsx"):
        import_file(database, path)


# --- exporting ---------------------------------------------------------------------------


def test_csv_export_then_import_gives_the_same_candidates(
    database: Database, tmp_path: Path
) -> None:
    add_candidate(database, full_draft(1))
    add_candidate(database, CandidateDraft("Bare", "Minimum", "bare@example.com"))
    add_candidate(database, full_draft(2, years_experience=2.0, skills=(), other_roles=()))
    for index, (first, last, email) in enumerate(NON_LATIN, start=3):
        add_candidate(database, full_draft(index, first_name=first, last_name=last, email=email))
    add_candidate(
        database,
        full_draft(
            9,
            first_name="<b>Ann</b> & Co",
            summary='He said "ship it"; then, <i>shipped</i>.\n' + "x" * 10_000,
        ),
    )
    path = tmp_path / "export.csv"
    assert export_candidates(database, path) == 8
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    target = open_database(tmp_path / "copy.sqlite3")
    try:
        report = import_file(target, path)
        assert (report.imported, report.rejected, report.warnings) == (8, (), ())
        assert exported_fields(target, tmp_path) == exported_fields(database, tmp_path)
    finally:
        target.close()


def test_json_export_content(database: Database, tmp_path: Path) -> None:
    first = add_candidate(database, full_draft(1))
    second = add_candidate(
        database, CandidateDraft("Łukasz", "Żółć", "lukasz@example.pl", years_experience=1)
    )
    gone = add_candidate(database, CandidateDraft("Gone", "Away", "gone@example.com"))
    delete_candidates(database, [gone.id])
    path = tmp_path / "export.json"

    assert export_candidates(database, path) == 2
    text = path.read_text(encoding="utf-8")
    assert "Łukasz" in text
    data = json.loads(text)
    assert data == [
        {
            **candidate_to_dict(get_candidate(database, c.id)),
            "certifications": [],
            "stage": "Sourced",
        }
        for c in (first, second)
    ]
    assert data[0]["other_roles"] == ["agile-pm", "scrum-master"]
    assert data[0]["skills"] == ["Jira", "AWS", "Stakeholder wrangling"]
    assert data[0]["primary_role"] == "technical-pm"
    assert data[0]["level"] == "senior"
    assert data[0]["available_from"] == "2025-03-01"
    assert data[1]["level"] == "junior"
    assert data[1]["primary_role"] is None
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_export_of_nothing_is_an_empty_list(database: Database, tmp_path: Path) -> None:
    assert export_candidates(database, tmp_path / "none.json") == 0
    assert json.loads((tmp_path / "none.json").read_text(encoding="utf-8")) == []


def test_export_follows_the_criteria(database: Database, tmp_path: Path) -> None:
    for first in ("Cara", "Abe", "Bea"):
        add_candidate(database, CandidateDraft(first, "Smith", f"{first}@example.com"))
    path = tmp_path / "export.json"
    criteria = SearchCriteria(sort=SortKey.NAME)
    assert export_candidates(database, path, criteria=criteria) == 3
    names = [row["first_name"] for row in json.loads(path.read_text(encoding="utf-8"))]
    assert names == ["Abe", "Bea", "Cara"]


def test_csv_export_columns(database: Database, tmp_path: Path) -> None:
    candidate = add_candidate(database, full_draft(1))
    path = tmp_path / "export.csv"
    export_candidates(database, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["id"] == str(candidate.id)
    assert row["other_roles"] == "agile-pm; scrum-master"
    assert row["skills"] == "Jira; AWS; Stakeholder wrangling"
    assert row["years_experience"] == "7.5"
    assert row["level"] == "senior"
    assert row["summary"] == "Led a <b>platform</b> migration & more.\nSecond line."


def test_refuses_other_export_types(database: Database, tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match=r"only to \.csv or \.json"):
        export_candidates(database, tmp_path / "export.xlsx")


def test_failed_export_leaves_no_file(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for index in range(1, 6):
        add_candidate(database, full_draft(index))
    path = tmp_path / "export.csv"
    real_cell = exporting._csv_cell
    written: list[str] = []

    def failing_cell(column: str, value: Any) -> str:
        written.append(column)
        if len(written) > 40:
            raise OSError(28, "No space left on device")
        return real_cell(column, value)

    monkeypatch.setattr(exporting, "_csv_cell", failing_cell)
    with pytest.raises(WorkbenchError, match="No space left on device"):
        export_candidates(database, path)
    assert not path.exists()
    assert not [p.name for p in tmp_path.iterdir() if "export" in p.name]


def test_failed_export_keeps_the_previous_file(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_candidate(database, full_draft(1))
    path = tmp_path / "export.json"
    path.write_text("previous export", encoding="utf-8")

    def crash(*_arguments: Any) -> Any:
        raise RuntimeError("power cut")

    monkeypatch.setattr(exporting, "_row_to_dict", crash)
    with pytest.raises(RuntimeError, match="power cut"):
        export_candidates(database, path)
    assert path.read_text(encoding="utf-8") == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if "export" in p.name) == ["export.json"]


def test_a_cancelled_export_leaves_no_file(database: Database, tmp_path: Path) -> None:
    from workbench.services.demo import add_demo_candidates
    from workbench.services.progress import Cancelled, ProgressReporter

    add_demo_candidates(database, 1_200, seed=3)
    target = tmp_path / "all.csv"
    calls: list[int] = []

    def stop_on_second(done: int, total: int) -> None:
        calls.append(done)

    reporter = ProgressReporter(progress=stop_on_second, is_cancelled=lambda: len(calls) >= 2)
    with pytest.raises(Cancelled):
        exporting.export_candidates(database, target, reporter=reporter)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "all.csv" in p.name] == []  # no .part left


def test_formula_like_text_is_exported_inert_and_imported_as_typed(
    database: Database, tmp_path: Path
) -> None:
    add_candidate(
        database,
        CandidateDraft(
            '=HYPERLINK("http://x")',
            "@Lee",
            "formula@example.com",
            phone="+44 20 7946 0958",
            summary="-5% churn",
        ),
    )
    target = tmp_path / "out.csv"
    exporting.export_candidates(database, target)
    text = target.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@Lee" in text and "'+442079460958" in text
    assert "'-5% churn" in text
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        assert import_file(fresh, target).imported == 1
        draft = find_candidate(fresh, "formula@example.com").draft
        assert (draft.first_name, draft.last_name, draft.phone, draft.summary) == (
            '=HYPERLINK("http://x")',
            "@Lee",
            "+442079460958",
            "-5% churn",
        )
    finally:
        fresh.close()
