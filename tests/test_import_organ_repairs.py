"""The Assembly's and the Security Council's page one and votes, imported from small files written
here in the UN's markup (no corpus needed): what each organ prints is read into its front matter,
each slip of the UN's converter is repaired and named with its line, and a presidential statement
is refused. A property test writes the origin line's documents in every language's form.
"""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unres.errors import SourceError
from unres.model import languages
from unres.model.document import plain_text
from unres.readers.akn.reader import import_akn
from unres.readers.markdown.reader import read_source
from unres.writers.markdown import render_markdown

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ISO = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}

BODY = """    <preamble>
      <formula name="enactingFormula"><p><span class="italic">{formula}</span>,</p></formula>
      <container name="Recalling"><p><span class="italic">Recalling</span> its resolutions,</p></container>
    </preamble>
    <mainBody>
      <paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act;</p></content></paragraph>
{extra}      <paragraph><num>2.</num><content><p><span class="italic">Decides</span> to remain seized of the matter.</p></content></paragraph>
    </mainBody>
"""


def _meta(actor: str, lang: str, voting: str, workflow: str = "") -> str:
    return f"""    <meta>
      <identification source="#DGACM">
        <FRBRWork><FRBRthis value="/akn/un/statement/deliberation/{actor}/2020-12-10/x/!main/"/></FRBRWork>
        <FRBRExpression><FRBRlanguage language="{ISO[lang]}"/></FRBRExpression>
      </identification>
      <classification source="DHLAUTH"><keyword refersTo="title" value="Security Council resolution 2561 (2021) [on Cyprus]"/></classification>
      <workflow source="#un">{workflow}</workflow>
      <analysis source="#un"><parliamentary>{voting}</parliamentary></analysis>
    </meta>
"""


def ga_file(lang="en", agenda="Agenda items 14 and 122", titles=("Culture of peace", "Follow-up"),
            origin='<docProponent refersTo="#fourthCommittee">[on the report of the Special Political and '
                   'Decolonization Committee (Fourth Committee) (<inline name="originating document">'
                   'A/75/414, para. 8</inline>)]</docProponent>',
            meeting="41st plenary meeting", extra="", formula="The General Assembly",
            voting='<voting outcome="adoptedWithoutVote"/>') -> str:
    names = "".join(f'<p><inline name="agenda item name">{t}</inline></p>' for t in titles)
    return f"""<akomaNtoso xmlns="{AKN}">
  <statement name="resolution">
{_meta("unga", lang, voting)}    <coverPage>
      <p><docAuthority refersTo="#publisher">United Nations</docAuthority></p>
      <p><docNumber refersTo="#symbol">A/RES/75/100</docNumber></p>
      <p><docAuthority refersTo="#issuingBody">General Assembly</docAuthority></p>
      <p><docStatus refersTo="#generalDistribution">Distr.: General</docStatus></p>
      <p><docDate date="2020-12-18" refersTo="#dateOfIssuance">18 December 2020</docDate></p>
      <p><session refersTo="#generalAssembly" value="75">Seventy-fifth session</session></p>
      <p><inline name="agenda item">{agenda}</inline></p>
      {names}
      <p><docTitle>Resolution adopted by the General Assembly on 10 December 2020</docTitle></p>
      <p>{origin}</p>
    </coverPage>
    <preface><p><docNumber>75/100.</docNumber><docTitle refersTo="#resolutionTitle">A title</docTitle></p></preface>
{BODY.format(formula=formula, extra=extra)}    <conclusions>
      <p><inline name="adoptionMeeting">{meeting}</inline><eol/><docDate date="2020-12-10" refersTo="#adoptionDate">10 December 2020</docDate></p>
    </conclusions>
  </statement>
</akomaNtoso>
"""


SC_VOTE = ('<voting outcome="VOTING BY MAIL"><count value="2" refersTo="inFavour"><voters>'
           '<organization>SAINT VINCENT AND THE GRENADINES</organization><organization>VIET NAM</organization>'
           '</voters></count><count value="1" refersTo="abstaining"><voters><organization>CHINA</organization>'
           '</voters></count></voting>')


