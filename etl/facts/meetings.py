"""Meetings: when and where one was held, and who took part, with role and organisation.

    "During the visit on November 29, 2022, a meeting was held at the office of ... with the
     participation of Alexei Gromov, senior advisor of the OSCE bureau for Democratic institutions
     and human rights, and Hamadziripi Munikva, advisor of ..."
    "Во встрече приняли участие председатель Центральной избирательной комиссии Туркменистана
     Гулмырат Мырадов, постоянный представитель ПРООН в Туркменистане Нарине Саакян ..."
    "Duşuşyga Merkezi saýlaw toparynyň başlygy Gulmyrat Myradow, ... wekili Narine Saakýan gatnaşdylar."

A person is a run of two or three capitalised words (or initials and a surname, "G.Myradov",
"Г.Мурадовым") that either has a surname ending (-ov, -ev, -ow, -ew, -ova, -ский, ... in any case)
or stands next to a role ("advisor", "председатель", "başlygy"). Heads of state named in passing,
people things are named after, and streets are not participants. One person mentioned several
ways in one text ("Гулмырат Мырадов", "Г. Мурадов", "Г.Мырадов") is one participant. Everything
here is pure: text in, records out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..dates import TODAY, _full_dates, _future_dates
from ..entities import INITIALS, nominative, person_key, skeleton, split_name
from ..text import fold
from .hints import Hint, Scanned
from .memo import memo_list, sentences_of

UP = "A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ"
LO = "a-zß-öø-ÿýňşçäöüžа-яё"
WORD = rf"[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)?"
INIT = rf"[{UP}]\.\s?"
POSS = r"(?:[’']s)?"
# Compiled once (the parsers ask them of every name they read)
INITIALS_START = re.compile(rf"^(?:{INIT})+")  # initials that begin a name
INITIALS_ONLY = re.compile(rf"(?:{INIT})+")  # (fullmatch) initials and nothing else
INITIALS_THEN_CAPITAL = re.compile(rf"^(?:{INIT})+[{UP}]")
POSSESSIVE_END = re.compile(r"[’']s$")
NAME_WORD_BREAK = re.compile(r"[\s.]+")
NAME_RE = re.compile(
    rf"(?<![{UP}{LO}.\-])(?:(?:{INIT}){{1,3}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}}){POSS}(?![{LO}])")

# Surname endings, nominative or inflected (Russian cases, Turkmen suffixes).
SURNAME_END = re.compile(
    r"(?:ov|ev|ova|eva|ow|ew|owa|ewa|yev|yeva|iyev|skiy|sky|skii|ski|ska|skaya|enko|uk|yan|ian|dze|shvili|in|ina|yn"
    r"|ов|ев|ёв|ова|ева|ин|ина|ын|ский|ская|енко|ян|дзе|швили"
    r"|овым|евым|иным|ову|еву|ину|ове|еве|ине|овой|евой|иной|ского|скому|ским|ском|ской"
    r"|owyň|ewiň|owy|ewi|owa|ewe|owda|ewde|owdan|ewden|owanyň|ewanyň)(?:[’']s)?$", re.I)


@lru_cache(maxsize=1 << 15)  # pure; asked of the words of every name, and names recur
def has_surname_end(word: str) -> bool:
    """Whether SURNAME_END is found in a word."""
    return SURNAME_END.search(word) is not None

ROLE_WORDS = (
    r"advis[eo]r|chairm[ae]n|chairwoman|chairperson|chair|head|deputy|director|minister|ambassador|coordinator"
    r"|representative|member|secretary|officer|expert|specialist|chief|consultant|envoy|president|leader|rector"
    r"|manager|observer|counsell?or|attach[eé]|commissioner|spokes(?:man|woman|person)|analyst|candidate|rapporteur"
    r"|председател\w*|заместител\w*|руководител\w*|посл(?:ом|а|у|е)?\b|посол|представител\w*|советник\w*"
    r"|координатор\w*|директор\w*|глав(?:а|ы|е|у|ой)\b|член\w*|секретар\w*|эксперт\w*|специалист\w*|начальник\w*"
    r"|кандидат\w*|министр\w*|депутат\w*|наблюдател\w*|сотрудник\w*|консультант\w*|аналитик\w*"
    r"|başlyg\w*|başlyk|orunbasar\w*|ýolbaşçy\w*|wekil\w*|ilçi\w*|geňeşçi\w*|agza\w*|sekretar\w*|hünärmen\w*"
    r"|müdir\w*|dalaşgär\w*|ministr\w*|deputat\w*|synçy\w*|bilermen\w*|maslahatçy\w*|utgaşdyryjy\w*"
)
_ROLE_ADJ = (r"(?:(?:first|senior|permanent|resident|executive|chief|extraordinary and plenipotentiary|general"
             r"|перв\w+|постоянн\w+|чрезвычайн\w+\s+и\s+полномочн\w+|генеральн\w+|исполнительн\w+|старш\w+"
             r"|birinji|hemişelik|ýerine ýetiriji)\s+)?")
ROLE_AFTER = re.compile(
    rf"^\s*[,–—-]\s*((?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?(?:{ROLE_WORDS})\b[^,;.()]*"
    rf"(?:,\s*(?:as well as\s+)?[^,;.()]{{0,80}})?)", re.I)
ROLE_BEFORE = re.compile(rf"({_ROLE_ADJ}(?:{ROLE_WORDS})\b[^,;.()]{{0,160}}?)\s*[,–—-]?\s*$", re.I)
_TK_ROLE_NOUN = re.compile(
    r"(?:başlyg\w*|orunbasar\w*|ýolbaşçy\w*|wekil\w*|ilçi\w*|geňeşçi\w*|agza\w*|sekretar\w*|hünärmen\w*|müdir\w*"
    r"|dalaşgär\w*|ministr\w*|deputat\w*|synçy\w*|bilermen\w*|maslahatçy\w*|utgaşdyryjy\w*|işgär\w*)$", re.I)

# Words (folded) that never begin or end a person's name: places, bodies, organisations, titles.
NOT_STEMS = tuple("""
turkmen central centr tsentr merkez komiss commiss committee komitet president prezident mejlis medzhlis halk
milli gengesh genges ashgabat ashhabad asgabat ahal akhal balkan dashoguz dasoguz lebap arkadag respub republic
federat organi organizats united nations obedinen ministr minist bureau byuro office ofis institut univers
party parti mission missi observ nablyud sync delegat ambassad posolst program razvit development osce obse
odihr bdipch undp proon election izbirat saylav saylaw vybor referend democrat demokr human rights security
cooperation sotrudn bezopas europe evrop yevrop asia azii state gosudar dovlet national natsional hero geroy
gahryman esteem hormat uvazh chairman chairwoman chair head deputy director advis representative member
secretary minister ambassador coordinator expert specialist chief predsedat zamestit rukovodit predstavit
sovetnik koordinat direktor sekretar ekspert spetsialist nachalnik kandidat deput basly orunbasar yolbasc
vekil vekilh ilci agza hunarmen mudir dalasgar ispoln international mezhdunar halkara independent nezavis
garasyz commonwealth sodruzh arkalas supreme verhovn council sovet trade union soyuz women zhensk yaslar youth
molodezh magtymguly constitution konstit electoral code kodeks law zakon resolution postanov decree ukaz
embassy consulat television radio news agency press media
association assotsiat production proizvod concern kontsern enterprise predpriyat company kompani corporat korporat
factory fabrik zavod combine kombinat foundation society obshchest birlesik karhana
entrepreneur industrialist palace culture theatre drama hall museum school academy
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
yanvar fevral mart aprel may iyun iyul avgust sentyabr oktyabr noyabr dekabr
""".split())
# Words (folded) that may open a sentence before a name: not part of it.
STOP_WORDS = set("""
the a an and of in on at to for with by from during after before as it this that these those our their his her
then also however moreover meanwhile today yesterday later further firstly
dalee zatem takzhe vo v na s so po pri za o ob ot u k
dususyga dususykda sonra seyle hem mundan bu su onun olar sol
""".split())
_HEAD_OF_STATE = re.compile(
    r"(?:\bPresident|Prezident\w*|Президент\w*)(?!\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:Commission|Council|Committee|"
    r"Court|Association|Union|Assembly|Bank|Academy|Federation of))"
    r"|National Leader|Milli Lider\w*|Национальн\w+ Лидер\w*|Hero Arkadag\w*|Gahryman Arkadag\w*|Героя? Аркадаг\w*"
    r"|Arkadagly|Аркадаглы|Chairman of the Halk Maslahaty|Halk Maslahatynyň Başlygy|Председател\w+ Халк Маслахаты"
    r"|Supreme Commander|Baş serkerde|Верховн\w+ Главнокомандующ\w*|esteemed|hormatly|уважаем\w+", re.I)
# scanned over the folded text as its lower-case twin (etl.facts.hints.Scanned.of_twin)
_HEAD_OF_STATE_SCAN = Scanned.of_twin(_HEAD_OF_STATE)
_CANDIDATE = re.compile(r"candidate|кандидат|dalaşgär", re.I)
_NAMED_AFTER_BEFORE = re.compile(r"(?:named after|имени|in honou?r of)\s*$", re.I)
_NAMED_AFTER_AFTER = re.compile(
    r"^\W{0,3}(?:adyndaky|adyny|street|avenue|str\.|köçesi\w*|şaýoly\w*|улиц\w*|проспект\w*|township|şäherçe\w*"
    r"|посёлк\w*|поселк\w*|etrab\w*|этрап\w*|obasy\w*|school|mekdep\w*|школ\w*|museum|muzeý\w*|theatre|teatr\w*)", re.I)
# A name followed, with no punctuation, by the head noun of an institution is the name it carries
# ("the S.Seydi State Drama Theater", "Государственный театр имени ...", "Magtymguly adyndaky
# Türkmen döwlet uniwersiteti"), not a person present.
_INSTITUTION = (r"mission|office|committee|commission|council|bureau|agency|programme|program|organi[sz]ation|ministry"
                r"|department|service|secretariat|assembly|court|миссия|миссии|бюро|комитет\w*|комисси\w*|совет\w*"
                r"|агентств\w*|министерств\w*|управлени\w*|служб\w*|topar\w*|müdirligi\w*|ministrligi\w*|edara\w*"
                r"|theat(?:re|er)|museum|school|universit\w*|institute|academy|plant|factory|library|stadium|hospital"
                r"|college|lyceum|park|palace|station|street|avenue|company|association|complex|centre|center|concern"
                r"|enterprise|combine|works|farm|foundation|society|corporation|bank|mosque|square"
                r"|театр\w*|музе\w*|школ\w*|университет\w*|институт\w*|академи\w*|завод\w*|фабрик\w*|библиотек\w*"
                r"|стадион\w*|больниц\w*|колледж\w*|лице\w*|парк\w*|дворц\w*|дворе\w*|станци\w*|компани\w*"
                r"|ассоциаци\w*|комплекс\w*|центр\w*|концерн\w*|предприяти\w*|объединени\w*|комбинат\w*"
                r"|teatr\w*|muzeý\w*|mekdep\w*|uniwersitet\w*|institut\w*|akademiýa\w*|zawod\w*|fabrik\w*"
                r"|kitaphana\w*|stadion\w*|hassahana\w*|kärhana\w*|birleşig\w*|toplum\w*|merkez\w*")
_INSTITUTION_AFTER = re.compile(
    rf"^[ \u00a0]+(?:(?:[A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ][\w'’-]*|\w+(?:ый|ий|ой|ая|ое|ого|ей|ski|ky|ly|li|lı)|of|and|for|the)"
    rf"[ \u00a0]+){{0,5}}(?i:{_INSTITUTION})\b")
_INSTITUTION_WORD = re.compile(rf"\b(?i:{_INSTITUTION})\b")


@lru_cache(maxsize=1 << 14)  # pure; the same names recur from sentence to sentence
def _names_institution(name: str) -> bool:
    return _INSTITUTION_WORD.search(name) is not None
_NAMED_AFTER_BEFORE2 = re.compile(
    r"(?:street|avenue|township(?:\s+of)?|village(?:\s+of)?|улиц[аеуы]|проспект[аеу]?|посёлк\w*|поселк\w*|сел[аеоу]"
    r"|köçesi|şaýoly)\s*$", re.I)


@dataclass
class Participant:
    name: str  # as printed
    role: str | None
    organization_text: str | None  # the words that name the organisation, from the role
    aliases: list[str] = field(default_factory=list)  # other spellings of the same person in the text
    nominative: str | None = None  # the name in the nominative (Russian, Turkmen case endings removed)


@dataclass
class MeetingFact:
    held_on: date | None
    place: str | None
    participants: list[Participant] = field(default_factory=list)


MEETING_SENTENCE = re.compile(
    r"\bmeeting\b|\bmet\b|\bmeets\b|session|talks|встреч|заседани|совещани|переговор|duşuş|mejlis(?:i)? geçiril"
    r"|gepleşik|maslahat", re.I)
# every match of MEETING_SENTENCE contains one of these (etl.facts.hints)
_MEETING_HINT = Hint(("meet", "met", "session", "talks", "встреч", "заседани", "совещани", "переговор", "duşuş",
                      "mejlis", "gepleşik", "maslahat"))
_MEETING_SCAN = Scanned.of(MEETING_SENTENCE)  # scanned over the folded text (etl.facts.hints)


@lru_cache(maxsize=4096)  # pure; reports_meeting and parse_meeting both ask it of every sentence
def _names_meeting(sentence: str) -> bool:
    """Whether a sentence names a meeting (MEETING_SENTENCE), trying the pattern only when it can match."""
    return _MEETING_HINT.may_match(sentence) and bool(_MEETING_SCAN.search(sentence))


HELD = re.compile(r"was held|were held|took place|held|met\b|состоял|прошл|проведен|geçirildi|boldy|duşuşdy", re.I)
_HELD_SCAN = Scanned.of(HELD)  # scanned over the folded text (etl.facts.hints)
PLACE_RES = [
    re.compile(r"(?:was held|took place|were held|met)\s+(?:at|in)\s+(the\s+(?:office|building|premises|hall|headquarters|conference hall)[^,;]{0,160}?)(?=\s+with\b|,|;|\.(?:\s|$))", re.I),
    re.compile(r"^(?:In|At)\s+(?:a|the)\s+((?:[\w-]+\s+){0,3}(?:hall|building|office|premises|theatre|theater|centre|center)[^,;]{0,120}),", re.I),
    re.compile(r"\bв\s+((?:здании|зале|конференц-зале|офисе|помещении)\s+[^,;.]{0,160}?)(?=\s+(?:состоял\w*|прошл[аио]?|был[аио]?|проведен[аоы]?|проводил\w*|с\s+участием)\b|[,;.]|$)", re.I),
    re.compile(r"((?:[^\s,;.]+\s+){0,6}?\S*(?:binasynda|zalynda|edarasynda|mejlisler zalynda))\b", re.I),
]
# For each of PLACE_RES, in the same order: words one of which every match contains (etl.facts.hints)
PLACE_HINTS: list[Hint] = [
    Hint(("was held", "took place", "were held", "met")),
    Hint(("in", "at")),
    Hint(("здании", "зале", "офисе", "помещении")),
    Hint(("binasynda", "zalynda", "edarasynda")),
]
_DATE_WORD = re.compile(r"\d|ýylyň|(?:ýanwar|fewral|mart|aprel|maý|iýun|iýul|awgust|sentýabr|oktýabr|noýabr|dekabr)\w*$", re.I)


@lru_cache(maxsize=1 << 14)  # pure; asked of every word of every place read
def _is_date_word(word: str) -> bool:
    return _DATE_WORD.search(word) is not None


def _strip_date(place: str) -> str:
    """'2025-nji ýylyň 27-nji fewralynda Merkezi saýlaw toparynyň binasynda' -> the place only."""
    words = place.split()
    last = max((i for i, w in enumerate(words[:-1]) if _is_date_word(w)), default=-1)
    return " ".join(words[last + 1:])


_TRAILING_PUNCTUATION = re.compile(r"[\s,–—-]+$")
_PUNCTUATION = frozenset(",–—-")


def _end_punctuation_to_space(text: str) -> str:
    """`_TRAILING_PUNCTUATION.sub(" ", text)`: the run of white space, commas and dashes that ends
    the text made one space (white space as \\s: str.isspace; tests/test_meetings.py)."""
    end = len(text)
    while end and (text[end - 1] in _PUNCTUATION or text[end - 1].isspace()):
        end -= 1
    return text if end == len(text) else text[:end] + " "


def _clause_start(before: str) -> str:
    """The part of `before` since the last comma, semicolon, colon, dash or sentence end."""
    body = _end_punctuation_to_space(before)
    cut = max(body.rfind(","), body.rfind(";"), body.rfind(":"), body.rfind(". "), body.rfind("("))
    return body[cut + 1:] if cut >= 0 else body


_MONTHS_DAYS = set("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
yanvar fevral mart aprel may iyun iyul avgust sentyabr oktyabr noyabr dekabr
""".split())
# long stems are prefixes ("Turkmenistanyň", "Центральной"); short ones and months must match whole
# ("Law" is not "Lavrov", "May" is not "Maýsa")
_NOT_SKELETONS = tuple(sorted({skeleton(w) for w in NOT_STEMS if len(w) >= 5 and w not in _MONTHS_DAYS}))
_NOT_EXACT = {skeleton(w) for w in NOT_STEMS if len(w) < 5 or w in _MONTHS_DAYS}
_STOP_SKELETONS = {skeleton(w) for w in STOP_WORDS}


