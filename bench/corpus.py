"""A synthetic, deterministic corpus of saylav.gov.tm captures, for the benchmarks.

    generate(out_dir, n_captures=10_000, seed=20240707) -> CorpusStats
    generate_archive(out_dir, n_items=100_000, ...)      -> CorpusStats   (site benchmark)

Everything here is invented, but written in the site's formats (SITE.md):

- stories with one site id shared by their English, Turkmen and Russian versions, ids growing with
  time from 2017 to 2025; meetings with named participants, seminars, campaign stages, laws,
  holidays; on each polling day of SITE.md's elections, hourly turnout posts (per constituency for
  by-elections, per region for general elections, abroad), the final turnout the day after and the
  elected members a few days later (Turkmen surname-first lists, English `“Name” election district
  #N – I.Surname` lists);
- captures in all six page-text layouts (full page with header; date-title-body; body only with
  undated `...` snippets, sometimes in another language; title then body, sometimes upper-case;
  `news-img` mirror pages on saylav.st.com.tm; listing pages of title/snippet pairs), each with a
  sidebar of the latest news *at capture time* (not the article's neighbours), plus crawled-style
  `.html` pages (article with aside, and listings) when the project reads HTML (etl/html_text.py);
- every capture has a `NAME.meta.json` sidecar (`url`, `fetched_at`), except a few, as in the wild.

The same seed gives the same bytes. Output goes where the caller says: the benchmarks pass a
`tempfile.TemporaryDirectory`, never `data/`.
"""
from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "tk", "ru")
START, END = date(2017, 1, 10), date(2025, 12, 20)
LAST_FETCH = date(2026, 1, 31)
SEED = 20240707

# ---------------------------------------------------------------------------------------------
# words

MONTH_LINE = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"],
    "tk": ["Ýan", "Few", "Mart", "Apr", "Maý", "Iýun", "Iýul", "Awg", "Sen", "Okt", "Noý", "Dek"],
    "ru": ["Янв", "Фев", "Март", "Апр", "Май", "Июнь", "Июль", "Авг", "Сен", "Окт", "Ноя", "Дек"],
}
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
TK_MONTHS_LOC = ["ýanwarynda", "fewralynda", "martynda", "aprelinde", "maýynda", "iýunynda", "iýulynda",
                 "awgustynda", "sentýabrynda", "oktýabrynda", "noýabrynda", "dekabrynda"]
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                 "октября", "ноября", "декабря"]

HEADERS = {
    "en": ["CENTRAL COMMISSION FOR HOLDING ELECTIONS AND REFERENDUMS IN TURKMENISTAN"],
    "ru": ["ЦЕНТРАЛЬНАЯ КОМИССИЯ ПО ПРОВЕДЕНИЮ ВЫБОРОВ И РЕФЕРЕНДУМОВ В ТУРКМЕНИСТАНЕ"],
    "tk": ["TÜRKMENISTANDA SAÝLAWLARY", "WE SALA SALŞYKLARY GEÇIRMEK", "BARADAKY MERKEZI TOPAR"],
}
LATEST = {"en": "Latest news", "tk": "Soňky habarlar", "ru": "Последние новости"}
MENU = {"en": ["Home", "News", "Elections", "Law", "Contacts"],
        "tk": ["Baş sahypa", "Habarlar", "Saýlawlar", "Kanunçylyk", "Habarlaşmak"],
        "ru": ["Главная", "Новости", "Выборы", "Законодательство", "Контакты"]}

_TK_EN = {"ş": "sh", "Ş": "Sh", "ý": "y", "Ý": "Y", "ň": "n", "Ň": "N", "ç": "ch", "Ç": "Ch", "ä": "a",
          "Ä": "A", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "ž": "zh", "Ž": "Zh", "w": "v", "W": "V"}
_TK_RU = {"a": "а", "b": "б", "ç": "ч", "d": "д", "e": "е", "ä": "а", "f": "ф", "g": "г", "h": "х", "i": "и",
          "j": "дж", "ž": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ň": "н", "o": "о", "ö": "ё", "p": "п",
          "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ю", "w": "в", "y": "ы", "ý": "й", "z": "з",
          "v": "в", "c": "ц", "x": "кс", "q": "к"}


def tk_to_en(s: str) -> str:
    return "".join(_TK_EN.get(ch, ch) for ch in s)


def tk_to_ru(s: str) -> str:
    out = []
    for ch in s:
        low = ch.lower()
        cyr = _TK_RU.get(low, ch)
        out.append(cyr[:1].upper() + cyr[1:] if ch != low else cyr)
    return "".join(out)


def tk_ordinal(n: int) -> str:
    """Turkmen ordinal suffix: 1-nji, 6-njy, 9-njy, 10-njy, 20-nji, 2019-njy."""
    last = n % 10
    if last == 0:
        tens = n % 100
        return "njy" if tens in (10, 30, 40, 60, 90) or (n % 100 == 0 and n % 1000 == 0) else "nji"
    return "njy" if last in (6, 9) else "nji"


def tk_hour_suffix(h: int) -> str:
    """Vowel harmony of `sagat 19-a çenli`: the last word of the number decides."""
    return {9: "a", 11: "e", 13: "e", 15: "e", 17: "ä", 19: "a", 20: "ä", 12: "ä", 10: "a"}.get(h, "a")


def date_in_text(lang: str, d: date) -> str:
    if lang == "en":
        return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if lang == "tk":
        return f"{d.year}-{tk_ordinal(d.year)} ýylyň {d.day}-{tk_ordinal(d.day)} {TK_MONTHS_LOC[d.month - 1]}"
    return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} года"


def date_line(lang: str, d: date, rng: random.Random) -> str:
    return f"{d.day:02d} {MONTH_LINE[lang][d.month - 1]}"


def pct(x: float, lang: str, rng: random.Random) -> str:
    s = f"{x:.2f}"
    return s.replace(".", ",") if lang != "en" or rng.random() < 0.8 else s


