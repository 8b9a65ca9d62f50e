"""The patterns of the actor rules: what a name, a title, an organization's run of capitalized
words look like, and the contexts that introduce them (numbered as the stages of
``finder.find_actors``), with the word sets they consult."""

import re

from events.analysis.actors.wordlists import (
    _lexicon_first_runs,
    _org_class_nouns,
    _pairs,
    _phrases,
    _words,
    first_runs,
    group_nouns,
)
from events.analysis.date_lexicon import MONTH_ABBREVIATIONS, MONTH_FULL_NAMES, WEEKDAY_FULL_NAMES
from events.analysis.text import DATELINE_DASH, DATELINE_PLACE, PHOTO_CREDIT_OPENING
from events.analysis.text import WHITE_SPACE_GAP as _GAP

# A capitalized name word: "Johnson", "D'Amato", "McDonald", "Jean-Pierre", an initial "J.".
# A possessive "'s" is not part of the name.
# Letters beyond ASCII: Latin-1 and Latin Extended-A capitals and small letters, and combining
# accents (a name may be written "José" or "Jose\u0301").
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOW = "a-zß-öø-ÿā-ž\u0300-\u036f"
# Second halves of compound adjectives written after a name ("Miami-based", "Long-term").
_COMPOUND_TAILS = (
    "(?:based|run|owned|led|backed|born|made|controlled|funded|sponsored|linked|affiliated|"
    "allied|held|occupied|style|era|type|class|wide|level|bound|area|only|free|friendly|"
    "speaking|educated|trained|listed|registered|dominated|supported|inspired|designed|built|"
    "term|time|year|old|long|day|week|month|quarter|end|high|low|scale|range|winning|"
    "nominated|award|elect)"
)
# A name word after its first letter, a capital (whose letter a look-behind reads where it
# matters): a name's pattern that opens with that capital as a set of characters lets Python's
# re skip in C to the next capital (see ``_at_name``).
_AFTER_CAPITAL = (
    # "By" is no name's word: capitalized inside a run of capitals, it opens a byline ("Oil
    # reaches the Coast By Ellen Marsh").
    r"(?!y(?<=By)(?![\w\u0300-\u036f]))"
    # Abbreviations that end a company's or a person's name keep their point.
    r"(?:(?:nc(?<=Inc)|orp(?<=Corp)|o(?<=Co)|td(?<=Ltd)|r(?<=Jr)|r(?<=Sr)|ros(?<=Bros))\.(?!\w)"
    r"|(?:LC(?<=PLC)|lc(?<=Plc)|LC(?<=LLC)|LP(?<=LLP)|G(?<=AG)|A(?<=SA)|V(?<=NV)|mbH(?<=GmbH))"
    r"(?!\w)"
    # Capitals inside a word, tried first so the word is taken whole: "GlaxoSmithKline",
    # "McDonald".
    rf"|[{_LOW}]*(?:[{_UP}][{_LOW}]+)+(?!\w)"
    # A hyphenated part: "Jean-Pierre", "Ban Ki-moon" (Korean given names in lower case), not
    # a compound adjective ("Miami-based", "Long-term"); an apostrophe inside a transliterated
    # name ("Ra'ouf", not a possessive's "'s").
    rf"|(?:[{_LOW}]?['’][{_UP}])?[{_LOW}]+(?:['’](?!s\b)[{_LOW}]{{2,}})?"
    rf"(?:-(?:[{_UP}]|(?!{_COMPOUND_TAILS}(?![\w\u0300-\u036f])))[{_LOW}]+)?"
    r"|\."
    # Capitals joined by "&": "AT&T", "R&B Seafood Company", "S&P".
    rf"|[{_UP}]{{0,2}}&[{_UP}]{{1,3}}(?![\w&])"
    # Initials written together before a surname: "JB Pritzker", "JD Vance".
    rf"|[{_UP}]{{1,2}}(?=\s+[{_UP}][{_LOW}]))"
)
_NAME_WORD = (
    rf"(?:[{_UP}]{_AFTER_CAPITAL}"
    # An Arabic article or kinship word joined to the next part, in lower case inside a name:
    # "Ali al-Karimi", "Omar al-Hassan", "Mohammed bin-Rashid".
    rf"|(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn)-[{_UP}][{_LOW}]+)"
)
_NAME_WORD_RE = re.compile(_NAME_WORD)
_END = r"(?![\w\u0300-\u036f])"  # \b would stop before a combining accent
# Where a name starts (a capital not inside a word): a prefix that spares the regex engine
# trying a name's pattern at every character (about twice as fast). The capital is checked
# before the character behind it: most characters are no capital, and the look-behind is the
# dearer test (a third less time for a whole-text scan).
_AT_NAME = rf"(?=[{_UP}])(?<![\w\u0300-\u036f'’-])"


# Where a name may start, as every ``_at_name`` pattern opens (some forbid more characters
# before it): the capitals ``scan.NameStarts`` tries a pattern at.
_NAME_START = re.compile(rf"[{_UP}](?<![\w\u0300-\u036f'’-].)")


def _at_name(pattern: str, not_after: str = "") -> str:
    """``_AT_NAME`` and ``pattern`` (which opens with ``_NAME_WORD``), written to take the
    capital first: a pattern that opens with a set of characters lets the engine skip in C to
    the next capital, instead of trying the pattern at every character (a whole-text scan of a
    name or a run of capitals takes a third less time, of a list a fifth). ``not_after`` adds
    characters that may not come before the name."""
    assert pattern.startswith(_NAME_WORD)
    rest = pattern[len(_NAME_WORD) :]
    return rf"[{_UP}](?<![\w\u0300-\u036f'’{not_after}-].){_AFTER_CAPITAL}{rest}"


