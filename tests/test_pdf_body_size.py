"""The PDF reader tells the body's size by the paragraphs' numbers ("1.", "1-"), and counts only
a number that opens its line. A note citing a treaty, "Nations Unies, *Recueil des Traités*,
vol. 1760, n^o^ 30619.", sets its number after a raised letter, so " 30619." is a fragment of its
own that reads as a paragraph's number too: A/RES/78/146 in French cites more treaties in its
notes than it has operative paragraphs, its body was read in the notes' size, every note was read
as words of the body, and its build was refused (O-VERIFY) though the PDF was right. Shown on
generated resolutions, in French and in English, with more such notes than paragraphs."""
from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FRONT, make_source

OPENINGS = {"French": ("*Rappelant* la Convention", "*Prie* le Secrétaire général de faire rapport",
                       "Nations Unies, *Recueil des Traités*, vol. {vol}, n^o^ {number}."),
            "English": ("*Recalling* the Convention", "*Requests* the Secretary-General to report",
                        "United Nations, *Treaty Series*, vol. {vol}, n^o^ {number}.")}


def source(language: str, paragraphs: int, notes: int, numbers: list) -> tuple[str, str]:
    recall, request, note = OPENINGS[language]
    front = FRONT.replace("language: English", f"language: {language}")
    preamble = "\n\n".join(f"{recall} {i + 1}[^{i + 1}]," for i in range(notes))
    operative = "\n\n".join(f"{i + 1}. {request} {i + 1};" for i in range(paragraphs))
    defs = "\n\n".join("[^{}]: {}".format(i + 1, note.format(vol=1000 + 37 * i, number=numbers[i]))
                       for i in range(notes))
    return front, f"\n*The Human Rights Council*,\n\n{preamble}\n\n{operative}\n\n{defs}\n"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(language=st.sampled_from(sorted(OPENINGS)), paragraphs=st.integers(1, 5), more=st.integers(1, 4),
       numbers=st.lists(st.integers(10_000, 99_999), min_size=9, max_size=9))
def test_treaty_numbers_in_notes_do_not_set_the_body_size(tmp_path_factory, language, paragraphs, more,
                                                          numbers):
    tmp = tmp_path_factory.mktemp("size")
    front, body = source(language, paragraphs, paragraphs + more, numbers)
    path = make_source(tmp, front=front, body=body)
    # The build reads every output back before it publishes: a body read in the notes' size fails it.
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(tmp / "out"),
                             "-q", "-f", "pdf"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp / "out" / "res.pdf").is_file()
