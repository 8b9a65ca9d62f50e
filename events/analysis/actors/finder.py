"""Finding a document's actors: the rules of the package docstring, applied stage by stage, each
claiming the stretches of text it recognizes (the first to claim one wins)."""

import bisect
import heapq
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from functools import cache, cached_property, lru_cache, partial

from events.analysis import text as textlib
from events.analysis.actors.keys import (
    ORGANIZATION,
    PERSON,
    _fold,
    _transliteration_key,
    actor_key,
    name_key,
    surname_key,
    without_arabic_article,
)
from events.analysis.actors.names import (
    DocumentWords,
    _acronyms,
    _byline_name,
    _clean_org,
    _clean_person,
    _cut_at_title,
    _document_words,
    _echoed_surnames,
    _has_initial,
    _is_full_name,
    _is_given_name,
    _is_nationality,
    _is_org_head,
    _is_person_like,
    _is_person_name,
    _is_place,
    _is_place_like,
    _looks_like_demonym,
    _looks_like_org,
    _org_parts,
    _sentence_start,
    _speaks_as_organization,
    _title_case,
    _two_names,
    _without_modifiers,
    _without_portfolio,
    _writer_before_outlet,
)
from events.analysis.actors.patterns import (
    _ACCORDING_TO,
    _ACRONYM,
    _ADJECTIVE_ENDING,
    _AFTER_THE,
    _AGED,
    _AGENCY_INITIALS,
    _AGENCY_PHOTO,
    _AGENT_BEFORE,
    _AGENT_END,
    _AGENT_VERB,
    _AN_BEFORE,
    _AND_OTHER,
    _APPOSITION,
    _AT_ORG,
    _AUXILIARY_AFTER,
    _AUXILIARY_BEFORE,
    _BASED,
    _BRACKET_BEFORE,
    _BRACKET_CLOSE_AFTER,
    _BYLINE,
    _CAMEL,
    _CAPITALIZED_BEFORE,
    _CAPITALIZED_PAIR,
    _CAPITALIZED_WORD_BEFORE,
    _CAPS_GAPS,
    _CAPS_NEIGHBOUR,
    _CAPS_RE,
    _CAPS_RUN,
    _CHAMBER,
    _CHAMBERS,
    _CHANNEL_OWNER,
    _CITY_OF,
    _CLASS_LIST,
    _CLASS_NOUN_BEFORE,
    _CLASS_PLURALS,
    _CLOCK_BEFORE,
    _CONTRIBUTED,
    _CORPORATE_TITLE,
    _CREDIT,
    _CREDIT_BEFORE,
    _CREDIT_PART,
    _CREDIT_PIECE,
    _CREDIT_TAILS,
    _CREDITED_AGENCY,
    _CUED_ORG,
    _CUED_ORG_FIRST,
    _DAILY,
    _DATELINE_AGENCY,
    _DESK_ROLE_AFTER,
    _DETERMINER_JUST_BEFORE,
    _DIGIT_BEFORE,
    _DOTTED,
    _DOTTED_NAME_AFTER,
    _DOTTED_PREFIX,
    _DOTTED_START,
    _FEATURES,
    _FIELD_BEFORE,
    _FOR_BEFORE,
    _GROUP_NOUN_AFTER,
    _HANDLE,
    _HEADLINE_WORD_BEFORE,
    _HONORIFIC_BEFORE,
    _HONORIFIC_RE,
    _HONORIFIC_WORD,
    _INITIAL,
    _IS_ROLE,
    _JOINED_BEFORE,
    _KIN,
    _KIN_CHAIN,
    _KIN_FIRST,
    _KIN_LISTED,
    _KIN_MORE,
    _KIN_OWNER,
    _LEGAL_SUFFIX_RE,
    _LIST,
    _LIST_BEFORE,
    _LOWER_HEAD,
    _LOWER_HEADS,
    _LOWER_NOUN_AFTER,
    _MADE_BY,
    _MAKER,
    _MAX_LIST_ITEMS,
    _MEDIUM,
    _MEDIUM_FIRST,
    _MEMBERS,
    _MEMBERS_FIRST,
    _MODIFIES_NEXT,
    _MONTHS_UNDOTTED,
    _NAME_ACTS_BEFORE,
    _NAME_BEFORE,
    _NAME_BEFORE_HEAD,
    _NAME_BEFORE_MEDIUM,
    _NAME_BEFORE_TICKER,
    _NAME_GOES_ON,
    _NAME_INSIDE,
    _NAME_PREFIXES,
    _NAME_SAID,
    _NAME_START,
    _NAMED_AS,
    _NAMES_BEFORE,
    _NEVER_ORGANIZATIONS,
    _NO_CREDITED_NAME,
    _NOT_ACTORS,
    _NOT_NAMES,
    _NUMBERED_CHANNEL,
    _NUMBERED_GROUP,
    _OF_THE_BODY_AFTER,
    _ONE_MEMBER_NOUNS,
    _ONE_NAME_BEFORE,
    _OPENING_PHRASE,
    _ORG_LIST,
    _ORG_LIST_ITEM_RE,
    _ORG_ROLE_PERSON,
    _ORG_RUN_PART,
    _OWNED_NAME,
    _OWNER_BEFORE,
    _OWNER_JUST_BEFORE,
    _OWNS_OR_ACTS,
    _PART_OF_NAME_BEFORE,
    _PARTY_MEMBER,
    _PARTY_MEMBERS,
    _PERSON_MAKERS,
    _PERSON_NAME_GAPS,
    _PERSON_NAME_RE,
    _PERSON_OR_ORG_CUES,
    _PERSON_RUN,
    _PHOTO_CREDIT,
    _PHOTO_CREDIT_OPENING,
    _PLACE_IN_CAPITALS_BEFORE,
    _PLURAL_CAPITALS,
    _PLURAL_THEN_LIST,
    _PLURAL_TITLE_BEFORE,
    _POLL,
    _POLLSTER_BEFORE,
    _PORTFOLIOS,
    _POSSESSIVE,
    _POSSESSIVE_ORG,
    _POSSESSIVE_ORG_GAPS,
    _POSSESSIVE_OWNER,
    _POSSESSIVE_OWNER_GAPS,
    _PREPOSITION_BEFORE_NAME,
    _PULL_QUOTE_SPEAKER,
    _REPORTING_AFTER,
    _REPORTING_FIRST,
    _ROLE_BEFORE,
    _SAID_NAME,
    _SET_OFF_SAID,
    _SHORT_REF,
    _SPOKESMAN_FOR,
    _STATE_TITLE,
    _STOCK_MOVE,
    _STOCK_VERBS,
    _STORMS,
    _STORY_ROLES,
    _TERM_BEFORE_BRACKET,
    _THEN_CUE,
    _TICKER,
    _TICKER_AFTER,
    _TITLE_ABBREVIATIONS,
    _TITLE_RE,
    _TITLED_PERSON,
    _TITLED_PERSON_FIRST,
    _TOLD_NAME,
    _WORD_BEFORE,
)
from events.analysis.actors.registry import Actor, ActorRegistry, Mention
from events.analysis.actors.scan import LetterRuns, NameStarts, matches_at, run_start_before
from events.analysis.actors.wordlists import (
    _city_names,
    _country_names,
    _language_names,
    _org_class_nouns,
    _phrases,
    _region_names,
    _singular,
    group_nouns,
)
from events.analysis.date_lexicon import (
    HOLIDAYS,
    MONTH_FULL_NAMES,
    SPELLED_NUMBERS,
    WEEKDAY_FULL_NAMES,
)
from events.analysis.text import Post

_COMMA = re.compile(",")
_APOSTROPHE_S = re.compile("['’]s")
_LIST_CONJUNCTIONS = frozenset({"and", "or"})
_match_start = re.Match.start


@lru_cache(maxsize=1024)
def _inside_a_sentence(word: str) -> re.Pattern[str]:
    """``word`` inside a sentence (after a word, a comma or a semicolon)."""
    return re.compile(rf"(?<=[\w,;] ){re.escape(word)}(?![\w'’-])")


# Numbers under twenty by their names, as the name of a numbered group writes them.
_NUMBER_NAMES = {n: word.capitalize() for word, n in SPELLED_NUMBERS.items() if n < 20}


# The last words of an institution's name: its one-word short form is another body.
_INSTITUTION_TAILS = _phrases("institution_tails.txt")


