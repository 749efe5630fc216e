"""Render profile documents to PDF bytes with reportlab Platypus: branded, escaped, repeatable.

Import this module only when a PDF is made: importing reportlab costs ~150 ms of start-up.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from workbench.pdf.flowables import (
    BADGE_WIDTH,
    Badge,
    DeferredCanvas,
    FixedTime,
    Rows,
    SectionHeading,
    StartProfile,
)
from workbench.pdf.fonts import BOLD, REGULAR, cjk_language, has_cjk, markup, register_fonts
from workbench.pdf.profile_document import (
    Branding,
    CertificationLine,
    CoverPage,
    ProfileDocument,
    ProfileOptions,
    format_day,
)
from workbench.pdf.styles import Styles, make_styles

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 30 * mm  # room for the header band
MARGIN_BOTTOM = 24 * mm  # room for the disclaimer and page number
MUTED = colors.HexColor("#5B6573")
RULE = colors.HexColor("#C9D0D8")


class _ProfileTemplate(BaseDocTemplate):
    """A document template that pins the creation date and the file id to the content."""

    def __init__(self, buffer: io.BytesIO, *, day: date, fingerprint: bytes, **kwargs: Any):
        super().__init__(buffer, invariant=1, **kwargs)
        self._day, self._fingerprint = day, fingerprint

    def beforeDocument(self) -> None:
        """Pin the creation date and seed the file id from the content, not the clock."""
        pdf = self.canv._doc
        pdf._timeStamp = FixedTime(self._day)
        pdf.signature = hashlib.md5(self._fingerprint, usedforsecurity=False)


def _para(text: str, style: ParagraphStyle, language: str = "zh") -> Paragraph:
    """Return a Paragraph of user text: escaped, with CJK runs in a CID font."""
    return _markup_para(markup(text, language), style, cjk=has_cjk(text))


def _markup_para(safe_markup: str, style: ParagraphStyle, *, cjk: bool = False) -> Paragraph:
    """Return a Paragraph of markup already made safe; CJK text may break between characters."""
    if cjk:
        style = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
    return Paragraph(safe_markup, style)


class _Story:
    """Builds the flowables of one profile."""

    def __init__(self, document: ProfileDocument, styles: Styles, width: float) -> None:
        self.document, self.styles, self.width = document, styles, width
        self.language = cjk_language(document.country)

    def p(self, text: str, style: ParagraphStyle) -> Paragraph:
        """Return a Paragraph of user text in this profile's CJK language."""
        return _para(text, style, self.language)

    def build(self, index: int) -> list[Flowable]:
        """Return the profile's flowables, starting with its page mark."""
        doc, st = self.document, self.styles
        story: list[Flowable] = [StartProfile(index), self.p(doc.display_name, st.name)]
        story.append(self.p(doc.role, st.role))
        if doc.facts:
            story.append(self.p("  ·  ".join(doc.facts), st.facts))
        if doc.contact:
            story.append(self.p("  ·  ".join(doc.contact), st.contact))
        if doc.details:
            story.append(Spacer(1, 3 * mm))
            story.append(self._details())
        if doc.summary:
            story += [SectionHeading("Profile", st), *self._text(doc.summary, st.body)]
        if doc.recommendation:
            story.append(SectionHeading("Consultant's recommendation", st))
            story += self._text(doc.recommendation, st.body)
        if doc.certifications:
            story += [SectionHeading("Certifications", st), self._certifications()]
        if doc.skill_groups:
            story += [SectionHeading("Skills", st), self._skills()]
        if doc.jobs:
            story.append(SectionHeading("Work history", st))
            for job in doc.jobs:
                story += self._job(job.title, job.employer, job.period, job.description)
        if doc.education:
            story.append(SectionHeading("Education", st))
            story += [self.p(line, st.item) for line in doc.education]
        return story

    def _text(self, text: str, style: ParagraphStyle) -> list[Flowable]:
        """Return free text as paragraphs; lines starting with '-', '*' or '•' as bullets."""
        flowables: list[Flowable] = []
        for block in (b.strip() for b in text.split("\n")):
            if not block:
                continue
            if block[0] in "-*•" and len(block) > 1:
                flowables.append(self.p(block[1:].strip(), self.styles.bullet))
                flowables[-1].bulletText = "•"
            else:
                flowables.append(self.p(block, style))
        return flowables

    def _job(self, title: str, employer: str, period: str, description: str) -> list[Flowable]:
        """Return one job: its title and employer line kept with the start of its description."""
        st = self.styles
        heading = self.p(title or employer, st.job_title)
        heading.keepWithNext = 1
        meta_parts = [markup(employer, self.language)] if title and employer else []
        if period:
            meta_parts.append(markup(period))
        flowables: list[Flowable] = [heading]
        if meta_parts:
            meta = _markup_para("  ·  ".join(meta_parts), st.job_meta, cjk=has_cjk(employer))
            meta.keepWithNext = 1
            flowables.append(meta)
        flowables += self._text(description, st.body) or [Spacer(1, 1 * mm)]
        return flowables

    def _two_columns(self, rows: list[tuple[Flowable, list[Flowable]]], label: float) -> Flowable:
        """Return label-and-text rows with the label column this wide."""
        return Rows(rows, label, gap=3.5)

    def _details(self) -> Flowable:
        """Return the key facts below the headline (other roles, industries, salary...)."""
        st = self.styles
        rows = [(self.p(k, st.label), [self.p(v, st.value)]) for k, v in self.document.details]
        return self._two_columns(rows, 38 * mm)

    def _skills(self) -> Flowable:
        """Return the skills, one row per group of the guide's checklist."""
        st = self.styles
        rows = [
            (self.p(group, st.label), [self.p(", ".join(skills), st.value)])
            for group, skills in self.document.skill_groups
        ]
        return self._two_columns(rows, 38 * mm)

    def _certifications(self) -> Flowable:
        """Return one row per certification: its badge, then what was checked."""
        rows: list[tuple[Flowable, list[Flowable]]] = [
            (Badge(line.badge), self._certification(line)) for line in self.document.certifications
        ]
        return Rows(rows, BADGE_WIDTH, gap=4.5)

    def _certification(self, line: CertificationLine) -> list[Flowable]:
        """Return a certification's title line and the wording of its check."""
        st = self.styles
        title = f"<b>{markup(line.code)}</b>  {markup(line.name, self.language)}"
        if line.credential_id:
            title += f'  <font color="#5B6573">No. {markup(line.credential_id)}</font>'
        style = st.verified if line.badge == "verified" else st.cert_note
        return [_markup_para(title, st.value), self.p(line.wording, style)]


