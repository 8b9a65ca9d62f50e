"""Who is involved: the people and organizations a document names, merged within it.

Rules carry the recognizer (no statistical model: see docs/benchmarks.md, "Actors"). They follow
how news copy introduces its actors, strongest first; the first rule to claim a stretch of text
wins it:
1. a post's signature ("— Mayor Brandon Johnson (@ChicagosMayor) August 30, 2025");
   then the agencies the story credits, a dateline's ("HOUSTON (Reuters) -") and a photograph's
   ("Photograph: Jane Roe/AP"): organizations of the document, but actors of none of its events;
2. an organization before a role and a name ("said Goldman Sachs analyst Jane Roe", "Acme chief
   executive John Smith"), an organization a role word introduces ("the carmaker Renault",
   "plane maker Boeing"), a name in apposition ("Jane Roe, an economist at Acme Research",
   "John Smith, the chief executive of Acme Corp.");
3. organizations by their structure: a head word ("Chicago Police Department", "Apple Computer",
   "Federal Reserve", "General Motors"), "Department of Trade and Industry", "City of Chicago",
   a legal suffix ("Acme Holdings PLC");
4. people by a title or honorific ("District Attorney Jane Doe": the title goes to ``title``, the
   name keeps only the name), as the source of a quote ("said Jane Roe", "Jane Roe said",
   "according to Jane Roe"), by a common given name ("Ana Lopez"), or in a list with one of them;
5. acronyms ("FBI"; two letters only when spelled out in the text or well known), handles;
6. short references last, once every full name is known: a surname or an honorific and surname
   ("Lopez", "Mr Smith") is a mention of the one person of the document with that surname, and of
   nobody when two share it. Such a short name is an alias only within the document
   (``Actor.aliases_guessed``): it never identifies an actor across documents.
Across documents, actors are identified by ``actor_key``: a person by first and last name (so
"Ana Lopez", "Ana Maria Lopez" and "Ana M. Lopez" are one), an organization by its name without
a leading "the" or a trailing legal suffix.

The package, by concern (names with a leading underscore are private to it):
- ``finder``: ``find_actors``, the rules above applied stage by stage;
- ``patterns``: the regular expressions of those rules and the word sets they consult;
- ``wordlists``: the word lists (``lexicon/*.txt``, one phrase a line, and the lists read from
  pycountry and the time-zone database);
- ``names``: cleaning a run of words into a name, and what a name is (a place, a nationality,
  an organization, a given name);
- ``registry``: the actors of one document as they are found (``ActorRegistry``), and the
  well-known actors of ``known_actors.json``;
- ``keys``: the kinds of actors, and the keys that identify them within and across documents.
"""

from events.analysis.actors.finder import find_actors
from events.analysis.actors.keys import (
    ORGANIZATION,
    OTHER,
    PERSON,
    PLACE,
    actor_key,
    name_key,
    preferred_name,
)
from events.analysis.actors.names import preferred_kind
from events.analysis.actors.registry import Actor, ActorRegistry, KnownActor, Mention, known_actors
from events.analysis.actors.wordlists import group_nouns

__all__ = [
    "ORGANIZATION",
    "OTHER",
    "PERSON",
    "PLACE",
    "Actor",
    "ActorRegistry",
    "KnownActor",
    "Mention",
    "actor_key",
    "find_actors",
    "group_nouns",
    "known_actors",
    "name_key",
    "preferred_kind",
    "preferred_name",
]