class _Finding:
    """One document's finding, shared by the stages of ``find_actors``: the text, the actors so
    far (``registry``), their mentions, and the stretches of text already claimed (sorted and
    disjoint: the first rule to claim a stretch wins it)."""

    def __init__(self, text: str, document_date: date) -> None:
        self.text = text
        self.registry = ActorRegistry(document_date)
        self.mentions: list[Mention] = []
        self.authors: dict[int, Actor] = {}  # each post's author, by the post's start offset
        self.claimed: list[tuple[int, int]] = []
        # Surnames and honorific + surname, resolved once every full name is known.
        self.short_refs: list[tuple[int, int, str, str]] = []
        self.speakers: set[int] = (
            set()
        )  # where a single name speaks ("Pfizer said", "said Reuters")
        self.runs: list[re.Match[str]] = []  # runs of capitalized words (stage 2, read in 3)
        # Given names alone (after a kinship noun, "named", before a sibling's full name):
        # resolved once every full name is known.
        self.first_names: list[tuple[int, str]] = []
        # Where the story credits an agency (stage 1b): the agency is one of the document's
        # organizations, but these mentions are no part of what its sentences tell.
        self.credits: set[tuple[int, int]] = set()

    def post_authors(self, posts: list[Post]) -> None:
        """1. Post authors first: their signatures carry the full name, the title and the handle."""
        for post in posts:
            match = _TITLED_PERSON.fullmatch(post.author)
            if match:
                title = (match.group("org") or "") + match.group("title")
                name = match.group("name")
                offset = post.author_start + match.start("name")
                if match.group("org"):
                    employer = self.registry.add(match.group("org").strip(), ORGANIZATION)
                    start = post.author_start + match.start("org")
                    self.mentions.append(
                        Mention(start, start + len(match["org"].strip()), employer)
                    )
            else:
                title, name, offset = "", post.author, post.author_start
            author = self.registry.add(name, PERSON, title)
            self.registry.alias(author, post.handle)
            self.authors[post.start] = author
            self.mentions.append(Mention(offset, offset + len(name), author))

        # The spans taken, sorted and disjoint: a new span is free when it overlaps neither
        # neighbour (a bisection, so a long text costs no quadratic time).
        self.claimed = sorted((m.start, m.end) for m in self.mentions)

    def credited_agencies(self) -> None:
        """1b. Whom the story credits: a dateline's agency ("HOUSTON (Reuters) -"), a
        photograph's photographer and agencies ("Photograph: Jane Roe/AP", "(AP Photo/Jane
        Roe)"). They are actors the document names, so they are among its actors and link its
        stories across documents; they are where the story came from, not who did what in it,
        so no event takes them from these mentions (a sentence that names the agency, "Reuters
        reported", still does)."""
        for match in _DATELINE_AGENCY.finditer(self.text):
            before = self.text[max(0, match.start() - 60) : match.start()]
            if (
                _PLACE_IN_CAPITALS_BEFORE.search(before)  # "PARIS, March 10 (Reuters) -"
                or (match["dash"] != "-" and _CAPITALIZED_WORD_BEFORE.search(before))
                # "... is key (WNN) --": a web page runs its headline's last words into the
                # dateline; initials before a double dash are the agency's
                or (match["dash"] != "-" and match["name"].isupper())
                or not before.strip(" \t")
                or before.endswith("\n")  # "(CNN) --" opening a line
            ):
                # "Harbourton , Freedonia -LRB- WNN -RRB- --", not "Ana Lopez (Democrat) - a
                # senator"
                for agency in _CREDITED_AGENCY.finditer(match["name"]):
                    self.claim_credit(match.start("name") + agency.start(), agency.group())
        for match in _PHOTO_CREDIT.finditer(self.text):
            self.photograph_credit(match)
        for match in _PHOTO_CREDIT_OPENING.finditer(self.text):
            if (credited := textlib.photo_credit_agency(self.text, match)) is not None:
                self.claim_credit(credited[0], self.text[credited[0] : credited[1]])
                self.story_opening_after_credit(credited[1])
        for match in _AGENCY_PHOTO.finditer(self.text):
            self.claim_credit(match.start("name"), match["name"])
            for part in _CREDIT_PIECE.finditer(match["photographer"] or ""):  # "(AP Photo/The Times
                # -Picayune, Ted Jackson)": a paper and its photographer
                org = _looks_like_org(part.group()) or part.group().startswith("The ")
                kind = ORGANIZATION if org else PERSON
                self.claim_credit(match.start("photographer") + part.start(), part.group(), kind)

    def story_opening_after_credit(self, end: int) -> None:
        """The name that opens the story's sentence run into a credit ("Photograph: AP Norvik
        Holdings said ..."): the run of capitals after the agency, which the stages reading
        runs of capitals would see as one with it."""
        begin = textlib.after_space(self.text, end, min(len(self.text), end + 4))
        run = _CAPS_RE.match(self.text, begin)
        if run is None:
            return
        name, offset = _clean_org(run.group())
        if name and _looks_like_org(name):
            self.claim_org(begin + offset, name)
        elif _is_person_like(run.group()) and " " in run.group():
            self.claim_person(begin, run.group())

    def photograph_credit(self, match: re.Match[str]) -> None:
        """ "Photograph: Jane Roe/Getty Images", "Photo: Reuters/Jane Roe": a name of one word
        before the last slash is an agency's, one of more a photographer's unless it is built
        as an organization's ("Centers for Disease Control/Reuters"). The last name runs into
        the story's sentence: it is the words up to the first tail word of an agency's name
        ("Getty Images", "White House Press office"); else, after a photographer, a source or a
        handout, the agency's one word ("Jane Roe/AP Coast Guard officials said ..."); else,
        after agencies alone, the photographer's two words when they start with a given name,
        and nothing when they do not (the story's first words are no credit)."""
        source_first = False
        for part in _CREDIT_PART.finditer(match["parts"]):
            words = part.group().split()
            kind = ORGANIZATION
            if (
                len(words) > 1
                and words[-1] not in _CREDIT_TAILS
                and not _looks_like_org(part.group())
            ):
                kind = PERSON
            source_first |= len(words) > 1 or part.group() in _NO_CREDITED_NAME  # "HO/Reuters"
            self.claim_credit(match.start("parts") + part.start(), part.group(), kind)
        words = match["last"].split()
        if "The" in words[1:]:
            words = words[: words.index("The", 1)]  # "Ann Lee/AP The Harbor Authority said"
        ends = [size for size in range(2, len(words) + 1) if words[size - 1] in _CREDIT_TAILS]
        if ends and not words[0].isupper():
            self.claim_credit(match.start("last"), " ".join(words[: ends[0]]))
        elif source_first:
            self.claim_credit(match.start("last"), words[0])
        elif len(words) > 1 and _is_person_like(" ".join(words[:2])):
            self.claim_credit(match.start("last"), " ".join(words[:2]), PERSON)

    def _numbered_group(self, name: str, written: str) -> Actor:
        actor = self.registry.add(name, ORGANIZATION)
        return self.registry.alias(actor, written) if written != name else actor

    @cached_property
    def surnames_after_given_names(self) -> frozenset[str]:
        """The capitalized words that follow a given name anywhere in the text: the surnames of
        the people it names in full ("Jacob Ndlovu"), read for every possessive owner (one scan
        of the document)."""
        return frozenset(
            pair.group(2)
            for pair in _CAPITALIZED_PAIR.finditer(self.text)
            if _is_given_name(pair.group(1))
        )

    def claim_credit(self, start: int, name: str, kind: str = ORGANIZATION) -> None:
        """A name the story credits, as written (a credit line is no sentence: nothing to cut
        from it); a place in brackets after a dateline ("POLITICO (Washington) -") is none."""
        if name.startswith("The "):
            start, name = start + 4, name[4:]  # "(AP Photo/The Sun Herald)"
        if name.endswith((" Photo", " Photos")) and name.split()[0].isupper():
            name = name.split()[0]  # "Jane Roe/AP Photo"
        if name in _NEVER_ORGANIZATIONS or name in _NO_CREDITED_NAME or _is_place(name):
            return
        end = start + len(name)
        # "(AP)": the agency by its name, so that its stories link with those that spell it
        full = _AGENCY_INITIALS.get(name)
        if self.claim(
            start,
            end,
            partial(self._credited, full, name) if full else partial(self.registry.add, name, kind),
        ):
            self.credits.add((start, end))

    def _credited(self, name: str, written: str) -> Actor:
        actor = self.registry.add(name, ORGANIZATION)
        self.registry.alias(actor, written)
        return actor

    def abbreviated_title(self, word: str, end: int) -> bool:
        """Whether ``word``, ending at ``end`` before a full stop, is an abbreviated title or
        word ("Sen.", "Prof.", "Calif."), not a name."""
        return self.text.startswith(".", end) and bool(
            _TITLE_RE.fullmatch(word + ".")
            or word.lower() in textlib.ABBREVIATIONS
            or word in _TITLE_ABBREVIATIONS
        )

    def free(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.claimed, (start, start))
        before = at > 0 and self.claimed[at - 1][1] > start
        after = at < len(self.claimed) and self.claimed[at][0] < end
        return not (before or after)

    def claim(self, start: int, end: int, actor: Callable[[], Actor | None]) -> Actor | None:
        """Record a mention unless an earlier, stronger rule took that text already (the actor
        is only looked up or created when the mention stands)."""
        if end <= start or not self.free(start, end):
            return None
        found = actor()
        if found is not None:
            bisect.insort(self.claimed, (start, end))
            self.mentions.append(Mention(start, end, found))
        return found

    def claim_org(self, start: int, raw: str, cued: bool = False) -> None:
        if _two_names(raw, second_any=True):
            # "drugmaker Rocham Holding AG and Galen Sciences Inc": two complete names
            head, _, tail = raw.partition(" and ")
            self.claim_org(start, head, cued)
            self.claim_org(start + len(head) + 5, tail, cued)
            return
        name, offset = _clean_org(raw, cut_of=not cued)
        if name and _HONORIFIC_RE.fullmatch(name.split()[0]):
            return  # "a spokeswoman for Dr Moran and Mr Chester": people
        words = name.split()
        if (
            len(words) > 2
            and _is_given_name(" ".join(words[-2:]))
            and all(word.lower() in _PORTFOLIOS for word in words[:-2])
        ):
            return  # "Secretary of State for Energy Ann Dale": a portfolio, then a person
        if words and words[-1] in _PARTY_MEMBERS and (len(words) == 1 or words[-2] in _CHAMBERS):
            return  # "Senate Democrats", "Republicans": members of a party ("Liberal Democrats"
            # is a party)
        before, joined, after = name.rpartition(" and ")
        if joined and (
            (_is_person_like(after) and not _looks_like_org(after))
            or (_is_place(after) and " of " not in before)
        ):
            name = before  # "Chairman of Heart Cymru Foundation and Gwyn Davies": two names
        if name:
            begin = start + offset
            if name.endswith("ly") and " " not in name and _sentence_start(self.text, begin):
                return  # "Initially, the company said ...": an adverb, not "Initially"
            if prefix := _DOTTED_PREFIX.search(self.text, max(0, begin - 12), begin):
                # "U.N. Security Council", "U.S. Border Patrol": the initials are the name's.
                name = self.text[prefix.start() : begin] + name
                begin = prefix.start()
            self.claim(begin, begin + len(name), lambda: self.registry.add(name, ORGANIZATION))

    def claim_one_word_org(self, start: int, word: str) -> None:
        """An organization named by one word. The short form of an organization the document
        names in full ("Conner Peripherals Inc." ... "Conner shares") is that organization, as
        a surname is its person's, when only a company's suffix or business word is left out;
        after an institution's name ("Kelmar Foundation") it is a body of its own; with two such
        names, it is neither's."""
        full = [
            actor
            for actor in self.registry.actors
            if actor.kind == ORGANIZATION and actor.name.startswith(f"{word} ")
        ]
        if (
            len(full) == 1
            and full[0].name.split()[-1] not in _INSTITUTION_TAILS
            and not self.registry.lookup(word)
        ):
            owner = full[0]
            self.claim(
                start, start + len(word), partial(self.registry.alias, owner, word, guessed=True)
            )
        elif len(full) < 2:
            self.claim(start, start + len(word), partial(self.registry.add, word, ORGANIZATION))

    def claim_pollster(self, start: int, name: str) -> None:
        if " " in name:
            self.claim_org(start, name, cued=True)
        else:
            self.claim_one_word_org(start, name)

    def claim_person(self, start: int, raw: str, title: str = "") -> None:
        bare, bare_offset = _clean_org(raw)
        first = bare.split()[0] if bare else ""
        if bare and (
            _looks_like_org(bare)  # "General Motors", "Apple Computer"
            # "KNA Novinar": a person's name opens with no word in capitals (initials, "JB
            # Pritzker", are two letters)
            or (
                bare.count(" ") == 1
                and len(first) > 2
                and first.isupper()
                and not _is_given_name(bare.partition(" ")[2])
            )
        ):
            self.claim_org(start + bare_offset, bare)
            return
        name, offset = _clean_person(raw)
        if not name or _TITLE_RE.fullmatch(name) or name.split()[0] in _STORMS:
            return  # "Science Editor": a title; "Hurricane Kendra": a storm
        if not name:
            return
        begin = start + offset
        if " " not in name:  # a surname: a short reference, resolved once all names are known
            self.short_refs.append((begin, begin + len(name), name, title))
            return
        if _HONORIFIC_RE.fullmatch(title):
            title = ""  # "Mr", "Dr": a form of address, no title
        self.claim(
            begin, begin + len(name), lambda: self.registry.add(name, PERSON, _title_case(title))
        )

    def claim_full_name(self, start: int, raw: str, title: str = "") -> None:
        """A person where the context says one is named, if the run names one in full ("Jane
        Roe", not "Roe") and is built as no organization's or place's name."""
        name, offset = _clean_person(raw)
        if _is_full_name(name):
            self.claim_person(start + offset, name, title)

    def claim_named(self, start: int, raw: str, not_a_place: bool = False) -> None:
        """A person the context names (a family member, "a rebel named Majdi"): a full name
        now, a given name alone once every full name is known; with ``not_a_place``, nothing
        when the name is a place's ("named Kenya")."""
        name, offset = _clean_person(raw)
        if not name or _looks_like_org(name) or _is_place_like(name):
            return
        if not_a_place and _is_place(name):
            return
        if " " in name:
            self.claim_person(start + offset, name)
        else:
            self.first_names.append((start + offset, name))

    @cached_property
    def document_words(self) -> DocumentWords:
        """The text's lower-case words and the words it places after "in" (read once, when
        first needed)."""
        return _document_words(self.text)

    @cached_property
    def letter_runs(self) -> LetterRuns:
        """The text's runs of letters: where the patterns that open with a word of a list may
        match (read once, when first needed)."""
        return LetterRuns(self.text)

    @cached_property
    def name_starts(self) -> NameStarts:
        """Where the text's names may start and its runs of white space end (read once, when
        first needed)."""
        return NameStarts(self.text, _NAME_START)

    @cached_property
    def commas(self) -> list[int]:
        """Where the text's commas are (read once, when first needed)."""
        return list(map(_match_start, _COMMA.finditer(self.text)))

    @cached_property
    def at_commas(self) -> list[int]:
        """Where a pattern that opens with ``patterns._SPACE_COMMA`` may match: at a comma, or
        at the white space character right before one."""
        text = self.text
        starts = []
        for at in self.commas:
            if at > 0 and text[at - 1].isspace():  # str.isspace is what ``\s`` matches
                starts.append(at - 1)
            starts.append(at)
        return starts

    @cached_property
    def list_anchors(self) -> list[int]:
        """Where a list may go on after its first item: a comma, or "and" or "or" written as
        a word of its own (read once, when first needed)."""
        return sorted(self.commas + self.letter_runs.starts(_LIST_CONJUNCTIONS))

    def cue_starts(self) -> list[int]:
        """Where ``_CUED_ORG`` may match: at a cue, or at the word before "maker"."""
        text = self.text
        starts = self.letter_runs.starts(_CUED_ORG_FIRST)
        at = text.find(_MAKER)
        while at >= 0:
            if at > 0 and text[at - 1] in "- ":
                starts.append(run_start_before(text, at - 1))
            at = text.find(_MAKER, at + 1)
        return sorted(starts)

    def titled_starts(self) -> list[int]:
        """Where ``_TITLED_PERSON`` may match: at a title or an honorific, or at the capitals
        of an organization just before one ("CNN correspondent ...")."""
        text = self.text
        starts = self.letter_runs.starts(_TITLED_PERSON_FIRST)
        for at in starts[:]:
            if (
                at > 1
                and text[at - 1] == " "
                and (before := run_start_before(text, at - 1)) < at - 1
            ):
                starts.append(before)
        return sorted(starts)

    @cached_property
    def names_inside(self) -> frozenset[str]:
        """Capitalized words the text writes after a lower-case word, inside a sentence (read
        once, when first needed)."""
        return frozenset(m.group(1) for m in _NAME_INSIDE.finditer(self.text))

    def by_context(self) -> None:
        """2. Context: roles, cue words and appositions name the kind of what they introduce."""
        for quoted in _PULL_QUOTE_SPEAKER.finditer(self.text):
            if not _is_given_name(quoted["name"]):
                continue  # "End Quote Harbour Rights Watch report": a body's words
            if _is_place(quoted["name"].split()[-1]):
                continue  # "End Quote Ann Ohio , USA": a reader and where she lives
            self.claim_full_name(quoted.start("name"), quoted["name"])
            # The body, up to a second speaker ("Harlow University Dr Ann Dale of ...").
            org = _HONORIFIC_WORD.split(quoted["org"] or "")[0].rstrip()
            if org and _looks_like_org(org):
                self.claim_org(quoted.start("org"), org, cued=True)
        # A listed company: its name before its ticker ("Grace Dutch Shale (GDSa.L)").
        for ticker in _TICKER.finditer(self.text):
            opened = ticker.start() + (6 if ticker.group().startswith("-LRB-") else 1)
            company = _NAME_BEFORE_TICKER.search(self.text, max(0, ticker.start() - 60), opened)
            if company is not None and not _is_place(company["name"]):
                self.claim_org(company.start("name"), company["name"], cued=True)
        # A possessive inside a name: "Queen's University", "Moody's Investors Service",
        # "Lloyd's of London", "Standard & Poor's" (a head word or "of" after it, or "&" before
        # it). Not a place's, a person's or a longer name's possessive: "Britain's Labor Party",
        # "Cameron's Conservative Party", "the Interior Department's Land Survey Service".
        possessive, gaps = _POSSESSIVE_OWNER, _POSSESSIVE_OWNER_GAPS
        if "&" in self.text:
            possessive, gaps = _POSSESSIVE_ORG, _POSSESSIVE_ORG_GAPS
        apostrophes = map(_match_start, _APOSTROPHE_S.finditer(self.text))
        # Every owner is tried, also inside a match that was no name: in "Freedonia's Sailor's
        # Rest Society" the first possessive (a place's) takes "Sailor" as its head and is
        # refused, and the second is the name.
        for start in dict.fromkeys(self.name_starts.before(apostrophes, gaps)):
            if (match := possessive.match(self.text, start)) is None:
                continue
            name, owner = match["name"], match["owner"]
            if match["head"] and not _is_org_head(match["head"].split()[-1]):
                continue
            longer = _CAPITALIZED_BEFORE.search(
                self.text, max(0, match.start() - 30), match.start()
            )
            if owner is not None and (
                # A longer name's possessive ("the Interior Department's Land Survey"), not a
                # possessive owner before it ("Freedonia's Sailor's Rest Society").
                (longer is not None and not longer.group().rstrip().endswith(("'s", "’s")))
                or _INITIAL.fullmatch(owner)
                or _is_place(owner)
                or (_is_given_name(owner) and not match["of"])
                # "Jacob Ndlovu ... Ndlovu's National Congress": a person the story names in
                # full owns it; the organization's name starts after the possessive.
                or (
                    not match["of"]
                    and owner in self.surnames_after_given_names
                    # a company registered under its founder's name keeps it: "Harlan's
                    # Bank Limited"
                    and not _LEGAL_SUFFIX_RE.search(name.split()[-1])
                )
            ):
                continue
            self.claim(
                match.start("name"),
                match.end("name"),
                partial(self.registry.add, name, ORGANIZATION),
            )
        # A broadcaster's numbered channel: "BBC Radio 4", "Radio 2".
        for match in _NUMBERED_CHANNEL.finditer(self.text):
            begin = match.start()
            for owner in _CHANNEL_OWNER.finditer(
                self.text, max(0, match.start() - 60), match.start() + 8
            ):
                if owner.end() == match.start():
                    begin = owner.start()
                    break
            if self.text.startswith("The ", begin):
                begin += 4  # "The BBC Radio 1 presenter"
            name = self.text[begin : match.end()]
            self.claim(begin, match.end(), partial(self.registry.add, name, ORGANIZATION))
        # Dotted initials: "U.N." (a country's, "U.S.", "U.K.", is a place).
        for match in _DOTTED.finditer(self.text):
            if not (self.registry.is_known(match.group()) or self.registry.lookup(match.group())):
                continue  # "B.A.", "J.D.", "N.A.": degrees and suffixes, not the known "U.N."
            if _DOTTED_NAME_AFTER.match(self.text, match.end()):
                continue  # "U.N. Security Council": the initials begin a longer name
            self.claim(
                match.start(), match.end(), partial(self.registry.add, match.group(), ORGANIZATION)
            )
        # The capitals of the run of words before a title that an organization's name may be.
        titles = self.letter_runs.starts(_TITLED_PERSON_FIRST)
        owners = self.name_starts.before_words(titles, _ORG_RUN_PART, self.text)
        for match in matches_at(_ORG_ROLE_PERSON, self.text, owners):
            if match["name"].split()[-1] in _FEATURES:
                continue  # "Alaska 's Prince William Sound": a place
            last_part = match["org"].rpartition(" and ")[2]
            if last_part != match["org"] and (_is_nationality(last_part) or _is_place(last_part)):
                # "spoke to Qasimi and Syrian President Omar Hadad": the office's nationality
                self.claim_person(
                    match.start("name"), match["name"], f"{last_part} {match['title']}"
                )
                continue
            # "Navarro, Salcedo and EPA Administrator Lisa P. Jansen": the office is the
            # organization's just before the title, not the names listed before it.
            org_start, org_found = match.start("org"), match["org"]
            *firsts, last = _org_parts(org_start, org_found)
            if firsts and (
                last[1].isupper()
                or _is_person_like(firsts[0][1])
                or _TITLE_RE.match(firsts[0][1]) is not None
            ):
                org_start, org_found = last  # not "House Energy and Commerce" (one name)
            # A portfolio before an office of state is the title's ("European Union Health
            # Commissioner", "South African Foreign Minister"), whatever comes before it.
            office = _STATE_TITLE.search(match["title"]) is not None
            org_run = _without_portfolio(org_found) if office else org_found
            org, _ = _clean_org(org_run)
            # "District Attorney Jane Doe" is a title, not the organization "District".
            title_words = f"{org_found} {match['title']}"
            if not org or _TITLE_RE.fullmatch(title_words) or _is_person_like(org):
                continue
            if (
                match["owner"]
                and " " not in org
                and not org.isupper()
                and not (_is_place(org) or _is_nationality(org))
            ):
                # "Kestrel 's chief executive Tom Harlan" (the possessive apart, as tokenized
                # text writes it), but "Harlan 's spokesman Ana Lopez" and "Garcia 's chief of
                # staff": one word that owns a company's title is an organization only if no
                # person of the document is called so, which is known when the surnames are
                # resolved (as for a single name that speaks).
                if _CORPORATE_TITLE.fullmatch(match["title"]):
                    self.speakers.add(org_start)
                self.claim_person(match.start("name"), match["name"], match["title"])
                continue
            if (
                " " not in org
                and not org.isupper()
                and _sentence_start(self.text, org_start)
                and (match["title"][0].isupper() or org.lower() in self.document_words.lower)
            ):
                # "Economy Minister Pieter Jansen": one capitalized word opening a sentence before
                # a capitalized title is more likely the title's ("Acme chief executive ..." is
                # the company's), and so is a common word ("Government spokesman", "Lease partner").
                self.claim_person(match.start("name"), match["name"], title_words)
                continue
            # "US Energy Secretary": a country's initials and one word before an office of state
            # are the title's, whatever the word ("Energy" heads companies' names too).
            unprefixed = _DOTTED_START.sub("", org) if office else org
            if unprefixed.lower() not in _PORTFOLIOS:
                unprefixed = org  # "US Steel President John Surma": a company's, no portfolio
            if (
                (_STATE_TITLE.search(match["title"]) or _looks_like_demonym(org) or _is_place(org))
                and len(org.split()) <= 2
                and (
                    not any(_is_org_head(word) for word in org.split())
                    or (unprefixed != org and " " not in unprefixed)
                )
            ):
                # "German defense minister", "Rwandan President", "Polish Defense Minister": before
                # an office of state, words that hold no organization's head word are a
                # nationality or a portfolio, part of the title ("Labour Party leader" keeps its
                # party, "Acme chief executive" its company).
                self.claim_person(match.start("name"), match["name"], title_words)
                if unprefixed != org and self.free(org_start, org_start + len(org_found)):
                    # The title's words, no name for a later rule to read ("US Energy").
                    bisect.insort(self.claimed, (org_start, org_start + len(org_found)))
                continue
            if " " not in org and (
                org in self.surnames_after_given_names or self.registry.people_named(org)
            ):
                # "Harlan spokesman Luke Perrin" after "Senator Ann Harlan": her spokesman.
                self.claim_person(match.start("name"), match["name"], match["title"])
                continue
            self.claim_org(org_start, _without_modifiers(org_run))
            self.claim_person(match.start("name"), match["name"], match["title"])
        for match in matches_at(_CUED_ORG, self.text, self.cue_starts()):
            if match["cue"][0].isupper() and not _sentence_start(self.text, match.start()):
                continue
            if match["cue"].lower() in ("maker", "makers") and (
                (
                    before := _WORD_BEFORE.search(
                        self.text, max(0, match.start() - 20), match.start()
                    )
                )
                and before[1].lower() in _PERSON_MAKERS
            ):
                continue  # "Holiday maker Max Summers", "policy makers"
            if match["cue"].lower() in _PERSON_OR_ORG_CUES and _is_person_like(match["org"]):
                # "KP contractor Adam Dale": a person's given name says which
                self.claim_person(match.start("org"), match["org"], match["cue"])
                continue
            if "," in self.text[match.end("cue") : match.start("org")] and (
                (_is_person_like(match["org"]) and not _looks_like_org(match["org"]))
                or _is_place(match["org"])
            ):
                # "the head of the group, Tom Harlan.": the group's head, named after it; "the
                # regulator, Varnia.": a place's.
                continue
            one, joined, other = match["org"].rpartition(" and ")
            if joined and " " in one and " " not in other and not _is_org_head(other):
                # One name after a singular cue: "oil giant Exxor Mobil and Shale" is two
                # ("Elm Rope and Net Manufacturing", "Johnson and Johnson" one).
                self.claim_org(match.start("org"), one, cued=True)
                self.claim_org(match.end("org") - len(other), other, cued=True)
                continue
            self.claim_org(match.start("org"), match["org"], cued=True)
        for match in _MADE_BY.finditer(self.text):
            if _TITLE_RE.match(match["name"]) or _HONORIFIC_RE.match(match["name"]):
                # "the mistakes made by President George W. Bosh": a person's title
                self.claim_person(match.start("name"), match["name"])
                continue
            if not _is_person_like(match["name"]) and not _is_place(match["name"]):
                self.claim_org(match.start("name"), match["name"])
        for match in _POLL.finditer(self.text):
            pollster = _POLLSTER_BEFORE.search(self.text, max(0, match.start() - 60), match.start())
            if pollster is None:
                continue
            # "the Gallup and Pew polls": each took one.
            for start, name in _org_parts(pollster.start("org"), pollster["org"], split=True):
                if not (
                    _names_a_time(name)  # "the June poll", "a Christmas poll"
                    or _is_person_like(name)
                    or _is_place_like(name)
                    or _is_nationality(name)
                    or name_key(name) in _country_names()
                    or name_key(name) in _region_names()  # "a Florida poll": its voters'
                    or name.split()[0] in _PARTY_MEMBER  # "a Republican poll": the party's
                ):
                    self.claim_pollster(start, name)
        self.runs = list(_CAPS_RUN.finditer(self.text))
        # The runs by where they end, indexed only when a cue after a comma asks (a text of
        # capitals and no commas has 100,000 runs at 500 KB and no such cue).
        run_ending: dict[int, re.Match[str]] | None = None
        for match in matches_at(_THEN_CUE, self.text, self.at_commas):
            if run_ending is None:
                run_ending = {run.end(): run for run in self.runs}
            if run := run_ending.get(match.start()):
                person, of, org = run["name"].partition(" of ")
                if of and _is_person_like(person) and not _looks_like_org(person):
                    # "Owen Marsh of Amora, a group that ...": the group is Amora, Owen Marsh its
                    self.claim_person(run.start("name"), person)
                    self.claim_org(run.start("name") + len(person) + len(of), org, cued=True)
                    continue
                self.claim_org(run.start("name"), run["name"], cued=True)
        for match in _AT_ORG.finditer(self.text):
            role = _ROLE_BEFORE.search(self.text, max(0, match.start() - 40), match.start())
            if role and not _BASED.match(self.text, match.end("org")):
                # One role with its field names one employer ("a professor of mining
                # engineering at Missouri University of Science and Technology"); "analysts at
                # Barclays and Jefferies" may name several.
                split = not role["field"]
                for start, part in _org_parts(match.start("org"), match["org"], split=split):
                    # "a professor at Vienna": where, not who; "a fellow at German think-tank
                    # ...": the employer follows its nationality
                    if not _is_place(part) and not _is_nationality(part):
                        self.claim_org(start, part, cued=True)
        # A name then a comma (the name's white space and the one before the comma).
        appositions = self.name_starts.before(self.commas, _PERSON_NAME_GAPS + 1)
        for match in matches_at(_APPOSITION, self.text, appositions):
            if (
                not match["org"]
                and _REPORTING_AFTER.match(self.text, match.end())
                and not _POSSESSIVE.search(match.group())
            ):
                # "... a similar bomb in Kenya, an official said Saturday": the role speaks, it
                # does not describe the name before the comma ("Bram Grott, Acme's chief financial
                # officer said" does).
                continue
            # "singer of Peruvian descent", "chief for North African affairs": a nationality's;
            # "Minister for Tourism": a portfolio
            portfolio = (
                match["org"]
                and _STATE_TITLE.search(match["title"])
                and not match["org"].isupper()
                # "Minister for Tourism", "Commissioner for International Cooperation, ..."
                and (
                    " " not in match["org"]
                    or _FOR_BEFORE.search(
                        self.text, max(0, match.start("org") - 12), match.start("org")
                    )
                )
            )
            place = match["org"] and (
                _is_place_like(match["org"])
                or _is_place(match["org"])
                or re.match(r"[Mm]ayor|[Gg]overnor", match["title"])
            )  # "Tony Kern, mayor of Pine Beach": a place
            if (
                match["org"]
                and not portfolio
                and not place
                and not _is_nationality(match["org"].split()[-1])
            ):
                self.claim_org(match.start("org"), match["org"])
            if not _looks_like_org(match["name"]):
                # One word before the comma may end an opening phrase whose subject the role is
                # ("In efforts to prevent his return to Peru, an opposition lawmaker ..."): it
                # may name a person introduced in full, but it does not introduce one.
                lone = " " not in _clean_person(match["name"])[0]
                addressed = _HONORIFIC_RE.match(match["name"]) or _HONORIFIC_BEFORE.search(
                    self.text, max(0, match.start("name") - 6), match.start("name")
                )  # "Mr. Schwarz, who is president"
                title = match["title"] if addressed or not lone else ""
                self.claim_person(match.start("name"), match["name"], title)

    def by_structure(self) -> None:
        """3. Organizations by their structure."""
        for match in _NUMBERED_GROUP.finditer(self.text):
            before = _CAPITALIZED_BEFORE.search(
                self.text, max(0, match.start() - 30), match.start()
            )
            word = before.group().strip(" \t,") if before is not None else ""
            if word and word not in _NOT_NAMES and not word.endswith("."):
                # "the Volkswagen Group of 12 brands", "the LG G8" (not "The G8", nor a
                # sentence's last word before it)
                continue
            # "G20" is the Group of 20 and "G8" the Group of Eight, as news spells them, so that
            # the spellings are one organization.
            number = int(match["of"] or match["g"])
            name = f"Group of {_NUMBER_NAMES.get(number, number)}"
            written = match.group()
            self.claim(
                match.start(),
                match.end(),
                partial(self._numbered_group, name, written),
            )
        for match in _CITY_OF.finditer(self.text):
            name = _cut_at_title(match["name"])  # "City of Chicago Mayor ..." is "City of Chicago"
            start = match.start("name")
            self.claim(start, start + len(name), partial(self.registry.add, name, ORGANIZATION))
        for head in matches_at(_LOWER_HEAD, self.text, self.letter_runs.starts(_LOWER_HEADS)):
            named = _NAME_BEFORE_HEAD.search(self.text, max(0, head.start() - 60), head.start())
            if named is None or (
                named["before"] and not _OF_THE_BODY_AFTER.match(self.text, head.end())
            ):
                continue  # "a Senate committee", "a Harlow hospital": one of a kind
            name, offset = _clean_org(named["name"], cut_of=False)
            if (
                name
                and not _looks_like_org(name)  # "the African Union commission": the Union's
                and not _is_place(name)
                and not _is_nationality(name)
                and not _is_person_like(name)
                and name.split()[0] not in _NOT_NAMES
                # "the House committee", "the Health ministry", "the White House commission":
                # a chamber's, a portfolio's or an office's, described rather than named
                and name not in _CHAMBERS
                and name.lower() not in _PORTFOLIOS
            ):
                begin = named.start("name") + offset
                self.claim_org(begin, self.text[begin : head.end()], cued=True)
        for match in _CHAMBER.finditer(self.text):
            self.claim(
                match.start(), match.end(), partial(self.registry.add, match.group(), ORGANIZATION)
            )
        # What each run names by its structure, read once per run and kept by its words (see
        # _structured): a text repeats its runs of capitals, a name dozens of times.
        structured: dict[tuple[str, bool], list[tuple[int, str, str]]] = {}
        for match in self.runs:
            name_start = match.start("name")
            if self.text.endswith("By ", max(0, name_start - 3), name_start):
                continue  # a byline's writer and paper ("By Ellen Marsh Washington Post"): 4.
            if _FIELD_BEFORE.search(self.text, max(0, name_start - 16), name_start):
                continue  # "a lecturer in International Politics": a subject
            # In a list ("Ford, Caterpillar and General Electric") an "and" joins two names.
            in_list = self.text.endswith(", ", 0, name_start)  # no copy of the text before
            run = match["name"]
            found = structured.get((run, in_list))
            if found is None:
                found = structured[(run, in_list)] = self._structured(run, in_list)
            for offset, item, writer in found:
                begin = name_start + offset
                if writer:
                    # "Ann Dale WNN News , Harlow": a correspondent's line
                    self.claim_person(begin, writer)
                    begin, item = begin + len(writer) + 1, item[len(writer) + 1 :]
                self.claim_org(begin, item)

    def _structured(self, run: str, in_list: bool) -> list[tuple[int, str, str]]:
        """The organizations a run of capitals names by its structure: each as its offset in
        the run, its name and the correspondent's name that opens it ("" if none). They depend
        on the run's words alone (and on the well-known actors, the document date's), not on
        what was found before: ``by_structure`` claims them wherever the run is written."""
        found: list[tuple[int, str, str]] = []
        for start, part in _org_parts(0, run, split=in_list):
            name, offset = _clean_org(part)
            if "," in name and " of " not in name:  # "Stocks of Ford, Caterpillar and ...": a list
                items = [(start + offset + m.start(), m.group()) for m in _CAPS_RE.finditer(name)]
            else:
                items = [(start + offset, name)]
            for begin, item in items:
                # A well-known body named by its seat ("Downing Street", "the Kremlin")
                if item and (_looks_like_org(item) or self.registry.is_known(item, ORGANIZATION)):
                    found.append((begin, item, _writer_before_outlet(item)))
        return found

    def people_titled_or_speaking(self) -> None:
        """4. People: by title, family, "named", age, a credit line, as a source."""
        for match in matches_at(_TITLED_PERSON, self.text, self.titled_starts()):
            at = match.start("title")
            if match["title"] in ("PM", "AM") and _DIGIT_BEFORE.search(
                self.text, max(0, at - 4), at
            ):
                continue  # "8:38 PM Crews looking for ...": a clock time, not a prime minister
            if match.group("org") and match["org"].strip() not in _NOT_ACTORS:
                org = match["org"].strip()
                start = match.start("org")
                self.claim(start, start + len(org), partial(self.registry.add, org, ORGANIZATION))
            title = (match.group("org") or "") + match.group("title")
            if match["name"].split()[-1] in _FEATURES:
                continue  # "Prince Edward Sound": a place
            if match["title"].split()[-1].lower() in _STORY_ROLES and (
                len(match["name"].split()) < 2
                or _GROUP_NOUN_AFTER.match(self.text, match.end("name"))
                or _looks_like_org(match["name"])
                or not _is_full_name(_clean_person(match["name"])[0])
            ):
                continue  # "a student Union meeting"
            self.claim_person(match.start("name"), match["name"], title)
        # A biography's first line names its person with a role: "Karel Vossen is professor of
        # engineering at ...", "Ana Lopez is a senior fellow at ...". A full name only.
        for match in _IS_ROLE.finditer(self.text):
            end = match.start()
            while end > 0 and self.text[end - 1] in " \t":
                end -= 1
            named = _NAME_BEFORE.search(self.text, max(0, end - 60), end)
            if named is None:
                continue
            name, offset = _clean_person(named["name"])
            words = name.split()
            if len(words) > 2:
                # A longer run of capitals ends in the name: "The Web Hostess Monica Hesse is a
                # staff writer", a signature before it. The longest end that opens with a given
                # name, else the last two words.
                cut = next(
                    (i for i in range(len(words) - 1) if _is_given_name(" ".join(words[i:]))),
                    len(words) - 2,
                )
                offset += len(" ".join(words[:cut])) + 1 if cut else 0
                name = " ".join(words[cut:])
            if _is_full_name(name):
                self.claim_person(named.start("name") + offset, name, match["title"])
        # Given names alone (after a kinship noun, "named", before a sibling's full name): resolved
        # once every full name is known.
        kin_end = -1  # where the last family member's name ended
        for match in matches_at(_KIN, self.text, self.letter_runs.starts(_KIN_FIRST)):
            whose = _KIN_OWNER.search(self.text, max(0, match.start() - 60), match.start())
            between = self.text[kin_end : match.start()] if kin_end >= 0 else "."
            listed = _KIN_LISTED.search(self.text, max(0, match.start() - 3), match.start())
            if whose is None and not listed and not _KIN_CHAIN.fullmatch(between):
                continue  # "the mother ship", "Mother Teresa": no one's mother
            if whose is not None and whose["owner"]:
                self.claim_person(whose.start("owner"), whose["owner"])
            family = [match]
            plural = match["kin"].endswith(("s", "ren"))
            while plural and len(family) <= _MAX_LIST_ITEMS:
                more = _KIN_MORE.match(self.text, family[-1].end())
                if more is None:
                    break
                family.append(more)
            kin_end = family[-1].end()
            for each in family:
                self.claim_named(each.start("name"), each["name"])
        # "a rebel named Majdi", "a man identified only as Matt": a person named as such.
        for match in _NAMED_AS.finditer(self.text):
            if _AUXILIARY_BEFORE.search(self.text, max(0, match.start() - 6), match.start()):
                continue  # "the ship was named Endeavour", "the spaceships, named Orion"
            self.claim_named(match.start("name"), match["name"], not_a_place=True)
        for match in _AGED.finditer(self.text):
            if match["after"]:
                aged, at = match["after"], match.start("after")
            elif named := _NAME_BEFORE.search(self.text, max(0, match.start() - 80), match.start()):
                aged, at = named["name"], named.start("name")
            else:
                continue
            self.claim_full_name(at, aged)
        for by in _CREDIT.finditer(self.text):
            credit = _CREDIT_BEFORE.search(self.text, max(0, by.start() - 30), by.start())
            if credit is not None:
                byline = not credit.group().strip()  # "By" opening a line
            elif by.group().startswith("B") and _HEADLINE_WORD_BEFORE.search(
                self.text, max(0, by.start() - 30), by.start()
            ):
                byline = True  # "By" after a headline run into it
            else:
                continue
            credited_names = by
            if byline:
                # A line of its own, else the names up to what the line goes on with ("By
                # Andrew Cole The Atlantic Moran will be ...").
                credited_names = _BYLINE.match(self.text, by.start()) or by
            for credited in _PERSON_NAME_RE.finditer(credited_names["list"]):
                name, offset = _clean_person(credited.group())
                if byline:
                    name = _byline_name(name)
                    after = credited_names.start("list") + credited.end()
                    desk = _DESK_ROLE_AFTER.match(self.text, after)
                    if desk and name.count(" ") == 2 and name == credited.group():
                        name = name.rpartition(" ")[0]  # "By Katia Moss Science reporter"
                if _is_full_name(name):
                    self.claim_person(
                        credited_names.start("list") + credited.start() + offset, name
                    )
        for contributed in _CONTRIBUTED.finditer(self.text):
            named = _NAMES_BEFORE.search(
                self.text, max(0, contributed.start() - 200), contributed.start()
            )
            if named is None:
                continue
            for credited in _PERSON_NAME_RE.finditer(named["list"]):
                self.claim_full_name(named.start("list") + credited.start(), credited.group())
        for verb in _AGENT_VERB.finditer(self.text):
            acting = _NAME_ACTS_BEFORE.search(self.text, max(0, verb.start() - 40), verb.start())
            if acting is None:
                continue
            start, word = acting.start("name"), acting["name"]
            if _CAPITALIZED_WORD_BEFORE.search(self.text, max(0, start - 30), start):
                continue  # the end of a longer name ("Cathay Pacific operated", "Norvik PLC owned")
            if _sentence_start(self.text, start) and not _inside_a_sentence(word).search(self.text):
                continue  # "Remotely operated vehicles": a sentence's first word
            if not _is_nationality(word):  # "the British owned"
                self.speakers.add(start)  # one name alone, resolved later
        for match in _SPOKESMAN_FOR.finditer(self.text):
            org, start = match["org"], match.start("org")
            if self.abbreviated_title(org, match.end("org")):
                continue  # "a spokesman for Sen. Jane Roe": the title's abbreviation
            if " " in org or org.isupper():
                if not (_is_person_like(org) or _is_place(org) or _TITLE_RE.match(org)):
                    self.claim_org(start, org, cued=True)
            elif not _is_nationality(org):
                self.speakers.add(start)  # "a spokesman for Pfizer", unless a person's
        said = self.letter_runs.starts(_REPORTING_FIRST)
        for pattern in (_SAID_NAME, _NAME_SAID, _ACCORDING_TO, _TOLD_NAME, _SET_OFF_SAID):
            if pattern is _SAID_NAME:
                found = matches_at(pattern, self.text, said)
            elif pattern is _NAME_SAID:
                # A name, then white space and the reporting verb.
                speakers = self.name_starts.before(said, _PERSON_NAME_GAPS + 1)
                found = matches_at(pattern, self.text, speakers)
            elif pattern is _SET_OFF_SAID:
                found = matches_at(pattern, self.text, self.at_commas)
            else:
                found = pattern.finditer(self.text)
            for match in found:
                if self.abbreviated_title(match["name"], match.end("name")):
                    continue  # "said Sen. Jane Roe": the title's abbreviation, not a speaker
                name, offset = _clean_person(match["name"])
                if _PLURAL_CAPITALS.fullmatch(name):
                    continue  # "told MPs that ...", "CEOs said": a group of people, no body
                # A lone surname is resolved later; a full name needs a sign it is a person's.
                if not name or (pattern is _SET_OFF_SAID and _is_place(name)):
                    continue  # "... in Austin, Texas, said": where the speaker is
                lone = " " not in name
                if lone:
                    self.speakers.add(match.start("name") + offset)
                # After "said", "according to": a name not built as a place's or a company's.
                cued = pattern is not _NAME_SAID and not _is_place_like(name)
                if (
                    lone
                    or cued
                    or _is_given_name(name)
                    or self.registry.lookup(name)
                    or _has_initial(name)
                ):
                    self.claim_person(match.start("name"), match["name"])

    def people_in_runs_and_lists(self) -> None:
        """4. People (and organizations) in runs of capitalized words and in lists."""
        # A full name the text goes on to call by its last word alone ("Neal Hornby said ...",
        # then "Hornby was not a defendant"): news writing introduces a person by full name and
        # refers to them by surname after, so the echo vouches for a name that no list of given
        # names knows. Not after "the" ("the Baltic Pact"), and not when the last word stands
        # alone only as a place does, after "in", "to", "from" ("Little Lima" / "in Lima").
        # Every word of the name is a name's: never written in lower case in the text ("Once
        # Morales", "Through Oct" open a sentence), the first no initial or capitals ("U.S.
        # Immigration", "GM Hughes").
        unlisted: list[tuple[int, str, list[str]]] = []
        for match in _PERSON_RUN.finditer(self.text):
            name, offset = _clean_person(match["name"])
            if " " not in name:
                continue
            words = name.split()
            for index, word in enumerate(words[:-2]):
                rest = " ".join(words[index + 1 :])
                if (
                    word in _PARTY_MEMBER or (index == 0 and _is_nationality(word))
                ) and _is_given_name(rest):
                    # "Republican John McCain", "Kenyan Ali Tarouk", "Harlow Democrat Tom
                    # Kessel": a party or a nationality before a full name says who the
                    # person is; it is no part of the name, nor what comes before it.
                    offset += len(name) - len(rest)
                    name = rest
                    break
            words = name.split()
            if (
                len(words) >= 3
                and not _is_given_name(name)
                and _is_given_name(" ".join(words[-2:]))
                and all(word.lower() in _PORTFOLIOS for word in words[:-2])
            ):
                # "Secretary of the Interior Ken Salter", "Director of National Intelligence
                # James Clamp": the portfolio that ends a title is no part of the full name
                # after it.
                name, offset = " ".join(words[-2:]), offset + len(" ".join(words[:-2])) + 1
            start = match.start("name") + offset
            if (
                _is_given_name(name)
                and not _looks_like_org(name)
                and not _is_place_like(name)
                # "the Charles de Gaulle aircraft carrier", "the Kathy Forever concert"
                and not (
                    _AFTER_THE.search(self.text, max(0, start - 5), start)
                    and _LOWER_NOUN_AFTER.match(self.text, start + len(name))
                )
            ):
                self.claim_person(start, name)
            elif len(words := name.split()) <= 3:
                unlisted.append((start, name, words))
        if unlisted:
            # "Omar al-Hakim" is echoed as "Hakim" as often as "al-Hakim".
            surnames = {words[-1] for _, _, words in unlisted}
            echoed = _echoed_surnames(
                self.text, surnames | set(map(without_arabic_article, surnames))
            )
            lower_words = self.document_words.lower if echoed else frozenset()
            for start, name, words in unlisted:
                if (
                    (words[-1] in echoed or without_arabic_article(words[-1]) in echoed)
                    and words[0] not in _NOT_NAMES
                    and len(words[0]) > 2
                    and not words[0].endswith(".")
                    and not words[0].isupper()
                    # "Quoting Tunisian sources", "Citing Qasimi": a participle opens the sentence
                    and not (words[0].endswith("ing") and _sentence_start(self.text, start))
                    and not any(word.lower() in lower_words for word in words)
                    and not _INITIAL.fullmatch(words[-1])
                    and not _looks_like_org(name)
                    and not _is_place_like(name)
                    and not _AFTER_THE.search(self.text, max(0, start - 5), start)
                ):
                    self.claim_person(start, name)
        # A name, then a comma or "and" or "or" after white space.
        people = self.name_starts.before(self.list_anchors, _PERSON_NAME_GAPS + 1)
        for match in matches_at(_LIST, self.text, people):
            members = [
                (m.start(), m.group())
                for m in _PERSON_NAME_RE.finditer(match["list"])
                if m.group() not in ("and", "or")
            ]
            cleaned = [(_clean_person(raw), start) for start, raw in members]
            known = [self.registry.lookup(name) for (name, _), _ in cleaned if " " in name]
            # "opposition leaders Ali Rezaei and Mehdi Karimi": a plural title before
            # the list says its members are people, as a person of the document among them does.
            titled = _PLURAL_TITLE_BEFORE.search(
                self.text, max(0, match.start() - 60), match.start()
            )
            if titled or any(actor is not None and actor.kind == PERSON for actor in known):
                for ((name, offset), start), (_, raw) in zip(cleaned, members, strict=True):
                    if raw.startswith(("The ", "the ")):
                        continue  # "The Silver Gulls, Nina Alvarez and ...": no person's
                    if _is_full_name(name):
                        self.claim_person(match.start("list") + start + offset, name)
            # "Ruth, Jonah and Jane Hollis": given names before a full name share its
            # surname; each is a person of the family.
            last_name = cleaned[-1][0][0] if cleaned else ""
            if (
                len(cleaned) > 1
                and " " in last_name
                and _is_person_name(last_name)
                and not _looks_like_org(last_name)
                and (_is_given_name(last_name) or self.registry.lookup(last_name) is not None)
                and all(
                    name
                    and " " not in name
                    and not _is_place(name)
                    and name not in self.document_words.places
                    for (name, _), _ in cleaned[:-1]
                )
            ):
                for (name, offset), start in cleaned[:-1]:
                    self.first_names.append((match.start("list") + start + offset, name))
        self.organizations_in_lists()

    def organizations_in_lists(self) -> None:
        """Organizations in a list with an organization the document names: members of a list
        are of one kind ("NVK, Norvik and Kelmar"). Read again once the acronyms are known,
        since news lists a company by its initials among others named by one word."""
        # A run of capitals, then a comma or "and" or "or" after white space.
        organizations = self.name_starts.before(self.list_anchors, _CAPS_GAPS + 1)
        for match in matches_at(_ORG_LIST, self.text, organizations):
            members = [
                (match.start("list") + m.start(), m.group())
                for m in _ORG_LIST_ITEM_RE.finditer(match["list"])
            ]
            joined = _JOINED_BEFORE.search(self.text, max(0, match.start() - 40), match.start())
            if joined is not None and _is_org_head(joined["head"]):
                if "," not in match["list"]:
                    continue  # "Subcommittee on Water and Wildlife": one name
                members = members[1:]  # "Center for Biological Diversity, ...": the end of a name
            opening = textlib.sentence_start(self.text, match.start(), 80)
            if _OPENING_PHRASE.fullmatch(self.text, opening, match.start()):
                # "In London, NVK and Kelmar fell", "Asked by WNN, Smith and Jones declined": the
                # first comma ends the sentence's opening phrase, and its name is no member.
                members = members[1:]
            if len(members) < 2:
                continue
            if len(members) < 3 and any(_ACRONYM.fullmatch(raw) for _, raw in members):
                continue  # "Kessler and Norvik community outreach ...": too short to tell a list
            # A place shouted in capitals ("UN and AFRICA") was taken as initials: it makes no
            # list of organizations (the result leaves it out as a place).
            found = [self.registry.lookup(raw) for _, raw in members]
            kinds = {
                actor.kind
                for actor in found
                if actor is not None and name_key(actor.name) not in _country_names()
            }
            if any(" " not in raw and self.registry.people_named(raw) for _, raw in members):
                kinds.add(PERSON)  # "NVK, Harlan and Kelmar" after "Tom Harlan": not one kind
            if ORGANIZATION in kinds and PERSON not in kinds:
                for start, raw in members:
                    name, offset = _clean_org(raw)
                    if (
                        name
                        and not _is_person_like(name)
                        and not _is_place_like(name)
                        and not _is_place(name)
                        and name not in self.document_words.places
                        and not _HONORIFIC_RE.fullmatch(name)  # "... Institute and Dr. Gianna ..."
                        # "A Republican Congress and President Clinton": a person by title
                        and not (_TITLE_RE.match(name) and not _looks_like_org(name))
                        # "Oil, Gas and Chemical companies", "states like MS, AL and TX": a
                        # common word, or two capitals the document does not know as a body
                        and not (" " not in name and name.lower() in self.document_words.lower)
                        and not (
                            len(name) == 2 and name.isupper() and self.registry.lookup(name) is None
                        )
                    ):
                        if " " in name:
                            self.claim(
                                start + offset,
                                start + offset + len(name),
                                partial(self.registry.add, name, ORGANIZATION),
                            )
                        else:
                            self.claim_one_word_org(start + offset, name)

    def class_members(self, start: int, listed: str, plural: str) -> None:
        """The names of a list whose class a plural noun gives: organizations after a plural of
        an organization cue ("companies", "drug makers"), people after a group of people
        ("lawmakers"); nothing after any other noun."""
        plural = plural.lower()
        people = plural in group_nouns()
        if not people and (
            plural == _singular(plural) or _singular(plural) not in _org_class_nouns()
        ):
            return
        for member in _CAPS_RE.finditer(listed):
            at = start + member.start()
            if _NAME_GOES_ON.match(self.text, at + len(member.group())):
                continue  # "McDonald's Corp.": a part of a longer name
            name = member.group()
            opener, space, rest = name.partition(" ")
            if (
                space
                and _sentence_start(self.text, at)
                and opener.lower() in self.document_words.lower
            ):
                name, at = rest, at + len(opener) + 1  # "Are Exxor and other oil companies ...?"
            if " " not in name and name.endswith(("ites", "ists")):
                continue  # "Alawites and other groups", "Islamists": followers, not a body
            if people:
                self.claim_full_name(at, name)
            elif not (
                _is_person_like(name)
                or _is_place(name)
                # "Kaley and other abortion providers" after "Barnett Kaley": the person
                or self.registry.people_named(name)
            ):
                self.claim_org(at, name, cued=True)

    def by_members_and_media(self) -> None:
        """4. Organizations by their people, stock or members, and news outlets by their medium."""
        # One name before the people or stock of an organization ("Acme officials", "Haldane
        # executives", "Norvik shares"): a company's, when it is no common word, place, group,
        # nationality or given name, and no person of the document bears it as surname.
        # A list after a plural class noun ("companies such as Aramco, Petrobras and Pemex",
        # "lawmakers including Ana Lopez and ..."): organizations after a plural of an organization
        # cue, people after a group of people.
        for class_list in _CLASS_LIST.finditer(self.text):
            noun = _CLASS_NOUN_BEFORE.search(
                self.text, max(0, class_list.start() - 40), class_list.start()
            )
            if noun is not None:
                self.class_members(class_list.start("list"), class_list["list"], noun["noun"])
        # ... or right after it: "its contractors Kelmar and Norvik".
        starts = self.letter_runs.starts(_CLASS_PLURALS)
        for after in matches_at(_PLURAL_THEN_LIST, self.text, starts):
            self.class_members(after.start("list"), after["list"], after["noun"])
        # ... and the list before "and other" with its class noun after: "Pfizer, Roche, Novartis
        # and other drug makers", "Ana Lopez, Jane Roe and other lawmakers".
        for other in _AND_OTHER.finditer(self.text):
            listed = _LIST_BEFORE.search(self.text, max(0, other.start() - 300), other.start())
            if listed is not None:
                self.class_members(listed.start("list"), listed["list"], other["noun"])

        members = matches_at(_MEMBERS, self.text, self.letter_runs.starts(_MEMBERS_FIRST))
        moves = matches_at(_STOCK_MOVE, self.text, self.letter_runs.starts(_STOCK_VERBS))
        for noun in heapq.merge(members, moves, key=re.Match.start):
            one = _ONE_NAME_BEFORE.search(self.text, max(0, noun.start() - 40), noun.start())
            if one is None:
                continue
            word = one["name"]
            start = one.start("name")
            if word in _NOT_ACTORS or word in _NOT_NAMES or not self.free(start, one.end("name")):
                continue
            if noun.re is _STOCK_MOVE and (
                _AFTER_THE.search(self.text, max(0, start - 5), start)  # "the Dow": an index
                # "Prescriptions for Norvex rose", "traffic through Harlow fell": what the
                # figure counts, not who moved; a market's city is none ("Frankfurt slipped").
                or _PREPOSITION_BEFORE_NAME.search(self.text, max(0, start - 12), start)
                or _is_place(word)
                or name_key(word) in _city_names()
            ):
                continue
            article = _AN_BEFORE.search(self.text, max(0, start - 4), start)
            if noun.group() in _ONE_MEMBER_NOUNS and (
                not article
                or word.lower() in _PORTFOLIOS
                or _ADJECTIVE_ENDING.search(word)  # "a Catholic spokesman", "an Anglican ..."
            ):
                # "Acme spokesman Jane Roe" is _ORG_ROLE_PERSON's, "Smith spokesman" nobody's,
                # "a Defense spokesman" a portfolio's.
                continue
            if not article and _CAPITALIZED_BEFORE.search(self.text, max(0, start - 30), start):
                continue  # the end of a longer name ("White House officials")
            if word.isupper():
                if _CAPS_NEIGHBOUR.search(self.text, max(0, start - 12), start):
                    continue
            elif (
                not _speaks_as_organization(word, self.document_words)
                or word.endswith("ed")  # a participle: "Elected officials", "Unnamed officials"
                or (_sentence_start(self.text, start) and word not in self.names_inside)
            ):
                continue  # at a sentence's start, only a word the text capitalizes elsewhere too
            if self.registry.people_named(word) or _is_nationality(word):
                continue
            if noun.group() == "headquarters" and (
                _OWNER_JUST_BEFORE.search(self.text, max(0, start - 8), start)
                or self.text.startswith(" of ", noun.end())
            ):
                # "Norvik's Houston headquarters", "the Houston headquarters of Norvik": where
                # they are
                continue
            if name_key(word) in _country_names() or name_key(word) in _region_names():
                continue  # "Ohio officials": a state's, a place
            self.claim_one_word_org(start, word)

        # A news outlet named with its medium ("Kyodo news agency reported").
        for medium in matches_at(_MEDIUM, self.text, self.letter_runs.starts(_MEDIUM_FIRST)):
            if medium.group() != "TV" and not self.text[medium.start()].islower():
                continue  # "Fox News Channel" is a name, "Kenyan TV" a nationality's
            outlet = _NAME_BEFORE_MEDIUM.search(
                self.text, max(0, medium.start() - 60), medium.start()
            )
            if outlet is None:
                continue
            name, offset = _clean_org(outlet["name"])
            last = name.split()[-1] if name else ""
            if (
                not name
                or _AN_BEFORE.search(self.text, max(0, outlet.start() - 4), outlet.start())
                or name in _language_names()  # "Arabic television", "Spanish radio"
                or "-" in last  # "Spanish-language radio"
                or _is_nationality(name)
                or _looks_like_demonym(name)
                or _is_place(name)
                or last in _MONTHS_UNDOTTED
                or last.endswith("day")  # "the Sunday newspaper"
                # One word opening a sentence: "Nonprofit group, Open Hands Relief Fund, ..."
                or (" " not in name and _sentence_start(self.text, outlet.start("name") + offset))
            ):
                continue
            self.claim_org(outlet.start("name") + offset, name, cued=True)

        # A newspaper named "Daily ..." ("the Daily Star", "Daily Monitor").
        for paper in _DAILY.finditer(self.text):
            self.claim_org(paper.start("name"), paper["name"], cued=True)

    def acronyms_and_handles(self) -> None:
        """5. Acronyms and handles."""

        def _bracketed_after(at: int) -> Actor | None:
            """The actor whose mention ends just before the bracket that opens at ``at``, if any."""
            opening = _BRACKET_BEFORE.search(self.text, max(0, at - 8), at)
            if opening is None or not _BRACKET_CLOSE_AFTER.match(self.text, at):
                return None
            return ending_at.get(opening.start())

        ending_at = {mention.end: mention.actor for mention in self.mentions}

        # 5. Acronyms and handles.
        acronyms = list(_ACRONYM.finditer(self.text))
        uses = Counter(match.group() for match in acronyms)
        # "the blowout preventer (BOP)": the initials of a term, here and wherever else the
        # document writes them ("called the BOP a fail-safe device").
        terms = {
            match.group()
            for match in acronyms
            if _abbreviates_term(self.text, match.start(), match.end())
        }
        for match in acronyms:
            word = match.group()
            before = self.text[max(0, match.start() - 12) : match.start()]
            after = self.text[match.end() : match.end() + 12]
            # "KP PLC", "ABB AG": capitals before a legal suffix are a company's.
            incorporated = _LEGAL_SUFFIX_RE.match(after.lstrip()) is not None and after[:1] == " "
            if word in _NOT_ACTORS or _CAPS_NEIGHBOUR.search(before):
                continue
            if _CAPS_NEIGHBOUR.match(after) and not incorporated:
                continue
            if _CLOCK_BEFORE.search(before):
                continue  # a time zone: "16.42 BST", "11:51 am EDT"
            at_line_start = match.start() == 0 or self.text[match.start() - 1] == "\n"
            if at_line_start and (
                after.startswith(",") or textlib.dateline(self.text, match.start())
            ):
                continue  # a dateline: "MANILA, Philippines", "LIMA (AP) --"
            if textlib.in_dateline_agency(self.text, match.start(), match.end()):
                continue  # "MEXICO CITY (AP) --": a dateline's agency, claimed in 1b if it is one
            if textlib.after_dateline_place(self.text, match.end()):
                continue  # "PARIS, March 10 (Reuters) -" inside a line
            if _TICKER_AFTER.match(self.text, match.end()) and _BRACKET_BEFORE.search(before):
                # A stock ticker ("AstraZeneca's (AZN.L)", "-LRB- DVN . N -RRB-"): no actor, but
                # the name before it is a listed company's.
                company = _NAME_BEFORE_TICKER.search(
                    self.text, max(0, match.start() - 60), match.start()
                )
                if company is not None:
                    self.claim_org(company.start("name"), company["name"], cued=True)
                continue
            if (
                len(word) > 3
                and uses[word] == 1
                and word.lower() in self.document_words.lower
                and not (self.registry.is_known(word) or self.registry.lookup(word))
            ):
                continue  # "Click NEXT to continue", "Which is NOT": a shouted word
            if (
                len(word) == 2
                and not incorporated
                and (
                    word.lower() in self.document_words.lower
                    or (
                        uses[word] < 3
                        and not _OWNS_OR_ACTS.match(self.text, match.end())
                        # "KP has", "KP will": a company's; "the DA has", "your GP can" a role's
                        and not (
                            _AUXILIARY_AFTER.match(self.text, match.end())
                            and not _DETERMINER_JUST_BEFORE.search(before)
                        )
                        and not (
                            _AGENT_BEFORE.search(before)
                            and _AGENT_END.match(self.text, match.end())
                        )
                    )
                )
                and not (self.registry.is_known(word) or self.registry.lookup(word))
            ):
                # Two capitals alone are too often a product, a unit, a place, a shouted word
                # ("WE", "NO"); a story about one company names it again and again ("KP").
                continue
            spelled_out = _bracketed_after(match.start())
            if (
                spelled_out is not None
                and spelled_out.kind == ORGANIZATION
                and self.registry.lookup(word) is None
            ):
                # "the LA Police Department (LAPD)": an acronym given in brackets after an
                # organization's name is that organization's, whatever its letters.
                self.claim(
                    match.start(), match.end(), partial(self.registry.alias, spelled_out, word)
                )
                continue
            if (
                spelled_out is None
                and word in terms
                and not (self.registry.is_known(word) or self.registry.lookup(word))
            ):
                continue  # a term's initials, not a body's
            self.claim(match.start(), match.end(), partial(self.registry.add, word, ORGANIZATION))
        # An organization's person: "CNN's Dana Holt said", "the BBC's Ignace Baraka in ...".
        for match in _OWNED_NAME.finditer(self.text):
            whose = _OWNER_BEFORE.search(self.text, max(0, match.start() - 40), match.start())
            owning = self.registry.lookup(whose["owner"]) if whose is not None else None
            if owning is None or owning.kind != ORGANIZATION:
                continue
            self.claim_full_name(match.start("name"), match["name"])

        # A word with capitals inside ("GlaxoSmithKline", "PetroChina") is a company's or a
        # product's name, not a person's ("McDonald", "LaToya", "DeLay" begin as names do).
        for match in _CAMEL.finditer(self.text):
            word = match.group()
            if word.startswith(_NAME_PREFIXES) or word in _NOT_ACTORS:
                continue
            self.claim(match.start(), match.end(), partial(self.registry.add, word, ORGANIZATION))
        for match in _HANDLE.finditer(self.text):
            handle = match.group()
            self.claim(match.start(), match.end(), partial(self.registry.add_handle, handle))

    def short_references(self) -> None:
        """6. Short references: once every full name is known, a surname names the one person
        of the document with that surname (none if two share it); a well-known short name
        ("Trump") its actor. Titled or said, or anywhere in a run of capitalized words."""

        in_credits = {id(m.actor) for m in self.mentions if (m.start, m.end) in self.credits}
        credited_only = in_credits - {
            id(m.actor) for m in self.mentions if (m.start, m.end) not in self.credits
        }

        # (surname, title) -> the registry's count of changes when it named no one. What a
        # short reference names depends on the word, its title (which gives its honorific), the
        # registry and, when a single name speaks, its place: while the registry is unchanged,
        # a word that named no one names no one again (unless it speaks). A text repeats its
        # capitalized words (100,000 at 500 KB of abbreviations and initials, each looked up as
        # a full name, a surname and a known actor), and most name no one.
        named_no_one: dict[tuple[str, str], int] = {}

        def resolve_short(start: int, end: int, word: str, title: str, honorific: str) -> None:
            if word in _NOT_NAMES or not self.free(start, end):
                return
            speaks = start in self.speakers
            if not speaks and named_no_one.get((word, title)) == self.registry.changes:
                return
            listed = self.registry.lookup(word)  # a name the document or the known table gave it
            if listed is not None:
                self.claim(start, end, lambda: self.registry.alias(listed, word))
                return
            # A photographer named only in a credit is nobody the story's surnames refer to
            # ("(AP Photo/Gerald Herbert)", then "Governor Herbert said").
            people = [p for p in self.registry.people_named(word) if id(p) not in credited_only]
            if len(people) == 1:
                actor = people[0]
                spelled = f"{honorific} {word}" if honorific else word
                self.claim(start, end, lambda: self.registry.alias(actor, spelled, guessed=True))
                if title and not actor.title and not _HONORIFIC_RE.fullmatch(title):
                    actor.title = _title_case(title)
            elif not people and (kind := self.registry.known_kind(word)) is not None:
                self.claim(
                    start, end, lambda: self.registry.add(word, kind)
                )  # "Trump", "the Pentagon"
            elif (
                not people
                and title
                and not honorific
                and _is_person_name(word)
                and word.lower() not in self.document_words.lower
            ):
                # "President Garcia" in a text that gives no full name: the title vouches for a
                # person known here by surname ("Mr Garcia" alone does not; nor does a common word
                # after a title in a headline run into the text: "says mayor Days of ...").
                self.claim(start, end, lambda: self.registry.add(word, PERSON, _title_case(title)))
            elif (
                not people
                and start in self.speakers
                and not _PART_OF_NAME_BEFORE.search(self.text, max(0, start - 6), start)
                and not _MODIFIES_NEXT.match(self.text, end)
                and _speaks_as_organization(word, self.document_words)
            ):
                # "Pfizer said on Monday": news introduces a person by full name before a bare
                # surname speaks, so a single name that speaks with no person to refer to is an
                # organization's, unless the text shows it is a place ("in Pfizer" never comes)
                # or a common word ("Officials said"); the short form of one the document
                # names in full is that one ("Brantec said" after "Brantec Petroleum Corp").
                self.claim_one_word_org(start, word)
            elif not speaks:
                named_no_one[(word, title)] = self.registry.changes

        # A given name after a kinship noun ("his mother, Kathleen,") or "named" is the one person
        # of the document with that first name, else a person known here by it alone.
        for start, word in self.first_names:
            end = start + len(word)
            if word in _NOT_NAMES or not self.free(start, end) or self.registry.people_named(word):
                continue
            first = [
                a for a in self.registry.actors if a.kind == PERSON and a.name.split()[0] == word
            ]
            if len(first) == 1:
                self.claim(start, end, partial(self.registry.alias, first[0], word, guessed=True))
            elif not first and self.registry.lookup(word) is None:
                self.claim(start, end, partial(self.registry.add, word, PERSON))
        for start, end, word, title in self.short_refs:
            honorific = _HONORIFIC_RE.fullmatch(title.strip()) if title else None
            resolve_short(start, end, word, title, honorific.group() if honorific else "")
        for match in _SHORT_REF.finditer(self.text):
            resolve_short(
                match.start("name"), match.end("name"), match["name"], "", match["hon"] or ""
            )

    def result(self) -> tuple[list[Actor], list[Mention], dict[int, Actor]]:
        """The actors (countries left out), their mentions in order, and the posts' authors."""
        # A country is a place, not an actor ("Egypt, Syria and Morocco also sent troops", "Iran
        # said"), whatever rule took it.
        # A post's author stays, whatever name it signs with.
        places = _country_names()
        signed = {id(actor) for actor in self.authors.values()}
        actors = [
            a for a in self.registry.actors if id(a) in signed or name_key(a.name) not in places
        ]
        if len(actors) < len(self.registry.actors):
            kept = {id(actor) for actor in actors}
            self.mentions = [mention for mention in self.mentions if id(mention.actor) in kept]
        if self.credits:
            self.mentions = [m for m in self.mentions if (m.start, m.end) not in self.credits]
        self.mentions.sort(key=lambda mention: mention.start)
        return actors, self.mentions, self.authors


