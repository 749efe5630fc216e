"""The data protection commands (`erase`, `sar`) in-process."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path
from typing import Any

from tests.integration.cli_runs import assert_one_error_line
from workbench.domain.candidate import CandidateDraft
from workbench.domain.history import Action
from workbench.services.candidates import add_candidate
from workbench.services.history import candidate_history
from workbench.store.bootstrap import open_database


def _store(db_path: Path) -> tuple[int, int]:
    database = open_database(db_path)
    try:
        gone = add_candidate(database, CandidateDraft("Quillon", "Zarkowitz", "qz@gone.example"))
        kept = add_candidate(database, CandidateDraft("Marisol", "Keeperton", "mk@kept.example"))
        return gone.id, kept.id
    finally:
        database.close()


def test_erase_refuses_without_yes_and_keeps_the_candidate(workbench: Any, db_path: Path) -> None:
    gone, _ = _store(db_path)
    run = workbench("erase", str(gone))
    assert "add --yes to confirm" in assert_one_error_line(run)
    assert workbench("show", str(gone)).code == 0


def test_erase_by_email_removes_the_person_from_the_file(workbench: Any, db_path: Path) -> None:
    gone, kept = _store(db_path)
    run = workbench("erase", "qz@gone.example", "--yes")
    assert run.code == 0, run.err
    assert f"erased candidate #{gone}" in run.out
    assert b"zarkowitz" not in db_path.read_bytes().lower()
    assert workbench("show", str(gone)).code == 1
    assert workbench("show", str(kept)).code == 0
    database = open_database(db_path)
    try:
        [stub] = candidate_history(database, gone)
    finally:
        database.close()
    assert (stub.action, stub.detail) == (Action.PURGED, "personal data erased")


def test_erase_of_an_unknown_candidate_is_one_error_line(workbench: Any, db_path: Path) -> None:
    _store(db_path)
    assert_one_error_line(workbench("erase", "404", "--yes"))


def test_sar_writes_a_private_zip_with_the_json(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    gone, _ = _store(db_path)
    target = tmp_path / "out" / "ann.zip"
    target.parent.mkdir()
    run = workbench("sar", f"#{gone}", "-o", str(target))
    assert run.code == 0, run.err
    assert str(target) in run.out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with zipfile.ZipFile(target) as archive:
        report = json.loads(archive.read("subject-access.json"))
    assert report["candidate"]["draft"]["email"] == "qz@gone.example"
    assert report["evidence_files"] == []


def test_sar_needs_an_output_zip(workbench: Any, db_path: Path, tmp_path: Path) -> None:
    gone, _ = _store(db_path)
    assert workbench("sar", str(gone)).code != 0
    assert "must end in .zip" in assert_one_error_line(
        workbench("sar", str(gone), "-o", str(tmp_path / "x.json"))
    )


def test_consent_refuses_options_that_would_be_ignored(workbench: Any, db_path: Path) -> None:
    gone, _ = _store(db_path)
    assert workbench("client", "add", "Northwind Bank").code == 0
    assert "--given" in assert_one_error_line(
        workbench("consent", str(gone), "--until", "2027-01-01")
    )
    assert "--given" in assert_one_error_line(workbench("consent", str(gone), "--how", "email"))
    both = workbench("consent", str(gone), "--client", "Northwind Bank", "--given", "2025-01-02",
                     "--how", "email", "--withdraw", "2026-01-01")  # fmt: skip
    assert "not both" in assert_one_error_line(both)
    shown = workbench("consent", str(gone), "--json").json
    assert shown["data_protection"]["representation"] is None and shown["client_consents"] == []


def test_retention_lists_keeps_and_erases_only_the_inactive(workbench: Any, db_path: Path) -> None:
    gone, kept = _store(db_path)
    assert workbench("retention", "list").out.startswith("no candidate has gone 24 months")
    assert "kept 1 candidate(s)" in workbench("retention", "keep", str(kept), "--reason", "x").out
    assert "add --yes" in assert_one_error_line(workbench("retention", "erase", str(gone)))
    # Both were active today: the review's erase leaves them and says how to erase anyway.
    run = workbench("retention", "erase", str(gone), "--yes")
    assert "nothing was erased" in assert_one_error_line(run)
    assert "at least a year" in assert_one_error_line(workbench("retention", "policy", "6"))
    assert "36 months" in workbench("retention", "policy", "36").out