def count(n: int, rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{n:,}".replace(",", " ")
    if style == 1:
        return f"{n:,}".replace(",", ".")
    if style == 2:
        return f"{n:,}"
    return str(n)


# ---------------------------------------------------------------------------------------------
# people, organisations, places

FIRST_NAMES = ["Gulmyrat", "Batyr", "Serdar", "Merdan", "Döwlet", "Rejep", "Arslan", "Kakajan", "Annamyrat",
               "Ýazmyrat", "Nury", "Begenç", "Atamyrat", "Bäşim", "Perhat", "Resul", "Jumadurdy", "Orazgeldi"]
FEMALE_NAMES = ["Aýna", "Maýa", "Jeren", "Mähri", "Ogulgerek", "Bahar", "Gurbangül", "Aýgül", "Dursun",
                "Ejegyz", "Lale", "Näzik"]
SURNAME_STEMS = ["Myrad", "Bazar", "Oraz", "Amanmyrad", "Berdiýew", "Hojamuhammed", "Annagurban", "Gurban",
                 "Ataýew", "Saryýew", "Öwezgeldiýew", "Çaryýew", "Geldiýew", "Nurmuhammed", "Halmyrad",
                 "Rahman", "Allaberdi", "Durdymyrad", "Rozyýew", "Sähedow", "Pürliýew", "Jumaýew", "Orazmyrad",
                 "Kakaýew", "Bäşimow", "Mämmed", "Ataýew", "Baýram", "Tagan", "Sapar"]


@dataclass(frozen=True)
class Person:
    tk: str  # "Gulmyrat Myradow"
    en: str  # "Gulmyrat Myradov"
    ru: str  # "Гулмырат Мырадов"
    surname_tk: str
    first_tk: str

    def name(self, lang: str) -> str:
        return getattr(self, lang)

    def results_tk(self) -> str:
        return f"{self.surname_tk} {self.first_tk}"

    def initials_en(self) -> str:
        return f"{tk_to_en(self.first_tk)[0]}.{self.en.split()[-1]}"


def make_person(first: str, stem: str, female: bool) -> Person:
    if stem.endswith("ýew"):
        base = stem[:-3]
    elif stem.endswith("ow"):
        base, stem = stem[:-2], stem[:-2]
    else:
        base = stem
    if stem.endswith("ýew"):
        tk_sur = base + ("ýewa" if female else "ýew")
        en_sur = tk_to_en(base) + ("yeva" if female else "yev")
        ru_sur = tk_to_ru(base) + ("ева" if female else "ев")
    else:
        tk_sur = base + ("owa" if female else "ow")
        en_sur = tk_to_en(base) + ("ova" if female else "ov")
        ru_sur = tk_to_ru(base) + ("ова" if female else "ов")
    return Person(f"{first} {tk_sur}", f"{tk_to_en(first)} {en_sur}", f"{tk_to_ru(first)} {ru_sur}", tk_sur, first)


CHAIRMAN = make_person("Gulmyrat", "Myrad", False)
LOCALS = [make_person(f, s, False) for f in FIRST_NAMES for s in SURNAME_STEMS] + \
         [make_person(f, s, True) for f in FEMALE_NAMES for s in SURNAME_STEMS]

FOREIGNERS = [
    ("Alexei Gromov", "Aleksey Gromow", "Алексей Громов"),
    ("Alexey Gromov", "Aleksey Gromow", "Алексей Громов"),
    ("Hamadziripi Munikva", "Hamadziripi Munikwa", "Хамадзирипи Муниква"),
    ("Victor Guminskiy", "Wiktor Guminskiý", "Виктор Гуминский"),
    ("Viktor Guminsky", "Wiktor Guminskiý", "Виктор Гуминский"),
    ("Kamila Juraeva", "Kamila Juraýewa", "Камила Джураева"),
    ("Dmitry Kuzmin", "Dmitriý Kuzmin", "Дмитрий Кузьмин"),
    ("Ivan Sergeyev", "Iwan Sergeýew", "Иван Сергеев"),
    ("Nargiza Abdullayeva", "Nargiza Abdullaýewa", "Наргиза Абдуллаева"),
    ("Sergey Lebedev", "Sergeý Lebedew", "Сергей Лебедев"),
    ("Ella Pamfilova", "Ella Pamfilowa", "Элла Памфилова"),
    ("Nurlan Abdirov", "Nurlan Abdirow", "Нурлан Абдиров"),
    ("Zayniddin Nizamkhodjaev", "Zaýniddin Nizamhojaýew", "Зайниддин Низамходжаев"),
    ("Igor Karpenko", "Igor Karpenko", "Игорь Карпенко"),
    ("Dražen Tomić", "Draženko Tomiç", "Дражен Томич"),
]
ORGS = [  # (en, tk genitive, ru genitive)
    ("OSCE Office for Democratic Institutions and Human Rights", "ÝHHG-niň Demokratik institutlar we adam hukuklary boýunça edarasynyň",
     "Бюро по демократическим институтам и правам человека ОБСЕ"),
    ("OSCE bureau for Democratic institutions and human rights", "ÝHHG-niň Demokratik institutlar we adam hukuklary boýunça býurosynyň",
     "Бюро ОБСЕ по демократическим институтам и правам человека"),
    ("United Nations Development Programme", "BMG-niň Ösüş maksatnamasynyň", "Программы развития ООН"),
    ("CIS Executive Committee", "GDA-nyň Ýerine ýetiriji komitetiniň", "Исполнительного комитета СНГ"),
    ("Central Election Commission of the Russian Federation", "Russiýa Federasiýasynyň Merkezi saýlaw toparynyň",
     "Центральной избирательной комиссии Российской Федерации"),
    ("Central Election Commission of the Republic of Kazakhstan", "Gazagystan Respublikasynyň Merkezi saýlaw toparynyň",
     "Центральной избирательной комиссии Республики Казахстан"),
    ("Central Election Commission of the Republic of Uzbekistan", "Özbegistan Respublikasynyň Merkezi saýlaw toparynyň",
     "Центральной избирательной комиссии Республики Узбекистан"),
    ("Embassy of the Republic of Korea in Turkmenistan", "Koreýa Respublikasynyň Türkmenistandaky ilçihanasynyň",
     "Посольства Республики Корея в Туркменистане"),
]
ROLES = [  # (en, tk, ru)
    ("senior advisor", "uly geňeşçisi", "старший советник"),
    ("advisor", "geňeşçisi", "советник"),
    ("head of the mission", "missiýasynyň ýolbaşçysy", "руководитель миссии"),
    ("resident representative", "hemişelik wekili", "постоянный представитель"),
    ("deputy chairman", "başlygynyň orunbasary", "заместитель председателя"),
    ("member", "agzasy", "член"),
    ("ambassador", "ilçisi", "посол"),
]

REGIONS = [  # (id, en, tk locative, ru dative)
    ("ahal", "Ahal velayat", "Ahal welaýatynda", "Ахалскому велаяту"),
    ("balkan", "Balkan velayat", "Balkan welaýatynda", "Балканскому велаяту"),
    ("dashoguz", "Dashoguz velayat", "Daşoguz welaýatynda", "Дашогузскому велаяту"),
    ("lebap", "Lebap velayat", "Lebap welaýatynda", "Лебапскому велаяту"),
    ("mary", "Mary velayat", "Mary welaýatynda", "Марыйскому велаяту"),
    ("ashgabat", "Ashgabat city", "Aşgabat şäherinde", "городу Ашхабад"),
]
REGION_EN = [r[1] for r in REGIONS]

CONSTITUENCY_WORDS = ["Garaşsyzlyk", "Bitaraplyk", "Güneş", "Wekil", "Baýdak", "Arçabil", "Köpetdag", "Berkarar",
                      "Parahat", "Watan", "Ruhabat", "Abadan", "Bagtyýarlyk", "Döwletli", "Galkynyş",
                      "Magtymguly", "Mekan", "Nusaý", "Oguzhan", "Rowaçlyk", "Sazly", "Täzelik", "Ýaşlyk",
                      "Zaman", "Altyn", "Serdar", "Türkmenbaşy", "Balkanabat", "Bereket", "Gyzylarbat"]
CONSTITUENCY_PREFIX = ["", "Täze ", "Gündogar ", "Günbatar ", "Demirgazyk "]
CONSTITUENCIES = {
    n: CONSTITUENCY_PREFIX[(n - 1) // len(CONSTITUENCY_WORDS)] + CONSTITUENCY_WORDS[(n - 1) % len(CONSTITUENCY_WORDS)]
    for n in range(1, 126)
}
CONSTITUENCY_REGION = {n: REGIONS[(n - 1) % 6][1] for n in range(1, 126)}
OCCUPATIONS = ["Türkmenistanyň Halk Maslahatynyň Diwanynyň Iş dolandyryjysy",
               "Aşgabat şäher häkimliginiň bölüm müdiri", "Türkmen döwlet uniwersitetiniň mugallymy",
               "Mary welaýat hassahanasynyň lukmany", "«Türkmennebit» döwlet konserniniň inženeri",
               "Lebap welaýat häkimliginiň hünärmeni", "Balkan welaýatynyň mekdep direktory",
               "Daşoguz welaýat kazyýetiniň kazysy"]

# ---------------------------------------------------------------------------------------------
# elections

BODY_PHRASE = {  # how each language names the body being elected
    "president": ("President of Turkmenistan", "Türkmenistanyň Prezidentiniň", "Президента Туркменистана"),
    "mejlis": ("deputies of the Mejlis of Turkmenistan", "Türkmenistanyň Mejlisiniň deputatlarynyň",
               "депутатов Меджлиса Туркменистана"),
    "mejlis-by": ("early retired deputies of the Mejlis of Turkmenistan",
                  "Türkmenistanyň Mejlisiniň möhletinden öň çykyp giden deputatlarynyň",
                  "депутатов Меджлиса Туркменистана вместо выбывших"),
    "velayat-maslahaty": ("members of velayat and city halk maslahaty",
                          "welaýat we şäher halk maslahatlarynyň agzalarynyň",
                          "членов велаятских халк маслахаты"),
}
ELECTIONS = [  # (body, polling day, by-election, regions or constituencies)
    ("president", date(2017, 2, 12), False),
    ("mejlis", date(2017, 5, 21), True),
    ("mejlis", date(2018, 3, 25), False),
    ("mejlis", date(2019, 3, 31), True),
    ("president", date(2022, 3, 12), False),
    ("mejlis", date(2023, 3, 26), False),
    ("mejlis", date(2024, 7, 7), True),
]


@dataclass
class Story:
    site_id: int
    day: date
    kind: str
    texts: dict  # lang -> (title | None, [paragraphs])
    weight: float = 1.0

    def snippet(self, lang: str) -> str:
        title, paras = self.texts[lang]
        text = " ".join(paras)
        return text[:200].rstrip() + "..." if len(text) > 200 else text


# ---------------------------------------------------------------------------------------------
# filler text (the bulk of every body)

FILLER = {
    "en": [
        "Our esteemed President notes that cooperation with prestigious international organizations is one of the strategic directions of the state's policy.",
        "The participants noted with satisfaction the fruitfulness of bilateral and multilateral cooperation.",
        "Particular attention was paid to the use of digital technologies in the work of election commissions.",
        "The work carried out in {region} in preparation for the elections was discussed in detail.",
        "It was noted that {n} precinct election commissions have been formed across the country.",
        "The Electoral Code of Turkmenistan guarantees citizens the right to elect and to be elected.",
        "Representatives of political parties and public organizations took part in the event.",
        "The training covered the procedures of voting, counting of votes and the compilation of protocols.",
        "Information about the course of the election campaign is regularly published in the mass media.",
        "The activities of the election commissions are carried out openly and transparently.",
        "Members of the {region} election commission answered the questions of the participants.",
        "The event was held in a warm and friendly atmosphere.",
        "In total, {n} polling stations will be opened on polling day, including {m} abroad.",
        "The participants expressed their gratitude for the opportunity to hold such a meeting.",
        "The importance of training seminars organized by international organizations was emphasized.",
        "Observers from the CIS and the OSCE will follow the course of the elections.",
    ],
    "tk": [
        "Hormatly Prezidentimiz abraýly halkara guramalary bilen hyzmatdaşlygyň döwletiň syýasatynyň strategik ugurlarynyň biridigini belleýär.",
        "Duşuşyga gatnaşyjylar ikitaraplaýyn we köptaraplaýyn hyzmatdaşlygyň netijeliligini kanagatlanma bilen bellediler.",
        "Saýlaw toparlarynyň işinde sanly tehnologiýalary ulanmaga aýratyn üns berildi.",
        "{region} saýlawlara taýýarlyk görmek boýunça alnyp barylýan işler jikme-jik ara alnyp maslahatlaşyldy.",
        "Ýurdumyzda {n} uçastok saýlaw toparynyň döredilendigi bellenildi.",
        "Türkmenistanyň Saýlaw kodeksi raýatlaryň saýlamak we saýlanmak hukugyny kepillendirýär.",
        "Çärä syýasy partiýalaryň we jemgyýetçilik guramalarynyň wekilleri gatnaşdylar.",
        "Okuw maslahatynda ses bermegiň, sesleri sanamagyň we teswirnamalary düzmegiň tertibi öwrenildi.",
        "Saýlaw kampaniýasynyň barşy barada maglumatlar köpçülikleýin habar beriş serişdelerinde yzygiderli çap edilýär.",
        "Saýlaw toparlarynyň işi açyk we aýan ýagdaýda alnyp barylýar.",
        "Saýlaw güni ýurdumyzda {n} saýlaw uçastogy, şol sanda daşary ýurtlarda {m} uçastok açylar.",
        "Çäre dostlukly we mähirli ýagdaýda geçdi.",
        "GDA-nyň we ÝHHG-niň synçylary saýlawlaryň barşyny synlarlar.",
    ],
    "ru": [
        "Уважаемый Президент отмечает, что сотрудничество с авторитетными международными организациями является одним из стратегических направлений политики государства.",
        "Участники с удовлетворением отметили плодотворность двустороннего и многостороннего сотрудничества.",
        "Особое внимание было уделено использованию цифровых технологий в работе избирательных комиссий.",
        "Подробно обсуждена работа, проводимая в {region} по подготовке к выборам.",
        "Отмечено, что по всей стране сформировано {n} участковых избирательных комиссий.",
        "Избирательный кодекс Туркменистана гарантирует гражданам право избирать и быть избранными.",
        "В мероприятии приняли участие представители политических партий и общественных организаций.",
        "На семинаре были изучены порядок голосования, подсчёта голосов и составления протоколов.",
        "Информация о ходе избирательной кампании регулярно публикуется в средствах массовой информации.",
        "Деятельность избирательных комиссий осуществляется открыто и гласно.",
        "В день выборов будет открыто {n} избирательных участков, в том числе {m} за рубежом.",
        "Мероприятие прошло в тёплой и дружественной атмосфере.",
        "За ходом выборов будут следить наблюдатели от СНГ и ОБСЕ.",
    ],
}
REGION_IN = {"en": REGION_EN, "tk": [r[2] for r in REGIONS], "ru": [r[3] for r in REGIONS]}


def filler(lang: str, rng: random.Random, paragraphs: int) -> list[str]:
    out = []
    for _ in range(paragraphs):
        sents = rng.sample(FILLER[lang], rng.randint(2, 4))
        out.append(" ".join(s.format(region=rng.choice(REGION_IN[lang]), n=rng.randint(1900, 2700),
                                     m=rng.randint(30, 45)) for s in sents))
    return out


# ---------------------------------------------------------------------------------------------
# stories by kind: each returns {lang: (title, paragraphs)}


def meeting_texts(rng: random.Random, day: date) -> dict:
    org = rng.choice(ORGS)
    a, b = rng.sample(FOREIGNERS, 2)
    ra, rb = rng.sample(ROLES, 2)
    member = rng.choice(LOCALS)
    oe, ot, orr = org
    en = (f"A meeting was held with the delegation of the {oe}",
          [f"On {date_in_text('en', day)}, a meeting was held at the office of the Central Commission for holding "
           f"Elections and Referendums in Turkmenistan with the participation of {a[0]}, {ra[0]} of the {oe}, "
           f"and {b[0]}, {rb[0]} of the {oe}. The meeting was attended by the chairman of the Central election "
           f"commission, {CHAIRMAN.en}, as well as {member.en}, member of the Central election commission."]
          + filler("en", rng, rng.randint(2, 5))
          + [f"During the meeting {a[0]}, {ra[0]} of the {oe}, had a speech and expressed gratitude for the hospitality."])
    tk = (f"{ot} wekiliýeti bilen duşuşyk",
          [f"{date_in_text('tk', day)} Merkezi toparyň binasynda {ot} wekiliýeti bilen duşuşyk geçirildi. "
           f"Duşuşyga {ot} {ra[1]} {a[1]}, {rb[1]} {b[1]} we Merkezi toparyň başlygy {CHAIRMAN.tk} gatnaşdylar."]
          + filler("tk", rng, rng.randint(2, 5)))
    ru = (f"Встреча с делегацией {orr}",
          [f"{date_in_text('ru', day)} в здании Центральной комиссии по проведению выборов и референдумов в "
           f"Туркменистане состоялась встреча с делегацией {orr}. Во встрече приняли участие {ra[2]} {a[2]}, "
           f"{rb[2]} {b[2]} и председатель Центризбиркома {CHAIRMAN.ru}."]
          + filler("ru", rng, rng.randint(2, 5)))
    return {"en": en, "tk": tk, "ru": ru}


def session_texts(rng: random.Random, day: date) -> dict:
    members = rng.sample(LOCALS, 2)
    return {
        "en": ("A session of the Central Commission was held",
               [f"On {date_in_text('en', day)}, a session of the Central Commission for holding Elections and "
                f"Referendums in Turkmenistan was held. The session was chaired by the chairman of the Commission "
                f"{CHAIRMAN.en}; {members[0].en}, secretary of the Commission, reported on the agenda."]
               + filler("en", rng, rng.randint(1, 4))),
        "tk": ("Merkezi toparyň mejlisi geçirildi",
               [f"{date_in_text('tk', day)} Türkmenistanda Saýlawlary we sala salşyklary geçirmek boýunça merkezi "
                f"toparyň mejlisi geçirildi. Mejlisde toparyň sekretary {members[0].tk} çykyş etdi."]
               + filler("tk", rng, rng.randint(1, 4))),
        "ru": ("Состоялось заседание Центральной комиссии",
               [f"{date_in_text('ru', day)} состоялось заседание Центральной комиссии по проведению выборов и "
                f"референдумов в Туркменистане. С докладом выступил секретарь комиссии {members[0].ru}."]
               + filler("ru", rng, rng.randint(1, 4))),
    }


def seminar_texts(rng: random.Random, day: date) -> dict:
    i = rng.randrange(6)
    return {
        "en": (f"A training seminar was held in {REGION_EN[i]}",
               [f"On {date_in_text('en', day)}, a training seminar was held in {REGION_EN[i]} for members of "
                f"precinct election commissions."] + filler("en", rng, rng.randint(2, 4))),
        "tk": (f"{REGIONS[i][2].replace('ynda', 'y').replace('inde', 'i')} okuw maslahaty geçirildi",
               [f"{date_in_text('tk', day)} {REGIONS[i][2]} uçastok saýlaw toparlarynyň agzalary üçin okuw "
                f"maslahaty geçirildi."] + filler("tk", rng, rng.randint(2, 4))),
        "ru": (f"Обучающий семинар по {REGIONS[i][3]}",
               [f"{date_in_text('ru', day)} по {REGIONS[i][3]} проведён обучающий семинар для членов участковых "
                f"избирательных комиссий."] + filler("ru", rng, rng.randint(2, 4))),
    }


def stage_texts(rng: random.Random, day: date, kind: str, body: str) -> dict:
    be, bt, br = BODY_PHRASE[body]
    n = rng.randint(100, 300)
    titles = {
        "nomination": ("Nomination of candidates continues", "Dalaşgärleri hödürlemek dowam edýär",
                       "Продолжается выдвижение кандидатов"),
        "registration": ("Registration of candidates is completed", "Dalaşgärleri bellige almak tamamlandy",
                         "Завершена регистрация кандидатов"),
        "early-voting": ("Early voting begins", "Möhletinden öň ses bermek başlandy", "Началось досрочное голосование"),
        "campaign": ("The election campaign continues", "Saýlaw kampaniýasy dowam edýär",
                     "Продолжается предвыборная агитация"),
    }[kind]
    first = {
        "nomination": (f"The nomination of candidates for the elections of {be} continues. By {date_in_text('en', day)}, {n} candidates had been nominated.",
                       f"{bt} saýlawlaryna dalaşgärleri hödürlemek dowam edýär. {date_in_text('tk', day)} çenli {n} dalaşgär hödürlenildi.",
                       f"Продолжается выдвижение кандидатов на выборах {br}. На {date_in_text('ru', day)} выдвинуто {n} кандидатов."),
        "registration": (f"The registration of candidates for the elections of {be} was completed on {date_in_text('en', day)}. In total {n} candidates were registered.",
                         f"{date_in_text('tk', day)} {bt} saýlawlaryna dalaşgärleri bellige almak tamamlandy. Jemi {n} dalaşgär bellige alyndy.",
                         f"{date_in_text('ru', day)} завершена регистрация кандидатов на выборах {br}. Всего зарегистрировано {n} кандидатов."),
        "early-voting": (f"On {date_in_text('en', day)}, early voting in the elections of {be} began at polling stations across the country.",
                         f"{date_in_text('tk', day)} {bt} saýlawlarynda möhletinden öň ses bermek başlandy.",
                         f"{date_in_text('ru', day)} началось досрочное голосование на выборах {br}."),
        "campaign": (f"Meetings of the candidates for the elections of {be} with voters continue in {rng.choice(REGION_EN)}.",
                     f"{bt} saýlawlaryna dalaşgärleriň saýlawçylar bilen wagyz duşuşyklary dowam edýär.",
                     f"Продолжаются предвыборные встречи кандидатов на выборах {br} с избирателями."),
    }[kind]
    return {lang: (titles[k], [first[k]] + filler(lang, rng, rng.randint(1, 4))) for k, lang in enumerate(LANGS)}


def other_texts(rng: random.Random, day: date, kind: str) -> dict:
    if kind == "law":
        return {
            "en": ("The Electoral Code of Turkmenistan was amended",
                   [f"On {date_in_text('en', day)}, the Law of Turkmenistan on amendments to the Electoral Code "
                    f"of Turkmenistan was adopted."] + filler("en", rng, rng.randint(1, 3))),
            "tk": ("Türkmenistanyň Saýlaw kodeksine üýtgetmeler girizildi",
                   [f"{date_in_text('tk', day)} Türkmenistanyň Saýlaw kodeksine üýtgetmeler girizmek hakynda "
                    f"Türkmenistanyň Kanuny kabul edildi."] + filler("tk", rng, rng.randint(1, 3))),
            "ru": ("Внесены изменения в Избирательный кодекс Туркменистана",
                   [f"{date_in_text('ru', day)} принят Закон Туркменистана о внесении изменений в Избирательный "
                    f"кодекс Туркменистана."] + filler("ru", rng, rng.randint(1, 3))),
        }
    holiday = rng.choice([("Day of Neutrality", "Bitaraplyk güni", "День нейтралитета"),
                          ("Independence Day", "Garaşsyzlyk güni", "День независимости"),
                          ("Constitution Day", "Konstitusiýa güni", "День Конституции"),
                          ("New Year", "Täze ýyl", "Новый год")])
    dated = rng.random() < 0.6
    return {
        "en": (f"Congratulations on the {holiday[0]}",
               ([f"On {date_in_text('en', day)}, the country celebrated the {holiday[0]}."] if dated else [])
               + filler("en", rng, rng.randint(1, 3))),
        "tk": (f"{holiday[1]} bilen gutlaýarys!",
               ([f"{date_in_text('tk', day)} ýurdumyzda {holiday[1]} bellenildi."] if dated else [])
               + filler("tk", rng, rng.randint(1, 3))),
        "ru": (f"Поздравляем с праздником: {holiday[2]}",
               ([f"{date_in_text('ru', day)} страна отметила праздник: {holiday[2]}."] if dated else [])
               + filler("ru", rng, rng.randint(1, 3))),
    }


def turnout_texts(rng: random.Random, body: str, is_by: bool, hour: int, overall: float,
                  seats: list[int], final: bool = False, day: date | None = None) -> dict:
    key = "mejlis-by" if is_by else body
    be, bt, br = BODY_PHRASE[key]
    areas = {}
    for k in (seats or range(len(REGIONS))):
        areas[k] = max(1.0, min(99.9, overall + rng.uniform(-4, 4)))
    abroad = max(1.0, min(99.9, overall + rng.uniform(-8, 2)))
    if final:
        registered = rng.randint(3_100_000, 3_600_000) if not is_by else rng.randint(180_000, 420_000)
        voted = int(registered * overall / 100)
        return {
            "en": ("Elections were held",
                   [f"According to the preliminary data of the Central Commission, {count(voted, rng)} out of "
                    f"{count(registered, rng)} voters, or {overall:.2f} percent of the total number of listed voters "
                    f"took part in the elections of {be} held on {date_in_text('en', day)}."]
                   + filler("en", rng, 1)),
            "tk": ("Saýlawlar geçirildi",
                   [f"{date_in_text('tk', day)} geçirilen {bt} saýlawlaryna gatnaşan saýlawçylaryň sany sanawa "
                    f"girizilen saýlawçylaryň umumy sanynyň {pct(overall, 'tk', rng)} göterimine deňdir."]
                   + filler("tk", rng, 1)),
            "ru": ("Выборы состоялись",
                   [f"В выборах {br}, состоявшихся {date_in_text('ru', day)}, приняли участие "
                    f"{pct(overall, 'ru', rng)} процента избирателей."] + filler("ru", rng, 1)),
        }
    last = hour >= 19
    if seats:
        en_areas = ", ".join(f"in the constituency {n} «{CONSTITUENCIES[n]}» {pct(areas[n], 'en', rng)}%" for n in seats)
        en = f"By the elections of {be} to {hour} o'clock, there were voted {pct(overall, 'en', rng)}% of voters. " \
             f"{en_areas[0].upper()}{en_areas[1:]}."
        tk_areas = ", ".join(f"{n}-{tk_ordinal(n)} «{CONSTITUENCIES[n]}» saýlaw okrugynda {pct(areas[n], 'tk', rng)}%" for n in seats)
        tk = f"{bt} saýlawlary boýunça sagat {hour}-{tk_hour_suffix(hour)} çenli saýlawçylaryň " \
             f"{pct(overall, 'tk', rng)}% ses berdi. {tk_areas}."
        ru_areas = ", ".join(f"по избирательному округу {n} “{tk_to_ru(CONSTITUENCIES[n])}” – {pct(areas[n], 'ru', rng)}%" for n in seats)
        ru = f"По выборам {br} к {hour} часам проголосовало {pct(overall, 'ru', rng)}% избирателей. " \
             f"{ru_areas[0].upper()}{ru_areas[1:]}."
    else:
        en_reg = ", ".join(f"{pct(areas[k], 'en', rng)}% in {REGION_EN[k]}" for k in range(len(REGIONS)))
        en = f"On elections of {be} to the {hour} o'clock {pct(overall, 'en', rng)}% of voters voted. " \
             f"More precisely, {en_reg.replace('%', '% of voters voted', 1)}, and {pct(abroad, 'en', rng)}% abroad."
        tk_reg = ", ".join(f"{REGIONS[k][2]} {pct(areas[k], 'tk', rng)}%" for k in range(len(REGIONS)))
        tk = f"{bt} saýlawlary boýunça sagat {hour}-{tk_hour_suffix(hour)} çenli saýlawçylaryň " \
             f"{pct(overall, 'tk', rng)}% ses berdi. {tk_reg}. Daşary ýurtdaky saýlaw uçastoklarynda " \
             f"{pct(abroad, 'tk', rng)}%."
        ru_reg = ", ".join(f"{REGIONS[k][3]} {pct(areas[k], 'ru', rng)}%" for k in range(1, len(REGIONS)))
        ru = f"По выборам {br} к {hour} часам проголосовало {pct(overall, 'ru', rng)}% избирателей. " \
             f"По {REGIONS[0][3]} проголосовало {pct(areas[0], 'ru', rng)}%, {ru_reg}, на участках за рубежом " \
             f"проголосовало {pct(abroad, 'ru', rng)} % избирателей."
    return {
        "en": ("The voting for the elections has ended" if last else "Voting continues", [en]),
        "tk": ("Ses beriş tamamlandy" if last else "Ses beriş dowam edýär", [tk]),
        "ru": ("Голосование завершено" if last else "Голосование продолжается", [ru]),
    }


def results_texts(rng: random.Random, body: str, is_by: bool, day: date, seats: list[int]) -> dict:
    key = "mejlis-by" if is_by else body
    be, bt, br = BODY_PHRASE[key]
    winners = {n: rng.choice(LOCALS) for n in seats}
    tk_lines = [f"{n}-{tk_ordinal(n)} «{CONSTITUENCIES[n]}» saýlaw okrugy boýunça {winners[n].results_tk()} – "
                f"{rng.choice(OCCUPATIONS)}" for n in seats]
    en_parts = [f"in the “{tk_to_en(CONSTITUENCIES[n])}” election district #{n} of {CONSTITUENCY_REGION[n]} – "
                f"{winners[n].initials_en()}" for n in seats]
    return {
        "tk": (f"{bt} {date_in_text('tk', day)} geçirilen saýlawlarda saýlanylan deputatlar barada maglumat",
               tk_lines),
        "en": ("Information on the elected deputies of the Mejlis of Turkmenistan",
               [f"The following were elected in the elections of {be} held on {date_in_text('en', day)}: "
                + ", ".join(en_parts) + "."]),
        "ru": ("Итоги выборов депутатов Меджлиса Туркменистана",
               [f"По итогам выборов {br}, состоявшихся {date_in_text('ru', day)}, избраны: "
                + "; ".join(f"по избирательному округу № {n} «{tk_to_ru(CONSTITUENCIES[n])}» – {winners[n].ru}"
                            for n in seats) + "."]),
    }


# ---------------------------------------------------------------------------------------------
# the site's stories, in time order


def make_stories(n_stories: int, rng: random.Random) -> list[Story]:
    """`n_stories` stories from START to END: election events on their days, the rest spread out."""
    specs: list[tuple[date, str, dict, float]] = []
    for body, day, is_by in ELECTIONS:
        seats = sorted(rng.sample(range(1, 126), rng.randint(3, 7))) if is_by else []
        all_seats = seats or list(range(1, 126))
        # the campaign before polling day
        for k, (kind, before) in enumerate([("nomination", 50), ("registration", 30), ("campaign", 15),
                                            ("early-voting", 8)]):
            d = day - timedelta(days=before + rng.randint(0, 3))
            specs.append((d, kind, stage_texts(rng, d, kind, "mejlis-by" if is_by else body), 2.0))
        overall = rng.uniform(8, 22)
        for hour in (9, 11, 13, 15, 17, 19):
            specs.append((day, "turnout", turnout_texts(rng, body, is_by, hour, overall, seats), 3.0))
            overall = min(99.0, overall + rng.uniform(8, 20))
        d = day + timedelta(days=1)
        specs.append((d, "turnout", turnout_texts(rng, body, is_by, 0, overall, seats, final=True, day=day), 3.0))
        if body == "mejlis":
            d = day + timedelta(days=rng.randint(2, 5))
            specs.append((d, "results", results_texts(rng, body, is_by, day, all_seats), 3.0))
        if not is_by and body == "mejlis":
            # the local councils elected on the same day
            specs.append((day, "turnout", turnout_texts(rng, "velayat-maslahaty", False, 19, overall - 1.5, []), 2.0))
    span = (END - START).days
    while len(specs) < n_stories:
        d = START + timedelta(days=rng.randrange(span))
        r = rng.random()
        if r < 0.28:
            specs.append((d, "meeting", meeting_texts(rng, d), 1.0))
        elif r < 0.45:
            specs.append((d, "meeting", session_texts(rng, d), 1.0))
        elif r < 0.65:
            specs.append((d, "seminar", seminar_texts(rng, d), 1.0))
        elif r < 0.75:
            specs.append((d, "law", other_texts(rng, d, "law"), 1.0))
        elif r < 0.85:
            kind = rng.choice(["nomination", "registration", "campaign"])
            specs.append((d, kind, stage_texts(rng, d, kind, rng.choice(["mejlis", "velayat-maslahaty"])), 1.0))
        else:
            specs.append((d, "other", other_texts(rng, d, "other"), 1.0))
    specs.sort(key=lambda s: s[0])
    stories = []
    for i, (d, kind, texts, w) in enumerate(specs, 1):
        if rng.random() < 0.12:  # not every story is published in every language
            drop = rng.choice(["en", "ru"])
            texts = {k: v for k, v in texts.items() if k != drop}
        stories.append(Story(i, d, kind, texts, w))
    return stories


# ---------------------------------------------------------------------------------------------
# pages


@dataclass
class CorpusStats:
    captures: int = 0
    bytes: int = 0
    stories: int = 0
    layouts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    listing_items: int = 0

    def __str__(self) -> str:
        lay = ", ".join(f"{k} {v}" for k, v in sorted(self.layouts.items()))
        return (f"{self.captures} captures ({self.bytes / 1e6:.1f} MB) of {self.stories} stories "
                f"in {self.seconds:.1f}s; layouts: {lay}")


LAYOUTS = [  # (layout, weight)
    ("full", 0.18),
    ("date-title-body", 0.24),
    ("body-only", 0.26),
    ("title-body", 0.08),
    ("mirror", 0.07),
    ("listing", 0.07),
    ("html-article", 0.07),
    ("html-listing", 0.03),
]


def html_supported() -> bool:
    return (ROOT / "etl" / "html_text.py").exists()


class Site:
    """The stories, and what the site showed at a given moment."""

    def __init__(self, stories: list[Story]):
        self.stories = stories
        self.by_lang = {lang: [s for s in stories if lang in s.texts] for lang in LANGS}
        self.days = {lang: [s.day for s in self.by_lang[lang]] for lang in LANGS}

    def latest(self, lang: str, when: date, n: int, offset: int = 0) -> list[Story]:
        """The n newest stories in `lang` published by `when` (newest first), after `offset`."""
        hi = bisect.bisect_right(self.days[lang], when) - offset
        lo = max(0, hi - n)
        return list(reversed(self.by_lang[lang][lo:max(hi, 0)]))


def _sidebar_block(lang: str, stories: list[Story], rng: random.Random) -> list[str]:
    out = []
    for s in stories:
        title, _ = s.texts[lang]
        out += [date_line(lang, s.day, rng), title, "", s.snippet(lang), ""]
    return out


def _body_lines(paras: list[str]) -> list[str]:
    out = []
    for p in paras:
        out += [p + (" " if len(p) > 60 else ""), ""]
    return out


def page_text(layout: str, story: Story, lang: str, when: date, site: Site, rng: random.Random) -> list[str]:
    title, paras = story.texts[lang]
    side_lang = lang if rng.random() < 0.8 else rng.choice([x for x in LANGS if x != lang])
    sidebar = site.latest(side_lang, when, rng.randint(5, 8))
    lines: list[str] = []
    if layout == "full":
        lines += HEADERS[lang] + [""]
    if layout in ("full", "date-title-body"):
        lines += [date_line(lang, story.day, rng), "", title, ""] + _body_lines(paras)
        if layout == "full" or rng.random() < 0.7:
            lines += _sidebar_block(side_lang, sidebar, rng)
    elif layout == "body-only":
        lines += _body_lines(paras)
        if rng.random() < 0.5:
            for s in sidebar[: rng.randint(3, 8)]:
                lines += [s.snippet(side_lang), ""]
    elif layout == "title-body":
        t = title.upper() if rng.random() < 0.4 else title
        lines += [t, ""] + _body_lines(paras)
        if rng.random() < 0.3:
            for s in sidebar[: rng.randint(3, 6)]:
                lines += [s.snippet(side_lang), ""]
    elif layout == "mirror":
        lines += ["news-img", "", date_line(lang, story.day, rng), ""]
        if rng.random() < 0.7:
            lines += [title, ""]
        lines += _body_lines(paras)
    return lines


def listing_text(items: list[tuple[str, str]]) -> list[str]:
    lines = []
    for title, snippet in items:
        lines += [title, "", snippet, ""]
    return lines


# crawled-style HTML, as the site's modern template sends it

def _html_head(lang: str, title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)} | CEC</title>'
            '<style>body{color:#333}.news-item{margin:0}</style>'
            "<script>var _paq = window._paq || []; _paq.push(['trackPageView']);</script></head>\n"
            f'<body class="lang-{lang}"><header class="site-header"><div class="logo"><a href="/{lang}">'
            f'<img src="/static/logo.png" alt="logo"></a><span>{escape(HEADERS[lang][0] if lang != "tk" else " ".join(HEADERS["tk"]))}</span></div>\n'
            '<nav class="main-menu"><ul>'
            + "".join(f'<li><a href="/{lang}/m{i}">{escape(w)}</a></li>' for i, w in enumerate(MENU[lang]))
            + '</ul></nav>\n<ul class="lang-switch"><li><a href="/en">English</a></li><li><a href="/tk">Türkmençe</a>'
              '</li><li><a href="/ru">Русский</a></li></ul></header>\n')


