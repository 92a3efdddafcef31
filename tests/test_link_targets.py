"""A link whose target is not a URL is refused at its line (E221), not built into an AKN file that
fails its schema (A-SCHEMA, a build refused as a bug in unres). Random slips of the keyboard in a
source's links showed it: "[A/79/305](ht»tps://undocs.org/ch/A/79/305)" (a character typed into
the scheme) and "[S/2018/1134](٣<https://docs.un.org/zh/S/2018/1134>)" (one typed before the
address). Shown on generated slips: a character put anywhere in a link's target builds in all four
formats or is refused with E221 and its line, nothing else."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import FRONT
from unres.errors import SourceError, UnresError
from unres.pipeline.build import render_verified

FORMATS = ("akn", "html", "pdf", "docx")
TARGETS = ["https://undocs.org/en/A/79/305", "https://docs.un.org/ar/A/RES/60/251",
           "https://undocs.org/en/S/RES/2653(2022)", "http://www.un.org/en/ga/search/view_doc.asp?symbol=A/75/1"]
SLIPS = list("»«٣3 <>\"'`{}|\\^%#?:/@[]()!$&*+,;=~_-.") + ["\u00a0", "é", "中", "\u200f", "%zz", "%20",
                                                          "%05", "%00", "%0A", "%1F"]


def _source(target: str) -> str:
    return FRONT + ("\n*The Human Rights Council*,\n\n*Recalling* its resolution "
                    f"[A/79/305]({target}),\n\n1. *Decides* to remain seized of the matter.\n")


def _line_of_link(text: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if "[A/79/305]" in line)


@given(target=st.sampled_from(TARGETS), slip=st.sampled_from(SLIPS), at=st.integers(0, 60),
       angled=st.booleans())
# A control character escaped in a cited document's address was taken into its symbol and written
# into the AKN's showAs, which no XML can hold: the build was refused as a bug (A-XML). Such an
# address names no document; it is kept as a plain link.
@example(target=TARGETS[0], slip="%05", at=28, angled=False)
@example(target=TARGETS[2], slip="%00", at=30, angled=True)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_slip_in_a_link_builds_or_is_refused_at_its_line(tmp_path, target, slip, at, angled):
    at = min(at, len(target))
    slipped = target[:at] + slip + target[at:]
    text = _source(f"<{slipped}>" if angled else slipped)
    try:
        render_verified(str(tmp_path / "res.md"), text.encode(), FORMATS, str(tmp_path / "out"))
    except SourceError as refused:
        codes = {d.code for d in refused.diagnostics}
        assert codes == {"E221"}, [str(d) for d in refused.diagnostics]
        assert all(d.loc.line == _line_of_link(text) for d in refused.diagnostics)
    except UnresError as refused:
        pytest.fail(f"{slipped!r}: " + "; ".join(str(d) for d in refused.diagnostics))


# (the last: a fragment alone, "#" typed before the address, points inside the document, at a
# place a source cannot name; the AKN's reference pointed at nothing, refused as a bug, A-REF)
@pytest.mark.parametrize("target", ["ht»tps://undocs.org/ch/A/79/305", "٣<https://docs.un.org/zh/S/2018/1134>",
                                    "https://undocs.org:8o/A/79/305", "#https://undocs.org/en/A/79/305"])
def test_the_slips_found_are_refused_with_e221(tmp_path, target):
    text = _source(target)
    with pytest.raises(SourceError) as refused:
        render_verified(str(tmp_path / "res.md"), text.encode(), FORMATS, str(tmp_path / "out"))
    assert [(d.code, d.loc.line) for d in refused.value.diagnostics] == [("E221", _line_of_link(text))]
    assert repr(target) in str(refused.value.diagnostics[0])
