"""The audit trail on a real SQLite file: an entry for every kind of change, kept for good."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.history import Action, Entity, HistoryEntry
from workbench.domain.vetting import (
    Criterion,
    InterviewNoteDraft,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
    StageDraft,
)
from workbench.pdf.profile_document import ProfileOptions
from workbench.services import catalogue, claims, pipeline, profiles, vetting
from workbench.services.candidates import (
    add_candidate,
    delete_candidates,
    get_candidate,
    purge_deleted,
    restore_candidates,
    update_candidate,
)
from workbench.services.history import CONSULTANT_NAME, candidate_history
from workbench.services.importing import import_file
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database

TODAY = date(2026, 11, 26)


@pytest.fixture
def named(database: Database) -> Database:
    """Return the database with a consultant's name set, so entries say who."""
    catalogue.set_preference(database, CONSULTANT_NAME, "Zoe Adams")
    return database


def _ann(database: Database) -> int:
    draft = CandidateDraft("Ann", "Lee", "ann@example.com", city="Leeds", years_experience=4.0)
    return add_candidate(database, draft).id


def _of(entries: list[HistoryEntry], entity: Entity) -> list[HistoryEntry]:
    return [e for e in entries if e.entity is entity]


def test_creating_and_editing_a_candidate_is_recorded_field_by_field(named: Database) -> None:
    cid = _ann(named)
    created = candidate_history(named, cid)
    assert {e.action for e in created} == {Action.CREATED}
    assert {e.field: e.new for e in created}["City"] == "Leeds"
    assert all(e.by == "Zoe Adams" for e in created)
    stored = get_candidate(named, cid)
    update_candidate(
        named, cid, stored.version, replace(stored.draft, city="York", years_experience=8.0)
    )
    changed = [e for e in candidate_history(named, cid) if e.action is Action.CHANGED]
    assert {(e.field, e.old, e.new) for e in changed} == {
        ("City", "Leeds", "York"),
        ("Years of experience", "4", "8"),
        ("Level", "Mid-level", "Senior"),
    }
    delete_candidates(named, [cid])
    restore_candidates(named, [cid])
    latest = candidate_history(named, cid)
    assert [e.action for e in latest[:2]] == [Action.RESTORED, Action.DELETED]  # newest first


def test_claims_checks_and_waivers_are_recorded(named: Database) -> None:
    cid = _ann(named)
    claim = claims.add_claim(named, cid, "PMP", ClaimDraft("0012345"), on=TODAY)
    claims.update_claim(named, claim.id, claim.version, ClaimDraft("0012346"))
    claims.record_check(
        named,
        claim.id,
        CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.NOT_FOUND, "PMI", ""),
        on=TODAY,
    )
    vetting.waive_claim(named, claim.id, "Client accepts PRINCE2 instead")
    other = claims.add_claim(named, cid, "CSM", ClaimDraft("77"), on=TODAY)
    claims.remove_claim(named, other.id)
    entries = candidate_history(named, cid)
    claim_entries = _of(entries, Entity.CLAIM)
    assert ("Credential id", "0012345", "0012346") in {
        (e.field, e.old, e.new) for e in claim_entries if e.action is Action.CHANGED
    }
    assert any(
        e.action is Action.WAIVED and e.new == "Client accepts PRINCE2 instead"
        for e in claim_entries
    )
    assert any(e.action is Action.REMOVED and e.detail == "CSM" for e in claim_entries)
    check = {e.field: e.new for e in _of(entries, Entity.CHECK)}
    assert check["Outcome"] == "Not found" and check["Method"] == "Registry lookup"


def test_vetting_changes_are_recorded(named: Database) -> None:
    cid = _ann(named)
    card = ScorecardDraft({c: Rating(3) for c in Criterion}, ("Scrum",), ("Jira",))
    first = vetting.save_scorecard(named, cid, card, None)
    better = replace(card, ratings={**card.ratings, Criterion.LEADERSHIP: Rating(5, "led 40")})
    vetting.save_scorecard(named, cid, better, first.version)
    vetting.add_interview_note(named, cid, InterviewNoteDraft(TODAY, "Zoe", "Calm"), on=TODAY)
    vetting.add_reference(
        named,
        cid,
        ReferenceDraft("Bob", checked_on=TODAY, outcome=ReferenceOutcome.MIXED),
        on=TODAY,
    )
    pipeline.move_stage(named, cid, "Screening", reason="good CV")
    pipeline.move_stage(named, cid, "Vetted", override="client insists")
    entries = candidate_history(named, cid)
    score_changes = [e for e in _of(entries, Entity.SCORECARD) if e.action is Action.CHANGED]
    assert {(e.field, e.old, e.new) for e in score_changes} == {
        ("Leadership", "3", "5"),
        ("Leadership comment", "", "led 40"),
    }
    assert _of(entries, Entity.INTERVIEW)[0].action is Action.CREATED
    assert "Bob" in {e.new for e in _of(entries, Entity.REFERENCE)}
    moves = _of(entries, Entity.STAGE)
    assert [(e.action, e.old, e.new) for e in moves] == [
        (Action.OVERRIDDEN, "Screening", "Vetted"),
        (Action.MOVED, "Sourced", "Screening"),
    ]
    assert "client insists" in moves[0].detail and "missing" in moves[0].detail


def test_a_profile_sent_is_recorded_with_its_hash(named: Database, tmp_path: Path) -> None:
    cid = _ann(named)
    written = profiles.write_profile(named, cid, tmp_path / "ann.pdf", ProfileOptions(TODAY))
    [entry] = [e for e in candidate_history(named, cid, [Entity.EXPORT]) if e.field == "SHA-256"]
    assert entry.new == written.sha256


