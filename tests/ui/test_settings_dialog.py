"""Settings: the consultant's name, and catalogue edits that move claims, never checks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.services import catalogue
from workbench.services import claims as claim_service
from workbench.services.candidates import add_candidate
from workbench.ui.candidate_model import CERTIFICATIONS_COLUMN
from workbench.ui.main_window import MainWindow
from workbench.ui.settings_dialog import SettingsDialog


def _dialog(qtbot, database) -> SettingsDialog:
    dialog = SettingsDialog(database)
    qtbot.addWidget(dialog)
    return dialog


def _rule(database, code: str):
    return next(r for r in catalogue.certification_rules(database) if r.code == code)


def _choose(dialog: SettingsDialog, code: str) -> None:
    for row in range(dialog.rule_list.count()):
        if dialog.rule_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
            dialog.rule_list.setCurrentRow(row)
    assert dialog.form.code_shown == code


def test_your_name_is_prefilled_and_saved(qtbot, database, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "zadams")
    dialog = _dialog(qtbot, database)
    assert dialog.name.text() == "zadams"  # the login name until one is set
    dialog.name.setText("  Zoe Adams ")
    assert dialog.save() is True
    assert catalogue.consultant_name(database) == "Zoe Adams"
    assert _dialog(qtbot, database).name.text() == "Zoe Adams"


def test_changing_validity_moves_a_claims_lapse_date_and_keeps_its_check(qtbot, database):
    candidate = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com")).id
    claim = claim_service.add_claim(
        database, candidate, "PMP", ClaimDraft("1234567", earned_on=date(2024, 1, 15))
    )
    check = claim_service.record_check(
        database,
        claim.id,
        CheckDraft(date(2024, 2, 1), "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
    )
    assert claim.expires_on == date(2027, 1, 15)
    dialog = _dialog(qtbot, database)
    dialog.name.setText("Zoe Adams")
    _choose(dialog, "PMP")
    # Schema 0004 gave the seeded PMP its suspension year as revision 2.
    assert dialog.form.revision.text().startswith("Revision 2, changed ")
    assert dialog.form.revision.text().endswith(" by Workbench (schema 0004)")
    assert dialog.form.code.isReadOnly()
    dialog.form.validity_months.setValue(24)
    with qtbot.waitSignal(dialog.catalogueChanged, timeout=1000):
        assert dialog.save() is True
    [after] = claim_service.candidate_claims(database, candidate)
    assert after.expires_on == date(2026, 1, 15)
    # The check keeps the rule and the date it was recorded under.
    assert after.checks[0].id == check.id
    assert after.checks[0].rule_revision == 2
    assert after.checks[0].valid_until == date(2027, 1, 15)
    assert _rule(database, "PMP").revision == 3
    assert dialog.form.revision.text() == (
        f"Revision 3, changed {date.today().isoformat()} by Zoe Adams"
    )
    assert "revision 3" in dialog.status.text()


def test_good_for_life_and_optional_fields_round_trip(qtbot, database):
    dialog = _dialog(qtbot, database)
    _choose(dialog, "CSM")
    form = dialog.form
    form.lifetime.setChecked(True)
    assert not form.validity_months.isEnabled()
    form.with_degree.setValue(form.with_degree.minimum())  # shows "none"
    form.without_degree.setValue(24)
    form.aliases.setPlainText("Scrum Master cert\n\n  CSM cert  ")
    form.renewal_routes.setPlainText("20 SEUs")
    assert dialog.save() is True
    rule = _rule(database, "CSM")
    assert rule.validity_months is None
    assert rule.min_experience_months_with_degree is None
    assert rule.min_experience_months_without_degree == 24
    assert rule.aliases == ("Scrum Master cert", "CSM cert")
    assert rule.renewal_routes == ("20 SEUs",)


def test_a_suspension_year_and_an_earlier_validity_are_edited(qtbot, database):
    dialog = _dialog(qtbot, database)
    _choose(dialog, "PRINCE2-PRACTITIONER")
    form = dialog.form
    assert form.earlier_before.text() == "2017-01-01"
    assert form.earlier_validity.value() == 60
    form.earlier_before.setText("2017-13-01")
    assert dialog.save() is False
    assert "YYYY-MM-DD" in form.error_text("earlier_before")
    form.earlier_before.setText("2016-07-01")
    assert dialog.save() is True
    assert _rule(database, "PRINCE2-PRACTITIONER").earlier_before == date(2016, 7, 1)

    _choose(dialog, "CSM")
    dialog.form.grace_months.setValue(6)
    assert dialog.save() is True
    assert _rule(database, "CSM").grace_months == 6


def test_an_invalid_pattern_is_explained_and_nothing_is_saved(qtbot, database, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "zadams")
    dialog = _dialog(qtbot, database)
    _choose(dialog, "PMP")
    dialog.name.setText("Someone Else")
    dialog.form.identifier_pattern.setText("[0-9")
    # Said while typing, before Save.
    assert dialog.form.error_text("identifier_pattern").startswith("not a valid pattern")
    dialog.form.validity_months.setValue(12)
    assert dialog.save() is False
    assert dialog.form.error_text("identifier_pattern").startswith("not a valid pattern")
    assert "Not saved" in dialog.status.text()
    rule = _rule(database, "PMP")
    assert (rule.revision, rule.validity_months, rule.identifier_pattern) == (2, 36, "[0-9]{4,10}")
    assert catalogue.consultant_name(database) == "zadams"


def test_a_new_certification_is_added_and_a_repeated_code_refused(qtbot, database):
    dialog = _dialog(qtbot, database)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form.is_new and not form.code.isReadOnly()
    assert dialog.save() is False  # a blank form names what is missing
    assert form.error_text("name") and form.error_text("issuer")
    form.code.setText("cissp")
    form.name.setText("Certified Information Systems Security Professional")
    form.issuer.setText("ISC2")
    form.validity_months.setValue(36)
    assert dialog.save() is True
    assert _rule(database, "CISSP").issuer == "ISC2"
    assert form.code_shown == "CISSP" and form.code.isReadOnly()
    codes = [dialog.rule_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(8)]
    assert "CISSP" in codes

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form.code.setText("PMP")
    form.name.setText("Another PMP")
    form.issuer.setText("Someone")
    assert dialog.save() is False
    assert "already has PMP" in form.error_text("code")


def test_leaving_a_rule_with_unsaved_edits_asks_first(qtbot, database, monkeypatch):
    dialog = _dialog(qtbot, database)
    _choose(dialog, "PMP")
    dialog.form.issuer.setText("Project Management Institute")
    asked: list[str] = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog.rule_list.setCurrentRow(1)
    assert asked and "Save your changes" in asked[0]
    assert dialog.form.code_shown == "PMP"  # stayed, edits intact
    assert dialog.form.issuer.text() == "Project Management Institute"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.rule_list.setCurrentRow(1)
    assert dialog.form.code_shown == "CSM"
    assert _rule(database, "PMP").issuer == "PMI"


@pytest.fixture
def window(qtbot, database, settings) -> MainWindow:
    main = MainWindow(database, settings)
    qtbot.addWidget(main, before_close_func=lambda w: w.editor.revert())
    qtbot.waitUntil(lambda: main._last_result is not None, timeout=5000)
    qtbot.waitUntil(lambda: main.search_bar.certification_filter.count() > 1, timeout=5000)
    return main


def test_saving_a_rule_refreshes_the_list_and_the_filter(qtbot, database, window):
    candidate = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com")).id
    claim_service.add_claim(database, candidate, "CSM", ClaimDraft(earned_on=date(2024, 1, 10)))
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.data_changed()
    model = window.candidate_model
    column = CERTIFICATIONS_COLUMN
    assert model.data(model.index(0, column)) == "CSM ✗"  # 24 months from 2024-01-10: lapsed
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    window.settings_action.trigger()
    dialog = window.certification_screens.settings_dialog
    assert dialog is not None and dialog.isVisible()
    _choose(dialog, "CSM")
    dialog.form.validity_months.setValue(120)
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        assert dialog.save() is True
    assert model.data(model.index(0, column)) == "CSM ?"  # current again, not yet verified
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.form.code.setText("SAFE-SA")
    dialog.form.name.setText("SAFe Agilist")
    dialog.form.issuer.setText("Scaled Agile")
    assert dialog.save() is True
    combo = window.search_bar.certification_filter
    qtbot.waitUntil(lambda: combo.findData("SAFE-SA") >= 0, timeout=5000)


def test_agency_branding_is_edited_with_errors_under_the_fields(qtbot, database, tmp_path):
    from workbench.pdf.profile_document import Branding
    from workbench.services.branding import load_branding, load_page_size

    dialog = _dialog(qtbot, database)
    form = dialog.branding_form
    assert form.agency_name.text() == Branding().agency_name  # the defaults until set
    assert form.page_size.currentText() == "A4" and not dialog.is_dirty
    form.agency_name.setText("")
    form.accent_colour.setText("navy")
    form.logo_path.setText(str(tmp_path / "missing.png"))
    assert dialog.save() is False
    assert form.error_text("agency_name") == "an agency name is needed"
    assert "#RRGGBB" in form.error_text("accent_colour")
    assert form.error_text("logo_path").startswith("no file ")
    assert form.error_text("contact_line") == ""
    assert load_branding(database) == Branding()  # nothing saved
    logo = tmp_path / "logo.jpg"
    logo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    form.agency_name.setText("Acme Talent")
    form.accent_colour.setText("#aa3300")
    form.logo_path.setText(str(logo))
    form.contact_line.setText("jobs@acme.example")
    form.page_size.setCurrentText("Letter")
    assert dialog.save() is True
    assert form.error_text("accent_colour") == "" and not dialog.is_dirty
    saved = load_branding(database)
    assert (saved.agency_name, saved.accent_colour, saved.logo_path) == (
        "Acme Talent",
        "#AA3300",
        str(logo),
    )
    assert saved.contact_line == "jobs@acme.example"
    assert load_page_size(database) == "Letter"
    reopened = _dialog(qtbot, database)
    again = reopened.branding_form
    assert again.agency_name.text() == "Acme Talent" and again.page_size.currentText() == "Letter"


# --- the Pipeline tab ---------------------------------------------------------------------


def _pipeline_dialog(qtbot, database) -> SettingsDialog:
    """Open Settings; edits left unsaved are dropped at the end, not asked about."""
    from workbench.services import pipeline

    def discard(dialog: SettingsDialog) -> None:
        dialog.stages_editor.set_stages(pipeline.stages(database), {})
        dialog.name.setText(catalogue.consultant_name(database))

    dialog = SettingsDialog(database)
    qtbot.addWidget(dialog, before_close_func=discard)
    return dialog


def _stage_names(dialog: SettingsDialog) -> list[str]:
    return [row.name for row in dialog.stages_editor.model.rows]


def _choose_stage(dialog: SettingsDialog, name: str) -> None:
    editor = dialog.stages_editor
    editor.list.setCurrentIndex(editor.model.index(_stage_names(dialog).index(name)))


def test_the_pipeline_tab_lists_stages_with_their_counts(qtbot, database, fill_candidates):
    fill_candidates(database, 3)  # new candidates start in Sourced
    dialog = _pipeline_dialog(qtbot, database)
    assert dialog.tabs.tabText(dialog.pipeline_tab_index) == "Pipeline"
    model = dialog.stages_editor.model
    assert _stage_names(dialog)[:2] == ["Sourced", "Screening"]
    assert model.data(model.index(0)) == "Sourced — 3 candidates"
    assert model.data(model.index(1)) == "Screening — no candidates"
    assert model.data(model.index(6)) == "Rejected — no candidates · exit"
    assert model.data(model.index(1), Qt.ItemDataRole.EditRole) == "Screening"


def test_renaming_reordering_and_adding_stages_is_saved(qtbot, database, monkeypatch):
    from workbench.services import pipeline

    monkeypatch.setattr("getpass.getuser", lambda: "zadams")
    dialog = _pipeline_dialog(qtbot, database)
    editor = dialog.stages_editor
    model = editor.model
    assert model.setData(model.index(1), "  Phone   screen ")  # as the inline editor does
    _choose_stage(dialog, "Interview")
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert _stage_names(dialog)[1:3] == ["Interview", "Phone screen"]
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # after Interview
    row = _stage_names(dialog).index("New stage")
    assert row == 2 and editor.list.currentIndex().row() == 2
    model.setData(model.index(row), "Client shortlist")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    model.setData(model.index(3), "On hold")
    editor.exit_box.setChecked(True)
    assert dialog.is_dirty
    with qtbot.waitSignal(dialog.stagesChanged, timeout=1000):
        assert dialog.save() is True
    stored = pipeline.stages(database)
    assert [s.name for s in stored][:6] == [
        "Sourced",
        "Interview",
        "Client shortlist",
        "On hold",
        "Phone screen",
        "Vetted",
    ]
    assert next(s for s in stored if s.name == "On hold").closed
    assert not dialog.is_dirty and editor.errors.isHidden()
    # The change is on the Settings history tab, as fields of one pipeline change.
    history = dialog.settings_history
    fields = [
        history.model.data(history.model.index(r, 3)) for r in range(history.model.rowCount())
    ]
    assert {"Stage renamed", "Stage added", "Stage order"} <= set(fields)
    assert _pipeline_dialog(qtbot, database).stages_editor.drafts() == editor.drafts()


def test_a_stage_the_app_relies_on_cannot_be_removed(qtbot, database):
    from workbench.services import pipeline

    candidate = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com")).id
    pipeline.move_stage(database, candidate, "Interview")
    dialog = _pipeline_dialog(qtbot, database)
    editor = dialog.stages_editor
    _choose_stage(dialog, "Vetted")
    assert not editor.remove_button.isEnabled()
    assert "the app relies on it" in editor.remove_button.toolTip()
    assert "Rename it instead" in editor.remove_button.toolTip()
    assert not editor.exit_box.isEnabled()
    editor.remove_stage()  # even when asked directly
    assert "Vetted" in _stage_names(dialog)
    _choose_stage(dialog, "Interview")  # no role, but holds Ann
    assert not editor.remove_button.isEnabled()
    assert "holds 1 candidate" in editor.remove_button.toolTip()
    _choose_stage(dialog, "Screening")  # no role, holds nobody
    assert editor.remove_button.isEnabled() and editor.exit_box.isEnabled()
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert "Screening" not in _stage_names(dialog)
    assert dialog.save() is True
    assert "Screening" not in [s.name for s in pipeline.stages(database)]


def test_duplicate_names_are_shown_in_the_tab_and_nothing_is_saved(qtbot, database):
    from workbench.services import pipeline

    before = pipeline.stages(database)
    dialog = _pipeline_dialog(qtbot, database)
    dialog.name.setText("Zoe Adams")
    editor = dialog.stages_editor
    model = editor.model
    model.setData(model.index(1), "sourced")
    assert not editor.errors.isHidden()  # said while typing
    dialog.tabs.setCurrentIndex(0)
    assert dialog.save() is False
    assert dialog.tabs.currentIndex() == dialog.pipeline_tab_index
    assert "Stage 2 (sourced): 'sourced' is already the name of stage 1" in editor.errors.text()
    assert model.data(model.index(1), Qt.ItemDataRole.ToolTipRole).startswith("'sourced'")
    assert "Pipeline" in dialog.status.text()
    assert pipeline.stages(database) == before
    assert catalogue.preference(database, catalogue.CONSULTANT_NAME) == ""  # nothing half-saved
    model.setData(model.index(1), "Screening")
    assert editor.errors.isHidden()


def test_a_refusal_from_the_database_is_shown_in_the_tab(qtbot, database):
    from workbench.services import pipeline

    dialog = _pipeline_dialog(qtbot, database)
    editor = dialog.stages_editor
    _choose_stage(dialog, "Screening")
    editor.remove_stage()  # empty when the dialog opened...
    # ...but a colleague added someone and moved them into it meanwhile.
    candidate = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com")).id
    pipeline.move_stage(database, candidate, "Screening")
    assert dialog.save() is False
    assert "Screening still holds 1 candidate" in editor.errors.text()
    assert "Screening" in [s.name for s in pipeline.stages(database)]


def test_the_stages_model_passes_qt_checks(qtbot, qtmodeltester, database):
    dialog = _pipeline_dialog(qtbot, database)
    model = dialog.stages_editor.model
    qtmodeltester.check(model)
    model.move(0, 1)
    model.move(3, -1)
    qtmodeltester.check(model)


def test_a_stage_is_renamed_in_place_from_its_name(qtbot, database):
    from PySide6.QtWidgets import QLineEdit

    dialog = _pipeline_dialog(qtbot, database)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.pipeline_tab_index)
    editor = dialog.stages_editor
    _choose_stage(dialog, "Screening")
    qtbot.mouseClick(editor.rename_button, Qt.MouseButton.LeftButton)
    line = editor.list.findChild(QLineEdit)
    assert line is not None and line.text() == "Screening"  # the name, not "— 0 candidates"
    line.selectAll()
    qtbot.keyClicks(line, "Phone screen")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: _stage_names(dialog)[1] == "Phone screen", timeout=1000)
    assert editor.chosen.text() == "Phone screen — no candidates"