def _html_foot(lang: str) -> str:
    return (f'<footer class="site-footer"><p>© 2017-2025</p><p><a href="/{lang}/contacts">{MENU[lang][-1]}</a></p>'
            "</footer>\n</body></html>\n")


def _spans(lang: str, d: date) -> str:
    return f"<span>{d.day:02d}</span> <span>{MONTH_LINE[lang][d.month - 1]}</span>"


def html_article(story: Story, lang: str, sidebar: list[Story]) -> str:
    title, paras = story.texts[lang]
    items = "".join(
        f'<li class="news-item"><a class="news-title" href="/{lang}/news/{s.site_id}">{escape(s.texts[lang][0])}</a>\n'
        f'<span class="date">{_spans(lang, s.day)}</span>\n<p>{escape(s.snippet(lang))}</p>'
        f'<a class="more" href="/{lang}/news/{s.site_id}">Read more</a></li>\n' for s in sidebar)
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paras)
    return (_html_head(lang, title) + '<main class="container">\n<article class="news-detail">\n'
            f'<header class="news-header"><h1>{escape(title)}</h1>\n<time>{_spans(lang, story.day)}</time></header>\n'
            f'<div class="news-text">\n{body}</div>\n<div class="share-buttons">Share: <a href="https://facebook.example/">'
            'Facebook</a></div>\n</article>\n'
            f'<aside class="sidebar"><h3>{LATEST[lang]}</h3>\n<ul class="last-news">\n{items}</ul>'
            f'<a href="/{lang}/news">All</a></aside>\n</main>\n' + _html_foot(lang))