# Particles inside a person's name: "Ludwig van Beethoven", "Charles de Gaulle".
_PARTICLE = r"(?:de|da|del|der|van|von|bin|di|du|la|le|al|ibn)"
# Initials inside a person's name: written together ("George H.W. Bush"), or one without its
# point, as British papers write it ("William K Reilly").
_JOINED_INITIALS = (  # ("I" is a pronoun, "A" an article: "Tom Harlan A Scapegoat")
    rf"[{_UP}](?:\.(?:[{_UP}]\.){{1,2}}|(?<![AI])(?=\s+[{_UP}][{_LOW}]))(?=\s+[{_UP}])"
)
_PERSON_NAME = (
    rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?(?:{_JOINED_INITIALS}|{_NAME_WORD})){{0,3}}{_END}"
)
# The runs of white space a person's name may hold (no name word holds one: see
# ``scan.NameStarts``): three after its first word, each with a particle before the next.
_PERSON_NAME_GAPS = 6
# Bounds that keep every pattern linear in the text (an unbounded run or list is tried again
# from each of its words, quadratic on a long run of capitalized words or comma-separated
# names): a name is at most 8 capitalized words between connectors ("Organization of the
# Petroleum Exporting Countries" is 1 + 4), a list names at most 25 items, and "of" joins
# at most three parts. Longer runs are headlines or tables, not names.
_MAX_RUN_WORDS = 8
_MAX_LIST_ITEMS = 24
# A run of capitalized words, with the connectors an organization's name may hold:
# "Department of Trade and Industry", "Organization of the Petroleum Exporting Countries",
# "Procter & Gamble", "Securities and Exchange Commission". Whether an "and" joins one name or
# two ("Microsoft and Apple") is decided by ``_org_parts``.
_CAPS = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,{_MAX_RUN_WORDS - 1}}}"
_CAPS_GAPS = _MAX_RUN_WORDS - 1  # the runs of white space a run of capitals holds
# "to" joins a name after the heads of bodies named for their aim ("Committee to Protect
# Fishermen", "Campaign to Save Harlow Pier"); after any other word it opens a headline's
# verb ("Norvik to Close Plant").
_TO_JOINT = "".join(
    f"(?<={head})|" for head in ("Committee", "Campaign", "Coalition", "Alliance", "Movement")
).rstrip("|")
# The verbs such names are made of: what the body is for, not what a headline says it will do
# ("Ethics Committee to Review Complaint").
_AIMS = (
    "Protect|Save|Stop|End|Elect|Re-[Ee]lect|Ban|Free|Prevent|Defend|Restore|Abolish|Reform"
    "|Promote|Fight|Preserve|Support|Combat|Eliminate|Eradicate"
)
_ORG_RUN = (
    rf"{_CAPS}(?:\s+(?:&|and)\s+{_CAPS})?"
    rf"(?:(?:\s+(?:of|for|on)(?:\s+the)?|(?:{_TO_JOINT})\s+to(?=\s+(?:{_AIMS})\b))\s+{_CAPS}"
    rf"(?:(?:,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}},?\s+(?:and|&)\s+{_CAPS})?){{0,3}}"
    rf"{_END}"
)
# Titles and roles before a name ("District Attorney Jane Doe", "analyst Jane Roe"): modifiers
# then a head. Case-insensitive: "press secretary Karoline Leavitt", "Press Secretary ...".
# A second head may follow the first: a rank after a role ("Incident commander Adm. Thad
# Allen"), two ranks ("Lt. Cmdr. Jim Hoeft").
_ROLE_HEAD = _words("title_heads.txt")
_TITLE_HEAD = f"{_ROLE_HEAD}|{_words('occupations.txt')}"
# The people a story is about, by their role in it: a title before a full name only, and no
# title word of a name ("WNN Student News" is no person "News").
_STORY_ROLE = _words("story_roles.txt")
_STORY_ROLES = _phrases("story_roles.txt")
_TITLE_MODIFIERS = rf"(?:(?:{_words('title_modifiers.txt')})\s+){{0,3}}"
_TITLE = rf"{_TITLE_MODIFIERS}(?:{_TITLE_HEAD})(?:\s+(?:{_TITLE_HEAD})(?![\w'’-]))?"
# Roles whose employer follows "at" or "with" ("analysts at Barclays"): no occupation.
_ROLE = rf"{_TITLE_MODIFIERS}(?:{_ROLE_HEAD})"
_TITLE_RE = re.compile(_TITLE)
# A modifier that belongs to a title only, never to an organization's name, ending a run of
# capitals that has a word before it ("Senate Majority", "Acme Senior Vice").
_TRAILING_MODIFIER = re.compile(
    r"(?<=\S)\s+(?:Majority|Minority|Managing|Senior|Junior|Deputy|Vice|Assistant|Associate"
    r"|Chief|Executive|Acting|Interim|Former|Principal|Lead|Special|Republican|Democratic|Rear)$"
)
# A portfolio before an office of state ("European Union Health Commissioner", "White House
# Press Secretary"): the title's words, not the organization's.
_TRAILING_PORTFOLIO = re.compile(rf"(?<=\S)\s+(?:{_words('title_modifiers.txt')})$")
# Where a word starts: put before a case-insensitive word list, it spares the regex engine
# trying the list inside words and at spaces (five times faster on news text).
# (Not the letter first, as in _AT_NAME: most characters are letters, and most letters are
# inside a word, which the look-behind tells at once.)
_AT_WORD = r"(?<![\w\u0300-\u036f'’-])(?=[A-Za-z])"
_WORD_CHAR = r"[\w'’-]"  # a character that goes on a word: "O'Neil", "Jean-Pierre"


def _starting(*words: str, after: str = r"\w") -> str:
    r"""``words`` where none of the characters ``after`` comes before them, as a pattern that
    opens with the words themselves: ``\bsaid`` or ``(?<!\w)said`` make Python's re try the
    pattern at every character, while "said" checked back from its end lets the engine skip
    in C to where "said" (or the first letter of one of several words) is written."""
    return "(?:" + "|".join(rf"{re.escape(w)}(?<!{after}{re.escape(w)})" for w in words) + ")"


# "\s?," and "\s?,?\s+" written to open with the character they start at: a pattern that opens
# with an optional part makes Python's re try it at every character, one that opens with a set
# of characters lets the engine skip in C to the next space or comma ("and other": three times
# faster). The first character taken, a look-behind tells which it was.
_SPACE_COMMA = r"[\s,](?:(?<=\s),|(?<=,))"  # \s?,
# \s?,?\s+, with the white space after the first character bounded (text.WHITE_SPACE_GAP).
# Possessive runs (``{0,50}+``): what follows opens with a word, never with white space, so
# giving spaces back cannot make a match, and trying to made every space of a long run of white
# space cost some fifty attempts (0.27 s of 500 KB of spaces for "and other").
_SPACE_COMMA_SPACES = rf"[\s,](?:(?<=,)\s{{1,{_GAP}}}+|(?<!,)(?:,\s{{1,{_GAP}}}+|\s{{0,{_GAP}}}+))"


