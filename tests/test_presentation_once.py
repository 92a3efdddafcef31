"""A build computes the presentation (every printed string) once and hands it to every writer."""
from __future__ import annotations

import sys

import pytest
from conftest import SOURCE_38_3

from unres.formats import DEFAULT_FORMATS, FORMATS
from unres.model import presentation
from unres.parallel import overlap
from unres.pipeline.render import render_outputs
from unres.readers.markdown.reader import read_source


@pytest.fixture
def counted(monkeypatch):
    """Every call of present(), wherever a module took it by name."""
    for spec in FORMATS.values():
        spec.load_writer()
    calls = []
    real = presentation.present

    def counting(res):
        calls.append(res)
        return real(res)

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("unres.") and getattr(module, "present", None) is real:
            monkeypatch.setattr(module, "present", counting)
    return calls


@pytest.mark.parametrize("render", [render_outputs, overlap.render], ids=["plain", "overlapped"])
def test_a_build_computes_the_presentation_once(counted, render):
    res = read_source(str(SOURCE_38_3))
    outputs = render(res, list(DEFAULT_FORMATS))
    outputs = {name: data() if callable(data) else data for name, data in outputs.items()}
    assert sorted(outputs) == sorted(DEFAULT_FORMATS)
    assert len(counted) == 1


def test_a_writer_called_on_its_own_still_presents(counted):
    res = read_source(str(SOURCE_38_3))
    FORMATS["html"].render(res, {})
    assert len(counted) == 1
