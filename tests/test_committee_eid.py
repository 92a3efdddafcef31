"""The Main Committee's eId in the AKN is valid and unique whatever the committee is called.

It was the name's words joined ("firstCommittee"): a name starting with a digit or "_" ("12th",
"_x_") gave an eId the naming convention refuses, and a name some other element's id already
spells ("In favour", "GA", "Author") a duplicate. Either failed the build as a bug in unres, its
error placed in the AKN ("<akn>:246:1") rather than in the source.
"""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import rendered_verified
from unres.writers.akn.validate import EID_RE
from unres.writers.akn.writer import committee_id

SOURCE = (Path(__file__).resolve().parent.parent / "source" / "A_RES_75_40.md").read_text(encoding="utf-8")
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def with_committee(name: str) -> str:
    quoted = "'" + name.replace("'", "''") + "'"
    return re.sub(r"^(\s*)committee: .*$", lambda m: m.group(1) + "committee: " + quoted, SOURCE,
                  count=1, flags=re.M)


def committee_eid(akn: bytes, name: str) -> str:
    root = etree.fromstring(akn)
    ids = [el.get("eId") for el in root.iter() if el.get("eId")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    [proponent] = root.iter(f"{AKN}docProponent")       # the committee, as the origin line names it
    eid = proponent.get("refersTo").lstrip("#")
    [org] = [el for el in root.iter(f"{AKN}TLCOrganization") if el.get("eId") == eid]
    assert org.get("showAs") == name
    return eid


# Names that spell the ids of other elements, or start with what an eId cannot.
CLASHES = ["In favour", "Against", "Abstaining", "GA", "Author", "Issuing body", "Symbol", "Title", "Session",
           "United Nations", "unres", "Votes cast", "12th", "_x_", "12thFirst Committee", "No Main Committee"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.sampled_from(CLASHES),
                      st.builds("{}{}".format, st.sampled_from(["", "1", "_", "-", "2nd ", "(", "É"]),
                                st.sampled_from(CLASHES + ["First Committee", "Sixième Commission"])),
                      st.text(st.characters(whitelist_categories=("L", "N", "Zs", "Pd", "Pc")), min_size=1,
                              max_size=20).map(str.strip).filter(lambda s: s and s[0].isalnum())))
def test_any_committee_name_gives_a_valid_unique_eid(tmp_path, name):
    akn = rendered_verified(tmp_path, with_committee(name), ("akn",))["akn"]
    assert EID_RE.match(committee_eid(akn, name))


def test_the_names_the_un_uses_keep_their_ids():
    assert committee_id("First Committee") == "firstCommittee"
    assert committee_id("Special Political and Decolonization Committee (Fourth Committee)") == \
        "specialPoliticalAndDecolonizationCommitteeFourthCommittee"
    assert committee_id("Première Commission") == "premiereCommission"
    assert committee_id("Третий комитет") == "mainCommittee"
    assert committee_id("In favour", {"inFavour"}) == "inFavourCommittee"
