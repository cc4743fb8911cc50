"""Results: who was elected in which constituency, as an item reports it.

Turkmen writes surname first: `1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Bazarow Rejep – <occupation>`.
English: `in the “Gunesh” election district #7 of Ashgabat city – G.Mammedova, # 106 “Vekil” of Mary
velayat – G.Ataeva`. Russian: `по избирательному округу № 1 «Гарашсызлык» – Базаров Реджеп, <occupation>`.

An entry is a constituency (number and name), then the person elected, then (optionally) the
occupation, up to the next constituency or the end of the line. Whether the name is printed surname
first is read from the name itself (the word with the surname ending), and failing that from the
language (Turkmen and Russian lists put the surname first).

Seat families (each in the three languages): the constituency then the name ("... boýunça Bazarow
Rejep –", "in the “Gunesh” election district #7 – G.Mammedova"), with or without a word of being
elected between ("в округе № 1 «Гарашсызлык» избран Базаров Реджеп"); the name then the
constituency ("Базаров Реджеп избран по избирательному округу № 1", "Bazarow Rejep 1-nji
«Garaşsyzlyk» saýlaw okrugy boýunça saýlandy"); names and constituencies listed apart and paired
"respectively" / "соответственно" / "degişlilikde" when the counts agree; constituency names without
quotes after a number sign ("No. 54 Baydak, Dashoguz Velayat") in a sentence about constituencies;
and the constituency by name only (no number: `results_in` returns it, `parse_results` does not).

Below them: candidates' shares of the vote (`candidate_shares`, with the spans of the figures, so
that the turnout parser leaves them alone) and people elected President (`elected_to_office`).
`results_in` gathers all of them for one item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .hints import Hint, Hinted, Scanned, Spotted
from .memo import memo_list
from .meetings import INIT, INITIALS_ONLY, INITIALS_START, LO, NAME_WORD_BREAK, UP, WORD, _is_not_name, \
    has_surname_end
from .regions import REGION_STEM
from ..text import PCT_RE, sentence_break

QO = "«“„\"‘'‹"
QC = "»”“\"’'›"
_NAME_Q = rf"[{QO}]\s*([^{QC}\n]{{1,40}}?)\s*[{QC}]"
_ORD = r"(?:\s*-?\s*(?:nji|njy|nju|njü|st|nd|rd|th|й|му|го|ом)\b)?"
_NUMSIGN = r"(?:#|№|(?<![^\W\d_])No\.?|(?<![^\W\d_])N(?=\s?\d))"
_DISTRICT = (r"(?:constituency|election district|electoral district|district|saýlaw okrug\w*|okrug\w*"
             r"|(?:избирательн\w+\s+)?округ\w*)")
_REGION_WORD = r"(?i:velayat|province|region|city|etrap|велаят\w*|welaýat\w*|области|город\w*)"
_REGION_OF = (rf"(?:(?:\s+of\s+|,\s*)(?P<region>[A-Z][\w’' -]{{1,30}}?\s*{_REGION_WORD}(?![\w])"
              r"|\s+of\s+(?P<region2>[A-Z][\w’' -]{1,30}?(?:velayat|province|city|etrap))))?")
# A constituency's name printed without quotes: one or two capitalised words ("Baydak", "Ak bugday").
_NAME_UNQ = rf"([{UP}][{LO}]{{2,}}(?:[ -][{UP}{LO}][{LO}]{{2,}})?)"
_NUMSIGN_CS = r"(?:#|№|No\.?|N(?=\s?\d)|[Nn]o\.)"
# Each: (pattern, group of the number, group of the name); number group 0 means "not printed".
ENTRY_RES = [
    # "1-nji «Garaşsyzlyk» saýlaw okrugy boýunça", "№54 «Байдак» избирательному округу"
    (re.compile(rf"(?:{_NUMSIGN}\s*)?(\d{{1,3}}){_ORD}\s*{_NAME_Q}\s*{_DISTRICT}{_REGION_OF}", re.I), 1, 2),
    # "constituency No. 1 «Garashsyzlyk»", "по избирательному округу № 1 «Гарашсызлык»"
    (re.compile(rf"{_DISTRICT}\s*{_NUMSIGN}?\s*(\d{{1,3}})\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # "the 1st constituency «Garaşsyzlyk»", "54-му избирательному округу «Байдак»"
    (re.compile(rf"\b(\d{{1,3}})(?:st|nd|rd|th|-?(?:й|му|го|ом|nji|njy))?\s+{_DISTRICT}\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # "the “Gunesh” election district #7 of Ashgabat city"
    (re.compile(rf"{_NAME_Q}\s*{_DISTRICT}\s*{_NUMSIGN}?\s*(\d{{1,3}}){_REGION_OF}", re.I), 2, 1),
    # "# 106 “Vekil” of Mary velayat"
    (re.compile(rf"{_NUMSIGN}\s*(\d{{1,3}})\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # "1-nji Garaşsyzlyk saýlaw okrugy boýunça" (no quotes)
    (re.compile(rf"\b(\d{{1,3}}){_ORD}\s+([{UP}][{LO}]+(?:\s+[{UP}][{LO}]+)?)\s+saýlaw okrug\w*", re.I), 1, 2),
    # "constituency No. 54 Baydak", "electoral districts No. 54 Baydak, ..., No. 106 Vekil" (no quotes,
    # after a number sign, in a sentence that speaks of constituencies: see _entries)
    (re.compile(rf"{_NUMSIGN_CS}\s*(\d{{1,3}})\s+{_NAME_UNQ}(?=[\s,;.:–—)-]|$)"
                rf"(?!\s+(?i:etrap|district|velayat|welaýat|city|şäher|этрап|велаят|город|school|mekdep|школ)){_REGION_OF}"), 1, 2),
    # a Turkmen ordinal and a quoted name, the word "constituencies" once for a list:
    # "14-nji «Bagtyýarlyk» we 33-nji «Parahat» saýlaw okruglary"
    (re.compile(rf"\b(\d{{1,3}})\s*-\s*(?:nji|njy|nju|njü)\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # the name alone: "in the «Gunesh» constituency", "по избирательному округу «Гюнеш»"
    (re.compile(rf"{_NAME_Q}\s*{_DISTRICT}{_REGION_OF}", re.I), 0, 1),
    (re.compile(rf"{_DISTRICT}\s*{_NAME_Q}{_REGION_OF}", re.I), 0, 1),
]
_UNQUOTED = 6  # the pattern of names without quotes: only in a sentence that spoke of constituencies before
_IN_CONTEXT = (6, 7)  # patterns without the word "constituency": only in a sentence that has it
_DISTRICT_WORD = re.compile(r"constituenc|district|okrug|округ", re.I)
_ELECTED_LEAD = (r"(?:(?:был[аи]?\s+)?(?:пере)?избран[аыо]?(?:\s+депутат\w*)?|(?:стал\w*\s+)?победител\w*"
                 r"|(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:re-?)?elected(?:\s+(?:as\s+)?(?:a\s+|the\s+)?(?:deput\w+|members?))?"
                 r"|(?:deputatlyga\s+|agzalygyna\s+)?saýla(?:ndy|nyldy|nan|nylan)|the\s+winner\s+(?:is|was))")
_LEAD = re.compile(
    rf"^[\s,]*(?:saýlaw okrug\w*\s*)?(?:boýunça|boýunça saýlanan|boýunça saýlanyldy)?\s*(?:–|—|-|:|,)?\s*"
    rf"(?:{_ELECTED_LEAD}\s*(?:–|—|-|:|,)?\s*)?", re.I)
_NAME = re.compile(
    rf"^((?:{INIT}){{1,3}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}})(?![{LO}])")
_ELECTED_BEFORE = re.compile(
    rf"((?:{INIT}){{1,3}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}})\s+(?:(?:was|has been|is)\s+(?:re-?)?elected|won"
    rf"|(?:был[аи]?\s+)?(?:пере)?избран[аы]?)\b[^.;]{{0,40}}?(?:\b(?:in|from|for|по|от|в|во)\s+(?:the\s+)?)?$",
    re.I)
# a name right before the constituency, the word of being elected after it (Turkmen, Russian order)
_NAME_JUST_BEFORE = re.compile(rf"((?:{INIT}){{1,3}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}})[\s,]*(?:(?:по|от|в|во|in|from)\s+)?$")
_ELECTED_AFTER = re.compile(rf"^[^.;]{{0,60}}?(?:{_ELECTED_LEAD})", re.I)
_OCCUPATION_START = re.compile(r"^\s*(?:–|—|-|:|,|\()")
# the words that lead into the next constituency of a list, left at the end of an occupation's
# segment: "…, in the constituency No. 2", "…, по избирательному округу № 2", "…, в округе № 2"
_TRAILING_LINK = re.compile(r"(?:[\s,;]+|^)(?:(?:in|and|at|from|the|по|в|во|и|а|на)\s*)*$", re.I)


# Words that say the people listed were elected (not merely nominated or registered as candidates).
ELECTED_RE = re.compile(
    r"\belected\b|\bwon\b|saýlanyl|saýlanan|saýlandy|избран|победител", re.I)

_ELECTED_HINT = Hint(("elected", "won", "saýlan", "избран", "победител"))  # in every match of ELECTED_RE
_ELECTED_SCAN = Scanned.of(ELECTED_RE)  # scanned over the folded text (etl.facts.hints)
# every match begins with one of these: tried only where one stands (etl.facts.hints.Spotted)
_ELECTED_SPOT = Spotted(ELECTED_RE, ("won", "избран", "elected", "saýlan", "победител"))


# "to be elected", "will be elected", "могут быть избраны", "saýlanmak": not a report of who was
_NOT_YET = re.compile(r"(?:\b(?:to|be|will|shall|can|may|could|would)\s+(?:be\s+)?|быть\s+|будут\s+|будет\s+|могут\s+)$", re.I)


def reports_elected(text: str) -> bool:
    """Whether a text reports people elected (not the right to be elected, nor a vote to come)."""
    if not _ELECTED_HINT.may_match(text or ""):
        return False  # ELECTED_RE cannot match
    for m in _ELECTED_SPOT.finditer(text or ""):
        word = text[m.start():m.end() + 6].lower()
        if word.startswith("saýlan") and re.match(r"saýlan(?:mak|ma|jak|yljak|ylmak)", word):
            continue
        if not _NOT_YET.search(text[max(0, m.start() - 20):m.start()]):
            return True
    return False


@dataclass
class ElectedMember:
    constituency_number: int | None  # None when only the name is printed (results_in only)
    constituency_name: str
    name: str  # as printed
    surname_first: bool
    occupation: str | None
    region: str | None = None
    body: str | None = None  # the body named last before the seat ("Mejlis", "etrap halk maslahaty"), if any


def _entries(text: str) -> list[tuple[int, int, int | None, str, str | None]]:
    """(start, end, number, name, region) of every constituency mention, earliest pattern first."""
    found: list[tuple[int, int, int | None, str, str | None]] = []
    taken = _Covered(len(text))
    sents = None
    for k, (pat, num_group, name_group) in enumerate(ENTRY_RES):
        for m in pat.finditer(text):
            if taken.starts_or_ends_inside(m.start(), m.end()):
                continue
            name = m.group(name_group).strip()
            if k in _IN_CONTEXT:
                # an unquoted name counts only where the sentence speaks of constituencies
                if sents is None:
                    sents = statement_spans(text)
                start, stop = next(((a, b) for a, b in sents if a <= m.start() < b), (0, len(text)))
                if not _DISTRICT_WORD.search(text[start:m.start()] if k == _UNQUOTED else text[start:stop]) \
                        or (k == _UNQUOTED and _not_constituency_name(name)):
                    continue
            region = m.groupdict().get("region") or m.groupdict().get("region2")
            found.append((m.start(), m.end(), int(m.group(num_group)) if num_group else None, name,
                          region.strip() if region else None))
            taken.add(m.start(), m.end())
    return sorted(found)


class _Covered:
    """The characters of a text covered by spans found so far, to tell in constant time whether a new
    span starts or ends inside one of them (what `any(a <= start < b or a < end <= b ...)` over the
    spans tells, without going through them all: a text can list hundreds of constituencies)."""

    def __init__(self, length: int):
        self._chars = bytearray(length)

    def add(self, start: int, end: int) -> None:
        self._chars[start:end] = b"\x01" * (end - start)

    def starts_or_ends_inside(self, start: int, end: int) -> bool:
        """Whether some span (a, b) has a <= start < b, or a < end <= b."""
        return bool((start < len(self._chars) and self._chars[start]) or (end > 0 and self._chars[end - 1]))


def _not_constituency_name(name: str) -> bool:
    from .regions import region_id

    from ..text import fold
    from .meetings import STOP_WORDS

    return bool(region_id(name)) or any(fold(w) in STOP_WORDS for w in name.split()) or bool(
        re.search(r"(?i)velayat|welaýat|велаят|etrap|этрап|city|şäher|город|district|constituenc|округ|okrug"
                  r"|polling|station|участ|uçastok|school|mekdep|школ", name))


def _surname_first(name: str, lang: str | None) -> bool:
    words = name.split()
    if INITIALS_START.match(name) or len(words) < 2:
        return False
    first, last = has_surname_end(words[0]), has_surname_end(words[-1])
    if first and not last:
        return True
    if last and not first:
        return False
    return lang in ("tk", "ru")


def _person_like(name: str) -> bool:
    words = [w for w in NAME_WORD_BREAK.split(name) if len(w) > 1]
    if not words or any(_is_not_name(w) and not _GIVEN_NAMES_LIKE_WORDS.fullmatch(w) for w in words):
        return False
    return bool(INITIALS_START.match(name)) or any(has_surname_end(w) for w in words)


def _respectively(text: str, entries, unpaired: list | None = None) -> dict[int, str]:
    """"A, B and C were elected in constituencies No. 54 X, No. 106 Y and No. 109 Z respectively":
    names and constituencies listed apart, paired in order; only when the counts agree (otherwise the
    statement goes to `unpaired`)."""
    out: dict[int, str] = {}
    for s0, s1 in statement_spans(text):
        sent = text[s0:s1]
        if not _RESPECTIVELY.search(sent):
            continue
        mine = [k for k, e in enumerate(entries) if s0 <= e[0] < s1]
        if len(mine) < 2:
            continue
        spans = [(s0 + a, s0 + b) for a, b in people_spans(sent)]
        names = [(a, b) for a, b in spans if not any(entries[k][0] <= a < entries[k][1] for k in mine)]
        first, last = entries[mine[0]][0], entries[mine[-1]][1]
        if not _ELECTED_SCAN.search(sent):
            continue
        if len(names) != len(mine) or not (all(b <= first for a, b in names) or all(a >= last for a, b in names)):
            if unpaired is not None:
                unpaired.append(sent.strip())
            continue
        for k, (a, b) in zip(mine, names):
            out[k] = text[a:b]
    return out


def _seats(text: str, lang: str | None) -> list[ElectedMember]:
    from .elections import body_mentions

    out: list[ElectedMember] = []
    entries = _entries(text)
    mentions = body_mentions(text) if entries else []
    paired = _respectively(text, entries)
    for k, (start, end, number, cname, region) in enumerate(entries):
        stop = entries[k + 1][0] if k + 1 < len(entries) else len(text)
        segment = text[end:stop].split("\n", 1)[0]
        lead = _LEAD.match(segment)
        rest = segment[lead.end():] if lead else segment
        m = _NAME.match(rest)
        name, occupation = None, None
        if k in paired:
            name = paired[k]
        elif m and _person_like(m.group(1)) and not _RESPECTIVELY.match(rest[m.end():].lstrip(" ,")):
            name = m.group(1)
            tail = rest[m.end():]
            if _OCCUPATION_START.match(tail):
                occupation = re.sub(r"^\s*(?:–|—|-|:|,)\s*", "", tail)
                occupation = _TRAILING_LINK.sub("", occupation).strip(" ,;")
                occupation = occupation if occupation and not re.fullmatch(r"[\W\d]*", occupation) else None
        else:
            # "Rejep Bazarov was elected in the constituency No. 1", "Базаров Реджеп избран по округу № 1"
            window = text[max(0, start - 120):start]
            b = _ELECTED_BEFORE.search(window)
            if b and _person_like(b.group(1)):
                name = b.group(1)
            else:
                # "Bazarow Rejep 1-nji «Garaşsyzlyk» saýlaw okrugy boýunça deputatlyga saýlandy"
                j = _NAME_JUST_BEFORE.search(window)
                if j and _person_like(j.group(1)) and _ELECTED_AFTER.match(segment) and not (
                        k and entries[k - 1][1] > start - 120 + j.start()):
                    name = j.group(1)
        if not name:
            continue
        if occupation and occupation.endswith(".") and not occupation.endswith(".."):
            occupation = occupation[:-1]
        # the body named last before the seat in the same paragraph (a heading line above does not count:
        # an intro naming several bodies would lend its last one to every list below it)
        named = [b for b in mentions if b.end <= start and "\n" not in text[b.end:start]]
        body = named[-1].bodies[0] if named and len(named[-1].bodies) == 1 and named[-1].bodies[0] != "president" else None
        out.append(ElectedMember(number, cname, name.strip(), _surname_first(name, lang), occupation, region, body))
    # one seat per constituency: several people under one constituency are a list of candidates
    counts: dict = {}
    for m in out:
        counts.setdefault(m.constituency_number if m.constituency_number is not None else m.constituency_name,
                          set()).add(m.name)
    return [m for m in out
            if len(counts[m.constituency_number if m.constituency_number is not None else m.constituency_name]) == 1]


def parse_results(text: str, lang: str | None = None) -> list[ElectedMember]:
    """Every seat the text reports won with its constituency's number, in order."""
    return [m for m in _seats(text, lang) if m.constituency_number is not None]


