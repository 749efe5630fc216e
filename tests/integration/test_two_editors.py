"""Two connections or two processes editing one record: the later save is refused, not lost."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Protocol

import pytest

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.errors import ConflictError, WorkbenchError
from workbench.domain.vetting import Criterion, Rating, ScorecardDraft
from workbench.services import claims, vetting
from workbench.services.candidates import add_candidate, get_candidate, update_candidate
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database

ROOT = Path(__file__).resolve().parents[2]
CANDIDATE = 1
SCORECARD_COMMENT = Criterion.LEADERSHIP


class Editor(Protocol):
    """One kind of record a consultant opens in a form and saves later."""

    def version(self, database: Database) -> int: ...
    def save(self, database: Database, version: int, value: str) -> None: ...
    def value(self, database: Database) -> str: ...


class CandidateEditor:
    """The candidate's profile; the value edited is the city."""

    def version(self, database: Database) -> int:
        return get_candidate(database, CANDIDATE).version

    def save(self, database: Database, version: int, value: str) -> None:
        draft = get_candidate(database, CANDIDATE).draft
        update_candidate(database, CANDIDATE, version, replace(draft, city=value))

    def value(self, database: Database) -> str:
        return get_candidate(database, CANDIDATE).draft.city


class ClaimEditor:
    """A certification claim; the value edited is its credential id."""

    def version(self, database: Database) -> int:
        return claims.get_claim(database, CANDIDATE, "PMP").version

    def save(self, database: Database, version: int, value: str) -> None:
        claim = claims.get_claim(database, CANDIDATE, "PMP")
        claims.update_claim(database, claim.id, version, ClaimDraft(credential_id=value))

    def value(self, database: Database) -> str:
        return claims.get_claim(database, CANDIDATE, "PMP").credential_id


class ScorecardEditor:
    """The vetting scorecard; the value edited is one criterion's comment."""

    def version(self, database: Database) -> int:
        scorecard = vetting.vetting(database, CANDIDATE).scorecard
        assert scorecard is not None
        return scorecard.version

    def save(self, database: Database, version: int, value: str) -> None:
        draft = ScorecardDraft({SCORECARD_COMMENT: Rating(4, value)}, ("Scrum",), ("Jira",))
        vetting.save_scorecard(database, CANDIDATE, draft, version)

    def value(self, database: Database) -> str:
        scorecard = vetting.vetting(database, CANDIDATE).scorecard
        assert scorecard is not None
        return scorecard.draft.rating(SCORECARD_COMMENT).comment


EDITORS: dict[str, Editor] = {
    "candidate": CandidateEditor(),
    "claim": ClaimEditor(),
    "scorecard": ScorecardEditor(),
}


def make_database(path: Path) -> Path:
    """A file with one candidate who has a PMP claim and a saved scorecard."""
    database = open_database(path)
    try:
        added = add_candidate(database, CandidateDraft("Ann", "Lee", "ann@example.com"))
        assert added.id == CANDIDATE
        claims.add_claim(database, CANDIDATE, "PMP", ClaimDraft("1234567"))
        draft = ScorecardDraft({SCORECARD_COMMENT: Rating(3, "Original")}, ("Scrum",), ("Jira",))
        vetting.save_scorecard(database, CANDIDATE, draft, None)
    finally:
        database.close()
    return path


def second_editor(path: str, kind: str) -> None:
    """Run in another process: load, wait until told the first editor saved, then save."""
    database = open_database(Path(path))
    editor = EDITORS[kind]
    try:
        seen = editor.version(database)
        print("loaded", seen, flush=True)
        sys.stdin.readline()
        try:
            editor.save(database, seen, "Second")
            print("saved", flush=True)
        except WorkbenchError as exc:
            print("refused", type(exc).__name__, exc, flush=True)
    finally:
        database.close()


@pytest.mark.parametrize("kind", sorted(EDITORS))
def test_two_connections_the_second_save_is_refused(tmp_path: Path, kind: str) -> None:
    path = make_database(tmp_path / "wb.sqlite3")
    editor = EDITORS[kind]
    first, second = open_database(path), open_database(path)
    try:
        seen_by_first, seen_by_second = editor.version(first), editor.version(second)
        assert seen_by_first == seen_by_second
        editor.save(first, seen_by_first, "First")
        saved = editor.version(first)
        with pytest.raises(WorkbenchError) as caught:
            editor.save(second, seen_by_second, "Second")
        assert isinstance(caught.value, ConflictError)
        assert "changed by someone else" in str(caught.value)
        # The second connection reads the first one's save, not its own.
        assert editor.value(second) == "First"
    finally:
        first.close()
        second.close()
    reopened = open_database(path)
    try:
        assert editor.value(reopened) == "First"
        # The refused save wrote nothing at all, not even a new version number.
        assert editor.version(reopened) == saved
    finally:
        reopened.close()


@pytest.mark.parametrize("kind", sorted(EDITORS))
def test_two_processes_the_second_save_is_refused(tmp_path: Path, kind: str) -> None:
    path = make_database(tmp_path / "wb.sqlite3")
    editor = EDITORS[kind]
    other = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from tests.integration.test_two_editors import second_editor; "
            "second_editor(*sys.argv[1:])",
            str(path),
            kind,
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert other.stdin is not None and other.stdout is not None
    first = open_database(path)
    try:
        # Both have the same version open before either saves.
        loaded = other.stdout.readline().split()
        seen = editor.version(first)
        assert loaded == ["loaded", str(seen)]
        editor.save(first, seen, "First")
        saved = editor.version(first)
    finally:
        first.close()
    printed, errors = other.communicate("go on\n", timeout=60)
    assert other.returncode == 0, errors
    word, error_class, message = printed.strip().split(" ", 2)
    assert (word, error_class) == ("refused", "ConflictError")
    assert "changed by someone else" in message
    reopened = open_database(path)
    try:
        assert editor.value(reopened) == "First"
        assert editor.version(reopened) == saved
    finally:
        reopened.close()


def test_a_check_recorded_against_a_claim_another_connection_edited_is_refused(
    tmp_path: Path,
) -> None:
    path = make_database(tmp_path / "wb.sqlite3")
    first, second = open_database(path), open_database(path)
    try:
        seen = claims.get_claim(second, CANDIDATE, "PMP")
        EDITORS["claim"].save(first, seen.version, "7654321")
        draft = CheckDraft(date(2026, 1, 5), "Zoe", CheckMethod.REGISTRY, CheckOutcome.VERIFIED)
        # The check would confirm an id the consultant never looked up.
        with pytest.raises(ConflictError, match="changed after you opened it"):
            claims.record_check(second, seen.id, draft, expected_version=seen.version)
        assert claims.get_claim(second, CANDIDATE, "PMP").checks == ()
    finally:
        first.close()
        second.close()
