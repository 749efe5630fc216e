"""Render the main window on sample data to docs/main-window.png for the README."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from workbench.services.demo import add_demo_candidates
from workbench.store.bootstrap import open_database
from workbench.ui.main_window import MainWindow


def main() -> int:
    """Fill a temporary database, search it, select a candidate and save a picture."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "shot.sqlite3")
        add_demo_candidates(database, 2000, seed=7)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database, settings)
        window.resize(1440, 860)
        window.show()
        finished: list[object] = []
        window.searchFinished.connect(finished.append)
        window.search_bar.search_box.setText("scrum jira")
        while len(finished) < 2:
            app.processEvents()
        window.table.selectRow(0)
        app.processEvents()
        window.grab().save(str(target))
        window.close()
        database.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