# ---------------------------------------------------------------------------------------------
# Candidates' shares of the vote, and people elected to an office without a constituency
#
#   "Serdar Berdimuhamedov ... has won the elections by bagging 72.97% of the votes."
#   "Annageldy Yazmyradov was second with 1.7 percent of the vote."
#   "Y избран президентом, набрав 89,01% голосов", "За Y проголосовали 89,01% избирателей"
#   "Y saýlawçylaryň sesleriniň 89,01 göterimini alyp, Türkmenistanyň Prezidenti saýlandy"
#
# A percentage is a candidate's share (never turnout) when the statement says so: "of the vote(s)",
# "голосов", "sesleriň ... göterimi" next to it; a verb of winning votes before it ("scored",
# "received", "набрал", "получив"); a person the votes went to ("voted for X", "за X", "X-a ses
# berdi"); or the next figure of a list of such shares ("X received 72.97%, Y 11.09%"). The person
# is read from the same statement (the name before the figure, or the one the votes went to);
# when the statement names no one ("он набрал 97,69% голосов"), the share keeps no name.

_P_NUM = r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)"
SHARE_PCT = PCT_RE  # a share is printed like any percentage (etl/text.py)
# every match of PCT_RE contains one of these words (etl.facts.hints)
PCT_HINT = Hint(("%", "cent", "göterim", "prosent", "процент"))


