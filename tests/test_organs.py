"""The three organs' front matter: what each requires, what each refuses (E109), and what each prints."""
from __future__ import annotations

import textwrap

import pytest

from unres.errors import SourceError
from unres.model import GA, HRC, SC
from unres.presentation import present
from unres.readers.markdown import read_source

GA_FRONT = textwrap.dedent("""\
    ---
    symbol: A/RES/75/118
    number: "75/118"
    title: Question of Tokelau
    organ: General Assembly
    session: 75
    session_name: Seventy-fifth session
    agenda_items:
      - number: "61"
        title: Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples
    origin:
      committee: Special Political and Decolonization Committee (Fourth Committee)
      documents: ["A/75/420, para. 27"]
    distribution: General
    issue_date: 2020-12-21
    language: English
    adoption_date: 2020-12-10
    meeting: 41
    vote: without
    ---
    """)

SC_FRONT = textwrap.dedent("""\
    ---
    symbol: S/RES/2507 (2020)
    number: "2507 (2020)"
    title: The situation in the Central African Republic
    organ: Security Council
    distribution: General
    issue_date: 2020-01-31
    language: English
    adoption_date: 2020-01-31
    meeting: 8712th meeting
    vote:
      in_favour: [Belgium, Estonia]
      against: []
      abstaining: [China]
    ---
    """)

BODY = "\n*The Council*,\n\n*Recalling* its resolutions,\n\n1. *Decides* to remain seized of the matter.\n"