def html_listing(lang: str, page: int, stories: list[Story]) -> str:
    cards = "".join(
        f'<article class="news-card"><div class="card-date">{_spans(lang, s.day)}</div>'
        f'<h2><a href="/{lang}/news/{s.site_id}">{escape(s.texts[lang][0])}</a></h2>'
        f'<p class="anons">{escape(s.snippet(lang))}</p></article>\n' for s in stories)
    return (_html_head(lang, MENU[lang][1]) + f'<main class="container"><h1>{MENU[lang][1]}</h1>\n'
            f'<div class="news-list">\n{cards}</div><div class="pagination"><a href="/{lang}/news?page={page + 1}">'
            f'&raquo;</a></div></main>\n' + _html_foot(lang))


# ---------------------------------------------------------------------------------------------
# writing captures


class Writer:
    def __init__(self, out_dir: Path, stats: CorpusStats, rng: random.Random):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.stats = stats
        self.rng = rng
        self.seen: set[str] = set()

    def write(self, data: str, suffix: str, url: str | None, fetched: datetime, layout: str) -> bool:
        raw = data.encode("utf-8")
        digest = hashlib.sha256(raw).hexdigest()
        if digest in self.seen:
            return False
        self.seen.add(digest)
        name = f"{self.stats.captures:05d}_{digest[:16]}{suffix}"
        (self.out / name).write_bytes(raw)
        self.stats.bytes += len(raw)
        if url is not None:
            meta = {"url": url, "fetched_at": fetched.strftime("%Y-%m-%dT%H:%M:%SZ")}
            (self.out / (name + ".meta.json")).write_text(json.dumps(meta), encoding="utf-8")
        self.stats.captures += 1
        self.stats.layouts[layout] += 1
        return True