def has_pct(text: str) -> bool:
    """Whether a text prints a percentage (PCT_RE), trying the pattern only when it can match."""
    return PCT_HINT.may_match(text) and bool(PCT_RE.search(text))


def pct_matches(text: str):
    """Every percentage of a text (PCT_RE.finditer), the pattern tried only when it can match."""
    return PCT_RE.finditer(text) if PCT_HINT.may_match(text) else iter(())


_VOTES_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the\s+|all\s+(?:the\s+)?)?(?:total\s+|valid\s+)?(?:votes?|ballots)\b(?!r)"
    r"|(?:от\s+(?:общего\s+)?(?:числа\s+)?)?голос(?:ов|а)\b"
    r"|(?:\w+\s+){0,1}ses(?:i|ini|leri|lerini)?\b(?!\s*ber)(?=\s*(?:al|gazan|topla|\w+\s+(?:al|gazan|topla)))"
    r"|(?:yn|in|ini|yny)?\s+(?:ses\w*\s+)?(?:aldy|alyp|alan|gazan\w*|topla\w*))", re.I)
_VOTERS_AFTER = re.compile(
    r"^\s*(?:(?:voter\s+)?turnout|явк\w*|saýlawa\s+gatnaş\w*"
    r"|of\s+(?:the\s+|all\s+)?(?:registered\s+|eligible\s+|listed\s+)?(?:voters|electorate|citizens)"
    r"|(?:от\s+(?:общего\s+)?(?:числа\s+)?)?(?:избирател|граждан|проголосовавш)"
    r"|(?:\w+\s+){0,2}saýlawçy)", re.I)