@lru_cache(maxsize=65536)
def _is_not_name(token: str) -> bool:
    token = POSSESSIVE_END.sub("", token.rstrip("."))
    f = fold(token).replace(" ", "")
    if not f or f in STOP_WORDS:
        return True
    k = skeleton(token)
    if k in _STOP_SKELETONS or k in _NOT_EXACT or k.startswith(_NOT_SKELETONS):
        return True
    # Turkmen plural genitives and accusatives ("Döwletleriň", "Toparlary") are never names
    return bool(re.search(r"(?:lar|ler)(?:yn|in|y|i|ynyn|inin|da|de)?$", f)) and len(f) > 6


# A courtesy title right before a name says it is a person's ("Mr. Hiroshi Kawamura", "г-жа Анна Ковальская")
_HONORIFIC = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?|\b(?:Mister|Madam|Madame|Sir|Dame)|\bг-(?:н|жа)\.?|\bгосподин\w*"
                        r"|\bгоспож\w*|\bjenap|\bhanym)\s*$")


def _honorific_at_end(before: str) -> re.Match | None:
    """`_HONORIFIC.search(before)`, looked for only in the last word: a match ends at the end (\\s*$
    takes the white space there, str.isspace), and its title has no white space, so it starts in the
    text's last run of characters that are not white space (\\b still sees the character before)."""
    body = before.rstrip()
    if not body:
        return None
    return _HONORIFIC.search(before, len(body) - len(body.rsplit(None, 1)[-1]))


