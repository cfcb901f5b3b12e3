"""Bylines: who reported, wrote, photographed, translated, reviewed or edited an article.

Each form seen on the site has a rule; `rule` in the result names the one that matched. Units are
told from people by their unit words (School, Office, …), never by position.
"""

from __future__ import annotations

import re

ROLES = ("reporter", "author", "photographer", "translator", "reviewer", "editor")

UNIT_WORDS = re.compile(
    r"\b(?:School|Office|Department|Dept|Center|Centre|College|Institute|Committee|Division|"
    r"Bureau|Library|Union|Chair|Academy|Faculty|Association|University|Polytechnic|Council|"
    r"Administration|Affairs|Team|Group|Laboratory|Lab|Station|Press|Newsroom|Branch|Alliance)\b"
    r"|(?:处|学院|中心|办公室|委员会|部)$"
)
_PERSON = re.compile(
    r"^(?:[A-Z][a-zA-Z'’\-]+(?:\s+[A-Z][a-zA-Z'’\-]+){0,3}|[\u4e00-\u9fff·]{2,6})$"
)
_PARENTHESIZED = re.compile(r"^[(（]\s*(?P<inner>.+?)\s*[)）]$")
_REPORTED_BY = re.compile(
    r"^(?:Reported|Contributed|Submitted|Provided)\s+by\s+(?:the\s+)?(?P<unit>.+)$", re.I
)
_ROLE_PREFIX = re.compile(
    r"^(?P<label>Images?|Photos?|Photography|Pictures?|Text|Words|Writer|Reporter|Editor|"
    r"Translator|Translation|Reviewer|图|摄影|文|编辑|翻译|审核)\s*[/:：]\s*(?P<names>.+)$",
    re.I,
)
# The credit lines closing an article: `Translated by …`, `Editor: …`.
CREDIT_VERBS = r"Translated|Reviewed|Proofread|Edited|Written|Reported|Photographed|Photos?|Text"
CREDIT_LABELS = r"Editor|Translator|Reviewer|Reporter|Photographer|Author|Proofreader"
_CREDIT_LINE = re.compile(rf"^(?P<verb>{CREDIT_VERBS})\s+by\s*[:：]?\s*(?P<names>.+)$", re.I)
_LABEL_LINE = re.compile(rf"^(?P<label>{CREDIT_LABELS})s?\s*[:：]\s*(?P<names>.+)$", re.I)
_BY = re.compile(r"^by\s+(?P<rest>.+)$", re.I)
_TITLE_FIRST = re.compile(
    r"^(?P<title>(?:(?:Vice|Deputy|Executive|Former)\s+)?(?:Party\s*Secretary|Secretary|President|"
    r"Dean|Director|Chairman|Chairwoman|Chair|Principal|Professor|Prof\.|Dr\.|Head))\s+"
    r"(?P<name>.+)$",
    re.I,
)
_NAME_THEN_TITLE = re.compile(r"^(?P<name>[^,，]+)[,，]\s*(?P<title>[^,，]+)$")
_LIST_SEPARATORS = re.compile(r"\s*[,，;；]\s*")
_NAME_SEPARATORS = re.compile(r"\s*(?:/|&|\band\b)\s*")

_ROLE_OF = {
    "image": "photographer", "images": "photographer", "photo": "photographer",
    "photos": "photographer", "photography": "photographer", "picture": "photographer",
    "pictures": "photographer", "photographed": "photographer", "photographer": "photographer",
    "text": "author", "words": "author", "writer": "author", "written": "author",
    "author": "author", "reporter": "reporter", "reported": "reporter",
    "editor": "editor", "edited": "editor", "translator": "translator",
    "translation": "translator", "translated": "translator", "reviewer": "reviewer",
    "reviewed": "reviewer", "proofread": "reviewer", "proofreader": "reviewer",
    "图": "photographer", "摄影": "photographer", "文": "author", "编辑": "editor",
    "翻译": "translator", "审核": "reviewer",
}  # fmt: skip


