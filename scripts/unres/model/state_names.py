"""States' names between the capitals of vote metadata and the names the UN prints.

The UN's vote metadata (``analysis/parliamentary/voting``) names each State in English capitals
("TÜRKİYE", "COTE D'IVOIRE", "UNITED KINGDOM"); its printed lists name them in the document's
language and the UN's spelling ("Türkiye", "Côte d’Ivoire", "United Kingdom of Great Britain and
Northern Ireland"). Going from capitals to print cannot be done by a casing rule alone: the
metadata sometimes drops a diacritic and shortens some names. So the names the UN itself prints
come first (``PRINTED``); a name not among them is cased by ``cased``, which changes the case of
letters and nothing else.

Going the other way (``capitals``) is what unres writes into its own metadata, and what verify
compares that metadata with: one function, so the two cannot disagree.
"""
from __future__ import annotations

import re
import unicodedata

# The English names printed in the recorded votes of the UN's own Akoma Ntoso files of the Human
# Rights Council's fifty-fourth session (UNxml/HRCresolutions, commit b987fdad; kept in
# ../shared/corpus/un-akn-hrc/54session/English), each paired there with the metadata's
# capitals in the same order (tests/test_vote_state_names.py reads them again and checks this list
# against them). Apostrophes are the UN's (’).
PRINTED = (
    "Algeria", "Argentina", "Bangladesh", "Belgium", "Benin", "Bolivia (Plurinational State of)",
    "Cameroon", "Chile", "China", "Costa Rica", "Côte d’Ivoire", "Cuba", "Czechia", "Eritrea",
    "Finland", "France", "Gabon", "Gambia", "Georgia", "Germany", "Honduras", "India",
    "Kazakhstan", "Kyrgyzstan", "Lithuania", "Luxembourg", "Malawi", "Malaysia", "Maldives",
    "Mexico", "Montenegro", "Morocco", "Nepal", "Pakistan", "Paraguay", "Qatar", "Romania",
    "Senegal", "Somalia", "South Africa", "Sudan", "Ukraine", "United Arab Emirates",
    "United Kingdom of Great Britain and Northern Ireland", "United States of America",
    "Uzbekistan", "Viet Nam",
)
# The metadata's short forms of two of them (the same files: "UNITED KINGDOM" where the list prints
# the full name).
SHORTENED = {
    "UNITED KINGDOM": "United Kingdom of Great Britain and Northern Ireland",
    "UNITED STATES": "United States of America",
}
# Words an English State name writes in small letters after its first word ("Bolivia
# (Plurinational State of)", "Saint Vincent and the Grenadines", "Netherlands (Kingdom of the)").
SMALL_WORDS = frozenset({"and", "of", "the", "for", "da", "de", "del"})
# An elided particle before an apostrophe ("Côte d’Ivoire").
ELIDED = frozenset({"d", "l"})
APOSTROPHES = "'’‘`ʼ"


def key(name: str) -> str:
    """What two spellings of one name share: no diacritics, one apostrophe, no case."""
    text = unicodedata.normalize("NFKD", " ".join(name.split()))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(f"[{APOSTROPHES}]", "'", text).casefold()


_BY_KEY = {key(n): n for n in PRINTED}
_BY_KEY.update({key(short): full for short, full in SHORTENED.items()})


def capitals(name: str) -> str:
    """A name in capitals, composed (NFC): 'Türkiye' -> 'TÜRKIYE', 'Türki̇ye' -> 'TÜRKİYE'. What
    unres writes into its vote metadata and what verify compares it with."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).upper())


def from_capitals(name: str) -> str:
    """The UN's printed English name for a metadata name: the UN's own print where it is known,
    else the name ``cased``."""
    name = " ".join(name.split())
    return _BY_KEY.get(key(name)) or cased(name)


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM"


def _lower(run: str) -> str:
    """``run`` in small letters, one character for one: 'İ' gives 'i' (not 'i' and a combining
    dot), and a final sigma is 'ς' (str.lower sees the whole run)."""
    low = run.replace("\u0130", "I").lower()
    if len(low) == len(run):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in run)


def _first(char: str) -> str:
    title = char.title()
    return title if len(title) == 1 else char


def cased(name: str) -> str:
    """An English State name in capitals as the UN prints such names: each word with a capital
    initial and small letters after it, the small words (``SMALL_WORDS``) after the first word in
    small letters, "’S" and an elided "D’" small ("Democratic People’s Republic of Korea", "Cote
    d'Ivoire"). Only the case of letters changes: no letter, mark or other character is added,
    dropped or replaced. A name that has a small letter already is kept as it is."""
    if any(c.islower() for c in name):
        return name
    runs = []     # (start, end) of each run of letters (and the marks on them)
    i = 0
    while i < len(name):
        if unicodedata.category(name[i])[0] == "L":
            j = i + 1
            while j < len(name) and _is_letter(name[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", name)]
    chars = list(name)
    for w, (ws, we) in enumerate(words):
        inside = [(s, e) for s, e in runs if ws <= s < we]
        if w and len(inside) == 1 and name[inside[0][0]:inside[0][1]].casefold() in SMALL_WORDS:
            s, e = inside[0]
            chars[s:e] = _lower(name[s:e])
            continue
        for r, (s, e) in enumerate(inside):
            run = name[s:e]
            before = name[s - 1] if s > ws else ""
            after = name[e] if e < we else ""
            small = (before in APOSTROPHES and before and run.casefold() == "s" and e == we) or \
                    (w and r == 0 and after in APOSTROPHES and after and run.casefold() in ELIDED)
            chars[s:e] = _lower(run) if small else _first(run[0]) + _lower(run)[1:]
    return "".join(chars)
