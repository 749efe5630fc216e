"""`workbench profile`: one file, a folder of files, one combined file; hashes and errors."""

from __future__ import annotations

import hashlib
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.profile_samples import TYPICAL
from workbench import cli
from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.services.candidates import add_candidate, delete_candidates
from workbench.services.claims import add_claim, record_check
from workbench.store.bootstrap import open_database

DAY = "2026-03-20"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Return a database file holding two candidates; Anna's PMP is verified."""
    path = tmp_path / "wb.sqlite3"
    database = open_database(path)
    try:
        anna = add_candidate(database, TYPICAL).id
        other = CandidateDraft("Βασίλης", "Νικολάου", "v@example.org", country="Greece")
        add_candidate(database, other)
        gone = add_candidate(database, CandidateDraft("Del", "Eted", "d@example.org")).id
        delete_candidates(database, [gone])
        checked = date.today() - timedelta(days=3)
        earned = date.today() - timedelta(days=400)
        claim = add_claim(database, anna, "PMP", ClaimDraft("1234567", earned_on=earned))
        draft = CheckDraft(checked, "Jo", CheckMethod.REGISTRY, CheckOutcome.VERIFIED)
        record_check(database, claim.id, draft)
    finally:
        database.close()
    return path


def run(db_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `workbench --db DB profile ARGS...` in-process; return code, stdout, stderr."""
    capsys.readouterr()
    code = cli.main(["--db", str(db_path), "profile", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def written(out: str) -> list[tuple[str, Path]]:
    """Return the (sha256, path) pairs a run printed, checking each hash against its file."""
    pairs = []
    for line in out.splitlines():
        digest, _, name = line.partition("  ")
        path = Path(name)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
        pairs.append((digest, path))
    return pairs


def text(path: Path) -> str:
    """Return a PDF's text as one line."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_one_candidate_to_a_file(db_path, tmp_path, capsys) -> None:
    target = tmp_path / "anna.pdf"
    code, out, err = run(db_path, capsys, "1", "-o", str(target), "--date", DAY)
    # Written, with a warning: no consent to be represented is on record yet.
    assert code == 0
    assert err.startswith("warning: #1 consent to be represented: none on record; record it")
    [(digest, path)] = written(out)
    assert path == target
    shown = text(target)
    assert "Anna Kowalska" in shown and "Generated 20 Mar 2026" in shown
    assert "Verified " in shown and "via PMI registry — lapses" in shown
    assert "98,000" not in shown
    # The same data and date give the same bytes: the hash proves what was sent.
    assert (
        cli.main(["--db", str(db_path), "consent", "1", "--given", "2025-01-02", "--how", "email"])
        == 0
    )
    again = run(db_path, capsys, "anna.kowalska@example.com", "-o", str(target), "--date", DAY)
    assert written(again[1])[0][0] == digest
    assert again[2] == ""  # consent on record: no warning
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_several_candidates_to_a_folder(db_path, tmp_path, capsys) -> None:
    folder = tmp_path / "out" / "profiles"
    code, out, _ = run(db_path, capsys, "1", "WB-0002", "1", "-o", str(folder), "--blind")
    assert code == 0
    files = written(out)
    assert len(files) == 2 and all(path.parent == folder for _, path in files)
    names = sorted(path.name for _, path in files)
    assert names[0].startswith("WB-0001-") and names[1].startswith("WB-0002-")
    assert all("Anna" not in name and "Kowalska" not in name for name in names)
    first = text(folder / names[0])
    assert "Candidate WB-0001" in first and "Kowalska" not in first


def test_several_candidates_to_one_combined_file(db_path, tmp_path, capsys) -> None:
    target = tmp_path / "all.PDF"
    code, out, _ = run(db_path, capsys, "1", "2", "-o", str(target), "--show-salary")
    assert code == 0
    [(_, path)] = written(out)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    starts = [i for i, page in enumerate(reader.pages) if "Page 1 of" in page.extract_text()]
    assert len(starts) == 2
    assert "Βασίλης Νικολάου" in reader.pages[starts[1]].extract_text()
    assert "GBP 98,000 a year" in text(path)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["99", "-o", "x.pdf"], "no candidate #99"),
        (["3", "-o", "x.pdf"], "is deleted"),
        (["1", "-o", "missing/x.pdf"], "does not exist"),
        (["1", "-o", "x.pdf", "--initials"], "--initials goes with --blind"),
        (["1", "-o", "x.pdf", "--date", "20-03-2026"], "is not a date"),
    ],
)
def test_errors_are_one_line_and_exit_1(db_path, tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(db_path, capsys, *args)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: ")
    assert message in lines[0]
    assert not (tmp_path / "x.pdf").exists()


def test_each_export_is_recorded_and_branding_comes_from_settings(
    db_path, tmp_path, capsys
) -> None:
    from workbench.pdf.profile_document import Branding
    from workbench.services.branding import save_branding
    from workbench.services.profiles import profile_exports

    database = open_database(db_path)
    try:
        save_branding(database, Branding(agency_name="Acme Talent"), "Letter")
    finally:
        database.close()
    target = tmp_path / "both.pdf"
    code, out, _ = run(db_path, capsys, "1", "2", "-o", str(target), "--blind", "--date", DAY)
    assert code == 0
    [(digest, path)] = written(out)
    assert "Acme Talent" in text(path)
    page = PdfReader(io.BytesIO(path.read_bytes())).pages[0]
    assert round(float(page.mediabox.width)) == 612  # Letter, as set in Settings
    database = open_database(db_path)
    try:
        for candidate in (1, 2):
            [export] = profile_exports(database, candidate)
            assert (export.sha256, export.combined) == (digest, True)
            assert export.options["blind"] is True and export.options["page_size"] == "Letter"
    finally:
        database.close()


def test_show_lists_the_profiles_written_with_their_hash(tmp_path, capsys) -> None:
    import hashlib
    import json as json_module

    from workbench.cli import main as cli_main

    db = tmp_path / "show.sqlite3"
    assert cli_main(["--db", str(db), "demo", "--candidates", "2", "--seed", "3"]) == 0
    target = tmp_path / "one.pdf"
    assert cli_main(["--db", str(db), "profile", "1", "-o", str(target), "--blind"]) == 0
    capsys.readouterr()
    assert cli_main(["--db", str(db), "show", "1"]) == 0
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    out = capsys.readouterr().out
    assert f"one.pdf sha256 {digest}" in out and "(single, blind)" in out
    assert cli_main(["--db", str(db), "show", "1", "--json"]) == 0
    [sent] = json_module.loads(capsys.readouterr().out)["profile_exports"]
    assert (sent["sha256"], sent["options"]["blind"]) == (digest, True)
