"""Who is involved: people and organizations named in a document, merged within it.

A deliberately conservative recognizer (precision over recall, since editors see every actor):
- people introduced by a title ("Mayor Brandon Johnson", "press secretary Karoline Leavitt"),
  signing a post, or named as the speaker of a reporting verb ("Leavitt said");
- organizations written as acronyms ("FBI"), with an organizational head word
  ("Chicago Police Department", "White House") or as "City of Chicago";
- handles ("@ChicagosMayor"), tied to a post's author, an acronym or a known actor;
- well-known actors from ``known_actors.json`` (an office's handle such as "@POTUS").
Later mentions merge into earlier ones: a surname ("Johnson") into the full name, an acronym
("CPD") into the name whose initials it spells.
"""

import heapq
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from events.analysis.text import Post

PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
OTHER = "other"

# A capitalized name word: "Johnson", "D'Amato", "McDonald", "Jean-Pierre", an initial "J.".
# A possessive "'s" is not part of the name.
# Letters beyond ASCII: Latin-1 and Latin Extended-A capitals and small letters, and combining
# accents (a name may be written "José" or "Jose\u0301").
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿā-ž\u0300-\u036f"
_NAME_WORD = (
    rf"(?:[{_UP}](?:[{_LOW}]?['’][{_UP}])?[{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
    rf"|[{_UP}]\.|[{_UP}][{_LOW}]*[{_UP}][{_LOW}]+"
    # Initials written together before a surname: "JB Pritzker", "JD Vance".
    rf"|[{_UP}]{{2,3}}(?=\s+[{_UP}][{_LOW}]))"
)
_NAME_WORD_RE = re.compile(_NAME_WORD)
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*")
_END = r"(?![\w\u0300-\u036f])"  # \b would stop before a combining accent
_TITLES = (
    "press secretary|attorney general|chief executive|executive|secretary of state|"
    "secretary of defense|prime minister|"
    "vice president|president|mayor|governor|gov\\.|senator|sen\\.|representative|rep\\.|"
    "director|chief|minister|chancellor|judge|justice|spokesman|spokeswoman|spokesperson|"
    "commissioner|superintendent|ceo|chairman|chairwoman|secretary|ambassador|general|"
    "sheriff|speaker|leader|lawmaker|officer|detective|deputy|founder|professor|dr\\."
)
_TITLED_PERSON = re.compile(
    rf"\b(?P<org>[A-Z]{{2,6}} )?(?P<title>(?i:{_TITLES}))\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}){_END}"
)
_TITLE_WORD = re.compile(rf"(?i:{_TITLES})")
_SPEAKER = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+"
    r"(?:said|says|told|wrote|posted|tweeted|added|announced|signed|stated|argued|noted)\b"
)
_ACCORDING_TO = re.compile(
    rf"\baccording to (?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}){_END}"
)
_ACRONYM = re.compile(r"(?<![\w@&])[A-Z]{2,6}(?![\w&])")
# Shouted text ("NEW YORK (AP)", a headline): an all-caps word next to another is no acronym.
_CAPS_NEIGHBOUR = re.compile(r"[A-Z]{2,}[\s,.(]+$|^[\s,.]+[A-Z]{2,}\b")
_HONORIFICS = frozenset("Sir Lord Dame Mr. Mrs. Ms. Dr. Rev. Executive Officer".split())
_ORG_HEADS = (
    "Department|Agency|Bureau|Office|Council|Committee|Commission|Ministry|Party|Court|"
    "University|Company|Corporation|Corp\\.|Inc\\.|Association|Union|Administration|Authority|"
    "Service|Police|Army|Navy|Guard|Bank|Board|Institute|Foundation|Senate|House|Congress|"
    "Parliament|Government|Organization|Federation|Network|Group|Times|Post"
)
_ORG_NAME = re.compile(
    rf"\b(?P<name>(?:{_NAME_WORD}\s+(?:(?:of|and|for|the)\s+)?){{1,4}}(?:{_ORG_HEADS}))(?!\w)"
)
_CITY_OF = re.compile(
    rf"\b(?P<name>(?:City|State|County|Republic|Kingdom|Department|Ministry|University|Bank)"
    rf" of(?: the)? {_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
_HANDLE = re.compile(r"(?<![\w@])@\w{1,30}")

# Capitalized words that are not names even when a pattern would take them as one.
_NOT_NAMES = frozenset(
    """The A An This That These Those It Its He She They We You I Our Your Their His Her
    On In At By For From To Of And But Or If When While After Before As Latest Whereas
    Furthermore However Lives All Americans Democrat Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October
    November December Today Yesterday Tomorrow""".split()
)
# Acronyms that are not actors: time zones, units, places, common abbreviations.
_NOT_ACTORS = frozenset(
    """AM PM TV OK US USA UK DC ET EST EDT CST CDT PST PDT GMT UTC CEO CFO COO ID PDF GDP
    AI IT HQ PR VIP""".split()
)


def name_key(name: str) -> str:
    """How two names are compared: white space, Unicode form and case folded, so "STRAUSS",
    "Strauß" and "Strau\u00df" are one name (the database stores this key: its own lower() does
    not fold the same way on every backend)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(eq=False)  # identity matters: mentions of one actor share one object
class Actor:
    """An actor as found in one document: a canonical name and everything it is called."""

    name: str
    kind: str
    title: str = ""
    aliases: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class KnownActor:
    name: str
    kind: str
    title: str
    aliases: tuple[str, ...]


@cache
def _known_actor_table() -> tuple[dict, ...]:
    path = Path(__file__).with_name("known_actors.json")
    return tuple(json.loads(path.read_text(encoding="utf-8"))["actors"])


def known_actors(on: date) -> dict[str, KnownActor]:
    """Well-known actors by lower-cased name and alias, with the aliases valid on ``on``."""
    table: dict[str, KnownActor] = {}
    for entry in _known_actor_table():
        aliases = tuple(
            item["alias"]
            for item in entry["aliases"]
            if date.fromisoformat(item.get("from", "0001-01-01"))
            <= on
            <= date.fromisoformat(item.get("until", "9999-12-31"))
        )
        actor = KnownActor(entry["name"], entry["kind"], entry.get("title", ""), aliases)
        for name in (actor.name, *aliases):
            table[name_key(name)] = actor
    return table


class ActorRegistry:
    """The actors of one document, merging every new mention into what is already known."""

    def __init__(self, document_date: date) -> None:
        self.actors: list[Actor] = []
        self._by_name: dict[str, Actor] = {}
        self._known = known_actors(document_date)
        # Indexes for the shorter-name look-ups, so that each costs O(log n) rather than a
        # scan of every actor (quadratic over a document naming thousands): the first person
        # (in order of discovery) by last word, and the positions of organizations by
        # initials, smallest first. An organization's name may change ("CPD" spelled out), so
        # an entry whose initials no longer match is dropped when it is met.
        self._person_by_last_word: dict[str, Actor] = {}
        self._organizations_by_initials: dict[str, list[int]] = {}
        self._positions: dict[int, int] = {}  # id(actor) -> its position in self.actors

    def lookup(self, name: str) -> Actor | None:
        name = name.strip()
        actor = self._by_name.get(name_key(name))
        if actor:
            return actor
        if name.startswith("@"):
            return None
        # A surname or a shorter form of a person already named ("Johnson", "Leavitt").
        words = name.split()
        if len(words) == 1:
            candidate = self._person_by_last_word.get(name)
            if candidate is not None:
                return candidate
        # An acronym of an organization already named ("CPD" for Chicago Police Department).
        if name.isupper() and len(words) == 1:
            positions = self._organizations_by_initials.get(name, [])
            while positions:
                candidate = self.actors[positions[0]]
                if _initials(candidate.name) == name:
                    return candidate
                heapq.heappop(positions)  # renamed since: its initials changed
        return None

    def _index(self, actor: Actor, position: int) -> None:
        """Enter ``actor`` (at ``position`` in ``self.actors``) in the look-up indexes."""
        self._positions[id(actor)] = position
        if actor.kind == PERSON and actor.name:
            self._person_by_last_word.setdefault(actor.name.split()[-1], actor)
        elif actor.kind == ORGANIZATION:
            positions = self._organizations_by_initials.setdefault(_initials(actor.name), [])
            heapq.heappush(positions, position)

    def add(self, name: str, kind: str, title: str = "") -> Actor:
        """The actor called ``name``, created if new, with its known canonical form."""
        name = " ".join(name.split())
        actor = self.lookup(name)
        known = self._known.get(name_key(name))
        if actor is None and known is not None:
            actor = self._by_name.get(name_key(known.name))
        if actor is None:
            if known is not None:
                actor = Actor(known.name, known.kind, known.title or title)
                self._register(actor, known.name)
                for alias in known.aliases:
                    self._register(actor, alias, add_alias=False)
            else:
                actor = Actor(name, kind, title)
            self.actors.append(actor)
            self._index(actor, len(self.actors) - 1)
        elif kind == ORGANIZATION and actor.kind == ORGANIZATION and _initials(name) == actor.name:
            # "Chicago Police Department" after "CPD": the spelled-out form becomes canonical.
            actor.aliases.add(actor.name)
            actor.name = name
            self._index(actor, self._positions[id(actor)])
        if title and not actor.title:
            actor.title = title
        self._register(actor, name)
        return actor

    def alias(self, actor: Actor, name: str) -> Actor:
        self._register(actor, name)
        return actor

    def add_handle(self, handle: str) -> Actor:
        """The actor behind a handle: a post's author, a known actor ("@POTUS"), the
        organization whose acronym it is ("@FBI" where the text names the FBI), or else an
        actor known only by that handle."""
        actor = self.lookup(handle)
        if actor is None and not self.is_known(handle) and handle[1:].isupper():
            actor = self.lookup(handle[1:])
        if actor is None:
            return self.add(handle, OTHER)
        self.alias(actor, handle)
        return actor

    def is_known(self, name: str, kind: str | None = None) -> bool:
        known = self._known.get(name_key(name))
        return known is not None and (kind is None or known.kind == kind)

    def _register(self, actor: Actor, name: str, add_alias: bool = True) -> None:
        if add_alias and name_key(name) != name_key(actor.name):
            actor.aliases.add(name)
        self._by_name.setdefault(name_key(name), actor)


def find_actors(
    text: str, document_date: date, posts: list[Post]
) -> tuple[list[Actor], list[Mention], dict[int, Actor]]:
    """All actors of ``text``, their mentions (sorted by offset), and each post's author
    (keyed by the post's start offset)."""
    registry = ActorRegistry(document_date)
    mentions: list[Mention] = []
    authors: dict[int, Actor] = {}

    # Post authors first: their signatures carry the full name, the title and the handle.
    for post in posts:
        match = _TITLED_PERSON.fullmatch(post.author)
        if match:
            title = (match.group("org") or "") + match.group("title")
            name = match.group("name")
            offset = post.author_start + match.start("name")
            if match.group("org"):
                org = registry.add(match.group("org").strip(), ORGANIZATION)
                mentions.append(Mention(post.author_start, post.author_start + 3, org))
        else:
            title, name, offset = "", post.author, post.author_start
        author = registry.add(name, PERSON, title)
        registry.alias(author, post.handle)
        authors[post.start] = author
        mentions.append(Mention(offset, offset + len(name), author))

    # One byte per character of the text, set where a mention lies: testing a new mention
    # costs its own length, not the number of mentions so far (quadratic over thousands).
    claimed = bytearray(len(text))
    for m in mentions:
        claimed[m.start : m.end] = b"\x01" * (m.end - m.start)

    def claim(start: int, end: int, actor: Callable[[], Actor]) -> None:
        """Record a mention unless an earlier, stronger pattern took that text already (the
        actor is only looked up or created when the mention stands)."""
        if claimed.find(1, start, end) != -1:
            return
        claimed[start:end] = b"\x01" * (end - start)
        mentions.append(Mention(start, end, actor()))

    for match in _CITY_OF.finditer(text):
        name = _cut_at_title(match["name"])  # "City of Chicago Mayor ..." is "City of Chicago"
        start = match.start("name")
        claim(start, start + len(name), lambda name=name: registry.add(name, ORGANIZATION))
    for match in _ORG_NAME.finditer(text):
        name = _strip_leading_non_names(match.group("name"))
        if name and name not in _NOT_NAMES:
            start = match.end("name") - len(name)
            claim(start, match.end("name"), lambda name=name: registry.add(name, ORGANIZATION))
    for match in _TITLED_PERSON.finditer(text):
        name = _strip_non_names(match.group("name"))
        if not _is_person_name(name):
            continue
        title = (match.group("org") or "") + match.group("title")
        if match.group("org") and match["org"].strip() not in _NOT_ACTORS:
            org = match["org"].strip()
            start = match.start("org")
            claim(start, start + len(org), lambda org=org: registry.add(org, ORGANIZATION))
        start = match.end("name") - len(name)
        claim(start, start + len(name), lambda n=name, t=title: registry.add(n, PERSON, t))
    for pattern in (_SPEAKER, _ACCORDING_TO):
        for match in pattern.finditer(text):
            name = _strip_leading_non_names(match.group("name"))
            if not _is_person_name(name) or name.isupper():
                continue
            start = match.end("name") - len(name)
            actor = registry.lookup(name)
            if actor is None and len(name.split()) < 2 and not registry.is_known(name):
                continue  # a lone capitalized word is too weak to name a new person
            claim(
                start,
                match.end("name"),
                lambda a=actor, n=name: registry.alias(a, n) if a else registry.add(n, PERSON),
            )
    for match in _ACRONYM.finditer(text):
        word = match.group()
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 12]
        if word in _NOT_ACTORS or _CAPS_NEIGHBOUR.search(before) or _CAPS_NEIGHBOUR.match(after):
            continue
        if after.startswith(",") and (match.start() == 0 or text[match.start() - 1] == "\n"):
            continue  # a dateline: "MANILA, Philippines"
        claim(match.start(), match.end(), lambda w=word: registry.add(w, ORGANIZATION))
    for match in _HANDLE.finditer(text):
        handle = match.group()
        claim(match.start(), match.end(), lambda h=handle: registry.add_handle(h))
    # Later references to people and well-known actors by a shorter name ("Johnson", "Trump").
    for match in _NAME_RUN.finditer(text):
        for word_match in _NAME_WORD_RE.finditer(match.group()):
            word = word_match.group()
            if word in _NOT_NAMES:
                continue
            actor = registry.lookup(word)
            if actor is None and registry.is_known(word, kind=PERSON):
                actor = registry.add(word, PERSON)
            if actor is not None and actor.kind == PERSON:
                start = match.start() + word_match.start()
                claim(start, start + len(word), lambda a=actor, w=word: registry.alias(a, w))

    mentions.sort(key=lambda mention: mention.start)
    return registry.actors, mentions, authors


def _cut_at_title(name: str) -> str:
    words = name.split()
    for index, word in enumerate(words):
        if index > 2 and _TITLE_WORD.fullmatch(word):
            return " ".join(words[:index])
    return name


def _strip_non_names(name: str) -> str:
    """A title's name without what is not part of it: "Sir Christopher Bland" is
    "Christopher Bland"; "Smith Monday" is "Smith"."""
    words = name.split()
    while words and words[-1] in _NOT_NAMES:
        words.pop()
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _is_person_name(name: str) -> bool:
    """At least one real word: initials alone ("J.", "P.") name nobody."""
    return any(len(word) > 2 and not word.endswith(".") for word in name.split())


def _strip_leading_non_names(name: str) -> str:
    words = name.split()
    # "The ...", and the "S." left of "U.S. Senate" by a pattern that starts after "U.".
    while words and (words[0] in _NOT_NAMES or (len(words[0]) == 2 and words[0][1] == ".")):
        words.pop(0)
    return " ".join(words)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())