def _logo(branding: Branding) -> ImageReader | None:
    """Return the agency's logo read from disk, or None when it is missing or unreadable."""
    if not branding.logo_path:
        return None
    path = Path(branding.logo_path)
    try:
        # Read the bytes ourselves: ImageReader given a string would also fetch URLs.
        return ImageReader(io.BytesIO(path.read_bytes()))
    except Exception:  # a broken logo must never stop a profile: it is decoration
        return None


COVER = -1  # the page index of a shortlist's cover, before the first profile's 0


def _cover(cover: CoverPage, styles: Styles, width: float) -> list[Flowable]:
    """Return the flowables of a shortlist's cover page: the brief, then the candidates."""
    story: list[Flowable] = [
        StartProfile(COVER),
        _para(f"Candidates for {cover.title}", styles.name),
        _para(f"{cover.client} · {cover.reference}", styles.role),
    ]
    if cover.contact:
        story.append(_para(f"For the attention of {cover.contact}", styles.contact))
    if cover.facts:
        story.append(_para("  ·  ".join(cover.facts), styles.facts))
    story.append(SectionHeading(f"Put forward ({len(cover.candidates)})", styles))
    for reference, name, line in cover.candidates:
        story.append(_para(name, styles.job_title))
        story.append(
            _para(
                "  ·  ".join(part for part in (f"Ref. {reference}", line) if part), styles.job_meta
            )
        )
    if cover.prepared_by:
        story += [Spacer(1, 6 * mm), _para(f"Prepared by {cover.prepared_by}", styles.body)]
    story.append(PageBreak())
    return story


