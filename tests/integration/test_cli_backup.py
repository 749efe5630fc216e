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
