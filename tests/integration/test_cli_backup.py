"""`workbench backup` and `workbench restore-backup` from a terminal."""

from __future__ import annotations

from tests.integration.cli_runs import assert_one_error_line
from workbench.services import backups


def test_backup_into_a_folder_and_restore_it(workbench, tmp_path, db_path):
    assert workbench("demo", "--candidates", "3").code == 0
    folder = tmp_path / "backups"
    folder.mkdir()
    run = workbench("backup", str(folder))
    assert run.code == 0, run.err
    assert "integrity ok" in run.out
    made = backups.generations(folder)
    assert len(made) == 1 and str(made[0]) in run.out

    assert workbench("demo", "--candidates", "2", "--seed", "7").code == 0
    refused = workbench("restore-backup", str(made[0]))
    assert "--yes" in assert_one_error_line(refused)
    restored = workbench("restore-backup", str(made[0]), "--yes")
    assert restored.code == 0, restored.err
    assert "before-restore" in restored.out
    assert "3 candidates" in restored.out
    search = workbench("search", "--limit", "100", "--json")
    assert len(search.json) == 3


def test_backup_to_a_file_name(workbench, tmp_path):
    target = tmp_path / "copy.sqlite3"
    run = workbench("backup", str(target))
    assert run.code == 0, run.err
    assert target.exists() and "integrity ok" in run.out
    again = workbench("backup", str(target))
    assert "already exists" in assert_one_error_line(again)


def test_restore_refuses_a_file_that_is_not_a_backup(workbench, tmp_path, db_path):
    assert workbench("demo", "--candidates", "1").code == 0
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    run = workbench("restore-backup", str(junk), "--yes")
    assert "not a Workbench backup" in assert_one_error_line(run)
    assert db_path.exists()


def test_backup_warns_about_a_sync_folder(workbench, tmp_path):
    database = tmp_path / "Dropbox" / "wb.sqlite3"
    run = workbench("backup", str(tmp_path / "b.sqlite3"), db=database)
    assert run.code == 0
    assert run.err.startswith("warning: ") and "Dropbox" in run.err


def test_a_folder_asked_for_with_a_slash_is_never_written_as_a_file(workbench, tmp_path) -> None:
    from tests.integration.cli_runs import assert_one_error_line

    assert workbench("demo", "--candidates", "3").code == 0
    missing = tmp_path / "backups"
    run = workbench("backup", f"{missing}/")
    assert "no folder" in assert_one_error_line(run)
    assert not missing.exists()


def test_restore_with_a_backup_file_restores_the_database(workbench, tmp_path, db_path):
    """The issue's `workbench restore FILE`: a file argument means a backup, not a candidate."""
    assert workbench("demo", "--candidates", "3").code == 0
    target = tmp_path / "copy.sqlite3"
    assert workbench("backup", str(target)).code == 0
    assert workbench("demo", "--candidates", "2", "--seed", "7").code == 0
    assert "--yes" in assert_one_error_line(workbench("restore", str(target)))
    restored = workbench("restore", str(target), "--yes")
    assert restored.code == 0, restored.err
    assert "3 candidates, integrity ok" in restored.out
    assert len(workbench("search", "--limit", "100", "--json").json) == 3
    # Candidates are still restored by id or email, as before.
    [first, *_] = workbench("search", "--json").json
    assert workbench("delete", str(first["id"])).code == 0
    again = workbench("restore", first["email"])
    assert again.code == 0 and "restored 1 candidates" in again.out
    missing = workbench("restore", str(tmp_path / "nowhere.sqlite3"), "--yes")
    assert "Traceback" not in missing.err and missing.code == 1


def test_only_a_path_or_a_database_name_is_taken_for_a_backup(tmp_path, monkeypatch):
    from workbench.cli_backup import named_backup

    monkeypatch.chdir(tmp_path)
    for name in ("42", "ann@example.com", "mybackup"):
        (tmp_path / name).write_text("a file")
    assert named_backup(["42"]) is None  # a candidate's id wins over a file of that name
    assert named_backup(["ann@example.com"]) is None
    assert named_backup(["mybackup"]) is not None  # no candidate is called that
    assert named_backup(["7"]) is None and named_backup(["WB-0007"]) is None
    assert named_backup(["old.sqlite3"]) == tmp_path.joinpath("old.sqlite3").relative_to(tmp_path)
    assert named_backup(["backups/x"]) is not None
    assert named_backup(["1", "2"]) is None
