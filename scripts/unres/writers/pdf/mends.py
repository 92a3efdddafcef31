"""How unres puts its mends of WeasyPrint in place: each replaces a function of WeasyPrint's only
where that function is still the one the mend was written against, once per process, and keeps
the function it replaces as its ``replaces``."""
from __future__ import annotations

import threading

_lock = threading.Lock()


def install(owner, make, written_against, *names: str) -> bool:
    """Set ``owner``'s attributes ``names`` to what ``make`` returns for the current ones (one
    function per name, in order); True once they are in place, False where ``written_against``
    (given the current ones) says they are not what the mend was written for. The attributes are
    replaced together or not at all."""
    with _lock:
        current = [getattr(owner, name) for name in names]
        if all(hasattr(function, "replaces") for function in current):
            return True
        if not written_against(*current):
            return False
        made = make(*current)
        for name, function, original in zip(names, made if len(names) > 1 else (made,), current):
            function.replaces = original
            setattr(owner, name, function)
        return True