def sc_file(symbol="S/RES/2561 (2021)", adoption='Adopted by the Security Council at its <inline name='
            '"adoptionMeeting" title="8712th">8712th meeting</inline>, on <docDate date="2021-01-29" '
            'refersTo="#adoptionDate">29 January 2021</docDate>', lang="en", workflow="",
            number="Resolution 2561 (2021)") -> str:
    return f"""<akomaNtoso xmlns="{AKN}">
  <statement name="resolution">
{_meta("unsc", lang, SC_VOTE, workflow)}    <coverPage>
      <p><docAuthority refersTo="#publisher">United Nations</docAuthority></p>
      <p><docNumber refersTo="#symbol">{symbol}</docNumber></p>
      <p><docAuthority refersTo="#issuingBody">Security Council</docAuthority></p>
      <p><docStatus refersTo="#generalDistribution">Distr.: General</docStatus></p>
      <p><docDate date="2021-01-29" refersTo="#dateOfIssuance">29 January 2021</docDate></p>
      <p><docTitle refersTo="#resolutionNumber">{number}</docTitle></p>
      <p><docTitle refersTo="#adoption">{adoption}</docTitle></p>
    </coverPage>
{BODY.format(formula="The Security Council", extra="")}  </statement>
</akomaNtoso>
"""


