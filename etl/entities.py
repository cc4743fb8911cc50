"""Entities: one person or organisation however it is spelled, with stable, readable ids.

People are keyed by the skeleton of their surname and their first initial, so that Alexei and
Alexey Gromov, Gulmyrat Myradov / Muradov / G. Muradov / Myradow / Гулмырат Мырадов are one
person. The key, not the spelling, makes the id (`muradov-g`), so a new spelling never changes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .slug import slug

from .translit import latin_english, turkmen_latin
from .translit import name_key as skeleton  # the key of a name as one word: ids are made of it

CYRILLIC = re.compile(r"[\u0400-\u04FF]")

# Russian nouns in the genitive that put the name after them in the genitive too
# ("председателя ЦИК Г.Мурадова"), and prepositions that govern the genitive.
_RU_ROLE_NOUN = re.compile(
    r"\b(?:председател|заместител|руководител|представител|советник|посл|член|глав|директор|секретар|эксперт"
    r"|специалист|начальник|координатор|кандидат|министр|депутат|сотрудник)([а-я]*)", re.I)
_RU_GENITIVE_GOVERNOR = re.compile(r"(?:\bу|\bот|\bдля|\bбез|\bсо стороны|\bв лице|\bучастием|\bвизит\w*)\s*$", re.I)


def _ru_genitive_context(before: str) -> bool:
    """Whether the words before a Russian name put it in the genitive: a preposition that governs the
    genitive right before it ('у Г.Мурадова', 'с участием ...'), or a title chain whose FIRST noun is
    in the genitive ('визит председателя ЦИК Г.Мурадова'); 'заместитель председателя ЦИК Бахар
    Оразова' heads with a nominative noun, so the name is nominative (a woman's surname in -ова)."""
    if _RU_GENITIVE_GOVERNOR.search(before):
        return True
    clause = re.split(r"[,;.:()]|\s(?:и|а|с|со)\s", before[-160:])[-1]
    nouns = list(_RU_ROLE_NOUN.finditer(clause))
    if not nouns:
        return False
    first, rest = nouns[0], clause[:nouns[0].start()]
    if _RU_GENITIVE_GOVERNOR.search(rest):
        return True
    word, ending = first.group(0).lower(), first.group(1).lower()
    if word.startswith("глав"):  # глава (nominative), главы (genitive)
        return ending == "ы"
    # genitive: председателя, советника, посла, членов, представителей; not председатель, члены, посол
    return ending in ("я", "а", "ов", "ей")


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою)$", re.I)


def russian_nominative(name: str, before: str = "") -> str:
    """The nominative of a Russian name in any case: 'Г.Мурадовым' -> 'Г.Мурадов', 'Гулмыратом
    Мырадовым' -> 'Гулмырат Мырадов', 'Виктором Гуминским' -> 'Виктор Гуминский'.

    '-ова' is a woman's surname or a man's in the genitive: the words before the name decide
    ('председателя ЦИК Г.Мурадова' is genitive); without them the name is left as printed.
    """
    parts = name.split()
    if not parts:
        return name
    if len(parts) == 3 and _PATRONYMIC.search(parts[2]) and not _PATRONYMIC.search(parts[0]):
        # official order "Лебедевым Сергеем Николаевичем": surname, given name, patronymic
        parts = [parts[1], parts[2], parts[0]]
    # a patronymic in the genitive ("Николаевича") says the whole name is in the genitive
    genitive = any(re.search(r"(?:вич|ьич)а$", p, re.I) for p in parts)
    *firsts, last = parts
    init = ""
    m = re.match(r"^((?:[А-ЯЁ]\.\s?)+)(.+)$", last)
    if m:  # "Г.Мурадовым" as one token
        init, last = m.group(1), m.group(2)
    low = last.lower()
    case, new_last = None, last
    rules = [
        # (ending, nominative ending, case, gender)
        ("ским", "ский", "ins", "m"), ("ского", "ский", "gen", "m"), ("скому", "ский", "dat", "m"), ("ском", "ский", "pre", "m"),
        ("ской", "ская", "obl", "f"), ("скую", "ская", "acc", "f"),
        ("овым", "ов", "ins", "m"), ("евым", "ев", "ins", "m"), ("ёвым", "ёв", "ins", "m"), ("иным", "ин", "ins", "m"),
        ("ыным", "ын", "ins", "m"),
        ("овой", "ова", "obl", "f"), ("евой", "ева", "obl", "f"), ("иной", "ина", "obl", "f"),
        ("ову", "ов", "dat", "m"), ("еву", "ев", "dat", "m"), ("ину", "ин", "dat", "m"),
        ("ове", "ов", "pre", "m"), ("еве", "ев", "pre", "m"), ("ине", "ин", "pre", "m"),
        ("ова", "ов", "gen?", "m"), ("ева", "ев", "gen?", "m"), ("ина", "ин", "gen?", "m"),
    ]
    for end, repl, c, _gender in rules:
        if low.endswith(end) and len(low) > len(end) + 1:
            if c == "gen?":
                if not (genitive or _ru_genitive_context(before)):
                    break
                c = "gen"
            case, new_last = c, last[: len(last) - len(end)] + repl
            break
    new_firsts = []
    for f in firsts:
        fl = f.lower()
        if case is None or f.endswith(".") or not re.search(r"[а-яё]$", fl):
            new_firsts.append(f)
            continue
        analysed = _ru_word_nominative(f, case)
        if analysed:
            new_firsts.append(analysed)
            continue
        if _PATRONYMIC.search(f):
            f = re.sub(r"(вич|ьич)(?:а|у|ем|е)$", r"\1", f)
            new_firsts.append(re.sub(r"(вн|чн)(?:ой|ы|е|у)$", r"\1а", f))
            continue
        if case == "ins":
            f = re.sub(r"ем$", "й", f) if fl.endswith("ем") and len(fl) > 4 else re.sub(r"ом$", "", f)
        elif case == "gen":
            f = re.sub(r"я$", "й", f) if re.search(r"[еa]я$", fl) else re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])а$", "", f)
        elif case == "dat":
            f = re.sub(r"ю$", "й", f) if fl.endswith("ю") else re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])у$", "", f)
        elif case == "pre":
            f = re.sub(r"ее$", "ей", f) if fl.endswith("ее") else re.sub(r"(?<=[бвгджзклмнпрстфхцчшщ])е$", "", f)
        elif case == "obl":
            f = re.sub(r"ой$", "а", f) if fl.endswith("ой") else f
        new_firsts.append(f)
    return " ".join(new_firsts + [init + new_last])


_PYMORPHY_CASES = {"ins": {"ablt"}, "gen": {"gent"}, "dat": {"datv"}, "pre": {"loct"}, "obl": {"ablt", "gent", "datv", "loct"},
                   "acc": {"accs"}}


@lru_cache(maxsize=1)
def _morph():
    """The Russian morphological analyser (pymorphy3 with its dictionary), loaded once per process;
    None when it is not installed (the rules below then do the work alone)."""
    try:
        import pymorphy3
    except ImportError:  # pragma: no cover - a declared dependency; the rules still work without it
        return None
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def _ru_word_nominative(word: str, case: str) -> str | None:
    """A Russian given name or patronymic in the nominative, read by the analyser in the case the
    surname showed ('Натальей' -> 'Наталья', 'Николаевичем' -> 'Николаевич', 'Ивановной' ->
    'Ивановна'). Names the dictionary does not know (most Turkmen names) are left to the rules."""
    morph = _morph()
    if morph is None:
        return None
    wanted = _PYMORPHY_CASES.get(case, set())
    for p in morph.parse(word):
        if p.tag.POS != "NOUN" or p.tag.case not in wanted or p.tag.number != "sing" \
                or not ({"Name", "Patr"} & p.tag.grammemes):
            continue
        form = p.inflect({"nomn", "sing"})
        if form is None:
            return None
        out = form.word
        return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return None


# Turkmen case suffixes after a surname in -ow/-ew (genitive, accusative, locative, ablative).
_TK_SUFFIXED = re.compile(r"^(.+?(?:ow|ew|ýew|owa|ewa|ýewa|ov|ev|ova|eva))(?:nyň|niň|yň|iň|ny|ni|y|i|da|de|dan|den|a|e)$")


def turkmen_nominative(name: str) -> str:
    """'Mazahir Panahowyň' -> 'Mazahir Panahow', 'L.W.Anfimowyň' -> 'L.W.Anfimow'. A final '-a' stays
    ('Myradowa' is a woman's name as often as a man's dative)."""
    parts = name.split()
    if not parts:
        return name
    last = parts[-1]
    m = _TK_SUFFIXED.match(last)
    if m and not last.endswith(("owa", "ewa", "ova", "eva")):
        last = m.group(1)
    elif m and last.endswith(("owanyň", "ewanyň", "owanyn")):
        last = m.group(1)
    parts[-1] = last
    return " ".join(parts)


def english_nominative(name: str) -> str:
    """'D.Orazov’s' -> 'D.Orazov'."""
    return re.sub(r"[’'`]s$", "", name.strip())


def nominative(name: str, lang: str, before: str = "") -> str:
    if lang == "ru" or CYRILLIC.search(name):
        return russian_nominative(name, before)
    if lang == "tk":
        return turkmen_nominative(english_nominative(name))
    return english_nominative(name)


def surname_key(surname: str) -> str:
    """Skeleton of a surname across transliterations: Myradov/Muradov/Myradow/Мырадов -> 'muradov'."""
    return skeleton(surname)


@dataclass
class NameParts:
    first: str | None  # given name or initial(s)
    surname: str
    printed: str


INITIALS = re.compile(r"^((?:[A-ZА-ЯЁÝŇŞÇÄÖÜŽ]\.\s?){1,3})\s*(\S+)$")


_STRONG_SURNAME = re.compile(r"(?:ov|ev|ova|eva|ow|ew|owa|ewa|skiy|sky|skaya|ов|ев|ова|ева|ский|ская)$", re.I)


# a patronymic, Latin or Cyrillic, in the nominative: Isgenderovich, Moostapakulyevich, Ivanovna,
# Николаевич, Ивановна (the Cyrillic cases are brought to the nominative before, russian_nominative)
_PATRONYMIC_WORD = re.compile(r"(?:vich|vych|vna|ович|евич|ьич|овна|евна|ична)$", re.I)


def _patronymic_order(words: list[str]) -> tuple[int, int, int] | None:
    """(surname, given name, patronymic): the places of the words of a three-word name with one
    patronymic, not the first word. Its place tells the order: last, after a surname ('Дурдыев
    Рамазан Мустафакулиевич') or a given name and a surname ('Aman Orazov Batyrovich'); in the
    middle, between a given name and a surname ('Meretdurdy Isgenderovich Goorbanov') or a surname
    and a given name ('Doordyyev Moostapakulyevich Ramazan', as registration lists print them).
    None for any other name, or when the surname cannot be told."""
    if len(words) != 3:
        return None
    patronymic = [bool(_PATRONYMIC_WORD.search(w)) for w in words]
    if patronymic.count(True) != 1 or patronymic[0]:
        return None
    surname = [bool(_STRONG_SURNAME.search(w)) for w in words]
    if patronymic[2]:
        return (0, 1, 2) if surname[0] else (1, 0, 2) if surname[1] else None
    return (0, 2, 1) if surname[0] and not surname[2] else (2, 0, 1)


def looks_surname_first(printed: str) -> bool:
    """'Myradow Gulmyrat', 'Мамедова Огулгерек': two words, the first with a surname ending, the
    second without one; three words with a patronymic whose order puts the surname first
    (_patronymic_order)."""
    words = printed.split()
    if INITIALS.match(printed) or not words or not _STRONG_SURNAME.search(words[0]):
        return False
    if len(words) == 2:
        return not _STRONG_SURNAME.search(words[1])
    order = _patronymic_order(words)
    return order is not None and order[0] == 0


_SPACES = re.compile(r"\s+")
_INITIALS_AFTER = re.compile(r"^(\S+)\s+((?:[A-ZА-ЯЁÝŇŞÇÄÖÜŽ]\.\s?){1,3})$")


def split_name(printed: str, surname_first: bool | None = None) -> NameParts:
    """'G. Myradov' / 'Gulmyrat Myradov' / 'Bazarow Rejep' (surname first) -> parts. With
    `surname_first` None, the order is read from the name itself."""
    s = _SPACES.sub(" ", printed.strip())
    m = INITIALS.match(s)
    if m:
        return NameParts(m.group(1).replace(" ", ""), m.group(2), s)
    m = _INITIALS_AFTER.match(s)  # "Myradov G."
    if m:
        return NameParts(m.group(2).replace(" ", ""), m.group(1), s)
    parts = s.split(" ")
    if len(parts) == 1:
        return NameParts(None, parts[0], s)
    if surname_first is None:
        surname_first = looks_surname_first(s)
    # a patronymic's place tells which word is the given name (its initial is the id's)
    order = _patronymic_order(parts)
    if order is not None and (order[0] == 0) == surname_first and order[0] != 2:
        surname, given, patronymic = order
        return NameParts(f"{parts[given]} {parts[patronymic]}", parts[surname], s)
    if surname_first:
        return NameParts(" ".join(parts[1:]), parts[0], s)
    return NameParts(" ".join(parts[:-1]), parts[-1], s)


def person_key(parts: NameParts) -> str:
    initial = skeleton(parts.first)[:1] if parts.first else ""
    return f"{surname_key(parts.surname)}-{initial}" if initial else surname_key(parts.surname)


def person_id(parts: NameParts) -> str:
    return _person_id(parts.first, parts.surname)


@lru_cache(maxsize=1 << 14)  # pure; the same people recur from meeting to meeting
def _person_id(first: str | None, surname: str) -> str:
    return slug(person_key(NameParts(first, surname, ""))) or "unknown"


def canonical_name(forms: list[tuple[str, str]]) -> str:
    """The best Latin form among (name, lang) spellings: full given name, English, given name first.
    A person seen only in Cyrillic gets a plain Latin transliteration."""
    def score(f):
        name, lang = f
        latin = not CYRILLIC.search(name)
        full = not INITIALS.match(name)
        return (latin, full, lang == "en", lang != "tk", not looks_surname_first(name), len(name))
    name, lang = max(forms, key=score)
    if CYRILLIC.search(name):
        return latin_english(name)
    return name


@dataclass
class Organization:
    id: str
    name: str
    abbreviation: str | None
    pattern: re.Pattern


def _org(id_, name, abbr, pattern):
    return Organization(id_, name, abbr, re.compile(pattern, re.I))


# Known organisations and their spellings in the three languages; order: most specific first.
ORGANIZATIONS = [
    _org("osce-odihr", "OSCE Office for Democratic Institutions and Human Rights", "OSCE/ODIHR",
         r"ODIHR|OSCE/ODIHR|(?:OSCE )?(?:bureau|office) for democratic institutions and human rights"
         r"|Бюро по демократическим институтам и правам человека|БДИПЧ|Demokratik institutlar we adam hukuklary"),
    _org("osce-centre-ashgabat", "OSCE Centre in Ashgabat", None,
         r"OSCE Cent(?:re|er) in Ashgabat|Центр\w* ОБСЕ в Ашхабаде|ÝHHG-niň Aşgabatdaky merkez\w*"),
    _org("osce", "Organization for Security and Co-operation in Europe", "OSCE",
         r"\bOSCE\b|Organi[sz]ation for Security and Co-?operation in Europe|\bОБСЕ\b|\bÝHHG\b|Ýewropada howpsuzlyk we hyzmatdaşlyk"),
    _org("cis-observation-mission", "CIS Observation Mission", None,
         r"CIS Observ\w* Mission|Observ\w* Mission of the (?:CIS|Commonwealth of Independent States)"
         r"|Мисси\w* наблюдател\w* (?:от )?СНГ|GDA-nyň synçylar\w* missiýa\w*"),
    _org("cis-ipa", "Inter-Parliamentary Assembly of the CIS", "IPA CIS",
         r"Inter-?Parliamentary Assembly|Межпарламентск\w+ Ассамбле\w+|Parlamentara Assambleýa\w*"),
    _org("cis-executive-committee", "CIS Executive Committee", "CIS EC",
         r"Executive Committee of the CIS|CIS Executive Committee|Исполнительн\w+ комитет\w* СНГ|GDA-nyň Ýerine ýetiriji komitet\w*"),
    _org("cis", "Commonwealth of Independent States", "CIS",
         r"\bCIS\b|Commonwealth of Independent States|\bСНГ\b|Содружеств\w+ Независимых Государств|\bGDA\b|Garaşsyz Döwletleriň Arkalaşyg\w*"),
    _org("undp", "United Nations Development Programme", "UNDP",
         r"\bUNDP\b|United Nations Development Program|ПРООН|Программ\w+ развития ООН|Программ\w+ развития Организации Объединенных Наций"
         r"|BMG-niň Ösüş maksatnamasy"),
    _org("un", "United Nations", "UN", r"\bUN\b|United Nations|\bООН\b|Организаци\w+ Объединенных Наций|\bBMG\b|Birleşen Milletler"),
    _org("eu", "European Union", "EU", r"European Union|\bEU\b|Европейск\w+ Союз\w*|Евросоюз\w*|Ýewropa Bileleşig\w*"),
    _org("cec-turkmenistan", "Central Commission for Holding Elections and Referendums in Turkmenistan", "CEC",
         r"Central (?:Election|electoral) Commission|Central election commission|Commission for holding Elections and referendums"
         r"|Central Commission for (?:Holding )?Elections|Central Committee for Elections|\bCEC\b"
         r"|Центральн\w+ (?:избирательн\w+ )?комисси\w*|\bЦИК\b|Merkezi saýlaw topar\w*|merkezi topar\w*"),
    _org("supreme-electoral-council-turkey", "Supreme Electoral Council of the Republic of Turkey", "YSK",
         r"Supreme Electoral Council of the Republic of Turk|\bYSK\b|Высш\w+ избирательн\w+ (?:совет|комисси)\w* Турц\w*"),
    _org("mfa-turkmenistan", "Ministry of Foreign Affairs of Turkmenistan", "MFA",
         r"Ministry of Foreign Affairs(?: of Turkmenistan)?|Министерств\w+ иностранных дел(?: Туркменистана)?|\bМИД\b|Daşary işler ministrlig\w*"),
    _org("mejlis", "Mejlis of Turkmenistan", None,
         r"Mejlis of (?:the )?(?:Milli Gengesh of )?Turkmenistan|Меджлис\w* (?:Милли Генгеша )?Туркменистана|Türkmenistanyň (?:Milli Geňeşiniň )?Mejlisi\w*"),
    _org("agrarian-party", "Agrarian Party of Turkmenistan", None, r"Agrarian Party|Аграрн\w+ парти\w*|Agrar partiýa\w*"),
    _org("democratic-party", "Democratic Party of Turkmenistan", None, r"Democratic Party|Демократическ\w+ парти\w*|Demokratik partiýa\w*"),
    _org("industrialists-entrepreneurs-party", "Party of Industrialists and Entrepreneurs of Turkmenistan", None,
         r"Party of industrialists and entrepreneurs|Парти\w+ промышленников и предпринимателей|Senagatçylar we telekeçiler partiýa\w*"),
    _org("trade-unions", "Trade Unions of Turkmenistan", None,
         r"Trade Unions? of Turkmenistan|Профсоюз\w*|Kärdeşler arkalaşyk\w*"),
    _org("womens-union", "Women's Union of Turkmenistan", None,
         r"Women[’']?s? (?:Union|association) of Turkmenistan|Союз\w* женщин\w*|Zenanlar birleşig\w*"),
    _org("youth-organization", "Magtymguly Youth Organization of Turkmenistan", None,
         r"Youth organi[sz]ation of Turkmenistan(?: named after Magtymguly)?|Молод[её]жн\w+ организаци\w*|Ýaşlar guramasy\w*"),
]

# Countries whose own election commission the site names (observation missions, visits).
COUNTRIES = [
    ("azerbaijan", "Azerbaijan", r"azerbai[jd]an\w*|azerbaýjan\w*|азербайджан\w*"),
    ("russia", "Russia", r"russia\w*|russian federation|rossiýa\w*|росси[йия]\w*"),
    ("kazakhstan", "Kazakhstan", r"kazakh\w*|gazagystan\w*|казахстан\w*"),
    ("uzbekistan", "Uzbekistan", r"uzbek\w*|özbegistan\w*|узбекистан\w*"),
    ("kyrgyzstan", "Kyrgyzstan", r"kyrgyz\w*|gyrgyz\w*|киргиз\w*|кыргыз\w*"),
    ("tajikistan", "Tajikistan", r"tajik\w*|täjigistan\w*|таджикистан\w*"),
    ("belarus", "Belarus", r"belarus\w*|belorus\w*|беларус\w*|белорусси\w*"),
    ("armenia", "Armenia", r"armenia\w*|ermenistan\w*|армени\w*"),
    ("georgia", "Georgia", r"georgia\b|gruziýa\w*|грузи\w*"),
    ("moldova", "Moldova", r"moldov\w*|молдов\w*"),
    ("mongolia", "Mongolia", r"mongolia\w*|mongoliýa\w*|монголи\w*"),
    ("iran", "Iran", r"\biran\w*|eýran\w*|иран\w*"),
    ("korea", "Korea", r"korea\w*|koreý\w*|коре[йия]\w*"),
]
_COUNTRY_RE = [(cid, name, re.compile(pat, re.I)) for cid, name, pat in COUNTRIES]
_CEC_RE = re.compile(
    r"Central (?:Election|electoral) Commission|\bCEC\b|Центральн\w+ (?:избирательн\w+ )?комисси\w*|\bЦИК\b|Merkezi saýlaw topar\w*",
    re.I)


def _foreign_cec(text: str) -> list[tuple[int, int, Organization, str]]:
    """'Central Election Commission of the Republic of Azerbaijan', 'Azerbaýjan Respublikasynyň
    Merkezi saýlaw topary', 'ЦИК Азербайджанской Республики': another country's commission."""
    out = []
    for m in _CEC_RE.finditer(text):
        before, after = text[max(0, m.start() - 45):m.start()], text[m.end():m.end() + 45]
        after_m = re.match(r"\s*(?:of\s+(?:the\s+)?(?:Republic\s+of\s+)?|Республики\s+|)(\S+(?:\s+\S+)?)", after, re.I)
        for cid, name, pat in _COUNTRY_RE:
            if (after_m and pat.match(after_m.group(1))) or re.search(
                    rf"(?:{pat.pattern})(?:\s+Respublikasyny[ňn]|['’]s)?\s*$", before, re.I):
                org = Organization(f"cec-{cid}", f"Central Election Commission of {name}", "CEC", _CEC_RE)
                out.append((m.start(), m.end(), org, m.group(0)))
                break
    return out


def _regional_commissions(text: str) -> list[tuple[int, int, Organization, str]]:
    """'Chairman of Ashgabat Election Committee', 'Ahal welaýat saýlaw topary', 'избирательной
    комиссии Ахалского велаята': the election commission of a region."""
    from .facts.regions import REGION_STEM, REGIONS, region_id

    names = {rid: en for rid, _tk, en, _ru, _pat in REGIONS}
    pats = [
        rf"\b(?:{REGION_STEM})\w*\s+(?:velayat\s+|city\s+)?(?:election|electoral)\s+(?:commission|committee)",
        rf"(?:election|electoral)\s+(?:commission|committee)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?(?:{REGION_STEM})\w*",
        rf"\b(?:{REGION_STEM})\w*\s+(?:welaýat|şäher)\w*\s+saýlaw\s+topar\w*",
        rf"избирательн\w+\s+комисси\w+\s+(?:города\s+)?(?:{REGION_STEM})\w*",
        rf"(?:{REGION_STEM})\w*\s+(?:велаятск\w+|городск\w+)\s+избирательн\w+\s+комисси\w*",
    ]
    out = []
    for pat in pats:
        for m in re.finditer(pat, text, re.I):
            rid = region_id(m.group(0))
            if rid:
                org = Organization(f"election-commission-{rid}", f"{names[rid]} election commission", None, re.compile(pat, re.I))
                out.append((m.start(), m.end(), org, m.group(0)))
    return out


def organizations_in(text: str) -> list[tuple[Organization, str]]:
    """Known organisations named in a text, with the spelling found, in order of appearance."""
    found = []
    taken: list[tuple[int, int]] = []
    for start, end, org, printed in _foreign_cec(text) + _regional_commissions(text):
        if any(a <= start < b or a < end <= b for a, b in taken):
            continue
        taken.append((start, end))
        found.append((start, org, printed))
    for org in ORGANIZATIONS:
        for m in org.pattern.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), org, m.group(0)))
    return [(org, printed) for _, org, printed in sorted(found, key=lambda t: t[0])]