def sub(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def read(tmp_path, front, body=BODY):
    path = tmp_path / "res.md"
    path.write_text(front + body, encoding="utf-8")
    return read_source(str(path))


def errors(tmp_path, front):
    with pytest.raises(SourceError) as exc:
        read(tmp_path, front)
    return [(d.code, d.loc.line, d.message) for d in exc.value.diagnostics]


# (id, front, code, line, words the message must hold)
CASES = [
    ("ga-session-dates", sub(GA_FRONT, "session: 75\n", "session: 75\nsession_start: 2020-09-15\n"),
     "E109", 7, "a General Assembly resolution has no session dates"),
    ("ga-original-language", sub(GA_FRONT, "language: English\n", "language: English\noriginal_language: English\n"),
     "E109", 17, "a General Assembly resolution has no original language"),
    ("ga-parent-organ", sub(GA_FRONT, "organ: General Assembly\n", "organ: General Assembly\nparent_organ: General Assembly\n"),
     "E109", 6, "has no parent organ"),
    ("ga-agenda-item", sub(GA_FRONT, "session: 75\n", 'session: 75\nagenda_item: "61"\n'),
     "E109", 7, "under 'agenda_items'"),
    ("ga-no-origin", sub(GA_FRONT, "origin:\n  committee: Special Political and Decolonization Committee (Fourth Committee)\n"
                                   "  documents: [\"A/75/420, para. 27\"]\n", ""),
     "E105", 2, "missing key 'origin' (a General Assembly resolution prints it)"),
    ("ga-origin-no-documents", sub(GA_FRONT, "  documents: [\"A/75/420, para. 27\"]\n", ""),
     "E105", 12, "origin.documents"),
    ("ga-origin-unknown-key", sub(GA_FRONT, "  documents:", "  report: x\n  documents:"),
     "E106", 13, "origin.report"),
    ("ga-agenda-items-not-list", sub(GA_FRONT, "agenda_items:\n  - number: \"61\"\n", "agenda_items: \"61\"\n"
                                     "agenda_title:\n"), "E106", 9, "unknown key 'agenda_title'"),
    ("ga-agenda-item-no-number", sub(GA_FRONT, "  - number: \"61\"\n    title:", "  - title:"),
     "E105", 9, "an agenda item has no 'number'"),
    ("sc-session", sub(SC_FRONT, "language: English\n", "language: English\nsession: 75\nsession_name: x\n"),
     "E109", 9, "a Security Council resolution has no session"),
    ("sc-agenda-item", sub(SC_FRONT, "language: English\n", 'language: English\nagenda_item: "3"\n'),
     "E109", 9, "a Security Council resolution has no agenda item"),
    ("sc-session-dates", sub(SC_FRONT, "language: English\n", "language: English\nsession_end: 2020-12-31\n"),
     "E109", 9, "has no session dates"),
    ("sc-origin", sub(SC_FRONT, "language: English\n", "language: English\norigin: {documents: [S/2020/1]}\n"),
     "E109", 9, "has no origin line"),
    ("sc-meeting-without-number", sub(SC_FRONT, "meeting: 8712th meeting", "meeting: the twelfth"),
     "E103", 10, "meeting is its number"),
    ("sc-number-not-symbol", sub(SC_FRONT, 'number: "2507 (2020)"', 'number: "2508 (2020)"'),
     "E108", 3, "not the end of the symbol"),
]


@pytest.mark.parametrize("front, code, line, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_organ_source_errors(tmp_path, front, code, line, words):
    found = errors(tmp_path, front)
    assert any(c == code and ln == line and words in msg for c, ln, msg in found), found


def test_council_keys_are_refused_by_name_of_the_organ_in_another_language(tmp_path):
    front = sub(sub(GA_FRONT, "organ: General Assembly", "organ: Assemblée générale"),
                "language: English", "language: French\nsession_end: 2021-09-13")
    assert ("E109", 17) in [(c, ln) for c, ln, _ in errors(tmp_path, front)]


def test_council_rules_are_unchanged_for_an_organ_the_data_does_not_know(tmp_path):
    """An organ outside the three keeps the rules every source had: session dates required."""
    front = sub(SC_FRONT, "organ: Security Council", "organ: Trusteeship Council")
    missing = [msg for c, _ln, msg in errors(tmp_path, front) if c == "E105"]
    assert any("session_start" in m for m in missing) and any("parent_organ" in m for m in missing)


def test_the_assembly_and_council_read(tmp_path):
    ga = read(tmp_path, GA_FRONT).meta
    assert ga.organ_key == GA and ga.session_start is None and ga.original_language is None
    assert [(i.number, i.title[:14]) for i in ga.agenda_items] == [("61", "Implementation")]
    assert ga.origin.documents == ["A/75/420, para. 27"]
    assert ga.origin.symbol_of(ga.origin.documents[0]) == "A/75/420"
    sc = read(tmp_path, SC_FRONT).meta
    assert sc.organ_key == SC and sc.session is None and sc.agenda_items == [] and sc.origin is None


def test_sc_meeting_is_optional(tmp_path):
    """The Council adopted some 2020 resolutions by written procedure, at no meeting."""
    res = read(tmp_path, sub(SC_FRONT, "meeting: 8712th meeting\n", ""))
    assert present(res).adopted_by == "Adopted by the Security Council on 31\u00a0January\u00a02020"


def test_page_one_strings_follow_the_organ(tmp_path):
    ga = present(read(tmp_path, GA_FRONT))
    assert ga.organ == GA and ga.masthead_organ == "General Assembly"
    assert ga.original == "" and ga.session_dates == "" and not ga.print_vote
    assert ga.agenda_item == "Agenda item 61"
    assert ga.adopted_by == "Resolution adopted by the General Assembly on 10\u00a0December\u00a02020"
    assert ga.origin == ("[on the report of the Special Political and Decolonization Committee (Fourth Committee) "
                         "(A/75/420, para. 27)]")
    assert ga.meeting == "41st plenary meeting" and ga.title_number == "75/118."
    sc = present(read(tmp_path, SC_FRONT))
    assert sc.organ == SC and sc.masthead_organ == "Security Council" and not sc.print_title
    assert sc.title_number == "Resolution 2507 (2020)"
    assert sc.adopted_by == "Adopted by the Security Council at its 8712th meeting, on 31\u00a0January\u00a02020"
    assert sc.meeting == "" and sc.agenda_item == "" and sc.original == ""


def test_several_agenda_items_and_no_committee(tmp_path):
    front = sub(GA_FRONT, "agenda_items:\n", 'agenda_items:\n  - number: "72"\n    title: Report of the Court\n')
    front = sub(front, "  - number: \"61\"", "  - number: \"73 (b)\"")
    front = sub(front, "  committee: Special Political and Decolonization Committee (Fourth Committee)\n", "")
    front = sub(front, '["A/75/420, para. 27"]', "[A/75/L.32, A/75/L.32/Add.1]")
    pres = present(read(tmp_path, front))
    assert pres.agenda_item == "Agenda items 72 and 73 (b)"
    assert pres.origin == "[without reference to a Main Committee (A/75/L.32 and A/75/L.32/Add.1)]"
    assert [s for _, s in pres.origin_documents] == ["A/75/L.32", "A/75/L.32/Add.1"]