def _looks_like_person(words: list[str], initials: bool, before: str, after: str) -> bool:
    if not words or any(_is_not_name(w) for w in words):
        return False
    if any(w.isupper() and len(w) > 1 for w in words):
        return False
    if initials or has_surname_end(words[-1]) or (len(words) >= 2 and _honorific_at_end(before)):
        return True
    return bool(ROLE_AFTER.match(after) or _role_before(before))


_SESSION_WORD = re.compile(r"(?:mejlis|duşuşy|maslahat|geňeşme|çykyş)\w*$", re.I)
_DIGIT = re.compile(r"\d")
_TK_NOT_IN_ROLE_END = re.compile(r"(?:ga|ge|ka|ke|da|de|ta|te|dan|den|tan|ten|yp|ip|up|üp|dy|di|ýar|ýär|lar|ler)$", re.I)


@lru_cache(maxsize=4096)  # pure; _people_in may ask it twice of the text before a name
def _role_before(before: str) -> str | None:
    honorific = _honorific_at_end(before)  # the one match _HONORIFIC.sub("", before) takes away
    if honorific:
        before = before[:honorific.start()]
    clause = _clause_start(before[-220:])
    spans = _person_spans(clause)
    if spans:
        clause = clause[spans[-1][1]:]  # the role of this person starts after the previous person
    words = clause.split()
    if len(words) > 1 and _SESSION_WORD.match(words[0]) \
            and not words[0].endswith("ň"):
        words = words[1:]  # "Mejlisi Merkezi saýlaw toparynyň başlygy ... alyp bardy": the session, not the role
    # Turkmen: the role noun comes last, after the organisation in the genitive
    if words and _TK_ROLE_NOUN.search(words[-1]):
        keep = words[-9:]
        cut = 0
        for i, w in enumerate(keep[:-1]):
            if _DIGIT.search(w) or w.lower() in ("we", "hem-de", "hem", "bilen") or (
                    _TK_NOT_IN_ROLE_END.search(w)
                    and not w.endswith(("ň", "daky", "däki", "däki"))):
                cut = i + 1
        return " ".join(keep[cut:])
    if words and words[-1].lower().strip(",") in _NOT_ROLE_END:
        return None  # "acquainted attendees with D.Orazov": the name is an object, not a title's holder
    m = ROLE_BEFORE.search(clause)
    if m:
        return m.group(1)
    return None


