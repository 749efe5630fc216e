"""Bring a database file to the current schema with Alembic, copying the old file aside first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.domain.errors import WorkbenchError
from workbench.store.engine import Database
from workbench.store.snapshots import online_copy

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
# A source checkout keeps revisions in db/ at the top; an installed wheel carries a copy.
_CANDIDATE_SCRIPT_DIRS = (_PACKAGE_DIR.parent / "db", _PACKAGE_DIR / "_migrations")


def script_location() -> Path:
    """Return the folder holding the Alembic environment and revisions."""
    for folder in _CANDIDATE_SCRIPT_DIRS:
        if (folder / "env.py").exists():
            return folder
    raise WorkbenchError("the schema revisions (db/) are missing from this installation")


def include_in_autogenerate(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Leave the FTS5 table and its shadow tables out of model comparison."""
    return not (type_ == "table" and name is not None and name.startswith("candidate_fts"))


def _alembic_config(database: Database, connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location()))
    config.set_main_option("sqlalchemy.url", str(database.engine.url))
    config.attributes["connection"] = connection
    return config


def current_revision(database: Database) -> str | None:
    """Return the revision the database is at, None for a new, empty database."""
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """Return the newest revision this version of Workbench knows."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory(str(script_location())).get_heads()
    return str(heads[0])


def is_known_revision(revision: str) -> bool:
    """Return True when this version of Workbench can open a database at revision."""
    return revision in _known_revisions()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory(str(script_location())).walk_revisions()}


def copy_aside(database: Database, label: str) -> Path | None:
    """Copy the database file, consistently, next to itself before it is changed."""
    if database.path is None or not database.path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = database.path.with_name(f"{database.path.stem}.before-{label}-{stamp}.sqlite3")
    online_copy(database.path, target)
    return target


def upgrade(database: Database) -> Path | None:
    """Apply pending revisions; return the copy made of the old file, if one was needed."""
    from alembic import command

    current = current_revision(database)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in _known_revisions():
        raise WorkbenchError(
            "this database was written by a newer version of Workbench; "
            "install that version, or open another database"
        )
    backup = copy_aside(database, current) if current is not None else None
    _migrate(database, lambda config: command.upgrade(config, "head"))
    return backup


def downgrade(database: Database, revision: str) -> None:
    """Take the schema back to an older revision (for tests and for undoing a release)."""
    from alembic import command

    _migrate(database, lambda config: command.downgrade(config, revision))


def _migrate(database: Database, run: Callable[[Any], None]) -> None:
    """Run revisions in one transaction with foreign keys off, then check every reference."""
    with database.engine.connect() as connection:
        driver: Any = connection.connection.driver_connection
        # A revision that rebuilds a table (SQLite's way to alter one) drops the old copy:
        # with foreign keys on, that would cascade and delete every check of every claim.
        # The pragma only works outside a transaction, so it is set on the driver first.
        if database.is_sqlite:
            driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                run(_alembic_config(database, connection))
                if database.is_sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise WorkbenchError(
                            f"changing the schema left {len(broken)} broken references "
                            f"(first in {broken[0][0]}); nothing was changed"
                        )
        finally:
            if database.is_sqlite:
                driver.execute("PRAGMA foreign_keys = ON")