_WIN_VERB = (r"(?:scored|scoring|won|winning|wins|received|receiving|receives|gained|gaining|garnered|garnering"
             r"|obtained|obtaining|got|getting|gets|polled|secured|securing|collected|collecting|bagged|bagging"
             r"|набрал\w*|набрав\w*|получил\w*|получив\w*|собрал\w*|собрав\w*)")
_VERB_BEFORE = re.compile(rf"\b{_WIN_VERB}\b[^\d.;!?]{{0,45}}$", re.I)
_VOTES_BEFORE = re.compile(
    r"(?:\bses(?:ler)?(?:i|ini)?ň|\bsesleriniň"
    r"|\b(?:number|share|most|majority|percentage|proportion)\s+of\s+(?:the\s+)?(?:valid\s+)?votes?\b[^\d.;!?]{0,12}"
    r"(?:[-–—:(]|\bwas|\bis|\bat|,\s*or)"
    r"|\d\s+votes?\s*(?:\(|,\s*or)"
    r"|(?:числ\w*|дол\w*|больш\w*|\d)\s+голос(?:ов|а)?\s*(?:[-–—:(]|составил\w*|,\s*или))\s*$"
    # a place in the count: "was second with", "came third with", "на втором месте с"
    r"|\b(?:first|second|third|fourth|fifth|last)\s+(?:place\s+)?with\s*$|мест\w*[^\d.;]{0,20}?\bс\s*$", re.I)
# "The votes were distributed as follows: A – 58.3%, B – 30.5%", "Голоса распределились так:"
_DISTRIBUTION = re.compile(
    r"votes?\s+(?:were\s+)?(?:distributed|divided|split)|distribution\s+of\s+(?:the\s+)?votes|results\s+of\s+the\s+vot"
    r"|голоса\s+(?:избирателей\s+)?распредел\w+|распределение\s+голосов|результаты\s+голосования|итоги\s+голосования"
    r"|sesler\w*\s+(?:\w+\s+){0,2}paýlan\w*|ses\s+beriş\w*\s+netije\w*", re.I)
_SAYS = re.compile(r"\b(?:that|said|says|announced|noted|stated|reported|told|что|сообщил\w*|заявил\w*|отметил\w*"
                   r"|объявил\w*|diýip|belledi|habar berdi)\b", re.I)
_PRONOUN = re.compile(r"(?:^|[\s,(])(?:he|she|they|он|она|они|ol|olar)\s", re.I)
_ELECTED_WORDS = re.compile(
    r"\b(?:re-?)?elected\b|\bwon\s+(?:the\s+)?(?:presidential\s+)?election|\bwins\b|\bwinner\b|\bvictory\b"
    r"|(?:пере)?избран\w*|победил\w*|побед[аиуы]\b|победител\w*|saýla(?:ndy|nyldy|nan|nylan|nyp)\w*|ýeňiş", re.I)