_NOT_ROLE_END = set("""
with by to from for and or of met meets informed told thanked welcomed visited received said noted about
с со и к от для о об у bilen we hem-de hem
""".split())


_ROLE_OPENS_ANOTHER = re.compile(r"\s*(?:as well as|and|and also|и|а также|we|hem-de|hem)\b", re.I)
_ROLE_SEGMENT_END = re.compile(r"[,;]|\.\s")
_OF_AT_FROM = re.compile(r"\b(?:of|at|from)\b")


def _role_after(after: str) -> str | None:
    """'Alexei Gromov, senior advisor of ...': the role after a name, unless it opens another
    person's mention ('Гулмырат Мырадов, постоянный представитель ПРООН Нарине Саакян')."""
    m = ROLE_AFTER.match(after)
    if not m:
        return None
    role = m.group(1)
    if _ROLE_OPENS_ANOTHER.match(role):
        return None
    segment = _CUT_ROLE.sub("", _ROLE_SEGMENT_END.split(role, maxsplit=1)[0])
    if _person_spans(segment) or (name_candidates(segment) and not _OF_AT_FROM.search(segment)):
        return None
    return _clean_role(role)


@lru_cache(maxsize=1 << 14)  # pure (a string in, a string out); roles recur with their holders
def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = _SPACES.sub(" ", role).strip(" ,–—-")
    role = _ARTICLE_START.sub("", role)
    role = _CUT_ROLE.sub("", role)
    role = _AND_START.sub("", role)
    if not _NAME_IN_ROLE_OK.search(role):
        spans = _person_spans(role)
        if spans:
            role = role[:spans[0][0]]
    return role.strip(" ,–—-") or None



