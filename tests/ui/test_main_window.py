"""The main window driven as a consultant would: welcome, search, filters, edit, delete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QTableWidget

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome, ClaimStatus
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.roles import Specialisation
from workbench.domain.search import SortKey, Visibility
from workbench.services import candidates as candidate_service
from workbench.services.claims import add_claim, record_check
from workbench.services.search import count_candidates
from workbench.ui.candidate_model import CERTIFICATIONS_COLUMN
from workbench.ui.main_window import MainWindow


def search(qtbot, window: MainWindow, text: str) -> None:
    """Type into the search box and wait for the list to show the answer."""
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.search_bar.search_box.setText(text)


def test_empty_database_opens_on_welcome_panel(qtbot, open_window):
    window = open_window()
    assert window.pages.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.findChild(object, "welcomeAdd"), Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    assert window.editor.heading.text() == "New candidate"


def test_search_finds_by_any_word_and_counts_in_status_bar(
    qtbot, database, open_window, fill_candidates
):
    fill_candidates(database, 50)
    window = open_window()
    assert window.candidate_model.rowCount() == 50
    search(qtbot, window, "lukasik")  # typed without the Polish letter
    assert window.candidate_model.rowCount() == 10
    assert "10 of 50" in window.count_label.text()
    search(qtbot, window, "cloud migr")  # prefix of words in the summary
    assert window.candidate_model.rowCount() == 17
    search(qtbot, window, "Northwind")  # employer in the work history
    assert window.candidate_model.rowCount() == 50


def test_filters_narrow_the_list(qtbot, database, open_window, fill_candidates):
    fill_candidates(database, 60)
    window = open_window()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.search_bar.role_filter.setCurrentIndex(
            window.search_bar.role_filter.findData(Specialisation.SCRUM_MASTER)
        )
    assert window.candidate_model.rowCount() == 10
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.search_bar.country_filter.setCurrentIndex(
            window.search_bar.country_filter.findData("Poland")
        )
    rows = [window.candidate_model.row_data(r) for r in range(window.candidate_model.rowCount())]
    assert rows and all(
        r.country == "Poland" and r.primary_role is Specialisation.SCRUM_MASTER for r in rows
    )


def test_clicking_a_header_sorts_in_sql(qtbot, database, open_window, fill_candidates):
    fill_candidates(database, 30)
    window = open_window()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.table.sortByColumn(
            window.candidate_model.column_of(SortKey.YEARS), Qt.SortOrder.DescendingOrder
        )
    years = [window.candidate_model.row_data(r).years_experience for r in range(30)]
    assert years == sorted(years, reverse=True)


def test_invalid_fields_are_explained_next_to_the_field(qtbot, database, open_window):
    window = open_window()
    window.new_candidate()
    editor = window.editor
    editor.first_name.setText("Ann")
    editor.email.setText("not-an-email")
    editor.phone.setText("12")
    editor._mark_dirty()
    assert editor.save() is False
    email_error = editor.findChild(QLabel, "error_email")
    assert email_error.isVisible() or not window.isVisible()
    assert "@" in email_error.text() or "valid" in email_error.text().lower()
    assert editor.findChild(QLabel, "error_last_name").text() == "last name is required"
    assert editor.findChild(QLabel, "error_phone").text()
    assert count_candidates(database) == 0


def test_a_new_candidate_is_saved_and_listed(qtbot, database, open_window):
    window = open_window()
    window.new_candidate()
    editor = window.editor
    editor.first_name.setText("Zoë")
    editor.last_name.setText("<b>Ann</b> & Co")
    editor.email.setText("zoe@example.com")
    editor.phone.setText("+44 20 7946 0958")
    editor.years_experience.setText("8")
    editor._mark_dirty()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        assert editor.save() is True
    assert window.candidate_model.rowCount() == 1
    stored = candidate_service.find_candidate(database, "zoe@example.com")
    assert stored.draft.last_name == "<b>Ann</b> & Co"
    assert stored.draft.phone == "+442079460958"
    assert editor.heading.text() == "Zoë <b>Ann</b> & Co"


def test_a_possible_duplicate_is_flagged_while_typing(qtbot, database, open_window):
    candidate_service.add_candidate(
        database, CandidateDraft("Maria", "Kowalska", "maria@example.com", city="Warsaw")
    )
    window = open_window()
    window.new_candidate()
    window.editor.email.setText("MARIA@example.com")
    window.editor._field_finished("email")
    qtbot.waitUntil(lambda: not window.editor.duplicate_banner.isHidden(), timeout=3000)
    assert "Maria Kowalska" in window.editor.duplicate_banner.text()
    assert "same email" in window.editor.duplicate_banner.text()


def test_someone_elses_change_is_never_overwritten(qtbot, database, open_window, monkeypatch):
    stored = candidate_service.add_candidate(
        database, CandidateDraft("Ann", "Smith", "ann@example.com")
    )
    window = open_window()
    window.open_candidate(stored.id)
    # Another window saves first.
    candidate_service.update_candidate(
        database, stored.id, stored.version, CandidateDraft("Ann", "Smith-Jones", "ann@example.com")
    )
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.editor.city.setText("Leeds")
    window.editor._mark_dirty()
    assert window.editor.save() is False
    assert shown and "changed by someone else" in shown[0]
    assert candidate_service.get_candidate(database, stored.id).draft.last_name == "Smith-Jones"


def test_delete_then_restore(qtbot, database, open_window, fill_candidates):
    fill_candidates(database, 5)
    window = open_window()
    window.table.selectRow(0)
    assert window.delete_action.isEnabled()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.delete_action.trigger()
    assert window.candidate_model.rowCount() == 4
    assert count_candidates(database, Visibility.DELETED) == 1
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.search_bar.visibility_filter.setCurrentIndex(1)
    assert window.candidate_model.rowCount() == 1
    window.table.selectRow(0)
    assert window.restore_action.isEnabled()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.restore_action.trigger()
    assert count_candidates(database) == 5


def test_shortcuts_are_the_usual_ones(open_window):
    window = open_window()
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert window.save_action.shortcut().toString() == "Ctrl+S"
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.delete_action.shortcut().toString() == "Del"


def test_layout_is_remembered(qtbot, database, settings):
    first = MainWindow(database, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(790, 560)  # the offscreen screen is 800x600
    first.table.setColumnWidth(0, 321)
    size = first.size()
    first.close()
    second = MainWindow(database, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.table.columnWidth(0) == 321
    assert second.size() == size


def test_twenty_thousand_void_calls_do_not_abort(qtbot):
    # PySide6 6.12.0 on Python <= 3.11 drops a reference to None on every void call and
    # aborts after ~5,000 of them; this is the canary for a bad pin.
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(20_000):
        label.setText(str(i))
    assert label.text() == "19999"


def test_import_from_the_window_keeps_good_rows_and_lists_refused_ones(
    qtbot, tmp_path, database, open_window, monkeypatch
):
    sheet = tmp_path / "messy.csv"
    sheet.write_text(
        "\ufefffirst_name;last_name;email;primary_role;favourite_colour\n"
        "Ann;Smith;ann@example.com;Scrum Master;blue\n"
        "Bob;;bob@example.com;agile-pm;red\n"
        "Chen;王;not-an-email;;green\n"
        "Dana;Ivanova;ANN@example.com;;pink\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        "workbench.ui.transfers.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (str(sheet), ""),
    )
    window = open_window()
    with qtbot.waitSignal(window.searchFinished, timeout=10000):
        window.import_action.trigger()
    dialog = window.transfers.last_report_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "importSummary").text() == "imported 1, rejected 3"
    table = dialog.findChild(QTableWidget, "rejectedRows")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert set(rows) == {"3", "4", "5"}
    assert "last name" in rows["3"]
    assert "email" in rows["4"]
    assert "row 2" in rows["5"]
    assert window.candidate_model.rowCount() == 1


def test_export_from_the_window_writes_the_current_list(
    qtbot, tmp_path, database, open_window, fill_candidates, monkeypatch
):
    fill_candidates(database, 20)
    target = tmp_path / "out"
    monkeypatch.setattr(
        "workbench.ui.transfers.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "CSV (*.csv)"),
    )
    window = open_window()
    search(qtbot, window, "Smith")
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10000):
        window.export_action.trigger()
    written = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(written) == 1 + 4  # header plus the four Smiths


def test_unsaved_edits_survive_a_crash_and_come_back(
    qtbot, tmp_path, database, settings, monkeypatch
):
    stored = candidate_service.add_candidate(
        database, CandidateDraft("Ann", "Smith", "ann@example.com", city="Leeds")
    )
    first = MainWindow(database, settings)
    qtbot.addWidget(first, before_close_func=lambda w: w.editor.revert())
    qtbot.waitUntil(lambda: first._last_result is not None, timeout=5000)
    first.open_candidate(stored.id)
    first.editor.city.setText("York")
    first.editor._mark_dirty()
    kept_file = tmp_path / "ui.unsaved.json"
    qtbot.waitUntil(kept_file.exists, timeout=5000)
    # The process dies here: nothing saved, the window never closes.

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    second = MainWindow(database, settings)
    qtbot.addWidget(second, before_close_func=lambda w: w.editor.revert())
    qtbot.waitUntil(lambda: second.editor.is_dirty, timeout=5000)
    assert second.editor.city.text() == "York"
    assert second.editor.candidate is not None and second.editor.candidate.id == stored.id
    assert second.editor.save() is True
    assert candidate_service.get_candidate(database, stored.id).draft.city == "York"
    assert not kept_file.exists()


def test_brought_back_edits_still_respect_a_colleagues_later_save(
    qtbot, tmp_path, database, settings, monkeypatch
):
    from workbench.ui.draft_keeper import DraftKeeper

    stored = candidate_service.add_candidate(
        database, CandidateDraft("Ann", "Smith", "a@example.com")
    )
    DraftKeeper.beside(database.path).keep(
        stored.id, stored.version, CandidateDraft("Ann", "Smith", "a@example.com", city="York")
    )
    candidate_service.update_candidate(
        database, stored.id, stored.version, CandidateDraft("Ann", "Smith-Jones", "a@example.com")
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window = MainWindow(database, settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.revert())
    qtbot.waitUntil(lambda: window.editor.is_dirty, timeout=5000)
    assert window.editor.save() is False
    assert shown and "changed by someone else" in shown[0]
    assert candidate_service.get_candidate(database, stored.id).draft.last_name == "Smith-Jones"


def test_delete_key_in_a_field_edits_text_and_deletes_nobody(
    qtbot, database, open_window, fill_candidates
):
    fill_candidates(database, 3)
    window = open_window()
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)  # shortcuts work only in the active window
    window.table.selectRow(0)
    field = window.editor.first_name
    field.setFocus()
    field.setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert count_candidates(database) == 3
    assert field.text().startswith("erson")  # "Person0000" lost its first letter
    window.editor.revert()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)
    assert window.delete_action.isEnabled()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert count_candidates(database) == 2


def _certified(database) -> dict[str, int]:
    """Ann holds a verified PMP, Bob an unverified PMP, Cara a verified CSM, Dan nothing."""
    today = date.today()
    ids = {
        name: candidate_service.add_candidate(
            database, CandidateDraft(name, "Lee", f"{name.lower()}@example.com")
        ).id
        for name in ("Ann", "Bob", "Cara", "Dan")
    }
    for name, code, verified in (
        ("Ann", "PMP", True),
        ("Bob", "PMP", False),
        ("Cara", "CSM", True),
    ):
        claim = add_claim(database, ids[name], code, ClaimDraft(earned_on=today))
        if verified:
            record_check(
                database,
                claim.id,
                CheckDraft(today, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
            )
    return ids


def _choose(qtbot, window: MainWindow, combo, data) -> None:
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        combo.setCurrentIndex(combo.findData(data))


def test_the_list_filters_by_certification_and_status(qtbot, database, open_window):
    ids = _certified(database)
    window = open_window()
    bar = window.search_bar
    qtbot.waitUntil(lambda: bar.certification_filter.findData("PMP") > 0, timeout=5000)
    assert bar.certification_status_filter.itemText(0) == "Any status"
    assert bar.certification_status_filter.findText("Renewal due") > 0
    _choose(qtbot, window, bar.certification_filter, "PMP")
    assert set(window.candidate_model.ids) == {ids["Ann"], ids["Bob"]}
    _choose(qtbot, window, bar.certification_status_filter, ClaimStatus.VERIFIED)
    assert set(window.candidate_model.ids) == {ids["Ann"]}
    _choose(qtbot, window, bar.certification_filter, "")
    assert set(window.candidate_model.ids) == {ids["Ann"], ids["Cara"]}
    assert "2 of 4" in window.count_label.text()


def test_clicking_the_certifications_header_changes_nothing(qtbot, database, open_window):
    _certified(database)
    window = open_window()
    header = window.table.horizontalHeader()
    years = window.candidate_model.column_of(SortKey.YEARS)
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.table.sortByColumn(years, Qt.SortOrder.DescendingOrder)
    order = window.candidate_model.ids
    with qtbot.assertNotEmitted(window.searchFinished, wait=300):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(CERTIFICATIONS_COLUMN) + 20, 5),
        )
    assert header.sortIndicatorSection() == years
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert window.candidate_model.ids == order


def test_a_saved_claim_shows_in_the_list_at_once(qtbot, database, open_window):
    ids = _certified(database)
    window = open_window()
    model = window.candidate_model
    dan = model.index(model.row_of(ids["Dan"]), CERTIFICATIONS_COLUMN)
    assert model.data(dan) == ""
    add_claim(database, ids["Dan"], "AWS-SAA", ClaimDraft(earned_on=date.today()))
    window.editor.certificationsChanged.emit(ids["Dan"])  # as the certifications tab does
    assert model.data(dan) == "AWS-SAA ?"
    # With a certification filter on, the candidate may join the list: search again.
    _choose(qtbot, window, window.search_bar.certification_filter, "AWS-SAA")
    assert model.ids == (ids["Dan"],)
    add_claim(database, ids["Ann"], "AWS-SAA", ClaimDraft(earned_on=date.today()))
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.editor.certificationsChanged.emit(ids["Ann"])
    assert set(model.ids) == {ids["Ann"], ids["Dan"]}


def test_certification_screens_have_their_own_shortcuts(open_window):
    window = open_window()
    keys = [a.shortcut().toString() for a in window.findChildren(QAction)]
    shortcuts = [key for key in keys if key]
    assert len(shortcuts) == len(set(shortcuts))  # no two actions share a key
    assert window.expiring_action.shortcut().toString() == "Ctrl+Shift+E"
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    titles = [a.text() for a in window.menuBar().actions()]
    assert "Ce&rtifications" in titles


def test_column_widths_saved_for_other_columns_are_not_applied(qtbot, database, settings):
    first = MainWindow(database, settings)
    qtbot.addWidget(first)
    first.table.setColumnWidth(CERTIFICATIONS_COLUMN, 333)
    first.close()
    settings.setValue("main/columns", "Name,Primary role,Level,Years")  # an older version's
    second = MainWindow(database, settings)
    qtbot.addWidget(second)
    assert second.table.columnWidth(CERTIFICATIONS_COLUMN) != 333
