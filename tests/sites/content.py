"""Stories of the fixture site, in English, Turkmen and Russian (invented for the tests).

Story ids are shared by the translations of one story, as on the real site. Each story is
(date line, title, body paragraphs); the snippet shown in sidebars and listings is the start of
the first paragraph followed by "...".
"""

STORIES = {
    1: {
        "en": ("12 Jan", "The Central Commission held a session",
               ["On January 12, 2023, the Central Commission held its regular session.",
                "The session discussed the preparation of the elections to the Mejlis."]),
        "tk": ("12 Ýan", "Merkezi toparyň mejlisi geçirildi",
               ["2023-nji ýylyň 12-nji ýanwarynda Merkezi toparyň nobatdaky mejlisi geçirildi.",
                "Mejlisde Mejlisiň saýlawlaryna taýýarlyk meselesi ara alnyp maslahatlaşyldy."]),
        "ru": ("12 Янв", "Состоялось заседание Центральной комиссии",
               ["12 января 2023 года состоялось очередное заседание Центральной комиссии.",
                "На заседании обсуждена подготовка к выборам в Меджлис."]),
    },
    2: {
        "en": ("03 Feb", "A seminar for precinct commissions",
               ["A training seminar was held for members of precinct election commissions.",
                "Participants studied the Electoral Code of Turkmenistan."]),
        "tk": ("03 Few", "Uçastok saýlaw toparlary üçin okuw maslahaty",
               ["Uçastok saýlaw toparlarynyň agzalary üçin okuw maslahaty geçirildi.",
                "Gatnaşyjylar Türkmenistanyň Saýlaw kodeksini öwrendiler."]),
        "ru": ("03 Фев", "Семинар для участковых комиссий",
               ["Для членов участковых избирательных комиссий проведён обучающий семинар.",
                "Участники изучили Избирательный кодекс Туркменистана."]),
    },
    3: {
        "en": ("20 Feb", "Meeting with the OSCE delegation",
               ["On February 20, 2023, a meeting was held with a delegation of the OSCE.",
                "The chairman of the Central Commission Gulmyrat Myradov took part."]),
        "tk": ("20 Few", "ÝHHG-niň wekiliýeti bilen duşuşyk",
               ["2023-nji ýylyň 20-nji fewralynda ÝHHG-niň wekiliýeti bilen duşuşyk geçirildi.",
                "Duşuşyga Merkezi toparyň başlygy Gulmyrat Myradow gatnaşdy."]),
        "ru": ("20 Фев", "Встреча с делегацией ОБСЕ",
               ["20 февраля 2023 года состоялась встреча с делегацией ОБСЕ.",
                "Во встрече принял участие председатель Центризбиркома Гулмырат Мырадов."]),
    },
    4: {
        "en": ("01 Mar", "Registration of candidates is completed",
               ["The registration of candidates for deputies of the Mejlis is completed.",
                "In total 258 candidates were registered."]),
        "tk": ("01 Mart", "Dalaşgärleri bellige almak tamamlandy",
               ["Mejlisiň deputatlygyna dalaşgärleri bellige almak tamamlandy.",
                "Jemi 258 dalaşgär bellige alyndy."]),
        "ru": ("01 Март", "Завершена регистрация кандидатов",
               ["Завершена регистрация кандидатов в депутаты Меджлиса.",
                "Всего зарегистрировано 258 кандидатов."]),
    },
    5: {
        "en": ("15 Mar", "Early voting begins",
               ["Early voting begins at polling stations across the country.",
                "Voters who will be away on polling day may vote early."]),
        "tk": ("15 Mart", "Möhletinden öň ses bermek başlandy",
               ["Ýurduň saýlaw uçastoklarynda möhletinden öň ses bermek başlandy.",
                "Saýlaw güni ýurtda bolmajak saýlawçylar öňünden ses berip bilerler."]),
        "ru": ("15 Март", "Началось досрочное голосование",
               ["На избирательных участках страны началось досрочное голосование.",
                "Избиратели, которые будут в отъезде, могут проголосовать досрочно."]),
    },
    6: {
        "en": ("26 Mar", "Voting continues",
               ["By the elections of deputies of the Mejlis of Turkmenistan to 11 o'clock, "
                "there were voted 31,99% of voters.",
                "Voting continues at all polling stations."]),
        "tk": ("26 Mart", "Ses bermek dowam edýär",
               ["Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça sagat 11-e çenli "
                "saýlawçylaryň 31,99% ses berdi.",
                "Ses bermek ähli uçastoklarda dowam edýär."]),
        "ru": ("26 Март", "Голосование продолжается",
               ["По выборам депутатов Меджлиса Туркменистана к 11 часам проголосовало "
                "31,99% избирателей.",
                "Голосование продолжается на всех участках."]),
    },
    7: {
        "en": ("27 Mar", "Preliminary results of the elections",
               ["91,12 percent of the total number of listed voters took part in the elections.",
                "The Central Commission will announce the final results."]),
        "tk": ("27 Mart", "Saýlawlaryň deslapky netijeleri",
               ["Saýlawlara sanawa girizilen saýlawçylaryň 91,12 göterimi gatnaşdy.",
                "Merkezi topar jemleýji netijeleri yglan eder."]),
        "ru": ("27 Март", "Предварительные итоги выборов",
               ["В выборах приняли участие 91,12 процента избирателей.",
                "Центральная комиссия объявит окончательные итоги."]),
    },
}

# Published between two runs of the crawler.
LATER_STORY = {
    8: {
        "en": ("02 Apr", "Final results announced",
               ["The Central Commission announced the final results of the elections."]),
        "tk": ("02 Apr", "Jemleýji netijeler yglan edildi",
               ["Merkezi topar saýlawlaryň jemleýji netijelerini yglan etdi."]),
        "ru": ("02 Апр", "Объявлены окончательные итоги",
               ["Центральная комиссия объявила окончательные итоги выборов."]),
    },
}

HEADERS = {
    "en": "CENTRAL COMMISSION FOR HOLDING ELECTIONS AND REFERENDUMS IN TURKMENISTAN",
    "tk": "TÜRKMENISTANDA SAÝLAWLARY WE SALA SALŞYKLARY GEÇIRMEK BARADAKY MERKEZI TOPAR",
    "ru": "ЦЕНТРАЛЬНАЯ КОМИССИЯ ПО ПРОВЕДЕНИЮ ВЫБОРОВ И РЕФЕРЕНДУМОВ В ТУРКМЕНИСТАНЕ",
}

# Words that appear only in the chrome of the fixture pages (menus, header, footer, scripts):
# none of them may reach an item's text.
CHROME_MARKERS = [
    "CENTRAL COMMISSION FOR HOLDING", "TÜRKMENISTANDA SAÝLAWLARY WE", "ЦЕНТРАЛЬНАЯ КОМИССИЯ ПО",
    "Main menu", "Baş sahypa", "Главная", "Copyright", "trackPageView", "color: #", "Share on",
    "Search the site", "English", "Türkmençe", "Русский",
]
