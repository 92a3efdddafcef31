"""How each of the six languages names a cited resolution, as data for :mod:`unres.model.citations`.

Learnt from the UN's own texts (the Council's 54th session, the Assembly's 75th, the Security
Council's 2020 resolutions). Organs are keys: ``GA`` (General Assembly), ``HRC`` (Human Rights
Council), ``SC`` (Security Council), ``ECOSOC``, ``CHR`` (Commission on Human Rights);
``COUNCIL`` is "the Council" and ``OWN`` a possessive ("its resolution"), both read as the organ
of the document that cites them unless an organ is named just before.
Patterns are regular expressions matched case-insensitively.
"""
from __future__ import annotations

# The word for "resolution(s)", as it stands before the number.
KEYWORDS = {
    "en": r"resolutions?",
    "fr": r"r[ée]solutions?",
    "es": r"resoluci[oó]n(?:es)?",
    "ru": r"резолюци(?:я|и|ю|ей|й|ям|ями|ях)",
    # القرار / قرار / قرارات / قراري / قراريه; the possessive forms are in POSSESSIVE_KEYWORDS.
    "ar": r"(?:ال)?قرار(?:ات|ين|ي)?",
    "zh": r"决议",
}

# The word for "decision(s)": only the Human Rights Council's decisions have symbols of their own
# (A/HRC/DEC/25/116), so only they are linked.
DECISION_KEYWORDS = {
    "en": r"decisions?",
    "fr": r"d[ée]cisions?",
    "es": r"decisi[oó]n(?:es)?",
    "ru": r"решени(?:е|я|ю|ем|и|й|ям|ями|ях)",
    "ar": r"(?:ال)?مقرر(?:ات|ين|ي)?",
    "zh": r"决定",
}

# A keyword that is itself possessive ("قراره" is "its resolution").
POSSESSIVE_KEYWORDS = {
    "ar": r"قرار(?:ه|ها|اته|اتها|يه|يها)",
}
POSSESSIVE_DECISION_KEYWORDS = {
    "ar": r"مقرر(?:ه|ها|اته|اتها|يه|يها)",
}

# Organ names that stand before the keyword ("General Assembly resolution 70/1").
BEFORE = {
    "en": [
        (r"General\s+Assembly", "GA"),
        (r"Human\s+Rights\s+Council", "HRC"),
        (r"Security\s+Council", "SC"),
        (r"Economic\s+and\s+Social\s+Council", "ECOSOC"),
        (r"Commission\s+on\s+Human\s+Rights", "CHR"),
        (r"Assembly", "GA"),
        (r"Council", "COUNCIL"),
        (r"(?:its|their|his|her)(?:\s+own)?", "OWN"),
    ],
    "fr": [(r"(?:ses|sa|leurs?)(?:\s+propres?)?", "OWN")],
    "es": [(r"(?:sus|su)(?:\s+propias?)?", "OWN")],
    "ru": [(r"(?:сво(?:и|ю|ей|ей|их|ими)|е[её]|его|их)", "OWN")],
    "ar": [],
    "zh": [],
}

# Organ names between the keyword and the number ("résolution de l'Assemblée générale 70/1",
# "резолюции Совета по правам человека 21/23", "قرار الجمعية العامة 70/1").
BETWEEN = {
    "en": [],
    "fr": [
        (r"de\s+l[’']Assembl[ée]e\s+g[ée]n[ée]rale", "GA"),
        (r"du\s+Conseil\s+des\s+droits\s+de\s+l[’']homme", "HRC"),
        (r"du\s+Conseil\s+de\s+s[ée]curit[ée]", "SC"),
        (r"du\s+Conseil\s+[ée]conomique\s+et\s+social", "ECOSOC"),
        (r"de\s+la\s+Commission\s+des\s+droits\s+de\s+l[’']homme", "CHR"),
        (r"du\s+Conseil", "COUNCIL"),
        (r"de\s+l[’']Assembl[ée]e", "GA"),
    ],
    "es": [
        (r"de\s+la\s+Asamblea\s+General", "GA"),
        (r"del\s+Consejo\s+de\s+Derechos\s+Humanos", "HRC"),
        (r"del\s+Consejo\s+de\s+Seguridad", "SC"),
        (r"del\s+Consejo\s+Econ[óo]mico\s+y\s+Social", "ECOSOC"),
        (r"de\s+la\s+Comisi[óo]n\s+de\s+Derechos\s+Humanos", "CHR"),
        (r"del\s+Consejo", "COUNCIL"),
        (r"de\s+la\s+Asamblea", "GA"),
    ],
    "ru": [
        (r"Генеральной\s+Ассамблеи", "GA"),
        (r"Совета\s+по\s+правам\s+человека", "HRC"),
        (r"Совета\s+Безопасности", "SC"),
        (r"Экономического\s+и\s+Социального\s+Совета", "ECOSOC"),
        (r"Комиссии\s+по\s+правам\s+человека", "CHR"),
        (r"Совета", "COUNCIL"),
        (r"Ассамблеи", "GA"),
    ],
    "ar": [
        (r"الجمعية\s+العامة", "GA"),
        (r"مجلس\s+حقوق\s+الإنسان", "HRC"),
        (r"مجلس\s+الأمن", "SC"),
        (r"المجلس\s+الاقتصادي\s+والاجتماعي", "ECOSOC"),
        (r"لجنة\s+حقوق\s+الإنسان", "CHR"),
        (r"المجلس", "COUNCIL"),
        (r"الجمعية", "GA"),
    ],
    "zh": [],
}