def test_settings_changes_are_recorded_without_a_candidate(named: Database) -> None:
    rule = catalogue.resolve_certification(named, "CSM")
    catalogue.change_certification(named, "CSM", replace(rule, reminder_days=30), "Zoe Adams")
    stages = pipeline.stages(named)
    pipeline.save_stages(
        named,
        [
            StageDraft("Phone screen" if s.name == "Screening" else s.name, s.closed, s.id)
            for s in stages
        ],
    )
    from workbench.pdf.profile_document import Branding
    from workbench.services import branding

    branding.save_branding(named, Branding(agency_name="Northwind Talent"), "Letter")
    fields = {(e.field, e.old, e.new) for e in candidate_history(named, None)}
    assert ("consultant_name", "", "Zoe Adams") in fields
    assert ("branding.agency_name", "", "Northwind Talent") in fields
    assert ("reminder_days", "90", "30") in fields
    assert ("Stage renamed", "Screening", "Phone screen") in fields


def test_an_import_records_one_entry_per_candidate_with_file_and_row(
    named: Database, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "first_name,last_name,email\nAnn,Lee,ann@example.com\nBob,Stone,bob@example.com\n",
        encoding="utf-8",
    )
    assert import_file(named, path).imported == 2
    from workbench.services.candidates import find_candidate

    bob = find_candidate(named, "bob@example.com")
    [entry] = candidate_history(named, bob.id)
    assert entry.action is Action.CREATED
    assert entry.detail == "imported from people.csv, row 3"


def test_filters_by_kind_and_words(named: Database) -> None:
    cid = _ann(named)
    pipeline.move_stage(named, cid, "Screening", reason="strong delivery record")
    assert {e.entity for e in candidate_history(named, cid, [Entity.STAGE])} == {Entity.STAGE}
    [hit] = candidate_history(named, cid, text="DELIVERY record")
    assert hit.entity is Entity.STAGE
    assert candidate_history(named, cid, text="100%_") == []  # wildcards are literal


def test_nothing_in_the_app_can_edit_or_delete_history(named: Database) -> None:
    cid = _ann(named)
    pipeline.move_stage(named, cid, "Screening")
    assert named.path is not None
    with sqlite3.connect(named.path) as connection:
        for statement in (
            "UPDATE history SET by = 'someone else'",
            "DELETE FROM history",
            "UPDATE stage_moves SET reason = 'rewritten'",
            # Listing a live candidate as purged would unlock their history for deletion.
            f"INSERT INTO purged_candidates VALUES ({cid}, '2026-01-01 00:00:00')",
        ):
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(statement)


def test_a_purge_leaves_only_an_anonymous_stub(named: Database) -> None:
    cid = _ann(named)
    other = add_candidate(named, CandidateDraft("Bob", "Stone", "bob@example.com")).id
    pipeline.move_stage(named, cid, "Screening", reason="Ann Lee fits")
    delete_candidates(named, [cid])
    assert purge_deleted(named, [cid]) == 1
    [stub] = candidate_history(named, cid)
    assert stub.action is Action.PURGED and stub.by == "Zoe Adams"
    assert len(candidate_history(named, other)) > 1  # others keep theirs
    assert named.path is not None
    with sqlite3.connect(named.path) as connection:
        leftovers = connection.execute(
            "SELECT count(*) FROM history WHERE old_value LIKE '%ann@example.com%' "
            "OR new_value LIKE '%ann@example.com%' OR detail LIKE '%Ann Lee%'"
        ).fetchone()[0]
        assert leftovers == 0
        # The stub itself is kept like any other entry.
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE history SET detail = '' WHERE candidate_id = ?", (cid,))


def test_a_database_from_before_vetting_gains_stages_and_a_history(tmp_path: Path) -> None:
    from alembic import command

    from tests.integration.test_database_file import _add_with_old_columns
    from workbench.store.migrations import _alembic_config

    path = tmp_path / "old.sqlite3"
    old = Database.open_file(path)
    with old.engine.begin() as connection:
        command.upgrade(_alembic_config(old, connection), "0008")
    stored = _add_with_old_columns(old, CandidateDraft("Ann", "Lee", "ann@example.com"))
    old.close()
    upgraded = open_database(path)
    try:
        state = vetting.vetting(upgraded, stored.id)
        assert state.stage.name == "Sourced"
        assert state.stage_since is not None
        [entry] = candidate_history(upgraded, stored.id)
        assert entry.detail == "stored before the history began"
        assert [s.name for s in pipeline.stages(upgraded)] == [
            "Sourced",
            "Screening",
            "Interview",
            "Vetted",
            "Presented",
            "Placed",
            "Rejected",
            "Withdrawn",
        ]
    finally:
        upgraded.close()


def test_going_down_and_up_again_keeps_ids_from_being_given_twice(tmp_path: Path) -> None:
    from workbench.store.migrations import downgrade, upgrade

    database = open_database(tmp_path / "round.sqlite3")
    try:
        for revision in ("0008", "0007"):
            downgrade(database, revision)
            upgrade(database)
        assert database.path is not None
        with sqlite3.connect(database.path) as connection:
            sql = connection.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'candidates'"
            ).fetchone()[0]
            triggers = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                )
            }
        assert "AUTOINCREMENT" in sql
        assert {"history_append_only", "history_kept", "stage_moves_append_only"} <= triggers
    finally:
        database.close()
