"""The garbage collector is kept from passes that free nothing: pandoc's tree of a source
is parsed with it paused, and a worker's warm objects are left out of its passes."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from unres import collector, pandoc
from unres.readers.markdown import reader

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collections():
    """The collections that start while a test runs, by generation."""
    started = []

    def record(phase, info):
        if phase == "start":
            started.append(info["generation"])
    gc.callbacks.append(record)
    yield started
    gc.callbacks.remove(record)


def test_pandoc_tree_is_parsed_with_no_collection(monkeypatch, collections):
    # Four times 38/3 is some 2 MB of JSON: hundreds of collections if the collector ran meanwhile.
    body = (ROOT / "source" / "A_HRC_RES_38_3.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    tree = pandoc.run(["-f", reader.PANDOC_FORMAT, "-t", "json"], (body * 4).encode("utf-8"))
    monkeypatch.setattr(reader.warm_pandoc, "convert", lambda data, from_, to: tree)
    parse, during = reader.json.loads, []

    def watched(text):
        before = len(collections)
        value = parse(text)
        during.extend(collections[before:])
        return value
    monkeypatch.setattr(reader.json, "loads", watched)
    blocks = reader._blocks(body * 4)
    assert len(blocks) > 100 and during == []
    assert gc.isenabled()


def test_pandoc_tree_is_mapped_onto_the_model_with_no_collection(collections, monkeypatch):
    # The tree is freed when the model is made, before any collection could walk it.
    text = (ROOT / "source" / "A_HRC_RES_38_3.md").read_text(encoding="utf-8")
    build, during = reader._Builder.build, []

    def watched(self, meta, blocks):
        before = len(collections)
        during.append(gc.isenabled())
        value = build(self, meta, blocks)
        during.extend(collections[before:])
        return value
    monkeypatch.setattr(reader._Builder, "build", watched)
    res = reader.read_source("38_3.md", text.encode("utf-8"))
    assert res.parts and during == [False]
    assert gc.isenabled()


def test_paused_restores_the_collector_even_on_error(collections):
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("inside")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()      # one that was off stays off
    finally:
        gc.enable()


def test_garbage_made_while_paused_is_collected_afterwards():
    class Cycle:
        pass

    with collector.paused():
        a, b = Cycle(), Cycle()
        a.other, b.other = b, a
        import weakref
        gone = weakref.ref(a)
        del a, b
    gc.collect()
    assert gone() is None


def test_warm_up_leaves_its_objects_out_of_collections(monkeypatch):
    import weakref

    from unres import collector
    from unres.parallel import warmup

    class Cycle:
        pass

    monkeypatch.setattr(collector, "_kept", False, raising=False)   # not yet warmed up
    gc.unfreeze()
    try:
        with collector.paused():
            first = Cycle()
            first.me = first
            gone = weakref.ref(first)
            del first                                    # garbage when the warm-up begins
        warmup.prepare(formats=("akn",), checks=())
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert gone() is None, "garbage was frozen with the warm-up's objects"
        # Warmed again (a Dask worker, each time a build connects): nothing more is frozen,
        # so what the last document left is still collected.
        with collector.paused():
            later = Cycle()
            later.me = later
            left = weakref.ref(later)
            del later
        warmup.prepare(formats=("akn",), checks=())
        # (A frozen object that loses its last reference is still freed: the count may fall.)
        assert gc.get_freeze_count() <= frozen
        gc.collect()
        assert left() is None
    finally:
        gc.unfreeze()