_SPACES = re.compile(r"\s+")
_ARTICLE_START = re.compile(r"^(?:the|a|an)\s+", re.I)
_AND_START = re.compile(r"^(?:we|hem-de|и)\s+", re.I)
_NAME_IN_ROLE_OK = re.compile(r"named after|имени|adyndaky", re.I)
_CUT_ROLE = re.compile(
    r",\s*(?:as well as|and|и|we)\b.*$|\s+(?:as well as|who|which|with|had|has|was|were|is|are|said|noted|met|meets"
    r"|informed|thanked|arrived|visited|opened|stated|expressed)\b.*$", re.I)


def _person_spans(text: str) -> list[tuple[int, int]]:
    """Name candidates that look like people on their own (initials, or a surname ending)."""
    out = []
    for start, end in name_candidates(text):
        name = text[start:end]
        initials = bool(INITIALS_START.match(name))
        if initials or has_surname_end(name.split()[-1]):
            out.append((start, end))
    return out


_ROLE_WORD_RE = re.compile(rf"\b(?:{ROLE_WORDS})", re.I)
_ROLE_WORD_SCAN = Scanned.of(_ROLE_WORD_RE)  # scanned over the folded text (etl.facts.hints)


_WORD_START = re.compile(r"^\w*")
_ORG_AFTER_TITLE = re.compile(r"^\s+(?:of|at|from|in|to)\s+(?:the\s+)?(.+)$", re.I)
_CYRILLIC_LOWER_I = re.compile(r"[а-яё]", re.I)
_TK_TITLE_ADJ_END = re.compile(r"\s*(?:hemişelik|birinji|ýerine ýetiriji|baş)$", re.I)