_AREA = re.compile(
    rf"\b(?:{REGION_STEM})\w*|\b(?:velayat|welaýat|province|region|etrap|district|constituenc|okrug|abroad|polling\s+station)\w*"
    r"|велаят\w*|этрап\w*|округ\w*|област\w*|за\s+рубежом|участк\w*|daşary\s+ýurt|uçastok\w*", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b|соответственно|degişlilikde", re.I)
_COUNT = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d{1,7}(?![\d.,]\d)"
_VOTES_COUNT = re.compile(rf"(?<![\d.,])({_COUNT})\s+(?:votes?\b|голос(?:ов|а)?\b|ses\b)", re.I)

# The person the votes went to: "voted for X", "in favour of X", "за X", "X-yň peýdasyna", "X-a ses berdi"
_FOR_NAME_BEFORE = re.compile(r"(?:\bvoted\s+for|\bvotes?\s+(?:were\s+)?(?:cast\s+)?for|\bin\s+favou?r\s+of|\bsupported"
                              r"|(?:^|\s)за|поддержал\w*)\s*$", re.I)
# The votes went to someone the statement names by a pronoun: "за него проголосовали 97,69%
# избирателей", "97.69% of voters voted for him": a share (whose candidate stays unnamed), never turnout.
_FOR_PRONOUN = re.compile(r"\bза\s+(?:него|неё|нее)\b|\bfor\s+(?:him|her)\b|\bin\s+(?:his|her)\s+favou?r|в\s+(?:его|её|ее)\s+пользу"
                          r"|\boňa\s+ses|\bonuň\s+peýdasyna|(?:supported|backed)\s+(?:him|her)\b|поддержал\w*\s+(?:его|её|ее)\b", re.I)
_FOR_PRONOUN_HINTED = Hinted(_FOR_PRONOUN, Hint(("за", "for", "favo", "пользу", "oňa", "onuň", "supported", "backed",
                                                  "поддержал")))
# "X was supported by 97.69% of voters", "X получил поддержку 97,69% избирателей"
_SUPPORT_BEFORE = re.compile(r"(?:(?:supported|backed)\s+by|(?:the\s+)?support\s+of|поддержк\w*|goldaw\w*)[^\d.;!?]{0,20}$", re.I)
_TK_FOR_NAME_AFTER = re.compile(r"^(?:yň|iň|nyň|niň)?\s+peýdasyna|^(?:a|e)\s+ses\s+ber|^(?:ny|ni|y|i)\s+goldad", re.I)


@dataclass
class CandidateShare:
    """A candidate's share of the vote, as a statement prints it. `start`/`end` are the character
    span of the figure in the text given (so other parsers can tell it is not turnout)."""

    name: str | None  # as printed; None when the statement does not name the candidate
    pct: float
    pct_printed: str
    start: int
    end: int
    votes: int | None = None
    votes_printed: str | None = None
    is_elected: bool = False
    surname_first: bool = False
    statement: str = ""
    years: tuple[int, ...] = ()  # years printed in the statement
    nominative: str | None = None  # the name in the nominative, when printed in another case
    area: str | None = None  # a region or constituency the share is for, as printed (not the whole vote)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class ResultIssue:
    """Something a results statement says that cannot be filed without guessing."""

    problem: str
    statement: str
    name: None = None


@dataclass
class ElectedToOffice:
    """A person the text says was elected to an office that has no constituencies (the President)."""

    name: str
    body: str
    surname_first: bool
    statement: str = ""
    years: tuple[int, ...] = ()


_SENT_BREAK = sentence_break(rf"{UP}«“\"(0-9")  # (?<=[.!?])\s+(?=[{UP}«“\"(0-9])|\n+
_INITIAL_END = re.compile(rf"(?:^|[\s(.])[{UP}]\.$|(?:^|[\s(])(?:No|Nos|St|p|г|им|ул|ст|Nr)\.$")


@memo_list(maxsize=256)  # candidate_shares and elected_to_office both split the item's text
def statement_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of the text (a break after . ! ? before a capital, a quote, a
    bracket or a digit, and at line breaks; not after an initial or "No.")."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in list(_SENT_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        nxt = m.end() if m else len(text)
        if spans and spans[-1][1] == -1:
            spans[-1] = (spans[-1][0], end)
        elif end > pos:
            spans.append((pos, end))
        if m and "\n" not in m.group(0) and _INITIAL_END.search(text[max(0, end - 6):end]):
            spans[-1] = (spans[-1][0], -1)  # "G. Myradov", "No. 12": the sentence goes on
        pos = nxt
    return [(a, b if b != -1 else len(text)) for a, b in spans]


_NAME_TOKEN = re.compile(rf"(?<![{UP}{LO}.\-])(?:(?:{INIT})+{WORD}|{WORD})(?![{LO}])")
_STRONG_SURNAME = re.compile(r"(?:ov|ev|ova|eva|ow|ew|owa|ewa|yev|yeva|skiy|sky|skaya|ов|ев|ёв|ова|ева|ский|ская"
                             r"|овым|евым|овой|евой|ову|еву|ове|еве|ского|скому|ским)(?:[’']s)?$", re.I)
_PATRONYMIC_RE = re.compile(r"(?:ovich|evich|yevich|ович|евич|ьич|овна|евна|ogly|oglu|gyzy|оглы|кызы)$", re.I)


# Given names that are also words the name filter refuses ("Döwlet" is "state")
_GIVEN_NAMES_LIKE_WORDS = re.compile(r"D[oö][wv]let|Довлет|Дёвлет", re.I)


_NAME_GAP = re.compile(r"[ \u00a0]{1,2}")


@memo_list(maxsize=4096)  # asked once per figure of a statement
def people_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of people's names: the part of a run of capitalised words that is a name (given name and
    surname either way round, a patronymic, or initials and a surname), found by its surname ending."""
    runs: list[list[re.Match]] = []
    for t in _NAME_TOKEN.finditer(sentence):
        gap = sentence[runs[-1][-1].end():t.start()] if runs else None
        if runs and _NAME_GAP.fullmatch(gap or "x"):
            runs[-1].append(t)
        else:
            runs.append([t])
    out = []
    for run in runs:
        words = [t.group(0) for t in run]
        bare = [INITIALS_START.sub("", w) for w in words]
        ok = [not _PATRONYMIC_RE.search(w) and not _is_not_name(w) for w in words]
        # the first word with a strong surname ending (-ov, -ewa, -ский), else the last with any
        k = next((i for i in range(len(words)) if ok[i] and _STRONG_SURNAME.search(bare[i])), None)
        if k is None:
            k = next((i for i in range(len(words) - 1, -1, -1) if ok[i] and has_surname_end(bare[i])), None)
        if k is None:
            continue
        if INITIALS_START.match(words[k]):
            a, b = k, k
        elif k > 0 and (not _is_not_name(words[k - 1]) or _GIVEN_NAMES_LIKE_WORDS.fullmatch(words[k - 1])) \
                and not INITIALS_START.match(words[k - 1]):
            a, b = k - 1, k  # given name, surname
            if k + 1 < len(words) and _PATRONYMIC_RE.search(words[k + 1]):
                b = k + 1
        elif k > 0 and INITIALS_ONLY.fullmatch(words[k - 1]):
            a, b = k - 1, k
        elif k + 1 < len(words) and (not _is_not_name(words[k + 1]) or _GIVEN_NAMES_LIKE_WORDS.fullmatch(words[k + 1])):
            a, b = k, k + 1  # surname first: "Bazarow Rejep", "Бердымухамедов Гурбангулы Мяликгулыевич"
            if k + 2 < len(words) and _PATRONYMIC_RE.search(words[k + 2]):
                b = k + 2
        else:
            continue
        if any(w.isupper() and len(w) > 1 for w in words[a:b + 1]):
            continue
        out.append((run[a].start(), run[b].end()))
    return out


def _years(statement: str) -> tuple[int, ...]:
    """Years a statement prints that could be an election's: from independence (1991) on ("born in
    1957" names no election); a number of votes ("3 362 052") is no year."""
    return tuple(sorted({int(y) for y in re.findall(r"(?<![\d.,\u00a0 ]\d)(?<![\d.,])(19\d\d|20\d\d)(?![\d]|[.,\u00a0 ]\d\d\d)", statement)
                         if int(y) >= 1991}))


_TURNOUT_BEFORE = re.compile(r"(?:turnout|явк\w*|gatnaşyjy\w*|gatnaşyş\w*)[^\d.;]{0,25}$", re.I)


