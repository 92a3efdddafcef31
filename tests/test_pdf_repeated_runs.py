"""Notes that open with the same long words, one line under the other, are read back whole.

PDFium leaves out of a page's text a text object it takes for a repeat of one drawn just before
it (see verify/read/pdf_textpage.py). A/RES/78/103 in Arabic has notes in a row that open alike
("المرجع نفسه، الفصل الثاني عشر، الفرع باء-" then "1." "2." "5."): the run before the number is one
text object on each line, Amiri's tall glyphs make the lines' boxes overlap, and the second, third
and fourth notes were read as "2." "5." "3 )ب).", so the right PDF was refused (O-VERIFY). Shown on
generated notes: several in a row opening with the same words, then a number after a hyphen, a
letter in brackets, other words or nothing (notes wholly alike), in Arabic and in the other
languages."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FRONT
from unres.errors import UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
LANGUAGES = {
    "Arabic": (["المرجع", "نفسه،", "الفصل", "الرابع،", "الفرع", "الثاني", "عشر،", "المرفق", "الجزء"],
               ["دال-{n}، والمرفق الرابع.", "باء-{n}.", "باء-{n} (ب).", "والمرفق الثالث.", ""],
               ("إن الجمعية العامة", "إذ تشير"), "المؤرخ"),
    "English": (["Ibid.,", "chapter", "IV,", "section", "annex", "Official", "Records", "Supplement"],
                ["sect. D-{n}, and annex IV.", "B-{n}.", "B-{n} (b).", "and annex III.", ""],
                ("The General Assembly", "Recalling"), "dated"),
    "French": (["Ibid.,", "chapitre", "IV,", "section", "annexe", "Documents", "officiels", "Supplément"],
               ["sect. D-{n}, et annexe IV.", "B-{n}.", "B-{n} b).", "et annexe III.", ""],
               ("L’Assemblée générale", "Rappelant"), "du"),
    "Russian": (["Там", "же,", "глава", "IV,", "раздел", "приложение", "Официальные", "отчеты"],
                ["разд. D-{n} и приложение IV.", "B-{n}.", "B-{n} b).", "и приложение III.", ""],
                ("Генеральная Ассамблея", "ссылаясь"), "от"),
    "Spanish": (["Ibid.,", "capítulo", "IV,", "sección", "anexo", "Documentos", "Oficiales", "Suplemento"],
                ["secc. D-{n}, y anexo IV.", "B-{n}.", "B-{n} b).", "y anexo III.", ""],
                ("La Asamblea General", "Recordando"), "de"),
    "Chinese": (["同上，", "第四章，", "第十二章，", "D节，", "附件", "大会正式记录，", "第七十八届会议，", "补编"],
                ["D-{n}节和附件四。", "B-{n}节。", "B-{n}(b)节。", "附件三。", ""],
                ("大会", "回顾"), "决议"),
}


@st.composite
def notes(draw):
    language = draw(st.sampled_from(sorted(LANGUAGES)))
    words, endings, _opening, _word = LANGUAGES[language]
    # long enough for the run to be a line's worth (an eighth of its width over a line's step)
    opening = " ".join(draw(st.lists(st.sampled_from(words), min_size=5, max_size=9)))
    count = draw(st.integers(2, 5))
    texts = []
    for _ in range(count):
        ending = draw(st.sampled_from(endings)).format(n=draw(st.integers(1, 9)))
        texts.append(f"{opening} {ending}".strip() if ending else opening + ("." if language != "Chinese" else "。"))
    return language, texts


def _source(language: str, texts: list) -> str:
    _words, _endings, (formula, opening), word = LANGUAGES[language]
    calls = " ".join(f"{word}[^{n}]" for n in range(1, len(texts) + 1))
    front = (FRONT.replace("\nlanguage: English", f"\nlanguage: {language}"))
    return (front + f"\n*{formula}*,\n\n*{opening}* {calls},\n\n"
            + "1. *Decides* to remain seized of the matter.\n\n"
            + "".join(f"[^{n}]: {text}\n\n" for n, text in enumerate(texts, start=1)))


@given(notes())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_notes_opening_alike_are_read_back_whole(tmp_path, drawn):
    language, texts = drawn
    try:
        render_verified(str(tmp_path / "res.md"), _source(language, texts).encode(), FORMATS, str(tmp_path / "out"))
    except UnresError as refused:
        pytest.fail(f"{language} {texts!r}: " + "; ".join(str(d) for d in refused.diagnostics))


def test_the_notes_of_78_103_in_arabic(tmp_path):
    texts = ["المرجع نفسه، الفصل الرابع، الفرع دال-3، والمرفق الثالث.",
             "المرجع نفسه، الفصل الرابع، الفرع دال-3، والمرفق الرابع.",
             "المرجع نفسه، الفصل الثاني عشر، الفرع باء-1.", "المرجع نفسه، الفصل الثاني عشر، الفرع باء-2.",
             "المرجع نفسه، الفصل الثاني عشر، الفرع باء-5.", "المرجع نفسه، الفصل الثاني عشر، الفرع باء-3 (ب)."]
    render_verified(str(tmp_path / "res.md"), _source("Arabic", texts).encode(), FORMATS, str(tmp_path / "out"))