@lru_cache(maxsize=1 << 14)  # pure (a string in, a string out); roles recur with their holders
def _org_words(role: str | None) -> str | None:
    """The words of a role that name the organisation: after the last title in English and Russian
    ('the Chairman of the Party of Industrialists' -> 'Party of Industrialists'), before it in
    Turkmen ('Merkezi saýlaw toparynyň başlygy' -> 'Merkezi saýlaw toparynyň')."""
    if not role:
        return None
    titles = list(_ROLE_WORD_SCAN.finditer(role))
    if not titles:
        return role
    last = titles[-1]
    rest = role[last.end():]
    rest = _WORD_START.sub("", rest)
    m = _ORG_AFTER_TITLE.match(rest)
    if m:
        return m.group(1).strip()
    if rest.strip() and _CYRILLIC_LOWER_I.search(rest):
        return rest.strip()
    head = role[:last.start()].strip()
    head = _TK_TITLE_ADJ_END.sub("", head).strip()
    return head or None


_NAME_GAP = re.compile(r"[ \u00a0]?")
_JOINED_BEFORE = re.compile(r"\b(?:of|and|of the|и|we|или|or)\s*$", re.I)
# (?<![{UP}{LO}.\-])(?:(?:{INIT})+{WORD}|{INIT}|{WORD}){POSS}(?![{LO}]), written to begin with the capital
# that each branch begins with (the lookbehind then looks past it): the regex engine skips to a capital
# in C instead of trying the lookbehind at every position. The same matches (tests/test_meetings.py).
_TOKEN_PLAIN = re.compile(rf"(?<![{UP}{LO}.\-])(?:(?:{INIT})+{WORD}|{INIT}|{WORD}){POSS}(?![{LO}])")
_TOKEN = re.compile(rf"[{UP}](?<![{UP}{LO}.\-].)(?:\.\s?(?:{INIT})*{WORD}|\.\s?|[{LO}]+(?:-[{UP}]?[{LO}]+)?){POSS}(?![{LO}])")


