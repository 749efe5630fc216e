"""The command line, run in-process and as a real process, against database files."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli_runs import assert_one_error_line
from workbench import app, cli
from workbench.domain.candidate import CandidateDraft
from workbench.domain.roles import Specialisation
from workbench.domain.search import Visibility
from workbench.services.candidates import add_candidate
from workbench.services.search import count_candidates
from workbench.store.bootstrap import open_database

REPO = Path(__file__).parents[2]
ROW_KEYS = {
    "id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "primary_role",
    "level",
    "years_experience",
}


def store(db_path: Path, *drafts: CandidateDraft) -> list[int]:
    """Add candidates to the database file directly; return their ids."""
    database = open_database(db_path)
    try:
        return [add_candidate(database, draft).id for draft in drafts]
    finally:
        database.close()


def count(db_path: Path, visibility: Visibility = Visibility.ACTIVE) -> int:
    """Return how many candidates the database file holds."""
    database = open_database(db_path)
    try:
        return count_candidates(database, visibility)
    finally:
        database.close()


def write_csv(path: Path, text: str) -> Path:
    """Write CSV text to path."""
    path.write_text(text, encoding="utf-8")
    return path


THREE_ROWS = (
    "first_name,last_name,email,primary_role\n"
    "Ann,Lee,ann@example.com,Scrum Master\n"
    "Bob,Ray,not-an-email,Program Manager\n"
    "Cat,Sun,cat@example.com,tpm\n"
)


# --- demo and search -------------------------------------------------------------------------


def test_demo_adds_the_asked_number_of_candidates(workbench: Any, db_path: Path) -> None:
    run = workbench("demo", "--candidates", "30", "--seed", "1")
    assert (run.code, run.out, run.err) == (0, "added 30 sample candidates\n", "")
    assert count(db_path) == 30


def test_demo_refuses_zero_candidates(workbench: Any, db_path: Path) -> None:
    assert "from 1 to" in assert_one_error_line(workbench("demo", "--candidates", "0"))


def test_search_json_lists_rows_with_their_main_fields(workbench: Any) -> None:
    workbench("demo", "--candidates", "30", "--seed", "1")
    rows = workbench("search", "--json", "--limit", "50").json
    assert isinstance(rows, list)
    assert len(rows) == 30
    assert all(set(row) >= ROW_KEYS for row in rows)
    assert len({row["id"] for row in rows}) == 30
    assert all("@" in row["email"] for row in rows)
    assert {row["level"] for row in rows} <= {"junior", "mid", "senior", None}
    assert {row["primary_role"] for row in rows} <= {r.value for r in Specialisation} | {None}
    assert len(workbench("search", "--json").json) == 20  # the default limit


def test_search_with_text_role_level_and_limit(workbench: Any, db_path: Path) -> None:
    seniors = store(
        db_path,
        *(
            CandidateDraft(
                f"Sam{i}", "Lee", f"sam{i}@example.com", summary="fintech delivery",
                primary_role=Specialisation.SCRUM_MASTER, years_experience=8 + i,
            )
            for i in range(6)
        ),
        CandidateDraft(
            "Ann", "Secondary", "ann@example.com", summary="fintech",
            primary_role=Specialisation.AGILE_PM, other_roles=(Specialisation.SCRUM_MASTER,),
            years_experience=9,
        ),
    )  # fmt: skip
    store(
        db_path,
        CandidateDraft(
            "Jun", "Ior", "jun@example.com", summary="fintech",
            primary_role=Specialisation.SCRUM_MASTER, years_experience=1,
        ),
        CandidateDraft(
            "Oth", "Er", "oth@example.com", summary="fintech",
            primary_role=Specialisation.TECHNICAL_PM, years_experience=10,
        ),
        CandidateDraft(
            "No", "Match", "nomatch@example.com", summary="retail",
            primary_role=Specialisation.SCRUM_MASTER, years_experience=10,
        ),
    )  # fmt: skip
    args = ("search", "fintech", "--role", "scrum-master", "--level", "senior")
    rows = workbench(*args, "--limit", "5", "--json").json
    assert len(rows) == 5
    assert {row["id"] for row in rows} <= set(seniors)
    assert {row["level"] for row in rows} == {"senior"}
    every = workbench(*args, "--limit", "50", "--json").json
    assert {row["id"] for row in every} == set(seniors)


def test_search_prints_one_line_per_candidate(workbench: Any, db_path: Path) -> None:
    store(
        db_path,
        CandidateDraft(
            "Ann", "Lee", "ann@example.com", city="Leeds", country="UK",
            primary_role=Specialisation.SCRUM_MASTER, years_experience=3,
        ),
    )  # fmt: skip
    run = workbench("search", "Lee")
    assert run.code == 0
    lines = run.out.splitlines()
    assert len(lines) == 1
    for part in ("Ann Lee", "Scrum Master", "Mid-level", "Leeds, United Kingdom", "ann@example"):
        assert part in lines[0]
    assert workbench("search", "nobody").out == "no candidates found\n"


def test_search_with_an_unknown_role_lists_the_known_ones(workbench: Any) -> None:
    line = assert_one_error_line(workbench("search", "--role", "nonsense"))
    assert "unknown role 'nonsense'" in line
    for role in Specialisation:
        assert role.label in line


def test_search_with_an_unknown_level_lists_the_known_ones(workbench: Any) -> None:
    line = assert_one_error_line(workbench("search", "--level", "lead"))
    assert "junior, mid, senior" in line


def test_search_refuses_a_limit_below_one(workbench: Any) -> None:
    assert "--limit" in assert_one_error_line(workbench("search", "--limit", "0"))


def test_search_deleted_lists_only_deleted_candidates(workbench: Any, db_path: Path) -> None:
    ann, bob = store(
        db_path,
        CandidateDraft("Ann", "Lee", "ann@example.com"),
        CandidateDraft("Bob", "Ray", "bob@example.com"),
    )
    workbench("delete", str(ann))
    assert [row["id"] for row in workbench("search", "--json").json] == [bob]
    deleted = workbench("search", "--deleted", "--json").json
    assert [(row["id"], row["deleted"]) for row in deleted] == [(ann, True)]


def test_search_country_accepts_the_spellings_the_editor_accepts(
    workbench: Any, db_path: Path
) -> None:
    (ann,) = store(db_path, CandidateDraft("Ann", "Lee", "ann@example.com", country="UK"))
    for spelling in ("United Kingdom", "uk", "GB"):
        assert [row["id"] for row in workbench("search", "--country", spelling, "--json").json] == [
            ann
        ], spelling


# --- show ------------------------------------------------------------------------------------


@pytest.fixture
def ann(db_path: Path) -> int:
    """Store Ann Lee with a few fields set; return her id."""
    (cid,) = store(
        db_path,
        CandidateDraft(
            "Ann", "Lee", "Ann.Lee@Example.com", phone="+44 20 7946 0958", city="Leeds",
            country="UK", primary_role=Specialisation.SCRUM_MASTER, years_experience=7.5,
            available_from=date(2026, 3, 1), skills=("jira", "Confluence"),
        ),
    )  # fmt: skip
    return cid


def test_show_json_gives_the_whole_record(workbench: Any, ann: int) -> None:
    data = workbench("show", str(ann), "--json").json
    assert data["id"] == ann
    assert (data["first_name"], data["last_name"]) == ("Ann", "Lee")
    assert data["email"] == "Ann.Lee@example.com"
    assert data["phone"] == "+442079460958"
    assert data["country"] == "United Kingdom"
    assert (data["primary_role"], data["level"]) == ("scrum-master", "senior")
    assert data["available_from"] == "2026-03-01"
    assert data["skills"] == ["Jira", "Confluence"]


def test_show_by_email_prints_one_field_per_line(workbench: Any, ann: int) -> None:
    run = workbench("show", "ANN.LEE@example.com")
    assert run.code == 0
    fields = {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in run.out.splitlines())
    }
    assert fields["id"] == str(ann)
    assert fields["email"] == "Ann.Lee@example.com"
    assert fields["skills"] == "Jira; Confluence"
    assert fields["summary"] == ""
    assert "deleted" not in fields


def test_show_of_a_deleted_candidate_says_it_is_restorable(workbench: Any, ann: int) -> None:
    workbench("delete", str(ann))
    assert "(restorable)" in workbench("show", f"#{ann}").out


def test_show_of_an_unknown_id_is_one_error_line(workbench: Any, ann: int) -> None:
    run = workbench("show", "99999")
    assert assert_one_error_line(run) == "workbench: error: no candidate #99999"
    assert run.out == ""


def test_show_of_nonsense_is_one_error_line(workbench: Any) -> None:
    assert "neither a candidate id nor an email" in assert_one_error_line(
        workbench("show", "Ann Lee")
    )


def test_show_of_an_impossibly_large_id_is_one_error_line(workbench: Any) -> None:
    assert_one_error_line(workbench("show", "99999999999999999999"))


# --- import and export -----------------------------------------------------------------------


def test_import_reports_imported_and_rejected_rows(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    run = workbench("import", str(write_csv(tmp_path / "people.csv", THREE_ROWS)))
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == "imported 2, rejected 1"
    assert len(lines) == 2
    assert lines[1].startswith("row 3: ")
    assert "email" in lines[1]
    assert count(db_path) == 2
    rows = workbench("search", "--json").json
    assert {(r["email"], r["primary_role"]) for r in rows} == {
        ("ann@example.com", "scrum-master"),
        ("cat@example.com", "technical-pm"),
    }


def test_import_dry_run_stores_nothing(workbench: Any, db_path: Path, tmp_path: Path) -> None:
    run = workbench("import", "--dry-run", str(write_csv(tmp_path / "people.csv", THREE_ROWS)))
    assert run.code == 0
    assert run.out.splitlines()[0] == "would import 2, rejected 1"
    assert count(db_path, Visibility.ALL) == 0


def test_import_warns_about_unknown_columns_on_stderr(workbench: Any, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv", "first_name,last_name,email,shoe_size\nA,B,a@example.com,9\n"
    )
    run = workbench("import", str(path))
    assert run.out.splitlines() == ["imported 1, rejected 0"]
    assert "warning: ignored unknown column 'shoe_size'" in run.err


def test_import_of_a_file_without_required_columns_fails_cleanly(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "p.csv", "name,mail\nAnn,ann@example.com\n")
    assert "required column" in assert_one_error_line(workbench("import", str(path)))
    assert count(db_path, Visibility.ALL) == 0


def test_export_then_import_into_a_new_database_keeps_every_candidate(
    workbench: Any, tmp_path: Path
) -> None:
    workbench("demo", "--candidates", "30", "--seed", "1")
    out = tmp_path / "out.csv"
    run = workbench("export", str(out))
    assert (run.code, run.out) == (0, f"exported 30 candidates to {out}\n")
    other = tmp_path / "other.sqlite3"
    run = workbench("import", str(out), db=other)
    assert run.out.splitlines()[0] == "imported 30, rejected 0"
    assert count(other) == 30
    original = {r["email"]: r for r in workbench("search", "--json", "--limit", "99").json}
    copied = {r["email"]: r for r in workbench("search", "--json", "--limit", "99", db=other).json}
    assert original.keys() == copied.keys()
    for email, row in original.items():
        for key in ROW_KEYS - {"id"}:
            assert copied[email][key] == row[key], (email, key)


# --- delete, restore, purge ------------------------------------------------------------------


def test_delete_restore_and_purge(workbench: Any, db_path: Path) -> None:
    ann, bob = store(
        db_path,
        CandidateDraft("Ann", "Lee", "ann@example.com"),
        CandidateDraft("Bob", "Ray", "bob@example.com"),
    )
    run = workbench("delete", str(ann), "bob@example.com")
    assert run.out.startswith("deleted 2 candidates")
    assert count(db_path) == 0
    assert workbench("restore", f"#{ann}").out == "restored 1 candidates\n"
    assert count(db_path) == 1
    assert workbench("purge", "--yes").out == "purged 1 deleted candidates\n"
    assert count(db_path, Visibility.ALL) == 1
    assert_one_error_line(workbench("show", str(bob)))
    assert workbench("show", str(ann), "--json").json["email"] == "ann@example.com"


def test_delete_of_an_unknown_candidate_deletes_nothing(workbench: Any, db_path: Path) -> None:
    (ann,) = store(db_path, CandidateDraft("Ann", "Lee", "ann@example.com"))
    assert "no candidate #424242" in assert_one_error_line(workbench("delete", str(ann), "424242"))
    assert count(db_path) == 1


def test_purge_without_yes_is_refused_and_keeps_deleted_candidates(
    workbench: Any, db_path: Path
) -> None:
    (ann,) = store(db_path, CandidateDraft("Ann", "Lee", "ann@example.com"))
    workbench("delete", str(ann))
    assert "--yes" in assert_one_error_line(workbench("purge"))
    assert count(db_path, Visibility.DELETED) == 1


# --- choosing the database -------------------------------------------------------------------


def test_db_pointing_at_a_text_file_is_one_error_line(workbench: Any, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("hello\n", encoding="utf-8")
    line = assert_one_error_line(workbench("search", db=text_file))
    assert "not a Workbench database" in line
    assert text_file.read_text(encoding="utf-8") == "hello\n"


def test_a_damaged_database_is_one_error_line(workbench: Any, db_path: Path) -> None:
    store(
        db_path,
        *(
            CandidateDraft("Ann", f"Lee{i}", f"a{i}@example.com", summary=f"w{i} " * 400)
            for i in range(30)
        ),
    )
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(len(data) // page // 2, len(data) // page):
        data[number * page + 5 : number * page + 40] = b"\xee" * 35
    db_path.write_bytes(bytes(data))
    # A full-text search reads the index pages, which sit in the damaged second half.
    assert "damaged" in assert_one_error_line(workbench("search", "w25"))


def test_workbench_db_variable_chooses_the_database(
    workbench: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "from-env.sqlite3"
    store(chosen, CandidateDraft("Env", "Person", "env@example.com"))
    monkeypatch.setenv("WORKBENCH_DB", str(chosen))
    rows = workbench("search", "--json", db=None).json
    assert [row["email"] for row in rows] == ["env@example.com"]


def test_db_option_wins_over_the_variable(
    workbench: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "other.sqlite3"))
    store(db_path, CandidateDraft("Opt", "Person", "opt@example.com"))
    assert [r["email"] for r in workbench("search", "--json").json] == ["opt@example.com"]
    assert not (tmp_path / "other.sqlite3").exists()


def test_app_main_runs_commands_without_a_window(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store(db_path, CandidateDraft("Ann", "Lee", "ann@example.com"))
    assert app.main(["--db", str(db_path), "search", "--json"]) == 0
    assert [row["email"] for row in json.loads(capsys.readouterr().out)] == ["ann@example.com"]
    assert app.main(["--db", str(db_path), "show", "7"]) == 1
    assert capsys.readouterr().err == "workbench: error: no candidate #7\n"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: workbench")
    for command in ("demo", "import", "export", "search", "show", "delete", "restore", "purge"):
        assert command in out


# --- as a real process -----------------------------------------------------------------------


def test_main_py_runs_a_command_in_a_real_process(db_path: Path) -> None:
    store(db_path, CandidateDraft("Ann", "Lee", "ann@example.com"))
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(db_path), "search", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [row["email"] for row in json.loads(result.stdout)] == ["ann@example.com"]
    assert result.stderr == ""


def test_a_command_never_imports_qt(db_path: Path) -> None:
    script = (
        "import sys; from workbench.app import main; "
        f"rc = main(['--db', {str(db_path)!r}, 'search']); "
        "print('PySide6' in sys.modules); sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == ["no candidates found", "False"]
