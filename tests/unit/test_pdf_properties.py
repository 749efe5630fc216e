"""Properties: a profile of any text renders to a PDF that opens and shows the candidate's name."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from functools import cache

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from tests.unit.profile_samples import CLAIMS, GENERATED_ON, RULES, TYPICAL, candidate
from workbench.domain.candidate import CandidateDraft, EducationEntry, WorkHistoryEntry
from workbench.domain.vocabulary import SKILL_CATEGORIES
from workbench.pdf.fonts import REGULAR, register_fonts
from workbench.pdf.profile_document import (
    OTHER_GROUP,
    SOFT_SKILLS_GROUP,
    Branding,
    CertificationLine,
    CoverPage,
    Job,
    ProfileDocument,
    ProfileOptions,
    build_profile,
)
from workbench.pdf.render import render_profile, render_profiles

# Rendering and parsing a PDF takes a tenth of a second or more: few, rich examples.
PDF_SETTINGS = settings(max_examples=30, deadline=None)

# Text with what breaks naive PDF code: markup, entities, right-to-left and combining marks,
# emoji and other astral characters, CJK, words too long for a line, control characters.
TRICKY = st.sampled_from(
    [
        "",
        "<b>bold",
        "</para>",
        '<a href="https://evil.example">x</a>',
        "&",
        "&amp;",
        "&#0;",
        "&nbsp;",
        "<font name='/etc/passwd'>",
        "שלום עולם",
        "مرحبا بالعالم",
        "\u202eevil\u202c",
        "e\u0301\u0301\u0301",
        "😀👩‍💻🏳️‍🌈",
        "王伟 花子 민준 𠀀𪚥",
        "\u3000、。「」",
        "x" * 400,
        "-",
        "•",
        "\x00\x01\x1b\x7f",
        "\t\r\n",
        "\ufeff\u200b",
    ]
)
TEXT = st.one_of(TRICKY, st.text(max_size=60), st.lists(TRICKY, max_size=4).map(" ".join))
LINES = st.lists(TEXT, max_size=6).map("\n".join)
TEXTS = st.lists(TEXT, max_size=3).map(tuple)


@cache
def drawable() -> frozenset[int]:
    """Return the code points the bundled regular font has glyphs for."""
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    return frozenset(font.face.charToGlyph)


def _letters() -> st.SearchStrategy[str]:
    """Return letters of the scripts DejaVu Sans covers (Latin, Greek, Cyrillic)."""
    return st.characters(categories=["Lu", "Ll"], max_codepoint=0x4FF).filter(
        lambda ch: ord(ch) in drawable()
    )


# A name pypdf can read back: drawable letters, short enough to sit on one line.
NAMES = st.lists(st.text(_letters(), min_size=1, max_size=12), min_size=1, max_size=3).map(" ".join)

# Row labels are the app's own words, never the candidate's. Rows cannot split a label
# column taller than a page (400-character words in a 36 mm column), so arbitrary labels
# would test a document build_profile never makes.
DETAIL_LABELS = st.sampled_from(
    ["Also works as", "Industries", "Environments", "Security clearance", "Guide band"]
)
GROUP_LABELS = st.sampled_from([*SKILL_CATEGORIES, SOFT_SKILLS_GROUP, OTHER_GROUP])

CERTIFICATIONS = st.builds(
    CertificationLine,
    code=TEXT,
    name=TEXT,
    credential_id=TEXT,
    badge=st.sampled_from(["verified", "claimed", "lapsed"]),
    wording=TEXT,
)
DOCUMENTS = st.builds(
    ProfileDocument,
    candidate_id=st.integers(1, 10**6),
    reference=TEXT,
    display_name=NAMES,
    role=TEXT,
    facts=TEXTS,
    contact=TEXTS,
    country=st.one_of(TEXT, st.sampled_from(["Japan", "South Korea", "China"])),
    details=st.lists(st.tuples(DETAIL_LABELS, TEXT), max_size=3).map(tuple),
    summary=LINES,
    recommendation=LINES,
    skill_groups=st.lists(st.tuples(GROUP_LABELS, TEXTS), max_size=3).map(tuple),
    jobs=st.lists(st.builds(Job, TEXT, TEXT, TEXT, LINES), max_size=3).map(tuple),
    education=TEXTS,
    certifications=st.lists(CERTIFICATIONS, max_size=3).map(tuple),
    generated_on=st.just(GENERATED_ON),
    blind=st.booleans(),
)
BRANDINGS = st.builds(
    Branding,
    agency_name=TEXT,
    contact_line=TEXT,
    disclaimer=TEXT,
    accent_colour=st.sampled_from(["#1F4E79", "#000000", "#FFFFFF"]),
)


def pdf_text(pdf: bytes) -> str:
    """Open the PDF as a viewer would, check it has pages, and return its text flattened."""
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@PDF_SETTINGS
@given(DOCUMENTS, BRANDINGS)
@example(
    replace(
        build_profile(candidate(), CLAIMS, ProfileOptions(GENERATED_ON), RULES),
        summary="<b>unclosed & <i>tags\n- \n-",
        display_name="Łukasz Żółć",
    ),
    Branding(agency_name="<font size=99>", disclaimer="&", contact_line=""),
)
def test_any_profile_renders_and_names_the_candidate(
    document: ProfileDocument, branding: Branding
) -> None:
    pdf = render_profile(document, ProfileOptions(GENERATED_ON), branding)
    assert document.display_name in pdf_text(pdf)


@PDF_SETTINGS
@given(
    st.builds(
        CandidateDraft,
        first_name=NAMES,
        last_name=NAMES,
        email=TEXT,
        phone=TEXT,
        city=TEXT,
        country=TEXT,
        linkedin_url=TEXT,
        years_experience=st.one_of(st.none(), st.floats(0, 60)),
        salary_expectation=st.one_of(st.none(), st.integers(0, 10**8)),
        currency=TEXT,
        available_from=st.one_of(st.none(), st.dates()),
        work_environments=TEXTS,
        industries=TEXTS,
        skills=TEXTS,
        work_history=st.lists(
            st.builds(
                WorkHistoryEntry,
                TEXT,
                TEXT,
                st.one_of(st.none(), st.dates()),
                st.one_of(st.none(), st.dates()),
                LINES,
            ),
            max_size=3,
        ).map(tuple),
        education=st.lists(
            st.builds(EducationEntry, TEXT, TEXT, TEXT, st.one_of(st.none(), st.integers()))
        ).map(tuple),
        security_clearance=TEXT,
        summary=LINES,
    ),
    st.builds(
        ProfileOptions,
        generated_on=st.just(GENERATED_ON),
        blind=st.booleans(),
        initials=st.booleans(),
        show_salary=st.booleans(),
        show_lapsed=st.booleans(),
        page_size=st.sampled_from(["A4", "Letter"]),
    ),
    LINES,
)
@example(replace(TYPICAL, summary="x" * 5_000, city="<b>"), ProfileOptions(GENERATED_ON), "&")
def test_any_candidate_builds_a_profile_that_renders(
    draft: CandidateDraft, options: ProfileOptions, recommendation: str
) -> None:
    document = build_profile(
        candidate(draft), CLAIMS, options, RULES, recommendation=recommendation
    )
    text = pdf_text(render_profile(document, options, Branding()))
    if not options.blind:
        assert draft.full_name in text


@settings(max_examples=15, deadline=None)
@given(
    st.lists(DOCUMENTS, min_size=1, max_size=3),
    st.builds(
        CoverPage,
        reference=TEXT,
        title=TEXT,
        client=TEXT,
        contact=TEXT,
        facts=TEXTS,
        candidates=st.lists(st.tuples(TEXT, TEXT, TEXT), max_size=3).map(tuple),
        prepared_by=TEXT,
    ),
)
def test_a_shortlist_of_any_profiles_renders(
    documents: list[ProfileDocument], cover: CoverPage
) -> None:
    pdf = render_profiles(documents, ProfileOptions(date(2026, 3, 20)), Branding(), cover)
    text = pdf_text(pdf)
    for document in documents:
        assert document.display_name in text