@memo_list(maxsize=4096)  # asked again of the same sentence for each name in it
def name_candidates(sentence: str) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words and initials, split where a word cannot be part of a
    name ('Executive Committee Viktor Guminsky' -> 'Viktor Guminsky')."""
    # each token as (start, end, text); a run is the tokens joined by nothing (after an initial's
    # dot), a space or a no-break space (_NAME_GAP)
    runs: list[list[tuple[int, int, str]]] = []
    last_end, last_dot = -1, False
    for t in _TOKEN.finditer(sentence):
        start, end = t.span()
        token = t.group()
        if runs:
            gap = sentence[last_end:start]
            if gap == " " or gap == "\u00a0" or (not gap and last_dot):
                runs[-1].append((start, end, token))
                last_end, last_dot = end, token.endswith(".")
                continue
        runs.append([(start, end, token)])
        last_end, last_dot = end, token.endswith(".")
    spans = []
    for run in runs:
        if len(run) == 1 and "." not in run[0][2]:
            continue  # one word and no initial: every test below that could keep it needs an initial's dot
        sub: list[tuple[int, int, str]] = []
        for t in run + [None]:
            if t is not None and not _is_not_name(t[2]):
                sub.append(t)
                continue
            if len(sub) == 3 and _JOINED_BEFORE.search(sentence[:sub[0][0]]):
                sub = sub[1:]  # "Party of Industrialists and Entrepreneurs Bekmyrat Annamyradov"
            if sub and INITIALS_START.match(sub[0][2]):
                # an initialled name is the initials and one surname ("G.Myradow"); a capitalised word
                # after it ("G.Myradow Ýaponiýanyň ilçisi ...") starts something else
                k = next((i for i, x in enumerate(sub) if not INITIALS_ONLY.fullmatch(x[2])), len(sub) - 1)
                sub = sub[:k + 1]
            if sub:
                words = [x for x in sub if "." not in x[2] or not INITIALS_ONLY.fullmatch(x[2])]
                initials = len(words) < len(sub) or INITIALS_THEN_CAPITAL.match(sub[0][2])
                if (2 <= len(sub) <= 3 and words) or (initials and len(words) == 1):
                    spans.append((sub[0][0], sub[-1][1]))
                elif len(sub) == 1 and INITIALS_THEN_CAPITAL.match(sub[0][2]):
                    spans.append((sub[0][0], sub[0][1]))
            sub = []
    return spans


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TURKMEN_LETTER = re.compile(r"[ýňşçäöüž]")


def people_in(sentence: str, lang: str | None = None) -> list[Participant]:
    """People named in a sentence, each with the role and organisation words next to it."""
    # parse_meeting changes the participants it merges: each call gets its own copies
    return [Participant(p.name, p.role, p.organization_text, list(p.aliases), p.nominative)
            for p in _people_in(sentence, lang)]


@lru_cache(maxsize=4096)  # pure; never handed out (see people_in)
def _people_in(sentence: str, lang: str | None) -> tuple[Participant, ...]:
    out: list[Participant] = []
    for start, end in name_candidates(sentence):
        name = POSSESSIVE_END.sub("", sentence[start:end])
        initials = bool(INITIALS_START.match(name))
        words = [w for w in NAME_WORD_BREAK.split(name) if len(w) > 1]
        before, after = sentence[:start], sentence[end:]
        if not _looks_like_person(words, initials, before, after) or _names_institution(name):
            continue
        if _excluded(before, after):
            continue
        role = _role_after(after)
        if role is None:
            role = _clean_role(_role_before(before))
        if role and _HEAD_OF_STATE_SCAN.search(role) and not _CANDIDATE.search(role):
            continue
        if any(p.name == name for p in out):
            continue
        text_lang = lang or ("ru" if _CYRILLIC.search(name) else "tk" if _TURKMEN_LETTER.search(sentence) else "en")
        out.append(Participant(name, role, _org_words(role), nominative=nominative(name, text_lang, before)))
    return tuple(out)


def _excluded(before: str, after: str) -> bool:
    """Heads of state named in passing, people things are named after, streets."""
    near = _clause_start(before[-120:])
    heads = list(_HEAD_OF_STATE_SCAN.finditer(near))
    if heads:
        h = heads[-1]
        if len(near) - h.end() <= 45 and not _CANDIDATE.search(near[max(0, h.start() - 40):h.start()]):
            return True
    if _NAMED_AFTER_BEFORE.search(before[-30:]) or _NAMED_AFTER_BEFORE2.search(before[-20:]):
        return True
    return bool(_NAMED_AFTER_AFTER.match(after) or _INSTITUTION_AFTER.match(after))


def _key(p: Participant) -> str:
    return _name_key(p.nominative or p.name)


@lru_cache(maxsize=4096)  # pure; parse_meeting keys each participant more than once
def _name_key(name: str) -> str:
    return person_key(split_name(name))


def _surname_skeleton(p: Participant) -> str:
    return skeleton(split_name(p.nominative or p.name).surname)


_FUTURE_MEETING = re.compile(r"\bwill\b|\bis to be\b|\bscheduled\b|состоится|будет|geçiriler|geçiriljek|bolar\b", re.I)


def reports_meeting(text: str) -> bool:
    """Whether a text reports a meeting that took place (whatever the item is mainly about): a
    sentence naming a meeting and saying it was held, not one announced for later."""
    return any(_names_meeting(s) and _HELD_SCAN.search(s) and not _FUTURE_MEETING.search(s)
               for s in sentences_of(text))


def parse_meeting(text: str, published: date | None = None, lang: str | None = None) -> MeetingFact | None:
    """The meeting an item reports, with its day, place and participants; None if there is none."""
    parts = sentences_of(text)
    meeting_idx = [i for i, s in enumerate(parts) if _names_meeting(s)]
    if not meeting_idx:
        return None
    held_on = None
    for i in meeting_idx:
        s = parts[i]
        if _HELD_SCAN.search(s):
            ds = _held_dates(s)
            if ds:
                held_on = ds[-1]
                break
    if held_on is None and published is not None:
        if any(TODAY.search(parts[i]) and _HELD_SCAN.search(parts[i]) for i in meeting_idx):
            held_on = published
    place = None
    for i in meeting_idx:
        for r, hint in zip(PLACE_RES, PLACE_HINTS):
            m = r.search(parts[i]) if hint.may_match(parts[i]) else None
            if m:
                place = _strip_date(re.sub(r"\s+", " ", m.group(1)).strip(" ,"))
                break
        if place:
            break
    participants: list[Participant] = []
    by_key: dict[str, Participant] = {}
    for s in parts:
        for p in people_in(s, lang):
            key = _key(p)
            q = by_key.get(key)
            if q is None:
                # a woman's-looking form of a man named in the same text ("Мурадова" / "Мурадов")
                q = next((by_key[k] for k in by_key if k == _masculine(key) or _masculine(k) == key), None)
            if q is None:
                by_key[key] = p
                participants.append(p)
                continue
            for form in dict.fromkeys((p.name, p.nominative or p.name)):
                if form not in (q.name, q.nominative) and form not in q.aliases:
                    q.aliases.append(form)  # the printed form, and its nominative when it differs
            if _masculine(_key(q)) == key and _key(q) != key:
                # the masculine form wins over a genitive read as feminine
                q.aliases.append(q.name) if q.name not in q.aliases else None
                q.nominative = p.nominative
            if not q.role and p.role:
                q.role, q.organization_text = p.role, p.organization_text
    return MeetingFact(held_on, place, _join_cut_short(participants))


_GIVEN_AND_INITIAL = re.compile(r"^([^\s.]{2,})\s+([A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ])\.$")


def _cut_short(p: Participant) -> tuple[str, str] | None:
    """('surname', skeleton) for a surname printed alone ('Nurnepesov'), ('given', ...) for a given
    name with the surname's initial only ('Gulmyrat M.'); None for a full name."""
    name = p.nominative or p.name
    m = _GIVEN_AND_INITIAL.match(name)
    if m and not re.search(r"(?:ov|ev|ow|ew|ova|eva|owa|ewa|ов|ев|ова|ева|ский|ская)$", m.group(1), re.I):
        return "given", skeleton(m.group(1)) + "|" + skeleton(m.group(2))
    if len(name.split()) == 1 and not re.search(r"\.", name):
        return "surname", skeleton(name)
    return None


