"""The one typeface the PDF is set in, and the check that it is really there.

WeasyPrint asks fontconfig for a family and silently takes whatever comes
closest when it is missing, so the check runs before rendering (the faces are
installed) and after (every glyph was drawn with them).
"""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ...errors import named_characters, tool_error
from ...model import languages
from ...model.ignorable import prints_nothing

FAMILY = "Liberation Serif"
# Upright, bold, italic and bold italic are all used by the layout.
STYLES = ("Regular", "Bold", "Italic", "Bold Italic")
INSTALL_HINT = ("install it with `apt-get install fonts-liberation2` "
                "(Debian/Ubuntu; the package ships Liberation Serif)")
# Faces for scripts Liberation Serif does not cover, by BCP 47 language: (family, Debian package).
SCRIPT_FACES = {
    "ar": ("Amiri", "fonts-hosny-amiri"),
    "zh": ("AR PL UMing CN", "fonts-arphic-uming"),
}
# The last resort for symbols and punctuation no text face has (U+2E3A two-em dash …), for
# every language; named in the stylesheet, so it is a choice, not a silent fallback.
SYMBOL_FACE = ("Symbola", "fonts-symbola")
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
             Path.home() / ".local/share/fonts", Path.home() / ".fonts")


def _styles_from_fontconfig(family: str) -> set[str] | None:
    """Styles fontconfig knows for ``family``; None when fc-list is unavailable."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    try:
        out = subprocess.run([fc_list, f":family={family}", "style"], capture_output=True,
                             text=True, timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    styles = set()
    for line in out.splitlines():
        # "style=Bold Italic" — fontconfig may list localised names, comma-separated.
        for name in line.partition("=")[2].split(","):
            styles.add(name.strip())
    return styles


def _styles_from_files(family: str) -> set[str]:
    stem = family.replace(" ", "")
    found = set()
    for folder in FONT_DIRS:
        if not folder.is_dir():
            continue
        for style in STYLES:
            if any(folder.rglob(f"{stem}-{style.replace(' ', '')}.[ot]tf")):
                found.add(style)
    return found


@lru_cache(maxsize=None)
def require(family: str = FAMILY, lang: str = "en") -> None:
    """Raise ToolError (T-FONT) unless every style of ``family`` is installed, and the face
    the document's language needs besides it."""
    for face, package in [SCRIPT_FACES[lang]] if lang in SCRIPT_FACES else []:
        found = _styles_from_fontconfig(face)
        if found is not None and not found:
            raise tool_error(f"the font {face}, needed for text in '{lang}', is not installed; "
                             f"install it with `apt-get install {package}`", "T-FONT")
    face, package = SYMBOL_FACE
    found = _styles_from_fontconfig(face)
    if found is not None and not found:
        raise tool_error(f"the font {face}, used for rare symbols, is not installed; "
                         f"install it with `apt-get install {package}`", "T-FONT")
    styles = _styles_from_fontconfig(family)
    if styles is None:
        styles = _styles_from_files(family)
    missing = [style for style in STYLES if style not in styles]
    if missing:
        raise tool_error(
            f"the font {family} ({', '.join(missing)}) is not installed; {INSTALL_HINT}",
            "T-FONT")


def allowed_families(lang: str) -> set[str]:
    faces = {FAMILY, SYMBOL_FACE[0]}
    return faces | ({SCRIPT_FACES[lang][0]} if lang in SCRIPT_FACES else set())


def check_used(drawn: dict, missing_codepoints=(), lang: str = "en", locate=None) -> None:
    """Raise ToolError when text was drawn in another face or not drawn at all.

    ``drawn`` maps each face WeasyPrint embedded to the characters it drew with
    it; ``missing_codepoints`` are the characters it found in no font (they
    would print as empty boxes). ``locate``, given the offending characters,
    returns where the source first uses one, for the message.
    """
    allowed = allowed_families(lang)
    # A face that drew nothing one sees (U+061C ARABIC LETTER MARK in an English text, which
    # Pango gives a face that has it) has drawn no text in another face.
    others = sorted(family for family in drawn if family not in allowed
                    and not prints_nothing("".join(drawn[family])))
    strays = sorted({char for family in others for char in drawn[family] if not prints_nothing(char)})
    missing = sorted({chr(cp) for cp in missing_codepoints})
    if not (others or missing):
        return
    faces = " or ".join(sorted(allowed, key=lambda face: face != FAMILY))
    # Another UN language's script (an Arabic or a Chinese word in an English text) is set in that
    # language's versions only, in its own face: no Liberation Serif will ever have it.
    groups = {code: [ch for ch in strays if _script_of(ch) == code] for code in SCRIPT_FACES if code != lang}
    groups = {None: [ch for ch in strays if _script_of(ch) in (None, lang)], **groups}
    reasons, advice = [], []
    for code, chars in groups.items():
        if not chars:
            continue
        by = ", ".join(family for family in others if set(chars) & set(drawn[family]))
        reason = f"{named_characters(chars)} {'is' if len(chars) == 1 else 'are'} not in {faces} and would be drawn with {by}"
        if code is not None:
            reason += (f": {_SCRIPT_NAMES[code]} script, which unres sets only in a version in "
                       f"{languages.english_name(code)} (in {SCRIPT_FACES[code][0]})")
            advice.append(f"write the {_SCRIPT_NAMES[code]} words in the resolution's own script")
        reasons.append(reason)
    if missing:
        reasons.append(f"no installed font has {named_characters(missing)}")
    if groups[None] or missing:
        advice.insert(0, f"replace those characters in the source or install a {FAMILY} that has them")
    loc = locate(strays + missing) if locate else None
    raise tool_error("; ".join(reasons + advice), "T-FONT-FALLBACK", loc)


_SCRIPT_NAMES = {"ar": "Arabic", "zh": "Han (Chinese)"}
# The blocks of each script SCRIPT_FACES names a face for: Arabic (with its supplement, extended
# blocks and presentation forms), and the Han ideographs with the CJK symbols and punctuation
# and the full-width forms a Chinese text is set with (not the half-width kana and Hangul).
_SCRIPT_BLOCKS = {
    "ar": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "zh": ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFF60),
           (0xFFE0, 0xFFE6), (0x20000, 0x3FFFF)),
}


def _script_of(ch: str) -> str | None:
    """The language of SCRIPT_FACES whose script ``ch`` is in, if any."""
    point = ord(ch)
    return next((code for code, blocks in _SCRIPT_BLOCKS.items()
                 if any(low <= point <= high for low, high in blocks)), None)