def _for_pronoun(before: str, after: str) -> bool:
    """The votes went to "him" in the figure's own clause: "за него проголосовали 97,69%", "97.69% of
    voters voted for him" (not a turnout figure told after a comma in the same sentence)."""
    near = [p for p in _FOR_PRONOUN_HINTED.finditer(before) if not re.search(r"[,;:]", before[p.end():])]
    clause_after = re.split(r"[,;:]|\d", after)[0]
    return bool(near) or bool(_FOR_PRONOUN_HINTED.search(clause_after))


def _is_share(sent: str, m: re.Match, prev_end: int, prev_was_share: bool) -> bool:
    after = sent[m.end():m.end() + 60]
    before = sent[prev_end:m.start()]
    if _TURNOUT_BEFORE.search(before[-40:]) and not _VOTES_AFTER.match(after):
        return False
    if _VOTES_AFTER.match(after) or _SUPPORT_BEFORE.search(before[-40:]) or _for_pronoun(before, after):
        return True
    if _VOTERS_AFTER.match(after):
        return False
    if _VERB_BEFORE.search(before[-60:]) or _VOTES_BEFORE.search(before[-40:]):
        return True
    # the next share of a list: "X received 72.97%, Y 11.09% and Z – 7.22%"
    if prev_was_share:
        names = people_spans(before)
        rest = before
        for a, b in reversed(names):
            rest = rest[:a] + " " + rest[b:]
        if len(names) == 1 and _LIST_GLUE.fullmatch(rest):
            return True
    return False


_LIST_ENTRY = re.compile(rf"[{LO}]\s*[–—:-]\s*{_P_NUM}\s?(?:%|percent|per\s?cent|процент|göterim)", re.I)


def _is_list_entry(before: str) -> bool:
    """"..., Aman Charyyev – " before a figure: a name and a dash or colon, nothing else."""
    names = people_spans(before)
    if not names:
        return False
    a, b = names[-1]
    return bool(re.fullmatch(r"\s*[–—:-]\s*", before[b:])
                and re.fullmatch(r"(?:[^.;:]*:)?[\s,;–—\-]*(?:(?:and|и|we)\s+)?", before[:a], re.I))


_LIST_GLUE = re.compile(
    r"\s*(?:of\s+the\s+votes?|голосов|ses)?[\s,;:–—\-]*(?:and|и|we|while|а|,)?[\s,;:–—\-]*"
    r"(?:with|got|received|получил\w*|набрал\w*|—|–|-|:)?\s*", re.I)


def _ru_accusative(name: str) -> str | None:
    """The nominative of a Russian name in the accusative ("за Батыра Оразова" -> "Батыр Оразов",
    "за Айну Оразову" -> "Айна Оразова"); None when the form does not say."""
    words = name.split()
    last = words[-1]
    if re.search(r"(?:ов|ев|ёв|ин)а$", last):  # a man: accusative = genitive
        words[-1] = last[:-1]
        words[:-1] = [re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])а$", "", w) if not w.endswith(".") else w for w in words[:-1]]
        return " ".join(words)
    if re.search(r"(?:ов|ев|ёв|ин)у$", last):  # a woman
        words[-1] = last[:-1] + "а"
        words[:-1] = [re.sub(r"у$", "а", re.sub(r"ю$", "я", w)) if not w.endswith(".") else w for w in words[:-1]]
        return " ".join(words)
    if re.search(r"(?:ов|ев|ёв|ин|ский)$", last):  # indeclinable or nominative already
        return name
    return None


def _for_names(sent: str) -> list[tuple[int, int, str | None]]:
    """People the votes of a statement went to, with their nominative (None when the form leaves it
    open): "voted for X", "in favour of X", "за X", "поддержали X", "X-iň peýdasyna", "X-e ses berdi"."""
    out = []
    for a, b in people_spans(sent):
        name = sent[a:b]
        if _FOR_NAME_BEFORE.search(sent[max(0, a - 30):a]):
            if CYRILLIC_RE.search(name):
                out.append((a, b, _ru_accusative(name) if re.search(r"за\s*$", sent[:a], re.I) else name))
            else:
                out.append((a, b, name))
        elif re.match(r"\s*,\s*(?:за\s+(?:которого|которую)|for\s+whom|in\s+whose\s+favou?r)\b", sent[b:b + 25], re.I):
            out.append((a, b, name))  # "X, за которого проголосовали 72,97% избирателей"
        elif re.match(r"\s+поддержал\w*", sent[b:b + 15]) and CYRILLIC_RE.search(name):
            out.append((a, b, _ru_accusative(name)))  # "Аман Чарыева поддержали 58,3% избирателей"
        elif re.match(r"\s+peýdasyna", sent[b:b + 15], re.I) and re.search(r"(?:yň|iň)$", name):
            out.append((a, b, name[:-2]))
        elif re.match(r"\s+ses\s+ber", sent[b:b + 15], re.I) and re.search(r"(?:ow|ew|ýew)(?:a|e)$", name):
            # "Durdyýewe ses berdi" is the dative of Durdyýew; "-owa" may also be a woman's name
            out.append((a, b, name[:-1] if name.endswith("e") else None))
    return out


CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")


def _share_name(sent: str, m: re.Match, prev_end: int) -> tuple[str | None, int]:
    """The candidate a share figure belongs to, read from its own statement, and the name's offset."""
    whole = people_spans(sent)
    before = [(a, b) for a, b in whole if prev_end <= a and b <= m.start()]
    if before:
        a, b = before[-1]
        gap = sent[b:m.start()]
        if _SAYS.search(gap) or _PRONOUN.search(gap) or ";" in gap:
            return None, -1
        return sent[a:b], a
    # the name after: "97.69% of the vote went to X", "97,69% голосов получил X"
    after = [(a, b) for a, b in whole if a >= m.end()]
    if after:
        a, b = after[0]
        gap = sent[m.end():a]
        if len(gap) <= 60 and not has_pct(gap) and re.search(
                r"went\s+to|were\s+cast\s+for|\bfor\b|получил\w*|набрал\w*|отдан\w*|\bза\b", gap, re.I) \
                and not re.search(r"\b(?:voters|избирател)", gap, re.I):
            return sent[a:b], a
    return None, -1


_SURNAME_TOKEN = re.compile(rf"(?<![{UP}{LO}.\-])[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)?(?![{LO}])")