def constituency_id(body: str, number: int) -> str:
    return f"{body}-{number}"


_CONSTITUENCY_LATIN = {
    # Cyrillic spellings of constituency names -> Turkmen Latin form
}


def constituency_name_latin(name: str) -> str:
    """Turkmen Latin form of a constituency name printed in any script ('Байдак' -> 'Baýdak' is not
    guessed: Cyrillic names are transliterated plainly, 'Baydak')."""
    if re.search(r"[\u0400-\u04FF]", name):
        return turkmen_latin(name)
    return name


@dataclass
class Registry:
    """Collects entities while a load runs, so that every spelling lands on one id."""

    people: dict[str, dict] = field(default_factory=dict)  # id -> {"forms": [(name, lang)]}
    organizations: dict[str, dict] = field(default_factory=dict)

    def person(self, printed: str, lang: str, surname_first: bool | None = None,
               nominative_form: str | None = None) -> str:
        nom = nominative_form or nominative(printed, lang)
        if surname_first is None:
            surname_first = looks_surname_first(nom)
        parts = split_name(nom, surname_first=surname_first)
        pid = person_id(parts)
        entry = self.people.setdefault(pid, {"forms": []})
        for form in dict.fromkeys([printed, nom]):
            if (form, lang) not in entry["forms"]:
                entry["forms"].append((form, lang))
        if surname_first:
            display = f"{parts.first} {parts.surname}"
            if display not in entry.setdefault("display", []):
                entry["display"].append(display)
        return pid

    def person_alias(self, pid: str, printed: str, lang: str) -> None:
        """Another spelling of a known person, seen beside the first in the same text."""
        forms = self.people[pid]["forms"]
        if (printed, lang) not in forms:
            forms.append((printed, lang))

    def organization(self, org: Organization, printed: str, lang: str) -> str:
        entry = self.organizations.setdefault(org.id, {"org": org, "forms": []})
        if (printed, lang) not in entry["forms"]:
            entry["forms"].append((printed, lang))
        return org.id

    def person_rows(self):
        for pid, entry in sorted(self.people.items()):
            forms = entry["forms"]
            name = canonical_name(forms + [(d, "en") for d in entry.get("display", [])])
            yield {"id": pid, "name": name}, [
                {"person_id": pid, "name": n, "lang": lang} for n, lang in forms
            ]