def _host(rng: random.Random) -> str:
    r = rng.random()
    return "https://saylav.gov.tm" if r < 0.75 else "http://www.saylav.gov.tm" if r < 0.9 else "http://saylav.gov.tm"


def _fetch_time(rng: random.Random, after: date) -> datetime:
    days = min(int(rng.expovariate(1 / 240)), (LAST_FETCH - after).days)
    d = after + timedelta(days=max(days, 0))
    return datetime(d.year, d.month, d.day, rng.randrange(24), rng.randrange(60), rng.randrange(60))


def generate(out_dir: Path, n_captures: int = 10_000, seed: int = SEED, n_stories: int | None = None,
             html: bool | None = None) -> CorpusStats:
    """Write `n_captures` distinct captures (with sidecars) into `out_dir`."""
    import time

    t0 = time.perf_counter()
    rng = random.Random(seed)
    html = html_supported() if html is None else html
    stories = make_stories(n_stories or max(300, n_captures // 5), rng)
    site = Site(stories)
    stats = CorpusStats(stories=len(stories))
    writer = Writer(out_dir, stats, rng)
    layouts = [(k, w) for k, w in LAYOUTS if html or not k.startswith("html")]
    names, weights = zip(*layouts)
    story_cum = list(itertools.accumulate(s.weight for s in stories))
    attempts = 0
    while stats.captures < n_captures:
        attempts += 1
        if attempts > n_captures * 20:
            raise RuntimeError("cannot make enough distinct captures: raise n_stories")
        layout = rng.choices(names, weights)[0]
        if layout in ("listing", "html-listing"):
            lang = rng.choice(LANGS)
            fetched = _fetch_time(rng, START + timedelta(days=rng.randrange((END - START).days)))
            page = 1 + min(int(rng.expovariate(1 / 6)), 60)
            items = site.latest(lang, fetched.date(), 8, offset=8 * (page - 1))
            if not items:
                continue
            url = f"{_host(rng)}/{lang}/news?page={page}" if page > 1 or rng.random() < 0.5 else f"{_host(rng)}/{lang}/news"
            if layout == "html-listing":
                writer.write(html_listing(lang, page, items), ".html", url, fetched, layout)
            else:
                text = listing_text([(s.texts[lang][0], s.snippet(lang)) for s in items])
                writer.write("\n".join(text), ".txt", url, fetched, layout)
            continue
        story = rng.choices(stories, cum_weights=story_cum)[0]
        lang = rng.choice(list(story.texts))
        text_lang = lang
        url_lang = lang
        if lang == "tk" and "en" in LANGS and rng.random() < 0.04:
            url_lang = "en"  # some /en/ pages carry Turkmen text
        fetched = _fetch_time(rng, story.day)
        if layout == "html-article":
            sidebar = site.latest(text_lang, fetched.date(), rng.randint(5, 8))
            url = f"{_host(rng)}/{url_lang}/news/{story.site_id}"
            writer.write(html_article(story, text_lang, sidebar), ".html", url, fetched, layout)
            continue
        lines = page_text(layout, story, text_lang, fetched.date(), site, rng)
        host = "https://saylav.st.com.tm" if layout == "mirror" else _host(rng)
        url = f"{host}/{url_lang}/news/{story.site_id}" if rng.random() > 0.02 else None
        writer.write("\n".join(lines).rstrip("\n"), ".txt", url, fetched, layout)
    stats.seconds = time.perf_counter() - t0
    return stats


# ---------------------------------------------------------------------------------------------
# a large archive for the site benchmark


ARCHIVE_KINDS = ["meeting", "session", "seminar", "law", "stage", "other"]


def generate_archive(out_dir: Path, n_items: int = 100_000, base_captures: int = 3000, per_listing: int = 100,
                     seed: int = SEED, base_items: int | None = None) -> CorpusStats:
    """A corpus whose load gives about `n_items` news items.

    `base_captures` ordinary captures (all layouts, turnout, results, meetings) give the archive its
    elections and facts; the rest of the items come from `add_archive_listings`. Pass `base_items`
    (the item count a load of the base captures gives) to hit `n_items` exactly; without it, an
    estimate is used.
    """
    stats = generate(out_dir, base_captures, seed=seed)
    base_items = int(stats.stories * 2.7) if base_items is None else base_items
    add_archive_listings(out_dir, max(0, n_items - base_items), stats, per_listing, seed)
    return stats


def add_archive_listings(out_dir: Path, n_items: int, stats: CorpusStats, per_listing: int = 100,
                         seed: int = SEED) -> CorpusStats:
    """Add text listing pages of `per_listing` date/title/snippet items each (a long archive listing,
    newest first), `n_items` distinct items in all, so that 100,000 items do not need 100,000 files.
    Titles carry a series number, so that items stay distinct (as ids and in the merge)."""
    import time

    t0 = time.perf_counter()
    rng = random.Random(seed + 1)
    writer = Writer(out_dir, stats, rng)
    span = (END - START).days
    made = 0
    page = 0
    while made < n_items:
        page += 1
        lang = LANGS[page % 3]
        k = min(per_listing, n_items - made)
        newest = END - timedelta(days=rng.randrange(span))
        days = sorted((newest - timedelta(days=rng.randrange(0, 400)) for _ in range(k)), reverse=True)
        lines: list[str] = []
        for d in days:
            made += 1
            kind = rng.choice(ARCHIVE_KINDS)
            if kind == "meeting":
                texts = meeting_texts(rng, d)
            elif kind == "session":
                texts = session_texts(rng, d)
            elif kind == "seminar":
                texts = seminar_texts(rng, d)
            elif kind == "stage":
                sk = rng.choice(["nomination", "registration", "campaign", "early-voting"])
                texts = stage_texts(rng, d, sk, rng.choice(["mejlis", "velayat-maslahaty", "president"]))
            else:
                texts = other_texts(rng, d, kind)
            title, paras = texts[lang]
            title = f"{title} ({made})" if lang == "en" else f"{title} – {made}"
            text = " ".join(paras)
            lines += [date_line(lang, d, rng), title, "", text[:200].rstrip() + "...", ""]
        fetched = datetime(newest.year, newest.month, newest.day, 12) + timedelta(days=rng.randint(1, 30))
        writer.write("\n".join(lines), ".txt", f"https://saylav.gov.tm/{lang}/news?page={page}", fetched,
                     "archive-listing")
    stats.listing_items += made
    stats.seconds += time.perf_counter() - t0
    return stats


if __name__ == "__main__":  # python -m bench.corpus OUT_DIR [N]  (a folder outside data/)
    import sys

    out = Path(sys.argv[1]).resolve()
    if (ROOT / "data") in (out, *out.parents):
        raise SystemExit("synthetic captures never go into data/")
    print(generate(out, int(sys.argv[2]) if len(sys.argv) > 2 else 10_000))