def _surname_alone(sent: str, m: re.Match, prev_end: int, text: str) -> tuple[str | None, int]:
    """"Berdimuhamedov received 97.69%": a surname alone is the one full name of the text with that
    surname, when exactly one fits; otherwise no one."""
    from ..entities import skeleton

    seg = sent[prev_end:m.start()]
    tokens = [t for t in _SURNAME_TOKEN.finditer(seg)
              if _STRONG_SURNAME.search(t.group(0)) and not _is_not_name(t.group(0))]
    if not tokens:
        return None, -1
    t = tokens[-1]
    gap = seg[t.end():]
    if _SAYS.search(gap) or _PRONOUN.search(gap) or ";" in gap or not (
            _VERB_BEFORE.search(gap) or _VOTES_AFTER.match(sent[m.end():m.end() + 60])):
        return None, -1
    key = skeleton(t.group(0))
    fits = set()
    for a, b in people_spans(text):
        full = text[a:b]
        if any(skeleton(w) == key for w in full.split()):
            fits.add(full)
    keys = {skeleton(INITIALS_START.sub("", f.split()[0]))[:1] + "|" + "|".join(sorted(skeleton(w) for w in f.split()))
            for f in fits}
    if len(fits) >= 1 and len(keys) == 1:
        return max(fits, key=len), prev_end + t.start()
    return None, -1


def candidate_shares(text: str, lang: str | None = None) -> list[CandidateShare]:
    """Every candidate's share of the vote the text prints, with the span of its figure.

    Pure; the turnout parser calls it to leave these figures alone. A share whose candidate the
    statement does not name comes back with `name` None (its span still marks it as no turnout)."""
    from ..text import parse_count

    out: list[CandidateShare] = []
    if not text or not (has_pct(text) or (_TABLE_HINT.may_match(text) and _TABLE_HEAD.search(text))):
        return out
    listing = False
    for s0, s1 in statement_spans(text):
        sent = text[s0:s1]
        figures = list(pct_matches(sent))
        if not figures:
            if not _DISTRIBUTION.search(sent):
                listing = False
            elif not has_pct(sent):
                listing = True
            continue
        for_names = _for_names(sent)
        cue = _DISTRIBUTION.search(sent)
        if cue:
            listing = True  # this statement and the next ones list "name – share"
        elif not _LIST_ENTRY.search(sent):
            listing = False
        prev_end, prev_share = (cue.end() if cue else 0), False
        for m in figures:
            pct_printed = m.group(1)
            pct = float(pct_printed.replace(",", "."))
            name, at, nom = None, -1, None
            # the votes went to a person named in the statement, with no other figure between
            linked = [(a, b, n) for a, b, n in for_names
                      if not any(o is not m and min(b, m.start()) <= o.start() < max(a, m.end()) for o in figures)
                      and not (a >= m.end() and re.search(r"[,;]", sent[m.end():a]))
                      and not (b <= m.start() and ";" in sent[b:m.start()])]
            if _TURNOUT_BEFORE.search(sent[max(prev_end, m.start() - 40):m.start()]):
                linked = []  # "явка составила 97,27%", "turnout was 97.27%": turnout, whoever is named
            if linked:
                share = True
                before_fig = [x for x in linked if x[1] <= m.start()]
                a, b, nom = before_fig[-1] if before_fig else linked[0]
                name, at = sent[a:b], a
                if nom is None:
                    name, at = None, -1
            else:
                share = _is_share(sent, m, prev_end, prev_share) or (
                    listing and _is_list_entry(sent[prev_end:m.start()]))
                if share:
                    name, at = _share_name(sent, m, prev_end)
                    if name is None:
                        name, at = _surname_alone(sent, m, prev_end, text)
            if share and 0 <= pct <= 100:
                votes = votes_printed = None
                window = sent[max(prev_end, at if at >= 0 else m.start()):min(len(sent), m.end() + 40)]
                vm = _VOTES_COUNT.search(window)
                if vm and parse_count(vm.group(1)) is not None:
                    votes_printed, votes = vm.group(1), parse_count(vm.group(1))
                # "in Ahal velayat 64.2% voted for X": a share of one area, not of the election
                lead = sent[prev_end:m.start()]
                if at >= 0 and prev_end <= at < m.start():
                    lead = lead[:at - prev_end]
                area = _AREA.search(lead + " " + sent[m.end():m.end() + 40].split(",")[0])
                # the words of winning that belong to this candidate: up to the next name or figure
                stop = min([m.end() + 40] + [a for a, _ in people_spans(sent) if a >= m.end()]
                           + [o.start() for o in figures if o.start() >= m.end()])
                tail = re.split(rf";|\b(?:while|whereas|but|но|а)\b|,\s*(?!(?:and|и)\s+(?:was|has|had|был|избран))"
                                rf"|\b(?:and|и|we)\s+(?=[{UP}])", sent[m.end():stop])[0]
                clause = sent[at if at >= 0 else prev_end:m.end()] + tail
                elected = bool(_ELECTED_WORDS.search(clause)) or (pct > 50 and not area)
                out.append(CandidateShare(
                    name=name, pct=pct, pct_printed=pct_printed, start=s0 + m.start(), end=s0 + m.end(),
                    votes=votes, votes_printed=votes_printed, is_elected=elected and name is not None,
                    surname_first=_surname_first(nom or name, lang) if name else False, statement=sent.strip(),
                    years=_years(sent), nominative=nom if nom != name else None,
                    area=area.group(0) if area else None))
            prev_end, prev_share = m.end(), share
    out.extend(_table_shares(text, lang, {(c.start, c.end) for c in out}))
    return sorted(out, key=lambda c: c.start)