# Organ names after the last number of a list ("résolutions 70/1 et 71/2 de l'Assemblée générale").
AFTER = {lang: BETWEEN[lang] for lang in ("fr", "es", "ru", "ar")}
AFTER["en"] = [
    (r"of\s+the\s+General\s+Assembly", "GA"),
    (r"of\s+the\s+Human\s+Rights\s+Council", "HRC"),
    (r"of\s+the\s+Security\s+Council", "SC"),
    (r"of\s+the\s+Economic\s+and\s+Social\s+Council", "ECOSOC"),
    (r"of\s+the\s+Commission\s+on\s+Human\s+Rights", "CHR"),
]
AFTER["zh"] = []

# Chinese names the organ before the numbers: "大会2015年9月25日第70/1号决议".
ZH_ORGANS = [
    (r"安全理事会|安理会", "SC"),
    (r"经济及社会理事会|经社理事会", "ECOSOC"),
    (r"人权理事会", "HRC"),
    (r"人权委员会", "CHR"),
    (r"大会", "GA"),
    (r"理事会", "COUNCIL"),
    (r"其", "OWN"),
]

# "and Corr.1" after a symbol: the corrigendum, a document of its own (A/61/636/Corr.1).
CORRIGENDUM_AND = r"\s*(?:and|et|y|и|و|和|及)\s*"

# Words joining the numbers of a list.
AND = {
    "en": r"(?:,\s*(?:and|or)(?!\w)|(?<!\w)(?:and|or)(?!\w)|,)",
    "fr": r"(?:,\s*(?:et|ou)(?!\w)|(?<!\w)(?:et|ou)(?!\w)|,)",
    "es": r"(?:,\s*[yeo](?!\w)|(?<!\w)[yeo](?!\w)|,)",
    "ru": r"(?:,\s*(?:и|или)(?!\w)|(?<!\w)(?:и|или)(?!\w)|,)",
    # "و" and "أو" are written joined to the number that follows them (و18/11).
    "ar": r"(?:[،,]\s*(?:و|أو)|(?<![\u0600-\u06FF])(?:و|أو)|[،,])",
    "zh": r"(?:、|和|及|以及|与|，)",
}

# "of 25 September 2015" after a number; Chinese writes the date before it.
DATE_AFTER = {
    "en": r"(?:,\s*)?(?:of|dated)\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}",
    "fr": r"(?:,\s*)?(?:du|en\s+date\s+du)\s+\d{1,2}(?:er)?\s+[^\W\d_]+\s+\d{4}",
    "es": r"(?:,\s*)?de\s+\d{1,2}\s+(?:de\s+)?[^\W\d_]+\s+(?:de\s+)?\d{4}",
    "ru": r"(?:,\s*)?от\s+\d{1,2}\s+[^\W\d_]+\s+\d{4}\s*(?:года|г\.)?",
    "ar": (r"(?:[،,]\s*)?(?:المؤرخ(?:ة|ين|تين)?\s+(?:في\s+)?)?\d{1,2}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
           r"(?:\s*/\s*[^\W\d_]+)?\s+\d{4}"),
    "zh": r"\d{4}年\d{1,2}月\d{1,2}日",
}

# What may stand between two numbers of a list besides a date: a subject ("on the code of
# conduct", ", on freedom of expression,"), bounded so that a list never runs into the next
# sentence or clause.
TOPIC = {
    "en": r"(?:,?\s+(?:on|concerning|entitled|regarding)\s+[^;:.\d“”\"]{1,90}?)?",
    "fr": r"(?:,?\s+(?:sur|relatives?\s+[àa]u?x?|concernant|intitul[ée]e?s?)\s+[^;:.\d«»“”\"]{1,90}?)?",
    "es": r"(?:,?\s+(?:sobre|relativas?\s+a|titulada)\s+[^;:.\d«»“”\"]{1,90}?)?",
    "ru": r"(?:,?\s+(?:о|об|по|относительно|озаглавленн\w+)\s+[^;:.\d«»“”\"]{1,90}?)?",
    "ar": r"(?:[،,]?\s+(?:بشأن|المتعلق(?:ة)?\s+ب|حول)\s*[^؛;:.\d«»“”\"]{1,90}?)?",
    "zh": r"",
}
