"""The actors of one document as they are found: each a canonical name, a kind, a title and its
aliases, merged as new names come (``ActorRegistry``); the well-known actors of
``known_actors.json``."""

import bisect
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from events.analysis.actors.keys import (
    _NAME_SUFFIXES,
    ORGANIZATION,
    OTHER,
    PERSON,
    actor_key,
    name_key,
    parent_body,
    preferred_name,
    surname_key,
)
from events.analysis.actors.names import _acronyms, _looks_like_org, _spells
from events.analysis.actors.patterns import _DOTTED_START, _LEGAL_SUFFIX_END


@dataclass(eq=False)  # identity matters: mentions of one actor share one object
class Actor:
    """An actor as found in one document: a canonical name and everything it is called.

    ``aliases`` are other names it goes by (a handle, an acronym, another spelling of its full
    name, a well-known short name); ``aliases_guessed`` are short names the document used for it
    (a surname, "Mr Smith"), true here and nowhere else."""

    name: str
    kind: str
    title: str = ""
    aliases: set[str] = field(default_factory=set)
    aliases_guessed: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return actor_key(self.name, self.kind)


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


@cache
def _alias_boundaries() -> tuple[date, ...]:
    """The days on which some alias of a well-known actor starts or stops being valid (the
    day after its last): between two of them every alias is valid all along or not at all."""
    days = set()
    for entry in _known_actor_table():
        for item in entry["aliases"]:
            if "from" in item:
                days.add(date.fromisoformat(item["from"]))
            if "until" in item and (until := date.fromisoformat(item["until"])) < date.max:
                days.add(until + timedelta(days=1))
    return tuple(sorted(days))


def known_actors(on: date) -> dict[str, KnownActor]:
    """Well-known actors by lower-cased name and alias, with the aliases valid on ``on``
    (cached, one table for each stretch of days between ``_alias_boundaries``, so a feed of
    documents from many days builds it a few times, not once a day; callers only read it)."""
    period = bisect.bisect_right(_alias_boundaries(), on)
    return _known_actors_from(_alias_boundaries()[period - 1] if period else date.min)


@cache
def _known_actors_from(on: date) -> dict[str, KnownActor]:
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


def _qualified(name: str) -> tuple[str, str]:
    """The country or international body an organization's name opens with, and the name
    without it: ("us", "Chamber of Commerce") for "US Chamber of Commerce", ("un", "Security
    Council") for "U.N." or "United Nations Security Council" (``keys.PARENT_BODIES``); ("",
    ``name``) when none does, or when what is left is no organization's name of its own
    ("United Nations Susan Rice", a title run into a name, is no body of the United Nations;
    "White House and Congress" is not "and Congress")."""
    words = name_key(name).split()
    length, parent = parent_body(words)
    bare = _DOTTED_START.sub("", name)
    if bare != name:
        return parent or words[0], bare
    body = " ".join(name.split()[length:])
    if length and len(words) == len(name.split()) and body[:1].isupper() and _looks_like_org(body):
        return parent, body
    return "", name


