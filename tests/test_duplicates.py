"""A fact is computed in one place: no two functions of the package share a body."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import unres

PACKAGE = Path(unres.__file__).parent
# Shorter bodies (``return self._x``) say too little to be one fact written twice.
MIN_DUMP = 150


def _body(fn) -> list:
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]      # a docstring is not the fact
    return body


def repeated_bodies(root: Path) -> list:
    places = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = ast.dump(ast.Module(body=_body(node), type_ignores=[]))
                if len(key) >= MIN_DUMP:
                    places[key].append(f"{path.relative_to(root)}:{node.lineno} {node.name}")
    return [where for where in places.values() if len(where) > 1]


def test_no_function_body_is_written_twice():
    found = repeated_bodies(PACKAGE)
    assert not found, "the same function twice: " + "; ".join(" and ".join(w) for w in found)


def test_a_body_written_twice_is_found(tmp_path):
    twice = "def {}(index):\n    '''{}'''\n    return chr(ord('a') + index % 26) * (index // 26 + 1)\n"
    (tmp_path / "a.py").write_text(twice.format("letters", "one"))
    (tmp_path / "b.py").write_text(twice.format("_latin", "other words"))
    assert [sorted(w) for w in repeated_bodies(tmp_path)] == [["a.py:1 letters", "b.py:1 _latin"]]
