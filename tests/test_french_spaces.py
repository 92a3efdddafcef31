"""French print does not break a line after « or before », ;, :, ! and ?: the UN's French files set
a no-break space there. A source that types a plain space there (as most keyboards do, and as the
copies in tests/unseen hold) printed "intitulée «" at a line's end and "Transformer" on the next
(78/146 in French). Every such plain space is now a no-break space in the model, so every output
prints the same characters; one already typed no-break (U+00A0, the narrow U+202F) is kept, and
no other language is touched. Shown on generated French paragraphs full of such marks, laid out
in the PDF, and read back from all four outputs by the build's own check."""
from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FRONT, make_source
from unres.model.document import Text, body_inlines, walk_inlines
from unres.model.typography import french_spaces
from unres.readers.markdown.reader import read_source
from unres.verify.read.pdf_bidi import pdf_lines

WORDS = ("Conseil", "droits", "l’homme", "résolution", "rapport", "développement", "durable",
         "programme", "coopération", "internationale", "Transformer", "notre", "monde", "États")
MARKS = ("« {} »", "{} :", "{} ;", "{} !", "{} ?")


def paragraph(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(25, 45))):
        word = draw(st.sampled_from(WORDS))
        pieces.append(draw(st.sampled_from(MARKS)).format(word) if draw(st.booleans()) else word)
    return " ".join(pieces)


@st.composite
def bodies(draw) -> str:
    texts = [paragraph(draw) for _ in range(4)]
    preamble = "\n\n".join(f"*Rappelant* {text}," for text in texts[:2])
    operative = "\n\n".join(f"{i}. *Décide* {text};" for i, text in enumerate(texts[2:], start=1))
    return f"\n*Le Conseil des droits de l’homme*,\n\n{preamble}\n\n{operative}\n"


def test_the_rule_takes_plain_spaces_only_and_is_idempotent():
    text = "intitulée « Transformer » : oui ; non ! quoi ? « déjà\u00a0» et\u202f; http://x"
    once = french_spaces(text)
    assert once == ("intitulée «\u00a0Transformer\u00a0»\u00a0: oui\u00a0; non\u00a0! quoi\u00a0? "
                    "«\u00a0déjà\u00a0» et\u202f; http://x")
    assert french_spaces(once) == once


def test_only_a_french_source_is_spaced(tmp_path):
    body = "\n*The Human Rights Council*,\n\n1. *Decides* « so » : yes;\n"
    for language, spaced in (("French", True), ("English", False), ("Spanish", False), ("Russian", False)):
        path = make_source(tmp_path, front=FRONT.replace("language: English", f"language: {language}"),
                           body=body, name=f"{language}.md")
        texts = "".join(node.text for _loc, inlines in body_inlines(read_source(str(path)))
                        for node in walk_inlines(inlines) if isinstance(node, Text))
        assert ("«\u00a0so\u00a0»\u00a0:" in texts) is spaced, (language, texts)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies())
def test_no_french_line_breaks_at_a_mark_the_language_keeps_with_its_word(tmp_path_factory, body):
    tmp = tmp_path_factory.mktemp("fr")
    path = make_source(tmp, front=FRONT.replace("language: English", "language: French"), body=body)
    # The build reads all four outputs back and compares them with the model, which holds the
    # no-break spaces: each output prints them.
    result = subprocess.run([sys.executable, "-m", "unres.cli", "build", str(path), "-o", str(tmp / "out"),
                             "-q"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    broken = [line.text for _height, lines in pdf_lines(tmp / "out" / "res.pdf") for line in lines
              if line.text.rstrip().endswith("«") or line.text.lstrip()[:1] in ("»", ";", ":", "!", "?")]
    assert not broken, broken
