"""The model of 38/3: what the canonical source must hold, word for word."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, SOURCE_38_3
from unres.model.document import RECORDED, Emph, NoteRef, plain_text
from unres.readers.markdown.reader import read_source

SEED = ROOT.parent / "shared" / "seeds" / "000_868df85896abbaba.txt"


@pytest.fixture(scope="module")
def res():
    return read_source(str(SOURCE_38_3))


def test_counts(res):
    assert plain_text(res.formula.inlines) == "The Human Rights Council,"
    assert len(res.preamble) == 27
    assert [p.num for p in res.operative] == [f"{n}." for n in range(1, 32)]
    assert res.meta.vote.kind == RECORDED and res.meta.vote.totals == (28, 14, 3)
    assert len(res.footnotes) == 1


def test_footnote_called_at_end_of_paragraph_19(res):
    note = res.footnotes[0]
    assert (note.number, plain_text(note.paragraphs[0])) == (1, "A/HRC/37/79.")
    assert note.called_from == "para_19" and note.eid == "para_19__authorialNote_1"
    assert isinstance(res.operative[18].inlines[-1], NoteRef)


def test_opening_phrases_italic(res):
    assert all(isinstance(p.inlines[0], Emph) for p in res.preamble + res.operative)
    assert res.preamble[6].opening_phrase == "Taking note with appreciation"
    assert res.preamble[2].opening_phrase == "Recalling also"
    assert plain_text(res.operative[5].inlines[0].children) == "Also reaffirms"


def test_metadata(res):
    m = res.meta
    assert (m.symbol, m.number, m.organ, m.parent_organ) == (
        "A/HRC/RES/38/3", "38/3", "Human Rights Council", "General Assembly")
    assert (m.session, m.session_name, str(m.session_start), str(m.session_end)) == (
        38, "Thirty-eighth session", "2018-06-18", "2018-07-06")
    assert (m.agenda_item, m.distribution, str(m.issue_date), str(m.adoption_date), m.meeting) == (
        "3", "General", "2018-07-16", "2018-07-05", "37th meeting")


@pytest.mark.skipif(not SEED.exists(), reason="seed text ../shared/seeds absent")
def test_every_word_of_the_seed_is_in_the_source(res):
    """The body and the vote word for word as the seed prints them (page breaks rejoined)."""
    seed = SEED.read_text(encoding="utf-8")
    body = seed.split("The Human Rights Council,", 1)[1]
    body = body.replace("¹ A/HRC/37/79.", "").replace("¹", "")
    # The UN's PDF prints one straight apostrophe, in its vote list ("Côte d'Ivoire"), where
    # its text has typographic quotes; unres prints UN typography throughout.
    assert body.count("'") == 1 and "Côte d'Ivoire" in body
    body = body.replace("Côte d'Ivoire", "Côte d’Ivoire")
    seed_words = re.findall(r"[^\s*\[\]]+", body)
    ours = [plain_text(res.formula.inlines)]
    ours += [plain_text(p.inlines) for p in res.preamble]
    ours += [p.num + " " + plain_text(p.inlines) for p in res.operative]
    ours += [res.meta.meeting, "5\u00a0July\u00a02018"]
    ours += ["Adopted by a recorded vote of 28 to 14, with 3 abstentions. The voting was as follows:"]
    v = res.meta.vote
    ours += ["In favour:", ", ".join(v.in_favour), "Against:", ", ".join(v.against), "Abstaining:",
             ", ".join(v.abstaining)]
    our_words = re.findall(r"[^\s*\[\]]+", " ".join(ours[1:]))
    assert our_words == seed_words