def _decorator(
    documents: Sequence[ProfileDocument],
    branding: Branding,
    styles: Styles,
    size: tuple[float, float],
    cover: CoverPage | None = None,
) -> Callable[[Canvas, int, int, int], None]:
    """Return the function that draws a page's header and footer."""
    width, height = size
    logo = _logo(branding)
    disclaimer = _para(branding.disclaimer, styles.footer) if branding.disclaimer else None
    agency = markup(branding.agency_name)

    def decorate(canvas: Canvas, index: int, page: int, pages: int) -> None:
        """Draw one page's header and footer: branding, reference, page n of N."""
        document = documents[max(index, 0)]
        canvas.saveState()
        top = height - 12 * mm
        left = MARGIN_X
        if logo is not None:
            logo_w, logo_h = logo.getSize()
            draw_h = 11 * mm
            draw_w = min(draw_h * logo_w / max(logo_h, 1), 40 * mm)
            canvas.drawImage(logo, left, top - draw_h + 2 * mm, draw_w, draw_h, mask="auto")
            left += draw_w + 4 * mm
        header_w = width - MARGIN_X - left - 55 * mm
        name = _markup_para(agency, styles.agency, cjk=has_cjk(branding.agency_name))
        _, name_h = name.wrap(header_w, 12 * mm)
        name.drawOn(canvas, left, top - name_h + 4 * mm)
        if branding.contact_line:
            contact = _para(branding.contact_line, styles.header_small)
            _, contact_h = contact.wrap(header_w, 10 * mm)
            contact.drawOn(canvas, left, top - name_h - contact_h + 3 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(BOLD, 7.5)
        kind = "ANONYMISED CANDIDATE PROFILE" if document.blind else "CANDIDATE PROFILE"
        reference = document.reference
        if index == COVER and cover is not None:
            kind, reference = "SHORTLIST", cover.reference
        canvas.drawRightString(width - MARGIN_X, top + 1 * mm, kind)
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(width - MARGIN_X, top - 3.5 * mm, f"Ref. {reference}")
        canvas.setStrokeColor(styles.accent)
        canvas.setLineWidth(1.4)
        canvas.line(MARGIN_X, height - 22 * mm, width - MARGIN_X, height - 22 * mm)

        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 19 * mm, width - MARGIN_X, 19 * mm)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 7.5)
        canvas.drawRightString(width - MARGIN_X, 15 * mm, f"Page {page} of {pages}")
        canvas.drawRightString(
            width - MARGIN_X, 11.5 * mm, f"Generated {format_day(document.generated_on)}"
        )
        if disclaimer is not None:
            _, used = disclaimer.wrap(width - 2 * MARGIN_X - 40 * mm, 12 * mm)
            disclaimer.drawOn(canvas, MARGIN_X, 17.5 * mm - used)
        canvas.restoreState()

    return decorate


def render_profiles(
    documents: Sequence[ProfileDocument],
    options: ProfileOptions,
    branding: Branding,
    cover: CoverPage | None = None,
) -> bytes:
    """Return one PDF holding each profile, each starting on a new page with its own numbering.

    With a cover, a shortlist page for the job comes first.
    """
    if not documents:
        raise ValueError("no profiles to render")
    register_fonts()
    styles = make_styles(branding.accent_colour)
    size = PAGE_SIZES[options.page_size]
    frame_w = size[0] - 2 * MARGIN_X
    references = [d.reference for d in documents] + ([cover.reference] if cover else [])
    fingerprint = "\n".join(references).encode("utf-8")
    first = documents[0]
    if len(documents) == 1:
        title, subject = (
            f"{first.display_name} — {first.role}",
            f"Candidate profile {first.reference}",
        )
    else:
        title = f"Candidate profiles ({len(documents)})"
        subject = "Candidate profiles " + ", ".join(d.reference for d in documents)
    if cover is not None:
        title = f"Candidates for {cover.title} ({cover.reference})"
    buffer = io.BytesIO()
    template = _ProfileTemplate(
        buffer,
        day=options.generated_on,
        fingerprint=fingerprint,
        pagesize=size,
        title=title,
        author=branding.agency_name,
        subject=subject,
        keywords=sorted({"IT Project Manager", "candidate profile", *(d.role for d in documents)}),
        creator="Workbench",
        initialFontName=REGULAR,  # else every page names Helvetica, a font never drawn
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        frame_w,
        size[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate(id="profile", frames=[frame])])
    story: list[Flowable] = _cover(cover, styles, frame_w) if cover else []
    for index, document in enumerate(documents):
        if index:
            story.append(PageBreak())
        story += _Story(document, styles, frame_w).build(index)
    decorate = _decorator(documents, branding, styles, size, cover)
    template.build(story, canvasmaker=partial(DeferredCanvas, decorate=decorate))
    return buffer.getvalue()


def render_profile(document: ProfileDocument, options: ProfileOptions, branding: Branding) -> bytes:
    """Return one candidate's profile as PDF bytes; the same input gives the same bytes."""
    return render_profiles([document], options, branding)


__all__ = ["PAGE_SIZES", "render_profile", "render_profiles"]
