"""Quantitative facts: every number a reader would quote, with what it counts.

Rule-based: a number (digits, words, fractions, percentages, ranges, scale words), the qualifier
printed before it, and the noun phrase after it (or after a copula: `12 are enterprise
representatives`). Years, dates, times, ordinals, labels (`Room 109`, `No. 7098`, `Top 800`),
quoted names (`"One Core, Six Dimensions"`), codes (`5G`), phone numbers and URLs are not facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any

from szpu_crawler.normalize.dates import find_date_mentions, word_start_gate

QUALIFIERS = {
    "more than": "lower", "over": "lower", "at least": "lower", "upwards of": "lower",
    "no fewer than": "lower", "no less than": "lower", "in excess of": "lower",
    "nearly": "upper", "almost": "upper", "up to": "upper", "fewer than": "upper",
    "less than": "upper", "under": "upper", "close to": "upper", "as many as": "upper",
    "about": "approximate", "around": "approximate", "approximately": "approximate",
    "roughly": "approximate", "some": "approximate", "an estimated": "approximate",
    "a total of": "exact", "exactly": "exact", "a record": "exact",
}  # fmt: skip
_UNITS_WORDS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_NUMBER_WORDS = frozenset({*_UNITS_WORDS, *_TENS_WORDS, "one"})
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {
    "half": Fraction(1, 2), "one-half": Fraction(1, 2), "a half": Fraction(1, 2),
    "one-third": Fraction(1, 3), "a third": Fraction(1, 3), "two-thirds": Fraction(2, 3),
    "one-quarter": Fraction(1, 4), "a quarter": Fraction(1, 4), "three-quarters": Fraction(3, 4),
    "three quarters": Fraction(3, 4), "two thirds": Fraction(2, 3),
}  # fmt: skip
_CURRENCIES = {"rmb": "yuan", "¥": "yuan", "yuan": "yuan", "cny": "yuan", "$": "USD",
               "usd": "USD", "us$": "USD", "dollars": "USD", "€": "EUR", "euros": "EUR",
               "eur": "EUR"}  # fmt: skip
_MEASURES = (
    "square meters", "square metres", "square kilometers", "square kilometres", "sq m", "m²",
    "mu", "acres", "hectares", "kilometers", "kilometres", "km", "meters", "metres", "tons",
    "tonnes", "minutes", "hours", "days", "weeks", "months", "years", "minute", "hour", "day",
    "week", "month", "year",
)  # fmt: skip
# Words that end a counted noun phrase: function words and the verbs news sentences use.
_PHRASE_STOPS = frozenset(
    "from of in at to across with who which that for on by including such as and or but "
    "were was are is be been have has had will would can could may took take participated "
    "joined visited came gathered signed received won competed attended shared met set made "
    "held find found live study work come go get say see use become include includes stay "
    "remain plan expect enjoy learn teach attend participate visit meet "
    "than while whose where when during among between each per this these those its their "
    "his her our the a an them us which whom".split(" ")
)
_BREAKDOWN_OPENERS = re.compile(
    r"^(?:among (?:them|these|those)|of (?:them|these|those|which)|these include|including)\b",
    re.IGNORECASE,
)
_LABEL_WORDS = re.compile(
    r"(?:\bNo\.|\bNos\.|#|\b(?:Room|Building|Hall|Gate|Line|Lab|Top|Class|Grade|Level|"
    r"Phase|Stage|Group|Team|Article|Chapter|Section|Page|Vol\.|Volume|Issue|Route|Bus|Zone|"
    r"Block|Floor|Unit|Station|Avenue|Road|Street|Postcode|Tel|Phone|Fax|Code))[\s:：]*$"
)
_ORDINAL_OR_TIME = re.compile(
    r"(?:st|nd|rd|th)\b|\s*(?::\d|a\.m\.|p\.m\.|am\b|pm\b|o'clock)", re.IGNORECASE
)
_QUOTES = re.compile(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’')
_URLS = re.compile(r"(?:https?://|www\.)\S+")
_WORD_NUMBER = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_NUMBER_START = word_start_gate(
    (*_UNITS_WORDS, *_TENS_WORDS, "one", "half"), (r"a\s", "RMB", "CNY", "USD", r"US\$", "EUR")
)
_NUMBER = re.compile(
    rf"""
    (?:(?=[¥$€])|\b{_NUMBER_START})  # a number begins a word or a currency sign
    (?P<currency>(?:RMB|CNY|USD|US\$|EUR|[¥$€])\s?)?
    (?:
        (?P<ratio>\b(?:one|two|three|\d+)\s+(?:in|out\sof)\s+(?:every\s+)?
          (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)
      | (?P<digits>(?<![\w.,:/-])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d,]*\d)(?![A-Za-z_]))
      | (?P<fraction>\b(?:two|three)[- ](?:thirds|quarters)\b|\bone-(?:half|third|quarter)\b
          |\ba\s(?:third|quarter|half)\b(?=\s+of\b)|\bhalf\b(?=\s+(?:of|the)\b))
      | (?P<dozen>\b(?:a|two|three|four|five|six)\s+dozen\b)
      | (?P<words>\b(?:{_WORD_NUMBER})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b
          |\b(?:a|one)(?=\s+(?:hundred|thousand|million|billion)\b))
    )
    (?P<scale>\s+(?:hundred|thousand|million|billion)\b)?
    (?P<percent>\s?(?:%|percent\b|per\scent\b))?
    (?P<range>\s*(?:-|–|—|to|and)\s*(?P<high>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w,]*\d))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# How far before a number its qualifier is looked for: the longest, with `between`, fits.