def _person(name: str, role: str, title: str | None = None) -> dict[str, str | None]:
    return {"name": name.strip(), "role": role, "title": title}


def _title_case(title: str) -> str:
    """`Partysecretary` and `party secretary` are the site's spellings of `Party Secretary`."""
    title = re.sub(r"(?i)party\s*secretary", "Party Secretary", title.strip())
    return title[:1].upper() + title[1:]


def _people_or_units(names: str, role: str, units: list[str]) -> list[dict[str, str | None]] | None:
    """People named in a list; units met on the way go to `units`; None if a part is neither.

    A part with a unit word is a unit whole (`International Exchange and Cooperation Office`);
    only other parts are split into names at `and`, `&` and `/`.
    """
    people = []
    for part in filter(None, _LIST_SEPARATORS.split(names.strip(" .。"))):
        if UNIT_WORDS.search(part):
            units.append(re.sub(r"^the\s+", "", part))
            continue
        for name in filter(None, _NAME_SEPARATORS.split(part)):
            if not _PERSON.match(name):
                return None
            people.append(_person(name, role))
    return people


def _parse_line(line: str) -> tuple[str, list, list[str]] | None:
    """(rule, people, units) for one byline line, or None when no rule matches."""
    units: list[str] = []
    parenthesized = _PARENTHESIZED.match(line)
    if parenthesized:
        inner = parenthesized["inner"]
        reported = _REPORTED_BY.match(inner)
        if reported:
            return "reported-by", [], [reported["unit"]]
        people, rule = [], "parenthesized"
        for part in filter(None, _LIST_SEPARATORS.split(inner)):
            prefixed = _ROLE_PREFIX.match(part)
            if prefixed:
                rule = "parenthesized-roles"
                role = _ROLE_OF[prefixed["label"].lower()]
                found = _people_or_units(prefixed["names"], role, units)
            else:
                found = _people_or_units(part, "reporter", units)
            if found is None:
                return None
            people.extend(found)
        return rule, people, units
    credit = _CREDIT_LINE.match(line) or _LABEL_LINE.match(line)
    if credit:
        role = _ROLE_OF[(credit.groupdict().get("verb") or credit["label"]).lower()]
        people = _people_or_units(credit["names"], role, units)
        return ("credit-line", people, units) if people is not None else None
    by = _BY.match(line)
    if by:
        people = []
        for part in _NAME_SEPARATORS.split(by["rest"]):
            titled = _TITLE_FIRST.match(part)
            name, title = (titled["name"], _title_case(titled["title"])) if titled else (part, None)
            if not _PERSON.match(name.strip()):
                return None
            people.append(_person(name, "author", title))
        return "by", people, units
    pairs = [p for p in re.split(r"\s*[;；]\s*", line) if p]
    if len(pairs) >= 2:
        people = []
        for pair in pairs:
            named = _NAME_THEN_TITLE.match(pair)
            if not named or not _PERSON.match(named["name"].strip()):
                return None
            people.append(_person(named["name"], "author", _title_case(named["title"])))
        return "name-title-pairs", people, units
    return None


def parse_byline(raw: str | None) -> dict | None:
    """`{raw, organization, people: [{name, role, title}], rule}`, or None for no byline.

    A byline of several lines (a title-area byline and closing credits) gives one result; its
    rule lists each line's rule. A byline no rule matches keeps `raw`, with no people and
    `rule` null.
    """
    if not raw or not raw.strip():
        return None
    rules, people, units = [], [], []
    for line in filter(None, (line.strip() for line in raw.splitlines())):
        parsed = _parse_line(line)
        if parsed is None:
            return {"raw": raw, "organization": None, "people": [], "rule": None}
        rule, line_people, line_units = parsed
        if rule not in rules:
            rules.append(rule)
        people.extend(line_people)
        units.extend(line_units)
    return {
        "raw": raw,
        "organization": "; ".join(units) or None,
        "people": people,
        "rule": "+".join(rules),
    }