def _import(tmp_path, text, name="res.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res, warnings = import_akn(path)
    return res, {w.code: w for w in warnings}


def _round_trip(tmp_path, res):
    md = tmp_path / "res.md"
    md.write_text(render_markdown(res), encoding="utf-8")
    assert read_source(str(md)) == res
    return md.read_text(encoding="utf-8")


# ------------------------------------------------------------------ General Assembly
def test_the_assembly_s_cover_page_becomes_its_front_matter(tmp_path):
    res, said = _import(tmp_path, ga_file())
    meta = res.meta
    assert meta.organ_key == "ga" and meta.session == 75 and meta.session_name == "Seventy-fifth session"
    assert [(i.number, i.title) for i in meta.agenda_items] == [("14", "Culture of peace"), ("122", "Follow-up")]
    assert meta.origin.committee == "Special Political and Decolonization Committee (Fourth Committee)"
    assert meta.origin.documents == ["A/75/414, para. 8"]
    assert meta.meeting == "41st plenary meeting" and meta.vote.kind != "recorded"
    assert meta.session_start is None and meta.original_language is None and meta.parent_organ is None
    assert "W660" not in said               # page one is what the English data prints
    text = _round_trip(tmp_path, res)
    assert "agenda_items:" in text and "origin:" in text and "session_start" not in text


def test_a_committee_is_taken_in_the_language_s_own_words(tmp_path):
    origin = ('<docProponent refersTo="#thirdCommittee">[по докладу Третьего комитета (<inline name='
              '"originating document">A/75/478 и A/75/478/Add.1</inline>)]</docProponent>')
    res, _said = _import(tmp_path, ga_file(lang="ru", origin=origin, agenda="Пункт 4 а) повестки дня",
                                           titles=("Доклад",)))
    assert res.meta.origin.committee == "Третьего комитета"
    assert res.meta.origin.documents == ["A/75/478", "A/75/478/Add.1"]
    assert [i.number for i in res.meta.agenda_items] == ["4 а)"]


def test_a_document_printed_outside_the_parentheses_is_put_back_and_named(tmp_path):
    origin = ('<docProponent refersTo="#noMainCommittee">[without reference to a Main Committee A/75/L.31 '
              '(<inline name="originating document">A/75/L.31/Add.1</inline>)]</docProponent>')
    res, said = _import(tmp_path, ga_file(origin=origin))
    assert res.meta.origin.committee == "" and res.meta.origin.documents == ["A/75/L.31", "A/75/L.31/Add.1"]
    assert "W682" in said and said["W682"].loc.line > 1


@settings(max_examples=60, deadline=None)
@given(lang=st.sampled_from(sorted(ISO)), count=st.integers(1, 3), locator=st.booleans(),
       numbers=st.lists(st.integers(1, 140), min_size=3, max_size=3))
def test_the_origin_line_s_documents_in_every_language(tmp_path_factory, lang, count, locator, numbers):
    strings = languages.data(lang)["organs"]["ga"]
    documents = [f"A/75/L.{n}" for n in numbers[:count - 1]] + [f"A/75/{numbers[-1]}"]
    if locator:
        documents[-1] += ", para. 7"
    joined = (", ".join(documents[:-1]) + strings["and"] + documents[-1]) if count > 1 else documents[0]
    words = strings["without_committee"].replace("{documents}", f'<inline name="originating document">{joined}</inline>')
    origin = f'<docProponent refersTo="#noMainCommittee">{words}</docProponent>'
    res, _said = _import(tmp_path_factory.mktemp("o"), ga_file(lang=lang, origin=origin))
    assert res.meta.origin.documents == documents


def test_cyrillic_look_alike_labels_are_read_as_latin_and_named(tmp_path):
    extra = ('      <paragraph><num>2.</num><content><p><span class="italic">Calls for</span>:</p></content></paragraph>\n'
             '      <paragraph><content><p>\tа)\tthe first;</p></content></paragraph>\n'
             '      <paragraph><content><p>\tb)\tthe second;</p></content></paragraph>\n')
    origin = ('<docProponent refersTo="#noMainCommittee">[без передачи в главные комитеты (<inline name='
              '"originating document">A/75/L.34</inline>)]</docProponent>')
    text = ga_file(lang="ru", extra=extra, origin=origin).replace("<num>2.</num><content><p><span class=\"italic\">Decides</span> to remain",
                                                   "<num>3.</num><content><p><span class=\"italic\">Decides</span> to remain")
    res, said = _import(tmp_path, text)
    assert [s.label for s in res.operative[1].children] == ["a)", "b)"]
    assert "W686" in said


# ------------------------------------------------------------------ Security Council
def test_the_security_council_s_adoption_line_gives_its_meeting_and_date(tmp_path):
    res, said = _import(tmp_path, sc_file())
    meta = res.meta
    assert meta.organ_key == "sc" and meta.number == "2561 (2021)" and meta.meeting == "8712"
    assert meta.adoption_date.isoformat() == "2021-01-29" and meta.session is None
    assert meta.vote.in_favour == ["Saint Vincent and the Grenadines", "Viet Nam"] and meta.vote.abstaining == ["China"]
    _round_trip(tmp_path, res)


def test_a_resolution_adopted_without_a_meeting_states_none(tmp_path):
    adoption = ('Adopted by the Security Council on <inline name="adoptionMeeting"></inline><docDate '
                'date="2021-01-29" refersTo="#adoptionDate">29 January 2021</docDate>')
    res, said = _import(tmp_path, sc_file(adoption=adoption))
    assert res.meta.meeting == "" and not {"W684", "W685"} & set(said)
    assert "meeting:" not in _round_trip(tmp_path, res)


def test_an_empty_adoption_line_is_recovered_from_the_workflow_and_named(tmp_path):
    adoption = '<inline name="adoptionMeeting"></inline><docDate date="0001-01-01" refersTo="#adoptionDate"></docDate>'
    workflow = '<step date="2020-07-28" outcome="adopted" as="S/PV.8750" by="Adopted unanimously, 8750th meeting"/>'
    res, said = _import(tmp_path, sc_file(adoption=adoption, workflow=workflow))
    assert res.meta.meeting == "8750" and res.meta.adoption_date.isoformat() == "2020-07-28"
    assert "W685" in said and said["W685"].loc.line > 1


# The resolution-number line of each language, as the Council's files print it.
NUMBER_LINES = {"en": "Resolution 2561 (2021)", "fr": "Résolution 2561 (2021)", "es": "Resolución 2561 (2021)",
                "ru": "Резолюция 2561 (2021)", "ar": "القرار 2561 (2021)", "zh": "第2561(2021)号决议"}


@pytest.mark.parametrize("lang", sorted(NUMBER_LINES))
def test_a_missing_adoption_line_is_recovered_from_the_workflow_and_named(tmp_path, lang):
    """S/RES/2801 (2025) in Arabic prints no adoption line at all: the import was refused (E621),
    though the metadata's workflow records the adoption, and the resolution-number line was taken
    for the adoption line's printed words."""
    workflow = '<step date="2020-07-28" outcome="adopted" as="S/PV.8750" by="Adopted unanimously, 8750th meeting"/>'
    text = sc_file(lang=lang, workflow=workflow, number=NUMBER_LINES[lang])
    line = next(ln for ln in text.splitlines(keepends=True) if 'refersTo="#adoption"' in ln)
    res, said = _import(tmp_path, text.replace(line, ""))
    assert res.meta.meeting == "8750" and res.meta.adoption_date.isoformat() == "2020-07-28"
    assert "W685" in said and said["W685"].loc.line > 1 and "no adoption line" in said["W685"].message
    # Nothing printed is kept for the line: the language data's adoption line is printed.
    assert "adopted_by" not in res.meta.printed
    _round_trip(tmp_path, res)
    with pytest.raises(SourceError) as info:
        _import(tmp_path, text.replace(line, "").replace(workflow, ""))
    assert "E621" in {d.code for d in info.value.diagnostics}


def test_a_placeholder_date_and_a_stray_meeting_number_are_read_from_the_printed_line(tmp_path):
    adoption = ('الذي اتخذه مجلس الأمن في <inline name="adoptionMeeting"></inline><docDate date="0001-01-01" '
                'refersTo="#adoptionDate">جلسته 8701 المعقودة في 13 كانون الثاني/يناير 2020</docDate>')
    res, said = _import(tmp_path, sc_file(adoption=adoption, lang="ar", number="القرار 2561 (2021)"))
    assert res.meta.adoption_date.isoformat() == "2020-01-13" and res.meta.meeting == "8701"
    assert {"W683", "W684"} <= set(said)


def test_an_empty_symbol_is_taken_from_the_printed_number_and_named(tmp_path):
    res, said = _import(tmp_path, sc_file(symbol=""))
    assert res.meta.symbol == "S/RES/2561 (2021)" and "W680" in said


def test_a_presidential_statement_is_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "S_PRST_2020_11.xml"
    path.write_text(sc_file(symbol="S/PRST/2020/11"), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        import_akn(path)
    assert [d.code for d in caught.value.diagnostics] == ["E650"]
    assert caught.value.diagnostics[0].loc.line > 1
    out = tmp_path / "out.md"
    done = subprocess.run([sys.executable, "-m", "unres.cli", "import", str(path), "-o", str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 3 and "E650" in done.stderr and not out.exists()


@settings(max_examples=25, deadline=None)
@given(month=st.integers(1, 12), day=st.integers(1, 28), before=st.sampled_from(["", " ", "\u00a0"]),
       after=st.sampled_from(["", " ", "\u00a0"]))
def test_an_arabic_month_whose_two_names_are_spaced_around_the_slash_is_read(tmp_path_factory, month, day,
                                                                             before, after):
    """The Arabic months print two names joined by a slash; S/RES/2551 (2020) in Arabic spaces it
    ("12 تشرين الثاني/ نوفمبر 2020") in an adoption line whose @date is the placeholder."""
    import datetime as dt
    written = languages.format_date(dt.date(2020, month, day), "ar").replace("/", before + "/" + after)
    adoption = ('الذي اتخذه مجلس الأمن في <inline name="adoptionMeeting"></inline><docDate date="0001-01-01" '
                f'refersTo="#adoptionDate">جلسته 8775 المعقودة في {written}</docDate>')
    res, said = _import(tmp_path_factory.mktemp("ar"), sc_file(adoption=adoption, lang="ar",
                                                               number="القرار 2561 (2021)"))
    assert res.meta.adoption_date == dt.date(2020, month, day) and res.meta.meeting == "8775"
    assert "W683" in said
    # The line is kept as printed, and verify reads the same date back from every output.
    from unres.model.presentation import present
    from unres.verify.fingerprint import adoption_date_from
    assert adoption_date_from(present(res).adopted_by) == dt.date(2020, month, day)


def _point(label: str, text: str, inner: str = "") -> str:
    return f"<point><num>{label}</num><content><p>{text}</p></content></point>{inner}"


@settings(max_examples=20, deadline=None)
@given(roman_outer=st.booleans(), before=st.integers(1, 4), inner=st.integers(1, 4), strays=st.integers(1, 2),
       after=st.integers(0, 3))
def test_points_closing_a_sublist_whose_labels_run_on_the_outer_list_are_moved_out(
        tmp_path_factory, roman_outer, before, inner, strays, after):
    """S/RES/2524 (2020) in Russian types "(iii)" as the last point of the sublist under "ii)", its own
    sublist after it: print shows (iii) beside (ii). Whatever the lengths, the points whose labels
    continue the outer list are moved out to it (W694), and a sublist after them is the last one's."""
    from unres.model.numerals import letters, roman
    outer = (lambda n: f"({roman(n + 1)})") if roman_outer else (lambda n: f"({letters(n)})")
    sub = (lambda n: f"{letters(n)}.") if roman_outer else (lambda n: f"({roman(n + 1)})")
    items = [_point(outer(n), f"Outer {n};") for n in range(before)]
    items += ["<sublist>" + "".join(_point(sub(n), f"Inner {n};") for n in range(inner))
              + "".join(_point(outer(before + n), f"Outer {before + n};") for n in range(strays)) + "</sublist>"]
    if after:
        items.append("<sublist>" + "".join(_point(sub(n), f"Under {n};") for n in range(after)) + "</sublist>")
    para = ('<paragraph><num>1.</num><list><intro><p><span class="italic">Decides</span> that:</p></intro>'
            + "".join(items) + "</list></paragraph>")
    text = sc_file().replace('<paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act;'
                             '</p></content></paragraph>', para)
    res, said = _import(tmp_path_factory.mktemp("strays"), text)
    points = res.operative[0].children
    assert [p.inlines[0].text for p in points] == [f"Outer {n};" for n in range(before + strays)]
    assert [len(p.children) for p in points] == [0] * (before - 1) + [inner] + [0] * (strays - 1) + [after]
    assert "W694" in said and said["W694"].loc.line > 1
    _round_trip(tmp_path_factory.mktemp("md"), res)


@settings(max_examples=20, deadline=None)
@given(lang=st.sampled_from(["en", "ar"]), under_point=st.booleans(), letters_before=st.integers(1, 3),
       typed=st.integers(1, 5))
def test_roman_labels_typed_in_paragraphs_of_their_own_go_where_print_shows_them(
        tmp_path_factory, lang, under_point, letters_before, typed):
    """S/RES/2514 (2020) in Arabic types its mandate's ’1‘, ’2‘ … in paragraphs of their own, under a
    paragraph with no sub-paragraphs (the Council's (i) directly under a paragraph) and under an
    unlabelled sub-paragraph of (c) (the English version nests them there). They open a level
    labelled as they are, and a level whose points print no label is not continued by them."""
    from unres.model.numerals import letters, roman
    abjad = "أبجده"
    letter = (lambda n: f"({abjad[n]})") if lang == "ar" else (lambda n: f"({letters(n)})")
    typed_label = (lambda n: f"’{n + 1}‘") if lang == "ar" else (lambda n: f"({roman(n + 1)})")
    head = '<paragraph><num>1.</num><content><p><span class="italic">Decides</span> that:</p></content></paragraph>'
    if under_point:
        points = "".join(_point(letter(n), f"Letter {n}:") for n in range(letters_before - 1))
        points += (f"<point><num>{letter(letters_before - 1)}</num><list><intro><p>Last letter:</p></intro>"
                   "<point><content><p>To carry out the following tasks:</p></content></point></list></point>")
        head = ('<paragraph><num>1.</num><list><intro><p><span class="italic">Decides</span> that:</p></intro>'
                + points + "</list></paragraph>")
    paras = "".join(f"<paragraph><content><p>{typed_label(n)}\tTask {n};</p></content></paragraph>"
                    for n in range(typed))
    text = sc_file(lang=lang, number="القرار 2561 (2021)" if lang == "ar" else "Resolution 2561 (2021)").replace(
        '<paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act;</p></content></paragraph>',
        head + paras)
    res, said = _import(tmp_path_factory.mktemp("typed"), text)
    owner = res.operative[0]
    if under_point:
        assert len(owner.children) == letters_before
        owner = owner.children[-1].children[0]
    assert [p.inlines[0].text.strip() for p in owner.children] == [f"Task {n};" for n in range(typed)]
    assert [p.label for p in owner.children] == [languages.scheme_label("roman", n, lang) for n in range(typed)]
    assert "W653" in said
    _round_trip(tmp_path_factory.mktemp("md"), res)


@settings(max_examples=12, deadline=None)
@given(word=st.sampled_from(["Annex", "Приложение", "Annexe", "Anexo"]), extra=st.integers(0, 2))
def test_an_annex_s_label_and_title_left_in_the_main_body_open_the_annex(tmp_path_factory, word, extra):
    """S/RES/2551 (2020) in Russian leaves "Приложение A" and its title as headings after the last
    operative paragraph, the attachment opening with item 1. (the other versions open it with
    them): they are moved to the annex they open (W695), not refused as headings over nothing."""
    titles = ["Items subject to approval", "Components"][:extra]
    left = "".join(f'<paragraph class="H1"><heading>{t}</heading></paragraph>' for t in [f"{word} A"] + titles)
    attachment = ('<attachments><attachment><doc name="annex"><mainBody><paragraph><num>1.</num><content>'
                  '<p>Surface-to-air missiles.</p></content></paragraph></mainBody></doc></attachment></attachments>')
    text = sc_file().replace("    </mainBody>\n", left + "</mainBody>\n" + attachment)
    res, said = _import(tmp_path_factory.mktemp("annex"), text)
    assert [p.num for p in res.operative] == ["1.", "2."] and not res.operative[-1].headings
    (annex,) = res.annexes
    assert annex.label == f"{word} A" and "W695" in said and said["W695"].loc.line > 1
    words = ([plain_text(annex.title)] if annex.title else []) + [plain_text(b.inlines) for b in annex.blocks]
    assert words == titles + ["1. Surface-to-air missiles."]
    _round_trip(tmp_path_factory.mktemp("md"), res)


@settings(max_examples=10, deadline=None)
@given(split=st.lists(st.booleans(), min_size=1, max_size=4))
def test_an_annex_number_whose_text_is_in_the_next_paragraph_is_joined_to_it(tmp_path_factory, split):
    """S/RES/2551 (2020) in French types each numbered item of its annex as "<num>1.</num>" with an
    empty text, the words in the next, unnumbered paragraph: print shows "1. Missiles …" (W644)."""
    items = ""
    for n, apart in enumerate(split, 1):
        items += (f"<paragraph><num>{n}.</num><content><p></p></content></paragraph>"
                  f"<paragraph><content><p>Item {n} ;</p></content></paragraph>" if apart else
                  f"<paragraph><num>{n}.</num><content><p>Item {n} ;</p></content></paragraph>")
    attachment = ('<attachments><attachment><doc name="annex"><mainBody><paragraph class="H1"><heading>Annex A'
                  f'</heading></paragraph>{items}</mainBody></doc></attachment></attachments>')
    text = sc_file().replace("    </mainBody>\n", "</mainBody>\n" + attachment)
    res, said = _import(tmp_path_factory.mktemp("annex"), text)
    (annex,) = res.annexes
    assert [plain_text(b.inlines) for b in annex.blocks] == [f"{n}. Item {n} ;" for n in range(1, len(split) + 1)]
    assert ("W644" in said) == any(split)
    _round_trip(tmp_path_factory.mktemp("md"), res)


@settings(max_examples=25, deadline=None)
@given(groups=st.lists(st.integers(1, 3), min_size=2, max_size=4), inside=st.lists(st.booleans(), min_size=4, max_size=4),
       colon=st.booleans())
def test_lines_among_sub_paragraphs_typed_as_unlabelled_points_are_lines_above_the_next(
        tmp_path_factory, groups, inside, colon):
    """S/RES/2552 (2020) types a mandate's "Urgent temporary measures:" as a point without a label,
    the sub-paragraphs after it in a <sublist> whose labels run on those before the line, and may
    end that sublist with the next line ("Special Criminal Court (SCC):"). Print shows lines among
    one run of labels: each line is read above the sub-paragraph after it (W671)."""
    from unres.model.numerals import roman
    labels = iter(range(1, 20))
    body, pending = "", ""
    for index, size in enumerate(groups):
        line = f"<point><content><p>Group {index}{':' if colon else ''}</p></content></point>"
        points = "".join(_point(f"({roman(next(labels))})", f"Task {index}.{n};") for n in range(size))
        if index == 0:
            body += points
            continue
        if inside[index] and index > 1 and body.endswith("</sublist>"):
            # The line closes the sublist before it.
            body = body[:-len("</sublist>")] + line + "</sublist>" + points
        else:
            body += line + "<sublist>" + points + "</sublist>"
    para = ('<paragraph><num>1.</num><list><intro><p><span class="italic">Decides</span> that:</p></intro>'
            f'{_point("(a)", "Mandate:")}<sublist>{body}</sublist>{_point("(b)", "To report.")}</list></paragraph>')
    text = sc_file().replace('<paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act;'
                             '</p></content></paragraph>', para)
    res, said = _import(tmp_path_factory.mktemp("lines"), text)
    (a, b) = res.operative[0].children
    assert [s.label for s in a.children] == [f"({roman(n)})" for n in range(1, sum(groups) + 1)]
    starts = [sum(groups[:k]) for k in range(1, len(groups))]
    assert [[plain_text(h.inlines) for h in s.headings] for s in a.children] == \
        [[f"Group {starts.index(n) + 1}{':' if colon else ''}"] if n in starts else [] for n in range(sum(groups))]
    assert "W671" in said and not b.headings
    _round_trip(tmp_path_factory.mktemp("md"), res)


def test_a_line_typed_with_the_label_of_the_sub_paragraph_after_it_is_printed_without_it(tmp_path):
    """S/RES/2556 (2020) in Arabic types the line "نزع السلاح …" with the label (ز) that the
    sub-paragraph after it prints too; the other versions print the line unlabelled (W672)."""
    items = (_point("(a)", "To protect;") + _point("(b)", '<span class="italic">Disarmament</span>')
             + _point("(b)", "To support;") + _point("(c)", "To report."))
    para = ('<paragraph><num>1.</num><list><intro><p><span class="italic">Decides</span> that:</p></intro>'
            + items + "</list></paragraph>")
    text = sc_file().replace('<paragraph><num>1.</num><content><p><span class="italic">Decides</span> to act;'
                             '</p></content></paragraph>', para)
    res, said = _import(tmp_path, text)
    points = res.operative[0].children
    assert [p.label for p in points] == ["(a)", "(b)", "(c)"]
    assert [[plain_text(h.inlines) for h in p.headings] for p in points] == [[], ["Disarmament"], []]
    assert "W672" in said
    _round_trip(tmp_path, res)
