"""A meeting's name that reaches past the page's middle is read back as the meeting.

The meeting line is set flush to the far side after the last paragraph. The PDF reader knew it
by its start, past the page's middle, so a longer name ("41st plenary meeting of the
seventy-fifth session", 49 characters) was read as words of the operative part, and the build
refused as a bug in unres. The tagged PDF says more: the line stands outside the section that
holds the operative paragraphs.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import rendered_verified
from unres.akn_import import readable_source
from unres.readers.akn.reader import import_akn

SOURCES = Path(__file__).resolve().parent.parent / "source"
UNSEEN = Path(__file__).resolve().parent / "unseen" / "hrc" / "55session"
FILES = {"Arabic": "A_HRC_RES_55_19A.xml", "Chinese": "A_HRC_RES_55_5C.xml", "French": "A_HRC_RES_55_6F.xml",
         "Russian": "A_HRC_RES_55_3R.xml", "Spanish": "A_HRC_RES_55_24S.xml"}
# Words of a long meeting's name in each language, and its usual name.
WORDS = {"English": "41st plenary meeting of the seventy-fifth session resumed part two",
         "Arabic": "الجلسة العامة الحادية والأربعون من الدورة الخامسة والسبعين المستأنفة",
         "Chinese": "第四十一次全体会议第七十五届会议续会第二部分",
         "French": "41e séance plénière de la soixante-quinzième session reprise deuxième partie",
         "Russian": "41-е пленарное заседание семьдесят пятой сессии возобновленной часть вторая",
         "Spanish": "41ª sesión plenaria del septuagésimo quinto período de sesiones continuación"}


def source_text(language: str, name: str = "A_RES_75_40.md") -> str:
    if language == "English":
        return (SOURCES / name).read_text(encoding="utf-8")
    path = UNSEEN / language / FILES[language]
    return readable_source(str(path), import_akn(str(path))[0])


def with_meeting(text: str, meeting: str) -> str:
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    data["meeting"] = meeting
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10000) + "---\n" + body


@pytest.mark.parametrize("language", sorted(WORDS))
def test_a_meeting_name_of_a_long_line_is_read_back(tmp_path, language):
    rendered_verified(tmp_path, with_meeting(source_text(language), WORDS[language]), ("akn", "html", "pdf", "docx"))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["A_HRC_RES_38_3.md", "A_RES_75_40.md"]), count=st.integers(4, 9))
def test_a_meeting_name_of_any_length_on_one_line_is_read_back(tmp_path, name, count):
    words = WORDS["English"].split()
    rendered_verified(tmp_path, with_meeting(source_text("English", name), " ".join(words[:count])), ("pdf",))