_HONORIFICS = (
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Rev Prof Reverend Professor Honorable Honourable"
).split()
_HONORIFIC = rf"(?:{'|'.join(_HONORIFICS)})\.?"
_HONORIFIC_RE = re.compile(_HONORIFIC)
_HONORIFIC_WORD = re.compile(rf"(?<!\S){_HONORIFIC}(?!\S)")
_ORG_HEAD = _words("org_heads.txt")
_ORG_HEAD_RE = re.compile(rf"(?:{_ORG_HEAD}){_END}")
# Words that introduce an organization named by one word: "the carmaker Renault".
_ORG_CUE = _words("org_cues.txt")
_LEGAL_SUFFIX = r"(?:Inc|Corp|Co|Ltd|LLC|PLC|Plc|AG|SA|NV|GmbH|LP|LLP|SpA|AB|ASA|Oyj)\.?"
_REPORTING_VERBS = (
    "said says told wrote posted tweeted added announced stated argued noted explained warned "
    "insisted replied testified recalled acknowledged estimated predicted asked reported"
).split()
_REPORTING = f"(?:{'|'.join(_REPORTING_VERBS)})"
# Compiled once: re's own cache hashes a pattern's whole text at every call.
_CAPS_RE = re.compile(_CAPS)
_PERSON_NAME_RE = re.compile(_PERSON_NAME)
_LEGAL_SUFFIX_RE = re.compile(_LEGAL_SUFFIX)
_LEADING_WORD = re.compile(rf"(?:{_HONORIFIC}|{_TITLE}|[\w.'’-]+)\s+")
_INITIAL = re.compile(rf"[{_UP}]\.")
# Offices of state, which a nationality or a portfolio comes before, not an organization.
_STATE_TITLE = re.compile(
    r"\b(?:[Pp]resident|[Mm]inister|[Ss]ecretary|[Aa]mbassador|[Pp]remier|[Cc]hancellor|[Gg]overnor"
    r"|[Mm]ayor|[Cc]ommissioner|[Ss]enator|[Aa]dvis[eo]r|[Kk]ing|[Qq]ueen|[Pp]rince)\b"
)
# 2. Context: an organization and a role before a name ("Goldman Sachs analyst Jane Roe").
_ORG_ROLE_PERSON = re.compile(
    # The owner's possessive may stand apart, as tokenized text writes it ("Norvik 's").
    rf"(?P<org>{_at_name(_ORG_RUN, '.')})(?:(?P<owner>\s['’])s?|['’]s?)?\s+(?P<title>{_TITLE})\s+"
    rf"(?P<name>{_PERSON_NAME})"
)
# What each word of an organization's run (``_ORG_RUN``) and its possessive opens with: a
# capital, "&", the possessive's apostrophe, a connector or an Arabic article joined to a
# name (the words before a title that _ORG_ROLE_PERSON may start at: see scan.NameStarts).
_ORG_RUN_PART = re.compile(
    rf"[{_UP}&'’]|(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn)-|(?:and|of|for|on|the)\Z"
)
# Titles only a company or a club gives ("Kestrel 's chief executive"; a person has a
# spokesman, a lawyer or an adviser too).
_CORPORATE_TITLE = re.compile(
    r"(?:(?:managing|general|executive|vice|chief)\s+)*(?:chief executive(?: officer)?|ceo|cfo|coo"
    r"|chairman|chairwoman|chair|president|founder|director|manager|owner|head coach)",
    re.IGNORECASE,
)
# Cues that name a person as often as a firm ("contractor Norvik", "contractor Adam Dale").
_PERSON_OR_ORG_CUES = frozenset({"contractor", "subcontractor", "sub-contractor"})
# Makers who are people: "a policy maker", "holiday maker Max Summers".
_PERSON_MAKERS = frozenset(
    "policy decision film movie law peace trouble deal rule news king match holiday home "
    "mischief money noise play".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[- ]$")
# An organization by its initials after a cue: "oil giant KP", "a spokesman for KP".
_INITIALS_NAME = r"[A-Z]{2,6}(?![\w&-])"
# Capitalized only at a sentence's start ("Computer maker Dell"): "Deutsche Bank Chief
# Executive ..." is no cue.
_CUED_ORG = re.compile(
    # "vaccine maker", "chip-maker": a maker of things (a "filmmaker", a "policy maker", a
    # "holiday maker" is a person). "maker" is looked for first: the people's makers, a
    # case-insensitive list, cost the engine more at every word.
    rf"{_AT_WORD}(?P<cue>{_ORG_CUE}|(?=[A-Za-z][a-z]+[- ]maker)"
    rf"(?!(?i:{'|'.join(sorted(_PERSON_MAKERS))})[- ])[A-Za-z][a-z]+[- ]maker)"
    # The name may stand in apposition, set off by commas ("one group, Conservation
    # International, said") or ending the sentence ("at fund manager, Kelmar Investors.");
    # a company may be its capitals ("oil giant KP").
    rf"(?:\s+|\s?,\s+(?={_ORG_RUN}\s?[,.;]))(?P<org>{_ORG_RUN}|{_INITIALS_NAME})"
)
# Where _CUED_ORG may match (see scan.py): at a cue's first run of letters, or at the word
# before a "maker" ("vaccine maker", "chip-maker"), read back from it.
_CUED_ORG_FIRST = _lexicon_first_runs("org_cues.txt")
_MAKER = "maker"
# The name is the run of capitalized words that ends at the comma (matched from the comma: a
# pattern that starts at every name costs more).
# The cue ends its phrase: "the group's secretary-general", "a company spokesman" describe a
# person of the organization, not the name before the comma.
# So does a preposition before the cue: "Jane Roe, a researcher at the group, said" is one of
# the group's people (but "Vauxhall, a unit of the group, said" is a part of it).
_THEN_CUE = re.compile(
    rf"{_SPACE_COMMA}\s+(?:the|a|an)\s+(?:(?!(?:at|for|with|in|from|by)\s)[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_ORG_CUE})\b"
    # ... and closes the apposition ("Arco, the oil company, said"; "in the Bay of Biscay,
    # the oil company is accused" begins a clause).
    r"(?=\s?[,.;:)]|\s+(?:that|which|who|whose|based|in|of|with|for|from|at|on|owned|known|run"
    r"|headquartered|and|or|--|-)\b|\s*$)"
)
# "Jane Roe, an economist at Acme Research" / "John Smith, the chief executive of Acme Corp."
_APPOSITION = re.compile(
    rf"(?P<name>{_at_name(_PERSON_NAME)})\s?,\s+"
    # With an article, a few words may come before the role ("the company's chief executive");
    # without one, the role comes first ("Ana Lopez, chief economist at ...").
    # A possessive may stand for the article ("Carl Moran, the singer's doctor").
    rf"(?:(?:a|an|the|who\s+is|who\s+was|(?:[{_UP}][\w.-]*\s+){{0,2}}[{_UP}][\w.-]*\s?['’]s)"
    rf"\s+(?:[\w'’-]+\s+){{0,4}}?"
    # ... or a nationality ("Amina Odera, Kenyan Minister for Tourism").
    rf"|[{_UP}][{_LOW}]+(?:an|ese|ish|i)\s+)?"
    # Not the title of a name that follows ("the archbishop of New York, Cardinal John ...").
    # Atomic: a longer title followed by a name is no shorter one ("United States, Secretary
    # of State Hillary Clinton" is no "Secretary" of an organization "State Hillary Clinton").
    rf"(?P<title>(?>{_TITLE}))\b(?!['’])(?!\s+[{_UP}][{_LOW}])"
    rf"(?:\s+(?:of|at|for|with|from)\s+(?:the\s+)?(?P<org>{_ORG_RUN}))?"
)
# "analysts at Barclays and Jefferies", "an economist with Acme Research".
# Matched from "at"/"with", the role checked in the words before (cheaper than trying the
# role at every word).
_POSSESSIVE = re.compile(r"\s?['’]s\s")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$")
# After a space, checked back from the word's end (see _starting).
# A name that opens a compound adjective ("Vienna-based consultants"): no employer's.
_BASED = re.compile(rf"-{_COMPOUND_TAILS}\b")
_AT_ORG = re.compile(rf"(?:at(?<=\sat)|with(?<=\swith))\s+(?:the\s+)?(?P<org>{_ORG_RUN})")
# The role may have its field between ("head of commodity markets strategy at BNP Paribas",
# "professor of engineering at ...": a few words in lower case after "of").
_ROLE_BEFORE = re.compile(
    rf"{_AT_WORD}(?:{_ROLE})s?\s+"
    rf"(?P<field>of\s+(?!(?:the|a|an|its|their|his|her)\s)(?:[a-z][\w'’-]*\s+){{1,4}})?$"
)
# 3. Structure.
_CITY_OF = re.compile(
    rf"(?P<name>{_starting('City', 'State', 'County', 'Republic', 'Kingdom', 'Province')}"
    rf" of(?: the)? {_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
_CAPS_RUN = re.compile(rf"(?P<name>{_at_name(_ORG_RUN, '@#')})")
_PERSON_RUN = re.compile(rf"(?P<name>{_at_name(_PERSON_NAME, '@#')})")
# "General Electric, Boeing and Caterpillar": the kind of one is the kind of all.
# A member of a list of organizations, its first too: a run of capitals or an acronym ("NRV,
# Kelmar Oil , Harlow Gas and Vostok").
# An acronym before another capitalized word is the start of a longer name ("NVK RGM").
_ORG_LIST_ITEM = rf"(?:{_CAPS}|[{_UP}]{{2,6}}{_END}(?![ \t]+[{_UP}]))"
_FIRST_ACRONYM = rf"[{_UP}](?<![\w\u0300-\u036f'’-].)[{_UP}]{{1,5}}{_END}(?![ \t]+[{_UP}])"
_ORG_LIST = re.compile(
    rf"(?P<list>(?:{_at_name(_CAPS)}|{_FIRST_ACRONYM})"
    rf"(?:\s?,\s+{_ORG_LIST_ITEM}){{0,{_MAX_LIST_ITEMS}}}(?:\s?,)?"
    rf"\s+(?:and|or)\s+{_ORG_LIST_ITEM})"
    rf"{_END}"
)
_ORG_LIST_ITEM_RE = re.compile(_ORG_LIST_ITEM)
# 4. People.
_TITLED_PERSON = re.compile(
    # Both the capitals of an organization and a title open a word: tested first, that spares
    # the engine the rest at every character inside a word (an empty alternative rather than
    # "?": an optional group costs the engine a repeat at every character).
    r"(?=[A-Za-z])(?<!\w)(?:\b(?P<org>[A-Z]{2,6} )|)"
    rf"{_AT_WORD}(?P<title>{_TITLE_RE.pattern}|{_HONORIFIC}|{_STORY_ROLE})"
    # The title may stand in apposition before a name set off by commas ("the doctor, Carl
    # Moran, was questioned").
    rf"(?:\s+|\s?,\s+(?=(?:{_HONORIFIC}\s+)?{_PERSON_NAME}\s?[,.]))"
    rf"(?:{_HONORIFIC}\s+)?(?P<name>{_PERSON_NAME})"
)
# The runs of letters a title or an honorific opens with: where _TITLED_PERSON may match
# (see scan.py), or at capitals just before one ("CNN correspondent ...").
_TITLED_PERSON_FIRST = _lexicon_first_runs(
    "title_heads.txt", "occupations.txt", "story_roles.txt", "title_modifiers.txt"
) | first_runs(_HONORIFICS)
# Family: a kinship noun after a possessive, then a name ("his brother Jonah", "the
# singer's mother, Kathleen,", "Farid Qasimi's son Omar"). Matched from the noun (rarer
# than a capital), the possessive read back from it; one adjective may come between ("his late
# father", "her eldest son").
_KIN = re.compile(
    rf"(?<![\w'’-])(?P<kin>{_words('kin_nouns.txt')})(?:\s?,\s+|\s+)(?:{_HONORIFIC}\s+)?"
    rf"(?P<name>{_PERSON_NAME})"
)
_KIN_FIRST = _lexicon_first_runs("kin_nouns.txt")  # where _KIN may match (see scan.py)
# After a plural ("sons Hannibal and Mohammed"), each further name of the list.
_KIN_MORE = re.compile(rf"(?:\s?,\s+(?:and\s+)?|\s+and\s+)(?P<name>{_PERSON_NAME})")
# Between two family members: "his brother Mohamed and one-year-old sister Rodayna".
_KIN_CHAIN = re.compile(r"\s*(?:,\s*)?(?:and\s+)?(?:[a-z]+(?:-[a-z]+)*\s+)?")
# A family named member by member: "Hollis's family - father Joe, mother Kathleen, ...".
_KIN_LISTED = re.compile(r"(?:[-–—:]|--)\s*$")
_KIN_OWNER = re.compile(
    rf"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)|(?P<owner>{_at_name(_PERSON_NAME)})?\s?['’]s?)"
    rf"\s+(?:[{_LOW}-]+\s+)?$"
)
_NAMED_AS = re.compile(
    rf"(?:{_starting('named')}|{_starting('identified')}(?: (?:him|her)self)?(?: only)? as"
    rf"|{_starting('known only as')}|{_starting('gave')} (?:his|her) name as)\s+"
    rf"(?P<name>{_PERSON_NAME})(?=\s?[,.;]|\s+(?:as|who|and|said|says)\b)"
)
_AUXILIARY_BEFORE = re.compile(r"(?:\b(?:was|were|been|is|are)|,) $")
# Wire copy credits its writers: "Reporting by Noe Torres and Pascal Fletcher; Editing by
# Alistair Bell", and a byline is a line of its own: "By Maggie Fox" (", Health Editor").
_CREDIT_NAMES = rf"{_PERSON_NAME}(?:(?:\s?,\s+|\s+and\s+){_PERSON_NAME}){{0,8}}"
# Matched from "by" (rarer than a word's start), the credit word read back from it.
_CREDIT = re.compile(rf"{_starting('by', 'By')}\s+(?P<list>{_CREDIT_NAMES})")
# The story's credits: the agency in brackets before a dateline's dash ("HOUSTON (Reuters) -",
# "Harbourton , Freedonia -LRB- WNN -RRB- --", "PARIS, March 10 (Reuters) -"), after a capitalized
# word (the place, or its region or day), and the photographer and agencies of a photograph
# ("Photograph: Jane Roe/AP", "Photo: Jane Roe/AFP/Getty Images", "(AP Photo/Jane Roe)").
_DATELINE_AGENCY = re.compile(
    r"(?:\(|-LRB- ?)(?P<name>[A-Z][\w&.-]+(?:[ /][A-Z][\w&.-]+){0,2})(?:\)| ?-RRB-)[ \t]*"
    rf"(?P<dash>{DATELINE_DASH})\s"
)
# What stands before a dateline's agency: its place in capitals, with a region or a day after a
# comma ("PARIS, March 10", "GRAND ISLE, La.", "MADRID\\/GENEVA"); or, before a double dash, a
# place as a wire writes it ("Harbourton , Freedonia -LRB- WNN -RRB- --", "Washington (CNN) --").
_PLACE_IN_CAPITALS_BEFORE = re.compile(
    rf"(?<![\w.]){DATELINE_PLACE}(?:[ \t]?,[ \t]+[A-Z][^\n()|]{{0,40}}?)?[ \t]*$"
)
_CAPITALIZED_WORD_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w.'’]*[ \t]*$")
# An agency's name in a dateline's brackets, two when a slash joins them ("AP/Reuters").
_CREDITED_AGENCY = re.compile(r"[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*")
# Tail words of an agency's name in a credit ("Getty Images"), and the portfolios of offices
# of state ("Energy Secretary"): read once, not at every match.
_CREDIT_TAILS = _phrases("credit_tails.txt")
# "AP" in a credit is the Associated Press (not in a sentence: Advanced Placement, Andhra Pradesh).
_AGENCY_INITIALS = _pairs("agency_initials.txt")
_PORTFOLIOS = _phrases("title_modifiers.txt")
# A photograph's credit: its parts before the last slash whole, the last one's first words
# (the story's sentence follows it on the line).
_PHOTO_CREDIT = re.compile(
    PHOTO_CREDIT_OPENING + r"(?P<parts>(?:[^\n/\\]{1,40}?\\?/ ?){1,3})"
    r"(?P<last>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})"
)
# A credit's opening alone: its agency's name when no photographer is named is text.py's to read.
_PHOTO_CREDIT_OPENING = re.compile(PHOTO_CREDIT_OPENING)
# What a credit writes where a name would be: a handout ("Photograph: HO/Reuters"), a file
# or pool picture.
_NO_CREDITED_NAME = frozenset(
    "Ho HO Handout HANDOUT File Pool Courtesy Staff Submitted Contributed Provided Special "
    "Family".split()
)
# One name of a bracketed credit's list: "(AP Photo/The Times-Picayune, Ted Jackson)".
_CREDIT_PIECE = re.compile(r"[A-Z][^,]*[^,\s]")
_CREDIT_PART = re.compile(r"[A-Z][^/\\]*?(?= ?\\?/)")
# The photographer may go unnamed: "(AP Photo)".
_AGENCY_PHOTO = re.compile(
    r"(?:\(|-LRB- ?)(?P<name>[A-Z][\w&]+) Photo(?: ?\\?/ ?"
    r"(?P<photographer>[^\n()/\\]{1,60}?))? ?(?:\)|-RRB-|\\?/)"
)
_CREDIT_BEFORE = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten)\s+$|(?:^|\n)[ \t]*$"
)
_BYLINE = re.compile(
    rf"[Bb]y[ \t]+(?P<list>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}){_END}"
    # The line ends, or a comma sets off what the writer is ("By Nick Rowe, CNN senior
    # international correspondent"), whatever follows on the line.
    r"[ \t]*(?:,|$)",
    re.MULTILINE,
)
# A headline run into its byline, as pages scraped or tokenised one sentence a line give them:
# "Oil reaches the Coast By Ellen Marsh Washington Post Staff Writer". A capitalized "By"
# after a capitalized word opens the byline.
# A desk and a lower-case role after a byline's name: "By Katia Moss Science reporter".
_DESK_ROLE_AFTER = re.compile(rf"[ \t]+(?:{_TITLE})\b")
_HEADLINE_WORD_BEFORE = re.compile(rf"(?:[{_UP}][\w'’.-]*|[|•·–—])[ \t]+$")  # or "... 2011 | By"
# Wire copy credits its other reporters at the end: "CNN's Nick Rowe and Salma Aziz
# contributed to this report". Matched from "contributed", the names read back from it.
_CONTRIBUTED = re.compile(_starting("contributed") + r"\s+(?:to\s+this\s+report|reporting)\b")
_NAMES_BEFORE = re.compile(
    rf"(?P<list>{_at_name(_PERSON_NAME)}(?:(?:\s?,\s+|\s+and\s+){_PERSON_NAME}){{0,8}})\s+$"
)
# A trade named by its ending: "oceanographer", "biologist", "physician", "economist".
# (Not the -qvist, -kvist, -quist of Scandinavian surnames: "Maria Lindqvist", "Sundquist".)
_OCCUPATION_WORD = re.compile(r"[A-Za-z]{4,}(?:ologist|ographer|ician|(?<![qk][vu])ist)")
# A chamber named alone: "it now goes to the Senate", "the Parliament voted".
_CHAMBER = re.compile(
    "(?:"
    + "|".join(
        rf"{w}(?<=[Tt]he {w})" for w in ("Senate", "Parliament", "Bundestag", "Duma", "Knesset")
    )
    + rf")(?!\w|\s+[{_UP}])"
)
# What an organization's two capitals do in a sentence: own ("KP's fault"), speak ("KP said";
# not "wrote", "posted": a commenter's initials, "PJ wrote").
_OWNS_OR_ACTS = re.compile(
    r"\s?['’]s\b|\s+(?:said|says|told|added|announced|stated|reported|estimated|plans|agreed"
    r"|denied|declined"
    r"|succeeds|fails|faces|owns|operates|expects|admitted|insisted|warned|confirmed|wants"
    r"|needs|tried|hopes)\b"
)
# An auxiliary after two capitals, which then act as a company does ("KP has", "KP will"),
# unless a determiner makes them a role ("the DA has", "your GP can").
_AUXILIARY_AFTER = re.compile(
    r"\s+(?:has|had|is|was|will|would|could|should|must|can|may|might|did|does)\b"
)
_DETERMINER_JUST_BEFORE = re.compile(
    r"\b(?:the|a|an|your|his|her|its|their|our|my|this|that)\s+$", re.IGNORECASE
)
# The agent of a passive before two capitals: "the rig operated by KP".
_AGENT_BEFORE = re.compile(r"\bby\s+$")
# ... and ending its phrase ("by KP ,", "by KP and"), not a modifier ("by NZ police").
_AGENT_END = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|on|in|at|for|after|before|since)\b")
# A modifier before a group's name: "the militant Ansar Varnia sect", "a volunteer Harbour Aid
# worker".
_GROUP_NOUN_AFTER = re.compile(
    r"\s+(?:group|sect|movement|network|faction|militia|organi[sz]ation|party|worker|workers"
    r"|fighters|members|officials|program|programme|campaign|meeting|talks)\b"
)
# An age says the name is a person's: "Marta Kowal, 52, was shot", "26-year-old Saleh
# Darwish", "a 44-year-old activist, James Kott".
# Matched from the age (rare), the name then read back from it: a pattern that starts at
# every capital costs a scan of the whole text.
_AGED = re.compile(
    rf",\s+(?:aged\s+)?\d{{1,3}},"
    # "\b\d{1,3}" with the first digit before the look-behind (see _DOTTED): both
    # alternatives open with a set of characters, and the engine skips in C to a comma or digit.
    rf"|\d(?<!\w\d)\d{{0,2}}-year-old\s+(?:[{_LOW}]+\s+){{0,2}}?(?P<after>{_PERSON_NAME})"
)
_NAME_BEFORE = re.compile(rf"(?P<name>{_at_name(_PERSON_NAME)})$")
_REPORTING_FIRST = frozenset(_REPORTING_VERBS)  # where _SAID_NAME may match (see scan.py)
_SAID_NAME = re.compile(
    rf"{_starting(*_REPORTING_VERBS)}\s+(?P<name>{_PERSON_NAME})"
    r"(?=\s*[,.;]|\s+(?:of|after|when|while|as|before|who)\b)"
)
# "told Reuters on Thursday": whom a statement was given to.
_TOLD_NAME = re.compile(
    rf"{_starting('told')}\s+(?P<name>{_PERSON_NAME})(?=\s+(?:on|in|that|last|this|late|earlier)\b)"
)
# "made by Roche": the maker of a product, a company.
_MADE_BY = re.compile(
    rf"{_starting('made', 'produced', 'manufactured', 'developed')} by"
    rf"\s+(?P<name>{_ORG_RUN})(?!\s?['’])"
)
# A field of study after an academic's role: "a lecturer in Comparative Politics", "a degree
# in International Relations" (a subject, no body).
_FIELD_BEFORE = re.compile(
    r"\b(?:lecturer|professor|reader|tutor|fellow|degree|doctorate|PhD|diploma|major|masters?)"
    r"\s+in\s+$"
)
# A sentence's opening phrase that ends at the first comma of what looks like a list ("In
# London, NVK and Kelmar fell", "Asked by WNN, Smith and Jones declined"): its name is no
# member. Read from the sentence's start up to the list.
_OPENING_PHRASE = re.compile(
    r"(?:(?:In|At|On|From|By|Under|After|Before|Unlike|Like|Besides|Beyond|Despite|Without"
    r"|Among|Amid|Following|Outside|Inside|Across|Throughout|Within|Against|For|With|Since"
    r"|Until|During|Through|Over|As|According\s+to)"
    r"|[A-Z][a-z]+ed\s+(?:by|from|with|to|in|at|on))\b[^,;.!?]{0,60}"
)
# A web page's pull quote ends with its speaker: "Start Quote ... End Quote Ann Dale National
# Harbour Society" (the name, then the body or the role).
_PULL_QUOTE_SPEAKER = re.compile(
    rf"\bEnd Quote\s+(?:{_HONORIFIC}\s+)?(?P<name>{_NAME_WORD}\s+{_NAME_WORD})"
    rf"(?:\s+(?P<org>{_ORG_RUN}))?"
)
# A body's head written in lower case after its name, as British papers write it ("the Harlow
# Park hospital", "the House Energy committee", "the Varnian league"): the head is found first,
# the name read back from it.
_LOWER_HEADS = frozenset(
    "committee subcommittee sub-committee department ministry council league party hospital "
    "commission".split()
)
_LOWER_HEAD = re.compile(rf"(?<=\s)(?:{'|'.join(sorted(_LOWER_HEADS))})\b")
_NAME_BEFORE_HEAD = re.compile(rf"(?P<before>\b[Aa]n?\s+)?(?P<name>{_ORG_RUN})\s+$")
# ... after "a" only as what one of its people or its work is: "a House Energy committee
# member" (not "a Senate committee", one of a kind).
_OF_THE_BODY_AFTER = re.compile(
    r"\s+(?:member|members|chairman|chairwoman|chair|hearing|report|spokesman|spokeswoman"
    r"|official|officials|staff|aide|vote|meeting|investigation|inquiry|probe)\b"
)
# Who took a poll: "a Halvorsen Reports poll", "the latest Norvik poll" (the noun is found
# first, the name read back from it). Not a survey: "the Tankan survey", "a Medicare survey"
# name what is surveyed more often than who surveys.
_POLL = re.compile(r"(?<=\s)polls?\b")
_POLLSTER_BEFORE = re.compile(
    rf"(?:\b[Aa]n?|\b[Tt]he)\s+(?:(?:new|recent|latest|fresh|joint|separate)\s+)?"
    rf"(?P<org>{_ORG_RUN})\s+$"
)
# Capitals with a plural "s": people of a kind ("MPs", "MEPs", "CEOs"), not one body.
_PLURAL_CAPITALS = re.compile(r"[A-Z]{2,5}s")
# "a rebel fighter, Karim Haddad, said": a name set off by commas before its verb.
_SET_OFF_SAID = re.compile(rf"{_SPACE_COMMA}\s+(?P<name>{_PERSON_NAME})\s?,\s+{_REPORTING}\b")
_NAME_SAID = re.compile(rf"(?P<name>{_at_name(_PERSON_NAME)})\s+{_REPORTING}\b")
# What an organization does in news copy and a person seldom does: "Kelmar operated the
# rig", "Norvik owned the well lease" (not "agreed", "denied", "sold": people and markets do that,
# "Putin denied", "Sterling declined").
_AGENT_VERBS = "owns owned operates operated employs employed contracted acquired".split()
# A single name that acts so, with no person of the document called so, is an organization's
# (resolved with the surnames, as a single name that speaks).
# Matched from the verb (rarer than a capital), the name read back from it.
_AGENT_VERB = re.compile(rf"{_starting(*_AGENT_VERBS)}\b")
_NAME_ACTS_BEFORE = re.compile(
    rf"(?<![\w\u0300-\u036f'’.-])(?P<name>{_NAME_WORD}){_END}\s+(?:(?:has|have|had)\s+)?$"
)
_HONORIFIC_BEFORE = re.compile(rf"\b{_HONORIFIC}\s+$")
_REPORTING_AFTER = re.compile(rf"(?:\s+\w+ly)?\s+{_REPORTING}\b")
_ACCORDING_TO = re.compile(rf"{_starting('according to')} (?P<name>{_PERSON_NAME})")
_PLURAL_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLE_HEAD})s\s+$")
# A head and a connector before a capitalized word: it ends a longer name ("Center for
# Biological Diversity"; "Stocks of Ford" is no name).
_JOINED_BEFORE = re.compile(r"(?P<head>[A-Z][\w.'’-]*)\s+(?:of|for|on|&)\s+$")
_LIST = re.compile(
    rf"(?P<list>{_at_name(_PERSON_NAME)}(?:\s?,\s+{_PERSON_NAME}){{0,{_MAX_LIST_ITEMS}}}"
    rf"(?:\s?,)?\s+(?:and|or)\s+{_PERSON_NAME})"
)
# 5. Acronyms and handles.
_ACRONYM = re.compile(r"[A-Z](?<![\w@&.-].)[A-Z]{1,5}(?![\w&-])")  # [A-Z]{2,6}, see _DOTTED
# A stock's ticker in brackets after its company: "(AZN.L)", "-LRB- SASY . PA -RRB-".
_TICKER_AFTER = re.compile(r"\s?\.\s*(?:/\s*)?[A-Z]{1,2}\b")
# An opening bracket just before, as text or tokenised corpora write it ("(", "-LRB- ").
_BRACKET_BEFORE = re.compile(r"\s?(?:\(|-LRB-\s)$")
_BRACKET_CLOSE_AFTER = re.compile(r"[A-Z]*\s?(?:\)|-RRB-)")
# A word in lower case right before a bracket that opens on capitals: the capitals are the
# initials of a term ("blowout preventer (BOP)", "remotely operated vehicles (ROVs)").
_TERM_BEFORE_BRACKET = re.compile(
    r"(?P<words>(?:\b[a-z][a-z-]+\s+){0,3}\b[a-z][a-z-]+)\s?(?:\(|-LRB-\s)$"
)
_NAME_BEFORE_TICKER = re.compile(rf"(?P<name>{_at_name(_CAPS)})(?:\s?['’]s)?\s+(?:\(|-LRB-\s|<)$")
_POSSESSIVE_ORG = re.compile(
    rf"{_AT_NAME}(?P<name>{_CAPS}\s+&\s+{_CAPS}\s?['’]s(?!\w)"
    rf"|(?P<owner>{_NAME_WORD})\s?['’]s\s+(?:(?P<head>{_CAPS})|(?P<of>of)\s+{_CAPS}))"
)
# The same in a text without "&", where only the second alternative can match: written to
# open with the owner's capital (as ``_at_name``), so that the engine skips in C to the next
# capital, and without the first alternative's run of capitals tried and given back at each
# (a third of the time).
# The runs of white space before the possessive's apostrophe: two runs of capitals joined by
# "&" and one before the apostrophe in _POSSESSIVE_ORG; the owner's one in _POSSESSIVE_OWNER.
_POSSESSIVE_ORG_GAPS = 2 * _CAPS_GAPS + 3
_POSSESSIVE_OWNER_GAPS = 1
_POSSESSIVE_OWNER = re.compile(
    rf"(?P<name>(?P<owner>[{_UP}](?<![\w\u0300-\u036f'’-].){_AFTER_CAPITAL})\s?['’]s\s+"
    rf"(?:(?P<head>{_CAPS})|(?P<of>of)\s+{_CAPS}))"
)
# Matched from the medium (rarer than a capital), the broadcaster's name read back from it.
_NUMBERED_CHANNEL = re.compile(
    rf"{_starting('Radio', 'Channel', 'TV', after=_WORD_CHAR)}\s+\d{{1,2}}(?:\s+[Ll]ive|\s+Extra)?"
    r"(?![\w.,]\d)"
)
_CHANNEL_OWNER = re.compile(rf"{_AT_NAME}(?:{_NAME_WORD}\s+){{1,3}}(?=(?:Radio|Channel|TV)\s)")
# Dotted initials ("U.N.", "U.S."): alone, before a name, at a name's start.
_INITIALS = r"(?:[A-Z]\.){2,4}"
# The first initial before the look-behind (see _starting): the engine skips to capitals.
_DOTTED = re.compile(r"[A-Z](?<![\w.].)\.(?:[A-Z]\.){1,3}(?!\w)")
_DOTTED_PREFIX = re.compile(rf"(?<![\w.]){_INITIALS} $")
_LEGAL_SUFFIX_END = re.compile(rf",?\s+{_LEGAL_SUFFIX}$")
# Initials that open a name ("U.N. Security Council", "US Centers for ..."): the name is
# also what follows them.
_DOTTED_START = re.compile(rf"^(?:{_INITIALS}|US|UK) ")
_DOTTED_NAME_AFTER = re.compile(rf"\s*{_NAME_WORD}")
# A medium or a kind of organization after a name ("Kyodo news agency", "El Watan newspaper",
# "the National Pork Producers group"); matched from the noun (rarer than a capital), the name
# read back from it.
_MEDIUM = re.compile(
    rf"(?<=\s)(?:{_words('media_nouns.txt')}|{_words('org_kind_nouns.txt')}){_END}"
)
_MEDIUM_FIRST = _lexicon_first_runs("media_nouns.txt", "org_kind_nouns.txt")  # see scan.py
_DAILY = re.compile(
    rf"(?P<name>{_starting('Daily', after=_WORD_CHAR)}\s+{_NAME_WORD}){_END}(?!\s+[{_UP}])"
)
_NAME_BEFORE_MEDIUM = re.compile(rf"(?P<name>{_at_name(_CAPS)})\s+$")
# "a Swahili newspaper": a kind of medium, not one named ("an official Xinhua news agency
# article" names one: the article is what "an" counts).
_AN_BEFORE = re.compile(r"\b[Aa]n?\s+$")
# Shouted text ("NEW YORK (AP)", a headline): an all-caps word next to another is no acronym.
_CAPS_NEIGHBOUR = re.compile(r"(?:[A-Z]{2,}|\bI)[\s,.(]+$|^[\s,.]+[A-Z]{2,}\b")
_HANDLE = re.compile(_starting("@", after=r"[\w@]") + r"\w{1,30}")
# Matched from the possessive (rarer than a word), the owner read back from it.
_OWNED_NAME = re.compile(
    rf"['’]s\s+(?P<name>{_PERSON_NAME})"
    r"(?=\s?[,.;:]|\s+(?:said|says|told|reported|reports|wrote|is|was|in|on|at|who|has)\b)"
)
_OWNER_BEFORE = re.compile(rf"(?<![\w'’-])(?P<owner>[A-Z]{{2,6}}|{_NAME_WORD})\s?$")
_CAMEL = re.compile(rf"[{_UP}](?<![\w@#'’.-].)[{_LOW}]{{2,}}(?:[{_UP}][{_LOW}]+)+(?![\w'’-])")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")