QUALIFIER_WINDOW = 40
_QUALIFIER_BEFORE = re.compile(
    r"(?P<qualifier>\b(?:" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r"))\s+"
    r"(?:between\s+)?$",
    re.IGNORECASE,
)
_OF_THE = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+|our\s+|these\s+)?", re.IGNORECASE)
# The stop first, then what it must not end ("Mr.", "No."): a pattern that starts with its
# character class is searched for quickly.
_SENTENCE_END = re.compile(r"[.!?](?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bNo.)(?<!\bProf.)"
                           r"(?<!\bSt.)(?=\s+[\"“A-Z0-9])")  # fmt: skip


_LINE = re.compile(r"[^\n]+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CODE_BEFORE = re.compile(r"[-+]\d*$|\d[\s-]$")
_CLAUSE_END = re.compile(r"[.!?:;]\s*$")
_COPULA = re.compile(r"\s+(are|is|were|was)\s+(?:from\s+)?")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of `text`: at `.`/`!`/`?` before a capital, and at blank lines."""
    for paragraph in _LINE.finditer(text):
        start = paragraph.start()
        for end in _SENTENCE_END.finditer(paragraph.group(0)):
            yield start, paragraph.start() + end.end()
            start = paragraph.start() + end.end() + 1
        if start < paragraph.end():
            yield start, paragraph.end()


def _word_value(words: str) -> int:
    words = words.lower()
    if words in ("a", "one"):
        return 1
    if "-" in words:
        tens, unit = words.split("-")
        return _TENS_WORDS[tens] + _UNITS_WORDS.get(unit, 1 if unit == "one" else 0)
    return _UNITS_WORDS.get(words) or _TENS_WORDS[words]


def _ratio_term(term: str) -> int:
    return int(term) if term.isdigit() else _word_value(term)


def _number(match: re.Match) -> tuple[float, str]:
    """(value, kind) of a number match."""
    if match["ratio"]:
        part, whole = re.split(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", match["ratio"].lower())
        return round(_ratio_term(part) / _ratio_term(whole), 4), "fraction"
    if match["fraction"]:
        fraction = _FRACTIONS[re.sub(r"\s+", " ", match["fraction"].lower())]
        return round(float(fraction), 4), "fraction"
    if match["dozen"]:
        first = match["dozen"].split()[0].lower()
        return 12 * (1 if first == "a" else _UNITS_WORDS[first]), "count"
    if match["words"]:
        value: float = _word_value(match["words"])
    else:
        value = float(match["digits"].replace(",", ""))
    if match["scale"]:
        value *= _SCALES[match["scale"].strip().lower()]
    if match["percent"]:
        return value, "percent"
    return value, "count"


def _is_year(match: re.Match) -> bool:
    digits = match["digits"]
    return bool(digits and _YEAR.fullmatch(digits) and not match["scale"])


def _excluded(text: str, match: re.Match, blocked: list[tuple[int, int]]) -> bool:
    """A number that is part of a date, quote, URL, label, time, ordinal, code or name."""
    start, end = match.span()
    if any(s < end and start < e for s, e in blocked):
        return True
    before, after = text[max(0, start - 30) : start], text[end : end + 12]
    digits = (match["digits"] or "").replace(",", "")
    if (match["digits"] or match["words"]) and _LABEL_WORDS.search(before):
        return True  # Room 109, No. 7098, Top 800, Postcode:518055
    if _ORDINAL_OR_TIME.match(after):
        return True  # 21st, 20:31, 10 a.m.
    if digits and (
        _CODE_BEFORE.search(before)
        or (len(digits) >= 7 and "," not in match["digits"])
        or (len(digits) > 1 and digits.startswith("0") and "." not in digits)
    ):
        return True  # phone numbers and codes
    words = match["words"]
    mid_sentence = before.strip() and not _CLAUSE_END.search(before)
    return bool(words and words[0].isupper() and mid_sentence)  # "Six Dimensions": a name


_WORD = re.compile(r"\s*([A-Za-z][\w'’-]*)")
# Words ending in -ed that describe a noun rather than end its phrase.
_ED_ADJECTIVES = frozenset({"skilled", "founded", "registered", "qualified", "talented"})


def _is_plural(word: str) -> bool:
    return len(word) > 3 and word.lower().endswith("s") and not word.lower().endswith("ss")


def _phrase(text: str, start: int, limit: int) -> tuple[str | None, int]:
    """The noun phrase that begins at `start` (at most six words), and where it ends."""
    kept: list[tuple[str, int]] = []
    position = start
    while len(kept) < 6 and (word := _WORD.match(text, position, limit)):
        token = word.group(1)
        lowered = token.lower()
        if lowered in ("and", "or"):
            following = _WORD.match(text, word.end(), limit)
            next_word = following.group(1).lower().split("-")[0] if following else ""
            if (
                not kept
                or next_word in _PHRASE_STOPS
                or next_word in _NUMBER_WORDS
                or not next_word
            ):
                break
        elif lowered in _PHRASE_STOPS:
            break
        elif kept and lowered.endswith("ed") and lowered not in _ED_ADJECTIVES:
            break  # the verb after the noun: "countries and regions attended"
        elif kept and _is_plural(kept[-1][0]) and kept[-1][0].lower() not in ("and", "or"):
            break  # a plural noun ends its phrase unless "and" joins another
        kept.append((token, word.end()))
        position = word.end()
    while kept and kept[-1][0].lower() in ("and", "or"):
        kept.pop()
    if not kept:
        return None, start
    return " ".join(token for token, _ in kept), kept[-1][1]


# Currency signs come before a number, never after it.
_UNIT_AFTER = re.compile(
    r"\s*(?:-\s*)?(?P<word>{})\b".format(
        "|".join(
            re.escape(word)
            for word in (*_CURRENCIES, *_MEASURES)
            if not word.startswith(("$", "¥", "€"))
        )
    ),
    re.IGNORECASE,
)


def _unit(text: str, end: int) -> tuple[str | None, str | None, int]:
    """(kind, unit, end) when a currency or measure word follows the number."""
    match = _UNIT_AFTER.match(text, end)
    if match is None:
        return None, None, end
    word = match["word"].lower()
    if word in _CURRENCIES:
        return "money", _CURRENCIES[word], match.end()
    return "measure", word, match.end()


def extract_facts(
    body_text: str | None, date_spans: Iterable[Sequence[int]] | None = None
) -> list[dict]:
    """Every quantitative fact of `body_text`, in order; dates, quoted names, labels and URLs
    are never facts. `date_spans`, the spans of the body's date mentions, saves finding them
    again when the caller has them."""
    if not body_text:
        return []
    text = body_text
    if date_spans is None:
        date_spans = [mention["span"] for mention in find_date_mentions(text, None)]
    blocked = [(start, end) for start, end in date_spans]
    blocked += [m.span() for m in _QUOTES.finditer(text)] + [m.span() for m in _URLS.finditer(text)]
    facts: list[dict[str, Any]] = []
    for sentence_start, sentence_end in sentences(text):
        sentence = text[sentence_start:sentence_end]
        breakdown = bool(_BREAKDOWN_OPENERS.match(sentence.lstrip()))
        first_in_sentence = len(facts)
        for match in _NUMBER.finditer(text, sentence_start, sentence_end):
            if _is_year(match) or _excluded(text, match, blocked):
                continue
            facts.append(_fact(text, match, sentence_start, sentence_end, breakdown))
        if breakdown:
            _link_parts(facts, first_in_sentence, text, sentence_start)
    return facts


def _fact(
    text: str, match: re.Match, sentence_start: int, sentence_end: int, breakdown: bool
) -> dict[str, Any]:
    value, kind = _number(match)
    start, end = match.span()
    window_start = max(sentence_start, start - QUALIFIER_WINDOW)
    qualifier_match = _QUALIFIER_BEFORE.search(text, window_start, start)
    qualifier = qualifier_match["qualifier"] if qualifier_match else None
    if qualifier_match:
        start = qualifier_match.start()
    unit = None
    if match["currency"]:
        kind, unit = "money", _CURRENCIES[match["currency"].strip().lower()]
    elif kind == "count":
        unit_kind, unit, end = _unit(text, end)
        kind = unit_kind or kind
    counted = None
    if kind in ("count", "fraction", "percent"):
        lead = _OF_THE.match(text, end, sentence_end)
        phrase_start = lead.end() if lead and kind != "count" else end
        counted, phrase_end = _phrase(text, phrase_start, sentence_end)
        copula = _COPULA.match(text, phrase_end, sentence_end)
        if copula and (counted is None or breakdown) and kind == "count":
            complement, complement_end = _phrase(text, copula.end(), sentence_end)
            if complement:
                counted, phrase_end = complement, complement_end
        if counted:
            end = phrase_end
    return {
        "value": _plain(value),
        "value_max": _plain(float(match["high"].replace(",", ""))) if match["range"] else None,
        "text": text[start:end],
        "qualifier": qualifier,
        "bound": QUALIFIERS[qualifier.lower()] if qualifier else "exact",
        "kind": kind,
        "unit": unit,
        "counted": counted,
        "sentence": text[sentence_start:sentence_end],
        "span": [start, end],
        "part_of": None,
        "breakdown_sums": None,
    }


def _plain(value: float) -> int | float:
    """1200, not 1200.0: whole numbers read as whole numbers in JSON."""
    return int(value) if float(value).is_integer() else value


def _link_parts(facts: list[dict], first: int, text: str, sentence_start: int) -> None:
    """Parts of a breakdown (`Among them, 64 … 12 … 13 …`) point at the total they break down:
    the nearest earlier count in the same paragraph at least as large as every part."""
    parts = [f for f in facts[first:] if f["kind"] == "count"]
    if not parts:
        return
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    largest = max(part["value"] for part in parts)
    for index in range(first - 1, -1, -1):
        total = facts[index]
        if total["span"][0] < paragraph_start:
            return
        if total["kind"] == "count" and total["value"] > largest:
            for part in parts:
                part["part_of"] = index
            total["breakdown_sums"] = sum(part["value"] for part in parts) == total["value"]
            return


def fact_rows(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The flat table: one row per fact, with its article's URL, title, date and section."""
    for record in records:
        for fact in record.get("facts") or []:
            yield {
                "url": record["url"],
                "title": record.get("title"),
                "date_published": record.get("date_published"),
                "section": record.get("section"),
                **fact,
            }