class ActorRegistry:
    """The actors of one document, merging every new full name into what is already known."""

    def __init__(self, document_date: date) -> None:
        self.actors: list[Actor] = []
        self._by_name: dict[str, Actor] = {}
        self._by_key: dict[tuple[str, str], Actor] = {}
        self._known = known_actors(document_date)
        self._surnames: dict[str, list[Actor]] | None = None
        # Counts the changes that may change what ``lookup``, ``people_named`` and the names'
        # indexes answer (an actor added or renamed, a name registered): an answer read at one
        # count holds until it moves.
        self.changes = 0

    def lookup(self, name: str) -> Actor | None:
        """The actor with this full name, alias or person's identity ("Ana M. Lopez" for "Ana
        Lopez"), or the organization whose initials it spells ("CPD")."""
        name = " ".join(name.split())
        actor = self._by_name.get(name_key(name))
        if actor or name.startswith("@"):
            return actor
        actor = self._by_key.get((PERSON, actor_key(name, PERSON)))
        # Several words: single spaces between them since the join above, none around.
        several = " " in name
        if actor is not None and several:
            return actor
        if several:
            # "Walt Disney Co" and "Walt Disney Co.", "Dell Technologies" and "Dell": one
            # organization in a document as across documents.
            actor = self._by_key.get((ORGANIZATION, actor_key(name, ORGANIZATION)))
            if actor is not None:
                return actor
        if name.isupper() and " " not in name:
            spelled = [a for a in self.actors if a.kind == ORGANIZATION and _spells(a.name, name)]
            if len(spelled) == 1:
                return spelled[0]
        return None

    def add(self, name: str, kind: str, title: str = "") -> Actor:
        """The actor called ``name``, created if new, with its known canonical form."""
        self._surnames = None
        self.changes += 1
        name = " ".join(name.split())
        actor = self.lookup(name)
        qualifier, bare = _qualified(name) if kind == ORGANIZATION else ("", name)
        if actor is None and bare != name:
            actor = self.lookup(bare)  # "U.N. Security Council" after "Security Council"
            if actor is not None and _qualified(actor.name)[0] not in ("", qualifier):
                actor = None  # "the NATO Military Committee" is not "the EU Military Committee"
        if actor is None and kind == ORGANIZATION and " " in name:
            # "World Health Organization" after "WHO Director-General ...": the organization
            # the document knew by its initials only.
            for initials in _acronyms(name):
                spelled = self._by_name.get(name_key(initials))
                if spelled is not None and spelled.kind == kind and _spells(name, spelled.name):
                    actor = spelled
                    break
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
            self._by_key.setdefault((actor.kind, actor.key), actor)
        elif known is None and actor.kind == kind and name != actor.name:
            better = preferred_name([actor.name, name])
            if kind == ORGANIZATION and _spells(actor.name, name.replace(" ", "")):
                better = actor.name  # "CPD" after "Chicago Police Department"
            elif kind == ORGANIZATION and _spells(name, actor.name):
                better = name  # "Chicago Police Department" after "CPD"
            if better != actor.name:
                actor.aliases.add(actor.name)
                actor.aliases.discard(better)
                actor.name = better
        if title and not actor.title:
            actor.title = title
        self._register(actor, name)
        if bare != name:
            self._register(actor, bare)  # and "the Security Council" after it
        if kind == ORGANIZATION and (suffix := _LEGAL_SUFFIX_END.search(name)):
            self._register(actor, name[: suffix.start()])  # "Novartis AG" is "Novartis"
        return actor

    def alias(self, actor: Actor, name: str, *, guessed: bool = False) -> Actor:
        if guessed:
            if name_key(name) != name_key(actor.name):
                actor.aliases_guessed.add(name)
            return actor
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
        known = self.known_kind(name)
        return known is not None and kind in (None, known)

    def known_kind(self, name: str) -> str | None:
        """The kind of the well-known actor ``name`` names on the document's date, if any."""
        known = self._known.get(name_key(name))
        return known.kind if known is not None else None

    def people_named(self, surname: str) -> list[Actor]:
        """The people of the document whose last name is ``surname`` (an index, rebuilt when
        an actor was added or renamed)."""
        if self._surnames is None:
            self._surnames = {}
            for actor in self.actors:
                if actor.kind == PERSON and " " in actor.name:
                    # "Louis Gerber Jr." is Mr. Gerber: a generational suffix is no surname.
                    words = [w for w in actor.name.split() if w.casefold() not in _NAME_SUFFIXES]
                    self._surnames.setdefault(surname_key(words[-1]), []).append(actor)
        return self._surnames.get(surname_key(surname), [])

    def _register(self, actor: Actor, name: str, add_alias: bool = True) -> None:
        self.changes += 1
        if add_alias and name_key(name) != name_key(actor.name):
            actor.aliases.add(name)
        self._by_name.setdefault(name_key(name), actor)
        if actor.kind == PERSON and " " in name.strip():
            self._by_key.setdefault((PERSON, actor_key(name, PERSON)), actor)