def share_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every candidate's share of the vote in the text: figures the turnout parser
    must leave alone ("набрав 89,01% голосов", "за X проголосовали 6,25% избирателей")."""
    return [c.span for c in candidate_shares(text)]


# A table of shares flattened into one line, under a heading naming the share of votes:
#   "Name Nominated by % of votes 1 A B Party 72.97 2 C D Party 7.22 ..."
_TABLE_HEAD = re.compile(r"%\s*(?:of\s+(?:the\s+)?votes|голосов)|(?:votes|голос\w*)\s*,?\s*%|göterim\w*\s+ses|ses\w*\s+göterim", re.I)
_TABLE_HINT = Hint(("%", "göterim"))  # in every match of _TABLE_HEAD
_TABLE_ROW = re.compile(r"(?<![\d.,])(\d{1,2})\.?\s+(?=[^\W\d_])")
_TABLE_PCT = re.compile(r"(?<=\s)(\d{1,3}[.,]\d{1,2})(?!\d)(?![.,]\d)(\s*%)?(?=\s*(?:\d{1,2}\.?\s+[^\W\d_]|$|\n))")


def _table_shares(text: str, lang: str | None, taken: set) -> list[CandidateShare]:
    out: list[CandidateShare] = []
    for head in _TABLE_HEAD.finditer(text) if _TABLE_HINT.may_match(text) else ():
        pos, expected = head.end(), 1
        line_end = text.find("\n\n", pos)
        region_end = len(text) if line_end < 0 else line_end
        while True:
            row = _TABLE_ROW.match(text, pos) or _TABLE_ROW.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
            if not row or int(row.group(1)) != expected:
                break
            pm = _TABLE_PCT.search(text, row.end(), region_end)
            if not pm:
                break
            cell = text[row.end():pm.start()]
            names = people_spans(cell)
            if not names or names[0][0] != 0:
                break
            a, b = names[0]
            pct = float(pm.group(1).replace(",", "."))
            if 0 <= pct <= 100 and (pm.start(1), pm.end(1)) not in taken:
                name = cell[a:b]
                out.append(CandidateShare(
                    name=name, pct=pct, pct_printed=pm.group(1), start=pm.start(1), end=pm.end(2) if pm.group(2) else pm.end(1),
                    is_elected=pct > 50, surname_first=_surname_first(name, lang),
                    statement=text[row.start():pm.end()].strip(), years=()))
            pos, expected = pm.end(), expected + 1
    return out


# "X was elected President", "X wins presidential elections", "X избран президентом", "X
# Türkmenistanyň Prezidenti wezipesine saýlandy"; and the office first: "Президентом избран X".
_OFFICE_AFTER_NAME = re.compile(
    r"^(?:,[^,.;]{1,90},)?\s*(?:(?:was|has\s+been|is|had\s+been|been)\s+)?(?:re-?)?elected\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
    r"(?:\w+\s+){0,2}?President\b"
    r"|^(?:,[^,.;]{1,90},)?\s*(?:has\s+)?(?:won|wins)\s+(?:the\s+)?(?:\w+\s+)?(?:presidential\s+elections?|elections?\s+(?:of|for)\s+(?:the\s+)?president)"
    r"|^(?:,[^,.;]{1,90},)?\s*(?:был\s+|была\s+)?(?:пере)?избран[а]?\s+(?:\w+\s+){0,3}?президент(?:ом|а)\b"
    r"|^(?:,[^,.;]{1,90},)?\s*(?:одержал\w*\s+)?побед\w*\s+на\s+(?:президентских\s+выборах|выборах\s+президента)"
    r"|^\s+(?:[^.;]{0,80}?\s)?(?:Türkmenistanyň\s+)?Prezident(?:i|ligine)\s+(?:wezipesine\s+)?saýla(?:ndy|nyldy)",
    re.I)
_OFFICE_BEFORE_NAME = re.compile(
    r"(?:победител\w*\s+(?:президентских\s+выборов|выборов\s+президента(?:\s+\w+)?)\s+(?:стал[а]?|является|признан[а]?)"
    r"|winner\s+of\s+the\s+presidential\s+elections?\s+(?:is|was)"
    r"|президентом\s+(?:\w+\s+){0,2}?(?:был\s+|была\s+)?(?:пере)?избран[а]?|(?:new\s+)?president\s+(?:\w+\s+){0,2}?is"
    r"|elected\s+(?:as\s+)?(?:the\s+)?president\s+(?:of\s+\w+\s+)?(?:was|is))\s*$", re.I)


# every match of _OFFICE_AFTER_NAME and of _OFFICE_BEFORE_NAME contains one of these (etl.facts.hints); a
# sentence without any has none before or after a name in it (folding goes character by character)
_OFFICE_WORDS = Hint(("elected", "won", "wins", "избран", "побед", "prezident", "winner", "президентом", "president"))


_PRESIDENT_RE = re.compile(r"president|президент|prezident", re.I)
_PRESIDENT_WORD = Hint(("president", "президент", "prezident"))  # in every match of _PRESIDENT_RE
_PRESIDENT_SPOT = Spotted(_PRESIDENT_RE, _PRESIDENT_WORD.words)  # tried only where a word stands


def elected_to_office(text: str, lang: str | None = None) -> list[ElectedToOffice]:
    """People the text says were elected President (no constituency), each once, in order."""
    out: list[ElectedToOffice] = []
    if not _PRESIDENT_WORD.may_match(text or "") or next(_PRESIDENT_SPOT.finditer(text or ""), None) is None:
        return out
    for s0, s1 in statement_spans(text):
        sent = text[s0:s1]
        if not _OFFICE_WORDS.may_match(sent):
            continue  # neither office pattern can match around a name in it
        for a, b in people_spans(sent):
            after, before = sent[b:], sent[:a]
            if _OFFICE_AFTER_NAME.match(after) or _OFFICE_BEFORE_NAME.search(before):
                name = sent[a:b]
                if any(o.name == name for o in out):
                    continue
                out.append(ElectedToOffice(name, "president", _surname_first(name, lang), sent.strip(), _years(sent)))
    return out


def results_in(full: str, text: str, lang: str | None = None) -> list:
    """Every result fact of one item: seats by constituency (from the body text, when it speaks of
    people elected), candidates' shares of the vote, and people elected President (from the title
    and text together: a title can say who won)."""
    out: list = []
    if reports_elected(full):
        out.extend(_seats(text, lang))
        if _RESPECTIVELY.search(text):
            unpaired: list[str] = []
            _respectively(text, _entries(text), unpaired)
            out.extend(ResultIssue("people and constituencies listed 'respectively' do not pair up: no seat stored", st)
                       for st in unpaired)
    # a share or an election told as background ("first elected in 2007", "на прошлых выборах") is
    # left out: it is not this item's result (candidate_shares still marks its figure as no turnout)
    out.extend(c for c in candidate_shares(full, lang) if not _BACKGROUND.search(c.statement))
    out.extend(o for o in elected_to_office(full, lang) if not _BACKGROUND.search(o.statement))
    return out


_BACKGROUND = re.compile(
    r"\bfirst\s+elected|\bpreviously|\bearlier\b|\bin\s+the\s+past|\blast\s+(?:elections?|time)|\bprevious\s+elections?"
    r"|ранее|впервые|прошл\w+\s+выбор|предыдущ\w+|в\s+прошлом|öňki|ozal|ilkinji\s+gezek|geçen\s+saýlaw", re.I)