@cache
def _time_words() -> tuple[frozenset[str], frozenset[str]]:
    """The months' and the weekdays' names, and the holidays' (the date lexicon's)."""
    return (
        frozenset(word.casefold() for word in (*MONTH_FULL_NAMES, *WEEKDAY_FULL_NAMES)),
        frozenset(name.casefold() for name in HOLIDAYS),
    )


def _names_a_time(name: str) -> bool:
    """Whether ``name`` is a holiday's or holds a month's or a weekday's name: "the June poll"
    names when it was taken, not who took it."""
    days, holidays = _time_words()
    return name.casefold() in holidays or any(word.casefold() in days for word in name.split())


def _abbreviates_term(text: str, start: int, end: int) -> bool:
    """Whether the capitals at ``text[start:end]``, alone in brackets, abbreviate the words in
    lower case before the bracket ("the blowout preventer (BOP)", "remotely operated vehicles
    (ROVs)"): a term, not a body ("under the ceasefire (NYT)" cites a source; "(MMS included)"
    is no abbreviation)."""
    if not _BRACKET_CLOSE_AFTER.match(text, end + (text[end : end + 1] == "s")):
        return False
    term = _TERM_BEFORE_BRACKET.search(text, max(0, start - 60), start)
    if term is None:
        return False
    words = term["words"].split()
    if _is_org_head(words[-1].capitalize()):
        return False  # "the national oil company (NOC)": a body described in lower case
    letters = text[start:end].lower()
    return words[-1][0] == letters[-1] and any(w[0] == letters[0] for w in words)


def find_actors(
    text: str, document_date: date, posts: list[Post]
) -> tuple[list[Actor], list[Mention], dict[int, Actor]]:
    """All actors of ``text``, their mentions in what the text tells (sorted by offset; an
    agency only credited has none), and each post's author (keyed by the post's start offset):
    the stages of the package docstring, in order."""
    finding = _Finding(text, document_date)
    finding.post_authors(posts)
    finding.credited_agencies()
    finding.by_context()
    finding.by_structure()
    finding.people_titled_or_speaking()
    finding.people_in_runs_and_lists()
    finding.by_members_and_media()
    finding.acronyms_and_handles()
    finding.organizations_in_lists()
    finding.short_references()
    found = finding.result()
    _forget()
    return found


def _forget() -> None:
    """Drop the name caches when a document is done, as the clause caches are: a document
    repeats its own names, another document seldom does, and a cache kept from one document
    to the next would only make one's analysis time depend on those before it."""
    for cached in (
        name_key,
        _fold,
        _transliteration_key,
        actor_key,
        surname_key,
        _clean_org,
        _clean_person,
        _looks_like_org,
        _acronyms,
    ):
        cached.cache_clear()
