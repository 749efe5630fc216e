"""The fonts a profile embeds, and escaping user text into Paragraph markup with CJK fallback.

DejaVu Sans (shipped in resources/fonts) covers Latin, Greek, Cyrillic and Vietnamese. It has no
Chinese, Japanese or Korean glyphs, so runs of those scripts switch to reportlab's built-in CID
fonts, which need no font file (the PDF viewer supplies the glyphs).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from workbench.domain.countries import country_code
from workbench.domain.errors import WorkbenchError

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
# A source checkout (or editable install) keeps resources/ at the top; a wheel carries a copy.
_CANDIDATE_DIRS = (
    _PACKAGE_DIR.parent / "resources" / "fonts",
    _PACKAGE_DIR / "_resources" / "fonts",
)

# Sans faces where a language has one, to sit beside DejaVu Sans; Chinese has only a serif.
# Not MSung-Light: reportlab pairs it with a GB CMap, and viewers show the wrong characters.
CID_FONTS = {"zh": "STSong-Light", "ja": "HeiseiKakuGo-W5", "ko": "HYSMyeongJo-Medium"}
_LANGUAGE_BY_COUNTRY = {"JP": "ja", "KR": "ko"}
# A CID font shows only its character set; these codecs encode the same sets, so a character
# one refuses goes to a font that has it (伟 is not Japanese; a JIS font would show another).
_CHARSETS = {"zh": "gbk", "ja": "cp932", "ko": "cp949"}

_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_MARKS = "\u3000-\u303f\uff00-\uff65\uffe0-\uffef"  # 、。「」 and full-width forms
_CJK_RUN = re.compile(f"[{_KANA}{_HANGUL}{_HAN}{_CJK_MARKS}]+")
_HAS_KANA = re.compile(f"[{_KANA}]")
_HAS_HANGUL = re.compile(f"[{_HANGUL}]")


def fonts_folder() -> Path:
    """Return the folder holding the shipped TTF fonts; WorkbenchError when it is missing."""
    for folder in _CANDIDATE_DIRS:
        if (folder / _FILES[REGULAR]).is_file():
            return folder
    raise WorkbenchError("the PDF fonts (resources/fonts) are missing from this installation")


@cache
def register_fonts() -> None:
    """Register DejaVu Sans regular and bold once per process, as one family for <b>."""
    folder = fonts_folder()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)


@cache
def cid_font(language: str) -> str:
    """Return the registered name of the CID font for a CJK language, registering it once."""
    name = CID_FONTS.get(language, CID_FONTS["zh"])
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def cjk_language(country: str) -> str:
    """Return which CJK font reads Han characters best for a candidate from this country."""
    return _LANGUAGE_BY_COUNTRY.get(country_code(country) or "", "zh")


def has_cjk(text: str) -> bool:
    """Return True when the text holds Chinese, Japanese or Korean characters."""
    return _CJK_RUN.search(text) is not None


def markup(text: str, han_language: str = "zh") -> str:
    """Return user text as safe Paragraph markup: escaped, CJK runs in a CID font.

    Escaping <, > and & leaves no tag the data could open, so no formatting, link, image or
    font file can come from it. Kana marks a run as Japanese and Hangul as Korean; Han alone
    follows the candidate's country.
    """
    if not has_cjk(text):
        return escape(text)
    parts: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        parts.append(escape(text[position : run.start()]))
        chunk = run.group()
        if _HAS_KANA.search(chunk):
            preferred = "ja"
        elif _HAS_HANGUL.search(chunk):
            preferred = "ko"
        else:
            preferred = han_language
        parts += (
            f'<font name="{cid_font(language)}">{escape(piece)}</font>'
            for language, piece in _by_charset(chunk, preferred)
        )
        position = run.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def _by_charset(chunk: str, preferred: str) -> list[tuple[str, str]]:
    """Return the run in one font that has all its characters, else split it by character."""
    order = list(dict.fromkeys((preferred, "zh", "ja", "ko")))
    for language in order:
        if _encodes(chunk, language):
            return [(language, chunk)]
    pieces: list[tuple[str, str]] = []
    for char in chunk:
        language = next((lang for lang in order if _encodes(char, lang)), preferred)
        if pieces and pieces[-1][0] == language:
            pieces[-1] = (language, pieces[-1][1] + char)
        else:
            pieces.append((language, char))
    return pieces


def _encodes(text: str, language: str) -> bool:
    """Return True when a CJK font's character set has every character of text."""
    try:
        text.encode(_CHARSETS[language])
    except UnicodeEncodeError:
        return False
    return True


__all__ = ["BOLD", "REGULAR", "cid_font", "cjk_language", "fonts_folder", "has_cjk", "markup"]