def _absorb(q: Participant, p: Participant) -> None:
    """`p` is another spelling of `q`: its printed form (and nominative) become q's aliases, and its
    role q's when q has none."""
    for form in dict.fromkeys((p.name, p.nominative or p.name)):
        if form not in (q.name, q.nominative) and form not in q.aliases:
            q.aliases.append(form)
    if not q.role and p.role:
        q.role, q.organization_text = p.role, p.organization_text


def _initialled(p: Participant) -> tuple[str, str] | None:
    """(surname skeleton, the initial's letter as printed) of a name printed with its given name's
    initial ('Д.Аннаев', 'J. Annaev'); None for other names."""
    m = INITIALS.match(p.nominative or p.name)
    return (skeleton(m.group(2)), m.group(1)[0].lower()) if m else None


def _join_initialled(participants: list[Participant]) -> list[Participant]:
    """A name printed with an initial joins the one full name of the text with that surname whose
    given name, printed in the same script, begins with that letter: 'Д.Аннаев' is 'Джуманазар
    Аннаев' though their ids differ ('Дж' is 'j' in Latin letters, the initial 'Д.' is 'd').
    When no full name or more than one fits, it stays as printed, never guessed."""
    initialled = {id(p): _initialled(p) for p in participants}
    full = [(q, split_name(q.nominative or q.name)) for q in participants
            if initialled[id(q)] is None and _cut_short(q) is None]
    full = [(q, skeleton(parts.surname), parts.first[:1].lower()) for q, parts in full
            if parts.first and "." not in parts.first]
    out = []
    for p in participants:
        fits = [q for q, surname, letter in full if (surname, letter) == initialled[id(p)]]
        if len(fits) == 1:
            _absorb(fits[0], p)
        else:
            out.append(p)
    return out


def _join_cut_short(participants: list[Participant]) -> list[Participant]:
    """A name cut short ('Nurnepesov', 'Gulmyrat M.', 'Д.Аннаев') joins the full name it abbreviates
    when exactly one participant of the text fits; otherwise it stays as printed, never guessed."""
    participants = _join_initialled(participants)
    out = [p for p in participants if _cut_short(p) is None]
    for p in participants:
        short = _cut_short(p)
        if short is None:
            continue
        how, key = short
        fits = []
        for q in out:
            parts = split_name(q.nominative or q.name)
            if not parts.first:
                continue
            if how == "surname" and skeleton(parts.surname) == key:
                fits.append(q)
            elif how == "given":
                given, initial = key.split("|")
                if skeleton(parts.first.split()[0]) == given and skeleton(parts.surname).startswith(initial):
                    fits.append(q)
        if len(fits) == 1:
            _absorb(fits[0], p)
        else:
            out.append(p)
    return [p for p in participants if p in out]


_ELECTION_WORD = re.compile(r"election|saýlaw|выбор|голосован|polling|referend", re.I)


@memo_list(maxsize=4096)  # pure; items repeat their meeting sentences (dates are immutable)
def _held_dates(sentence: str) -> list[date]:
    """Dates in a meeting sentence that can be the day it was held: not a day announced ahead
    ('the elections to be held on March 26, 2023'), not the day of an election the meeting was about."""
    future = set(_future_dates(sentence))
    out = []
    for start, end, d in _full_dates(sentence):
        if d in future:
            continue
        before = sentence[max(0, start - 50):start]
        e = list(_ELECTION_WORD.finditer(before))
        if e and not _HELD_SCAN.search(before[e[-1].end():]):
            continue
        out.append(d)
    return out


def _masculine(key: str) -> str:
    surname, _, initial = key.partition("-")
    if surname.endswith("a") and re.search(r"(?:ov|ev|in|un)a$", surname):
        surname = surname[:-1]
    return f"{surname}-{initial}" if initial else surname