def _plural(noun: str) -> str:
    if noun.endswith("s"):
        return noun  # "makers"
    return f"{noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{noun}s"


# Class nouns that also name other things, before a list of names: "the ethnic groups Hutu and
# Tutsi", "the carriers Nimitz and Enterprise", "the stations Union Square and Canal Street".
_AMBIGUOUS_PLURALS = frozenset(
    "groups lines chains stations carriers channels networks bands".split()
)


# A plural class noun right before a list of two names or more: "its contractors Kelmar
# and Norvik", "the carmakers Renault and Nissan" (one name after a singular noun is
# _CUED_ORG's: "the carmaker Renault"). Matched from the noun (see scan.py).
_CLASS_PLURALS = (
    frozenset(group_nouns() | {_plural(noun) for noun in _org_class_nouns()}) - _AMBIGUOUS_PLURALS
)
_PLURAL_THEN_LIST = re.compile(
    rf"(?P<noun>{'|'.join(sorted(_CLASS_PLURALS, key=len, reverse=True))})\s+"
    rf"(?P<list>{_CAPS}(?:\s?,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}}(?:\s?,)?\s+(?:and|or)\s+{_CAPS})"
    rf"{_END}"
)
# A list after "such as", "including": matched from those words, the class noun read back.
# "Pfizer, Roche, Novartis and other drug makers": matched from "and other", the list read back.
_AND_OTHER = re.compile(
    rf"{_SPACE_COMMA_SPACES}{_starting('and other')}\s+(?:[a-z]+[- ])?(?P<noun>[a-z]+s)\b"
)
_LIST_BEFORE = re.compile(rf"(?P<list>{_at_name(_CAPS)}(?:\s?,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}})$")
# A biography's first line: "Karel Vossen is professor of engineering at ...", "Ana Lopez is a
# senior fellow at ..." (not "the": "Goldman Sachs is the adviser on the deal").
_IS_ROLE = re.compile(
    rf"{_starting('is', 'was')}\s+(?:an?\s+(?:[\w'’-]+\s+){{0,3}}?)?"
    rf"(?P<title>(?>{_TITLE}))\b(?!['’])"
    r"(?=\s+(?:of|at|for|with|and|in)\b|\s?[,.;])"
)
# After a space, checked back from the word's end (see _starting).
_CLASS_LIST = re.compile(
    rf"(?:such(?<=\ssuch)\s+as|including(?<=\sincluding)|like(?<=\slike)"
    rf"|among(?<=\samong)\s+them|notably(?<=\snotably))\s+"
    rf"(?P<list>{_CAPS}(?:\s?,\s+{_CAPS}){{0,{_MAX_LIST_ITEMS}}}(?:(?:\s?,)?\s+(?:and|or)\s+{_CAPS})?)"
)
_NAME_GOES_ON = re.compile(r"[\w'’]")
_CLASS_NOUN_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z][a-z]+(?:-[a-z]+)?)(?:\s?,)?\s+$")
# Matched from the noun (rarer than a capital), the name read back from it.
_MEMBER_NOUNS = (
    "officials executives shares shareholders stockholders employees engineers subsidiary stake "
    "headquarters journalists reporters correspondents personnel staffers"
    # Heads only a body has ("Brantec 's CEO agreed", "Norvik chairman", "its chief
    # executive"; not "Harlan's chief adviser", "chief of staff").
    " CEO chairman chairwoman chief"
).split()
# One of its people, after "a" or "an": "a Kelmar spokesman" (not "Acme spokesman Jane
# Roe", read by _ORG_ROLE_PERSON with the name).
_ONE_MEMBER_NOUNS = frozenset("spokesman spokeswoman spokesperson".split())
# (Not "a Houston lawyer", "a Catholic official": a city or a creed has lawyers and officials
# too, and no list of cities is at hand.) An adjective's ending: "Anglican", "Catholic".
_ADJECTIVE_ENDING = re.compile(r"(?:ian|ican|ic|ish|ese)$")  # not "-an": "Kestran"
# Abbreviated titles the title list does not hold ("said Prof. Jane Roe", "Sens.", "Rev.").
_TITLE_ABBREVIATIONS = frozenset("Supt Det Insp Msgr Rev Atty Sens Reps Gens Profs".split())
_MEMBER_NOUNS += sorted(_ONE_MEMBER_NOUNS)
_MEMBERS = re.compile(
    rf"(?<=\s)(?:{'|'.join(n for n in _MEMBER_NOUNS if n != 'chief')}"
    r"|chief(?=\s+(?:executive|economist|financial|operating|investment)\b))\b"
)
_MEMBERS_FIRST = frozenset(_MEMBER_NOUNS)  # where _MEMBERS may match (see scan.py)
# A market report's company, named by its stock's move: "Norvik gained 3.2 percent and
# Norvik fell 2 percent" (a company's name is the subject of such a move, as "shares" are).
# Matched from the verb; the name is read back as before a member noun.
_STOCK_VERBS = frozenset(
    "rose fell gained lost added dropped slipped climbed jumped tumbled slid plunged soared "
    "sank surged declined advanced eased shed rallied".split()
)
_STOCK_MOVE = re.compile(
    rf"(?<=\s)(?:{'|'.join(sorted(_STOCK_VERBS))})\s+"
    r"(?:(?:nearly|almost|about|some|roughly|more\s+than|less\s+than|over|just\s+over)\s+)?"
    r"\d+(?:[.,]\d+)?\s*(?:percent|per\s+cent|%|pct)(?![\w%])"
)
# A preposition right before a name: the name is what a figure counts or where it is.
_PREPOSITION_BEFORE_NAME = re.compile(
    r"\b(?:for|on|to|through|of|in|at|by|from|with|against|into|over|about)\s+$", re.IGNORECASE
)
# "a spokesman for KP", "a spokeswoman for the Coast Guard": whose spokesman.
_SPOKESMAN_FOR = re.compile(
    rf"{_starting(*sorted(_ONE_MEMBER_NOUNS))}\s+for\s+(?:the\s+)?"
    rf"(?P<org>{_at_name(_ORG_RUN)}|{_INITIALS_NAME})"
)
# An owner just before a name: "Norvik 's", "its", "their".
_OWNER_JUST_BEFORE = re.compile(r"(?:['’]s|\b(?:its|their|his|her|our))\s+$")
_ONE_NAME_BEFORE = re.compile(
    rf"(?<![\w\u0300-\u036f'’-])(?P<name>[{_UP}][{_UP}{_LOW}]+)(?: ?['’]s)?\s+$"
)
_NAME_INSIDE = re.compile(rf"[{_LOW},;] ([{_UP}][{_UP}{_LOW}]+){_END}")
# Capitals right after a clock time are its time zone, whatever the zone.
_CLOCK_BEFORE = re.compile(r"\d{1,2}[:.]?\d{2}\s*(?:[ap]\.?m\.?\s*)?$", re.IGNORECASE)
# A capitalized word standing alone: no capitalized word (or initial) on either side.
_LONE_WORD = re.compile(
    rf"{_AT_NAME}(?P<word>[{_UP}](?:[{_LOW}]?['’][{_UP}])?[{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]+)?)"
    rf"{_END}(?!\s+[{_UP}]|\s*&)"
)
# A capitalized word before, or a company's "Bear, Stearns & Co." and "Procter & Gamble".
# A capitalized word and the one after it (each word opens a pair: the second is looked ahead;
# the capital first, checked back, so that the engine skips in C to the next capital).
_CAPITALIZED_PAIR = re.compile(r"([A-Z](?<![\w'’-].)[\w'’-]*)(?=\s+([A-Z][\w'’-]*))")
_CAPITALIZED_BEFORE = re.compile(rf"(?<![\w.'’-])[{_UP}][\w.'’-]*(?:\s+|,\s*)$|&\s*$")
# Prepositions a place follows and an organization seldom does ("in Havana", not "in Pfizer"),
# and those both follow ("to Havana", "sold to Pfizer"): a lone word after any of them is no
# surname's echo, but only the first say a name that speaks is a place's.
_WHERE = "in|into|near|across|outside|inside|throughout"
_TOWARD = "at|to|from|around|through|toward|towards|via"
_PLACE_PREPOSITION = re.compile(rf"\b(?:{_WHERE}|{_TOWARD})\s+$")
_LOWER_WORD = re.compile(rf"[{_LOW}](?<![\w'’-].)[{_LOW}]*(?![\w'’-])")  # see _DOTTED
_AFTER_THE = re.compile(r"\b[Tt]he\s+$")
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_LOWER_NOUN_AFTER = re.compile(rf"\s+[{_LOW}]+\b(?<!\bwho)(?<!\bsaid)(?<!\bhas)(?<!\bwas)")
# 6. Short references.
_SHORT_REF = re.compile(rf"{_AT_NAME}(?:(?P<hon>{_HONORIFIC})\s+)?(?P<name>{_NAME_WORD}){_END}")
# Capitalized words that are not names even when a pattern would take them as one; the weekdays,
# the months and the months' abbreviations with their full stop ("Sept.") are the English
# lexicon's (languages/en).
_NOT_NAMES = frozenset(
    """The A An This That These Those It Its He She They We You I Our Your Their His Her My
    On In At By For From To Of And But Or If When While After Before As Latest Whereas
    Furthermore However Lives All Americans Democrat Today
    Yesterday Tomorrow Also Still Meanwhile Last Next Earlier Later Some Many Most Both Each
    Under Over With Without During Since Until About Against Among Between Despite Why How What
    Where Who Whom Which There Here Then Now Not No Yes So Such Other Another Former
    Several Once Although Though Neither Nor Either Because Unless Through Throughout Amid Even
    Yet Instead Thus Hence Therefore Indeed Perhaps Whether Every Any Few Moreover Likewise
    Nevertheless Nonetheless Besides Otherwise Says Said Adds Added Should Would Could Must
    Might Shall Can Cannot One""".split()
)
# Auxiliaries that open a question or its headline ("Is Kelmar Holdings worth it?", "... WNN
# News Is investing in oil a good idea?"): no word of an organization's name. (Not of
# _NOT_NAMES: "Was Harlan Right About ...?" names no person when they are cut.)
_AUXILIARIES = frozenset("Is Are Was Were Has Have Had Does Did".split())
# Counts that open a sentence before a name ("Four Daily Herald journalists", "Two US Air
# Force jets") or end a run before one; a name of its own holds one only in a few ("Six
# Flags", "Group of Eight").
_NUMBER_WORDS = frozenset(
    "Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Thousands "
    "Millions".split()
)
_NOT_NAMES |= {*WEEKDAY_FULL_NAMES, *MONTH_FULL_NAMES, *(f"{m}." for m in MONTH_ABBREVIATIONS)}
# Acronyms that are not actors: time zones, units, places, products, legal suffixes, the
# two-letter codes of US states (written after a city: "Austin, TX"), Roman numerals ("World
# War II"), ships' prefixes ("USS Stout", "HMS Tromp") and credit ratings ("BBB").
# Capitals that never name an organization, however a rule found them: a clock's half of the
# day, time zones, the country's own initials ("11:47 PM The company ...", "in the US").
_NEVER_ORGANIZATIONS = frozenset(
    "AM PM US USA UK ET EST EDT CST CDT PST PDT GMT UTC BST CET CEST JST IST".split()
)
_NOT_ACTORS = _NEVER_ORGANIZATIONS | frozenset(
    """TV OK DC CEO CFO COO CTO ID PDF GDP
    AI IT HQ PR VIP OS PC CD DVD GPS USB ATM SUV API CPU RAM ROM LCD LED MPH IPO EPS ETF LLC PLC
    AG SA NV INC LTD CORP CO GMBH LLP LP PHD MBA MP RIP FAQ UPDATE WRAPUP ASAP AKA TBA FYI ICU HIV
    AIDS COVID SARS DNA RNA NGO CLIP CPR RPG MRI PCR LNG USD EUR GBP JPY
    NEW YORK AL AK AZ AR CA CT DE FL GA HI IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NH NJ NM
    NY NC ND OH OR PA RI SC SD TN TX UT VT VA WA WV WI WY II III IV VI VII VIII IX XI XII
    USS HMS HMAS HMCS AAA AA BBB BB CCC""".split()
)
# The members of a party, named by its name in the plural: people, no organization.
# Heads that end a name complete in itself, before an "and" that begins another name.
_COMPLETE_HEADS = frozenset(
    "Watch International Group Foundation Institute Association Council Union Organization "
    "Organisation Party Bank Agency League Fund Corporation Company Commission Force Guard "
    "Service Administration Bureau Ministry Department Office Authority Board Committee".split()
)
_PARTY_MEMBERS = frozenset("Democrats Republicans Conservatives Liberals Socialists Tories".split())
_CHAMBERS = frozenset("Senate House Congressional Parliamentary Assembly".split())
# A party's member, one word before a full name: "Republican John McCain".
_PARTY_MEMBER = frozenset(
    "Democrat Democratic Republican Conservative Labour Labor Liberal Socialist Tory".split()
)
# Words for a person's standing before an office, which start no organization's name
# ("Retired Navy admiral Paul Dorsey", "Former Goldman Sachs chief ...").
_STANDING = frozenset("retired former outgoing incoming ousted late embattled exiled".split())
# Words that end no organization's name: "Security Council on Aug. 6" is the Security Council.
_MONTHS_UNDOTTED = frozenset(MONTH_ABBREVIATIONS)
_JOINTS = frozenset(("of", "for", "on", "the", "and", "&"))
# Nor a person's ("Daniel P. Dawson Feb. 1"), but "Jan" and "Mar" are names too.
_MONTHS_NO_NAME = _MONTHS_UNDOTTED - {"Jan", "Mar", "Jun"}
# Head words that end an organization's name and never a person's, whatever given name opens
# it (a head such as "Power" or "Mills" may be a surname: "Samantha Power").
_NEVER_SURNAMES = frozenset(
    """Group Insurance Savings Hotel Hotels Theater Theatre Press Holdings Securities Industries
    Airlines Airways Bancorp Technologies Systems Foundation Institute University College Library
    Museum Hospital Television Radio Ministry Department Agency Commission Committee Council
    Association Party Union Corporation Company Incorporated Laboratories Pharmaceuticals
    Communications Entertainment Investments Partners Associates Ventures""".split()
)
# What ends the name of a law or an agreement, which no head word inside makes an organization.
_LAW_TAILS = frozenset(
    "Act Acts Law Treaty Accord Accords Agreement Amendment Bill Protocol Resolution Prize Award "
    "Awards Medal Trophy Summit Festival Championship Championships Olympics".split()
)
_PLACE_AFTER = re.compile(
    rf"{_starting(*_WHERE.split('|'))}\s+(?P<word>[{_UP}][{_LOW}]+){_END}"
    rf"(?!\s+[{_UP}])"
)
# Plural nouns for groups of people, which open many sentences before a reporting verb.
_GROUP_NOUNS = frozenset(word.capitalize() for word in group_nouns())
# A single name that is the end of a longer one ("Hudson's Bay", "First of America", "Weil &
# Associates") or a noun after an article ("a Peruvian said"), and one that qualifies the next
# word ("Peruvian Americans said", "according to Jordanian officials").
# The forums of the largest economies, named by their number of members: "the Group of 20",
# "G20", "G-8" (a group's number in words, "Group of Eight", is a run of capitals already).
# By its letter only the forums news names so (G7, G8, G20, G77: "a G36 rifle" and "a G5 jet"
# are products). Neither after a capitalized word (the finder checks): "the Volkswagen Group
# of 12 brands", "Contact Group of 8 nations", "the LG G8" are other names.
_NUMBERED_GROUP = re.compile(
    r"Group(?<![\w-]Group) of (?P<of>\d{1,2})\b|G(?<![\w-]G)-?(?P<g>7|8|20|77)(?![\w-])"
)
_PART_OF_NAME_BEFORE = re.compile(r"(?:['’]s|\bof|&|\bamp|\b[Aa]n?|\b[Tt]he)\s+$")
_MODIFIES_NEXT = re.compile(rf"\s+(?:[{_UP}]|(?:{'|'.join(sorted(group_nouns()))})\b)")
# Nationalities that do not end as most do (-an, -ian, -ese, -ish).
_IRREGULAR_DEMONYMS = frozenset(
    """French Dutch Swiss Greek Thai Czech Iraqi Israeli Saudi Pakistani Afghan Kuwaiti Qatari
    Yemeni Somali Bangladeshi Omani Emirati Kazakh Uzbek Turkmen Welsh Scots""".split()
)
# First words of places' names ("New York", "Fort Worth").
_PLACE_HEADS = frozenset(
    "New North South East West San Los Las Northern Southern Eastern Western Old Little Greater "
    "Upper Lower Central Fort Port Mount Lake".split()
)
# Last words of places named after people ("Franklin Park", "Beverly Hills", "Williams Ave.").
_PLACE_TAILS = frozenset(
    "Ave Avenue Street St Road Rd Boulevard Blvd Lane Drive Park Hills Heights Beach Springs "
    "Valley Island Islands Bay County Square Bridge Airport Stadium Arena Room Hall Mountains "
    "Mountain River Desert Coast City Sound Strait Peninsula Canyon".split()
)
# Waters and lands, which end a place's name and no person's ("Prince Edward Sound" after the
# title "Prince"; not "Park" or "Hall", which are surnames too).
_FEATURES = frozenset("Sound Strait Peninsula Canyon Bay River Island Islands Coast".split())
# Words that name a storm before its name: "Hurricane Kendra", "Tropical Storm Ana".
_STORMS = frozenset("Hurricane Typhoon Cyclone Storm Tropical Superstorm".split())
# A company's stock ticker in brackets after its name, as wire copy gives it: "(AZN.L)",
# "-LRB- RDSa . L -RRB-", "<XOM.N>".
_TICKER = re.compile(
    r"(?:\(|-LRB-\s|<)(?=[A-Z0-9])[A-Z0-9]{1,6}[a-z]?\s*\.\s*[A-Z]{1,3}\s*(?:\)|-RRB-|>)"
)
