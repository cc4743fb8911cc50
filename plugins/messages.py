"""The site's words in English, Turkmen and Russian: one message catalogue, and the formats of
dates and numbers in each language (no hooks here; imported as
`from . import messages as msg`).

A message is looked up by its English text (as gettext does): `gettext("ru", "Latest news")` ->
"Последние новости". Messages with `{name}` fields are formatted after the lookup. A message
missing from the catalogue falls back to English; tests/test_site_languages.py checks that every
message the templates and plugins use is in the catalogue in all three languages.

Only the site's own words are translated: text from the archive (titles, bodies, names) keeps its
own language and is marked with its own `lang` in the pages.
"""
from __future__ import annotations

from datetime import date

LANGS = ("en", "tk", "ru")
DEFAULT = "en"
NAMES = {"en": "English", "tk": "Türkmençe", "ru": "Русский"}

# English -> (Turkmen, Russian)
CATALOGUE: dict[str, tuple[str, str]] = {
    # chrome
    "News": ("Habarlar", "Новости"),
    "Elections": ("Saýlawlar", "Выборы"),
    "People": ("Adamlar", "Люди"),
    "Organisations": ("Guramalar", "Организации"),
    "Constituencies": ("Saýlaw okruglary", "Избирательные округа"),
    "Regions": ("Welaýatlar", "Регионы"),
    "About": ("Arhiw barada", "Об архиве"),
    "API": ("API", "API"),
    "Search": ("Gözleg", "Поиск"),
    "Search the news in English, Turkmen and Russian": (
        "Habarlary iňlis, türkmen we rus dillerinde gözläň", "Поиск по новостям на английском, туркменском и русском"),
    "Language": ("Dil", "Язык"),
    "Skip to content": ("Esasy mazmuna geç", "Перейти к содержанию"),
    "Site sections": ("Saýtyň bölümleri", "Разделы сайта"),
    "home": ("baş sahypa", "главная"),
    "people": ("adamlar", "люди"),
    "organisations": ("guramalar", "организации"),
    "constituencies": ("saýlaw okruglary", "избирательные округа"),
    "regions": ("welaýatlar", "регионы"),
    "Turnout in constituency {label}": ("{label} saýlaw okrugynda gatnaşyk", "Явка в округе {label}"),
    "Turnout in {name}": ("{name}: gatnaşyk", "Явка: {name}"),
    "{name}: per cent of voters who had voted by each hour, one line per election.": (
        "{name}: her sagada çenli ses beren saýlawçylaryň göterimi, her saýlaw üçin bir çyzyk.",
        "{name}: процент проголосовавших к каждому часу, по линии на выборы."),
    "news": ("habarlar", "новости"),
    "elections": ("saýlawlar", "выборы"),
    "Data from": ("Maglumatlaryň çeşmesi", "Данные из"),
    "Licence": ("Ygtyýarnama", "Лицензия"),
    "Tables and SQL": ("Tablisalar we SQL", "Таблицы и SQL"),
    # home
    "saylav-archive": ("saylav-archive", "saylav-archive"),
    "The news of Turkmenistan's Central Commission for Elections and Referendums": (
        "Türkmenistanyň Saýlawlary we sala salşyklary geçirmek boýunça merkezi toparynyň habarlary",
        "Новости Центральной комиссии по проведению выборов и референдумов в Туркменистане"),
    "in English, Turkmen and Russian": ("iňlis, türkmen we rus dillerinde", "на английском, туркменском и русском"),
    "{items} news items ({stories} stories)": ("{items} habar ({stories} makala)", "Новостей: {items} (сюжетов: {stories})"),
    "{first} to {last}": ("{first} – {last}", "с {first} по {last}"),
    "read from {n} page captures": ("{n} sahypa nusgasyndan okaldy", "прочитано из снимков страниц: {n}"),
    "Latest news": ("Soňky habarlar", "Последние новости"),
    "Languages": ("Diller", "Языки"),
    "Kinds of news": ("Habarlaryň görnüşleri", "Виды новостей"),
    "not classified": ("toparlanmadyk", "без вида"),
    "All news →": ("Ähli habarlar →", "Все новости →"),
    "All elections →": ("Ähli saýlawlar →", "Все выборы →"),
    "Meetings": ("Duşuşyklar", "Встречи"),
    "Turnout figures": ("Gatnaşyk sanlary", "Данные о явке"),
    "Seats reported": ("Habar berlen orunlar", "Сообщённые мандаты"),
    "The archive in numbers": ("Arhiw sanlarda", "Архив в цифрах"),
    "Data": ("Maglumatlar", "Данные"),
    "all tables and SQL": ("ähli tablisalar we SQL", "все таблицы и SQL"),
    "JSON API": ("JSON API", "JSON API"),
    "Feeds": ("Lentalar", "Ленты"),
    "all": ("ählisi", "все"),
    "turnout": ("gatnaşyk", "явка"),
    "Download the database": ("Maglumatlar bazasyny ýükläň", "Скачать базу данных"),
    "What the loader could not read": ("Ýükleýjiniň okap bilmedikleri", "Что загрузчик не смог прочитать"),
    "final": ("jemleýji", "итог"),
    "{pct} final": ("{pct} jemleýji", "{pct} итог"),
    "{pct} at {hour}": ("{hour}: {pct}", "{pct} к {hour}"),
    "no turnout figures": ("gatnaşyk sanlary ýok", "нет данных о явке"),
    "Turnout through polling day, {name}": ("Ses beriş güni gatnaşyk, {name}", "Явка в день голосования, {name}"),
    # news list
    "All news": ("Ähli habarlar", "Все новости"),
    "Filter the news": ("Habarlary saýlaň", "Отбор новостей"),
    "Kind": ("Görnüşi", "Вид"),
    "Year": ("Ýyl", "Год"),
    "Election": ("Saýlaw", "Выборы"),
    "any": ("islendik", "любой"),
    "Show": ("Görkez", "Показать"),
    "Clear filters": ("Süzgüçleri aýyr", "Сбросить фильтры"),
    "{n} items": ("{n} habar", "Новостей: {n}"),
    "{n} item": ("{n} habar", "Новостей: {n}"),
    "{n} item found": ("{n} habar tapyldy", "Найдено новостей: {n}"),
    "{n} items, page {page} of {pages}": ("{n} habar, {page}/{pages} sahypa", "Новостей: {n}, страница {page} из {pages}"),
    "No news matches these filters.": ("Bu süzgüçlere laýyk habar ýok.", "Нет новостей, отвечающих этим условиям."),
    "undated": ("senesiz", "без даты"),
    "← previous": ("← öňki", "← назад"),
    "next →": ("indiki →", "далее →"),
    "Pages": ("Sahypalar", "Страницы"),
    "As data, with facets": ("Maglumat hökmünde, görnüşler bilen", "Как данные, с фасетами"),
    "CSV for Excel": ("Excel üçin CSV", "CSV для Excel"),
    # item page
    "(untitled)": ("(atsyz)", "(без заголовка)"),
    "Also in": ("Beýleki dillerde", "На других языках"),
    "printed": ("çap edilişi", "напечатано"),
    "The date line as printed on the site": ("Saýtda çap edilişi ýaly sene", "Дата, как напечатана на сайте"),
    "year": ("ýyl", "год"),
    "Only this snippet of the story was seen in the captures; the full text is not in the archive.": (
        "Nusgalarda habaryň diňe şu bölegi göründi; doly tekst arhiwde ýok.",
        "В снимках виден только этот фрагмент; полного текста в архиве нет."),
    "Meeting": ("Duşuşyk", "Встреча"),
    "Meeting on {date}": ("{date} senesindäki duşuşyk", "Встреча {date}"),
    "Place": ("Ýeri", "Место"),
    "Participant": ("Gatnaşyjy", "Участник"),
    "Role as printed": ("Çap edilişi ýaly wezipesi", "Должность, как напечатано"),
    "Organisation": ("Gurama", "Организация"),
    "Turnout": ("Gatnaşyk", "Явка"),
    "Figures read from this item": ("Şu habardan okalan sanlar", "Данные из этой новости"),
    "{voted} voted": ("{voted} ses berdi", "проголосовали {voted}"),
    "of {registered} registered voters": ("{registered} hasaba alnan saýlawçydan", "из {registered} избирателей в списках"),
    "Results": ("Netijeler", "Итоги"),
    "Constituency": ("Saýlaw okrugy", "Округ"),
    "Elected": ("Saýlanan", "Избран"),
    "Occupation as printed": ("Çap edilişi ýaly käri", "Род занятий, как напечатано"),
    "Sources": ("Çeşmeler", "Источники"),
    "Source": ("Çeşme", "Источник"),
    "source": ("çeşme", "источник"),
    "sources": ("çeşmeler", "источники"),
    "Original address": ("Asyl salgysy", "Исходный адрес"),
    "unknown": ("näbelli", "неизвестно"),
    "Seen as": ("Nähili göründi", "Как увидено"),
    "Capture": ("Nusga", "Снимок"),
    "Captured from": ("Nireden alnan", "Откуда снят"),
    "Fetched": ("Alnan wagty", "Когда снят"),
    "line {n}": ("{n}-nji setir", "строка {n}"),
    "main": ("esasy", "основной"),
    "sidebar": ("gapdal sanaw", "боковая колонка"),
    "listing": ("sanaw", "список"),
    "This record as data": ("Bu ýazgy maglumat hökmünde", "Эта запись как данные"),
    "table row": ("tablisa setiri", "строка таблицы"),
    "item": ("habar", "новость"),
    "news item {id}": ("{id} habar", "новость {id}"),
    # election pages
    "Polling day": ("Ses beriş güni", "День голосования"),
    "body": ("edara", "орган"),
    "by-election": ("goşmaça saýlaw", "довыборы"),
    "held the same day": ("şol gün geçirilenler", "в тот же день"),
    "Final turnout": ("Jemleýji gatnaşyk", "Итоговая явка"),
    "not stated": ("görkezilmedik", "не указано"),
    "Each point is a figure as an item stated it; the table gives every figure with its sources.": (
        "Her nokat bir habaryň beren sany; tablisa her sany çeşmeleri bilen berýär.",
        "Каждая точка — цифра, как её привела новость; в таблице — все цифры с источниками."),
    "Turnout, per cent": ("Gatnaşyk, göterim", "Явка, процент"),
    "Turnout {what}, per cent": ("Gatnaşyk {what}, göterim", "Явка {what}, процент"),
    "by region": ("welaýatlar boýunça", "по регионам"),
    "by constituency": ("okruglar boýunça", "по округам"),
    "overall": ("umumy", "в целом"),
    "Turnout through polling day": ("Ses beriş güni gatnaşyk", "Явка в день голосования"),
    "Turnout through polling day {what}": ("Ses beriş güni gatnaşyk {what}", "Явка в день голосования {what}"),
    "Hour of polling day (local time)": ("Ses beriş gününiň sagady (ýerli wagt)", "Час дня голосования (местное время)"),
    "Voters who had voted (%)": ("Ses beren saýlawçylar (%)", "Проголосовавшие избиратели (%)"),
    "{name}: per cent of voters who had voted by each hour, overall (thick black line) and {what}.": (
        "{name}: her sagada çenli ses beren saýlawçylaryň göterimi, umumy (galyň gara çyzyk) we {what}.",
        "{name}: процент проголосовавших к каждому часу, в целом (толстая чёрная линия) и {what}."),
    "Overall": ("Umumy", "В целом"),
    "Abroad": ("Daşary ýurtda", "За рубежом"),
    "Area": ("Ýer", "Территория"),
    "No turnout figures were read for this election.": (
        "Bu saýlaw üçin gatnaşyk sanlary okalmady.", "Данных о явке на этих выборах не прочитано."),
    "The figures as data": ("Sanlar maglumat hökmünde", "Цифры как данные"),
    "table": ("tablisa", "таблица"),
    "chart as SVG": ("SVG görnüşinde diagramma", "график в SVG"),
    "disagreements": ("gapma-garşylyklar", "расхождения"),
    "All {n} items →": ("Ähli {n} habar →", "Все новости ({n}) →"),
    "Figures in conflict": ("Gapma-garşy sanlar", "Противоречащие цифры"),
    "Sources state different figures": ("Çeşmeler dürli sanlary görkezýär", "Источники приводят разные цифры"),
    "These sources state different figures for the same election and hour; both are shown, neither is chosen.": (
        "Bu çeşmeler şol bir saýlaw we sagat üçin dürli sanlary görkezýär; ikisi hem görkezilýär, hiç biri saýlanmaýar.",
        "Эти источники приводят разные цифры для одних выборов и часа; показаны обе, ни одна не выбрана."),
    "Hour": ("Sagat", "Час"),
    "Figures stated": ("Görkezilen sanlar", "Приведённые цифры"),
    "Turnout through polling day in every election": (
        "Her saýlawda ses beriş güni gatnaşyk", "Явка в день голосования на всех выборах"),
    "Overall turnout by hour, one line per election: the elections compared.": (
        "Sagatlar boýunça umumy gatnaşyk, her saýlaw üçin bir çyzyk: saýlawlar deňeşdirilýär.",
        "Общая явка по часам, по линии на выборы: выборы в сравнении."),
    "Election": ("Saýlaw", "Выборы"),
    "Turnout through the day": ("Gün dowamynda gatnaşyk", "Явка в течение дня"),
    "Last figure": ("Soňky san", "Последняя цифра"),
    "no hourly figures": ("sagatlaýyn sanlar ýok", "нет почасовых данных"),
    "As data": ("Maglumat hökmünde", "Как данные"),
    "elections table": ("saýlawlar tablisasy", "таблица выборов"),
    # entity pages
    "Name": ("Ady", "Имя"),
    "Seats": ("Orunlar", "Мандаты"),
    "Abbreviation": ("Gysgaltmasy", "Сокращение"),
    "Meeting participations": ("Duşuşyklara gatnaşmak", "Участие во встречах"),
    "Body": ("Edara", "Орган"),
    "Number": ("Belgi", "Номер"),
    "Region": ("Welaýat", "Регион"),
    "As data, with filters and facets": ("Maglumat hökmünde, süzgüçler bilen", "Как данные, с фильтрами и фасетами"),
    "Spellings seen": ("Görlen ýazylyşlary", "Встреченные написания"),
    "Held": ("Geçirilen wagty", "Дата"),
    "Reported in": ("Habar berlen ýeri", "Сообщение"),
    "No meetings recorded.": ("Duşuşyk ýazylmadyk.", "Встреч не записано."),
    "Seats won": ("Gazanylan orunlar", "Полученные мандаты"),
    "No seats recorded.": ("Orun ýazylmadyk.", "Мандатов не записано."),
    "No participants recorded.": ("Gatnaşyjy ýazylmadyk.", "Участников не записано."),
    "{n} meetings": ("{n} duşuşyk", "встреч: {n}"),
    "Constituency {label}": ("{label} saýlaw okrugy", "Округ {label}"),
    "number": ("belgi", "номер"),
    "region": ("welaýat", "регион"),
    "Members elected": ("Saýlanan agzalar", "Избранные"),
    "No results recorded.": ("Netije ýazylmadyk.", "Итогов не записано."),
    "No turnout figures recorded for this constituency.": (
        "Bu okrug üçin gatnaşyk sanlary ýazylmadyk.", "Данных о явке по этому округу нет."),
    "No turnout figures recorded for this region.": (
        "Bu welaýat üçin gatnaşyk sanlary ýazylmadyk.", "Данных о явке по этому региону нет."),
    # search
    "One box for English, Turkmen and Russian. Letters fold (saylaw finds saýlaw), words match as beginnings (saylaw finds Saýlawlary), and Latin and Cyrillic spellings find each other (Myradov finds Мырадов).": (
        "Iňlis, türkmen we rus dilleri üçin bir gözleg. Harplar deňleşdirilýär (saylaw saýlaw-y tapýar), sözler başlangyjy boýunça gabat gelýär (saylaw Saýlawlary tapýar), latyn we kiril ýazylyşlary biri-birini tapýar (Myradov Мырадов-y tapýar).",
        "Одно поле для английского, туркменского и русского. Буквы приравниваются (saylaw находит saýlaw), слова ищутся по началу (saylaw находит Saýlawlary), латиница и кириллица находят друг друга (Myradov находит Мырадов)."),
    "Type a word to search for.": ("Gözlemek üçin söz ýazyň.", "Введите слово для поиска."),
    "{n} items found": ("{n} habar tapyldy", "Найдено новостей: {n}"),
    "of {n}": ("{n}-den", "из {n}"),
    "By language": ("Diller boýunça", "По языкам"),
    "By kind": ("Görnüşler boýunça", "По видам"),
    "As a table with facets →": ("Görnüşli tablisa hökmünde →", "Как таблица с фасетами →"),
    "The search could not be completed.": ("Gözleg tamamlanyp bilmedi.", "Поиск не удалось завершить."),
    "Search: {q}": ("Gözleg: {q}", "Поиск: {q}"),
    # about
    "About the archive": ("Arhiw barada", "Об архиве"),
    "What it is": ("Bu näme", "Что это"),
    "What it is not": ("Bu näme däl", "Чем он не является"),
    "How it is built": ("Nähili gurulýar", "Как он устроен"),
    "How to cite it": ("Nädip salgylanmaly", "Как ссылаться"),
    "Data quality": ("Maglumatlaryň hili", "Качество данных"),
    "Coverage by year, language and kind": ("Ýyllar, diller we görnüşler boýunça gerim", "Охват по годам, языкам и видам"),
    "News items per year, by language": ("Ýyllar boýunça habarlar, diller boýunça", "Новости по годам и языкам"),
    "News items per year, by kind": ("Ýyllar boýunça habarlar, görnüşler boýunça", "Новости по годам и видам"),
    "Parse issues by problem": ("Ýüze çykan meseleler görnüşi boýunça", "Ошибки разбора по видам"),
    "Problem": ("Mesele", "Проблема"),
    "Count": ("Sany", "Количество"),
    "No parse issues.": ("Mesele ýok.", "Ошибок разбора нет."),
    "Items without a date": ("Senesiz habarlar", "Новости без даты"),
    "{n} of {total} items have no date: their year could not be known from the text, the article number, their neighbours or the capture date.": (
        "{total} habaryň {n}-sy senesiz: olaryň ýyly tekstden, makala belgisinden, goňşularyndan ýa-da nusganyň senesinden anyklanyp bilinmedi.",
        "У {n} из {total} новостей нет даты: год не удалось узнать ни из текста, ни по номеру статьи, ни по соседям, ни по дате снимка."),
    "How dates were fixed": ("Seneler nähili anyklandy", "Как установлены даты"),
    "{n} figures in conflict": ("{n} gapma-garşy san", "Противоречащих цифр: {n}"),
    "No figures in conflict.": ("Gapma-garşy san ýok.", "Противоречащих цифр нет."),
    "undated items": ("senesiz habarlar", "новости без даты"),
    "Year of publication": ("Çap edilen ýyly", "Год публикации"),
    "no date": ("senesiz", "без даты"),
    # errors
    "Page not found": ("Sahypa tapylmady", "Страница не найдена"),
    "Error {status}": ("Ýalňyşlyk {status}", "Ошибка {status}"),
    "Something went wrong on our side.": ("Biziň tarapymyzda näsazlyk ýüze çykdy.", "На нашей стороне произошла ошибка."),
    "Nothing in the archive answers to this address.": ("Arhiwde bu salga laýyk zat ýok.", "В архиве нет ничего по этому адресу."),
    "Try the search, the list of news or the home page.": (
        "Gözlegi, habarlaryň sanawyny ýa-da baş sahypany synap görüň.",
        "Попробуйте поиск, список новостей или главную страницу."),
    "Details": ("Jikme-jiklikler", "Подробности"),
    # datasette pages: labels added to its forms
    "Column": ("Sütün", "Столбец"),
    "Condition": ("Şert", "Условие"),
    "Value": ("Bahasy", "Значение"),
    "Sort by": ("Tertiplemek", "Сортировать по"),
    "Descending": ("Kemelýän tertipde", "По убыванию"),
    "Apply": ("Ulan", "Применить"),
    "Search this table": ("Bu tablisada gözle", "Поиск по таблице"),
    "SQL query": ("SQL sorag", "SQL-запрос"),
    "Run SQL": ("SQL işlet", "Выполнить SQL"),
    "What the columns hold": ("Sütünlerde näme bar", "Что в столбцах"),
    "This page is for developers and is written in English.": (
        "Bu sahypa programmistler üçin we iňlis dilinde ýazylan.", "Эта страница — для разработчиков, она на английском."),
    "Read this as a page →": ("Sahypa hökmünde okaň →", "Читать как страницу →"),
    "Download as CSV for Excel": ("Excel üçin CSV ýükle", "Скачать CSV для Excel"),
}

KINDS = {  # kind -> (English, Turkmen, Russian)
    "turnout": ("Turnout", "Gatnaşyk", "Явка"),
    "results": ("Results", "Netijeler", "Итоги"),
    "meeting": ("Meetings", "Duşuşyklar", "Встречи"),
    "seminar": ("Seminars", "Seminarlar", "Семинары"),
    "nomination": ("Nomination", "Dalaşgärleri hödürlemek", "Выдвижение"),
    "registration": ("Registration", "Hasaba almak", "Регистрация"),
    "early-voting": ("Early voting", "Möhletinden öň ses bermek", "Досрочное голосование"),
    "observers": ("Observers", "Synçylar", "Наблюдатели"),
    "campaign": ("Campaign", "Saýlaw kampaniýasy", "Предвыборная кампания"),
    "constituencies": ("Constituencies", "Saýlaw okruglary", "Избирательные округа"),
    "commissions": ("Commissions", "Saýlaw toparlary", "Избирательные комиссии"),
    "law": ("Law", "Kanunçylyk", "Законодательство"),
    "head-of-state": ("Head of state", "Döwlet Baştutany", "Глава государства"),
    "other": ("Other", "Beýlekiler", "Другое"),
}

DATE_BASIS = {  # basis -> (English, Turkmen, Russian)
    "text": ("the year is written in the text", "ýyl tekstde ýazylan", "год указан в тексте"),
    "polling-day": ("hourly turnout of a known polling day", "belli ses beriş gününiň sagatlaýyn gatnaşygy",
                    "почасовая явка известного дня голосования"),
    "list-neighbours": ("from its neighbours in a newest-first list", "sanawdaky goňşularyndan",
                        "по соседям в списке новостей"),
    "site-id": ("from the site's article number between dated neighbours", "saýtdaky makala belgisinden",
                "по номеру статьи на сайте между датированными соседями"),
    "date-line": ("a year printed on the date line itself", "ýyl sene setiriniň özünde ýazylan", "год напечатан в строке даты"),
    "text-month": ("a month and year in the text, checked against the article numbers around it",
                   "tekstdäki aý we ýyl, goňşy makala belgileri bilen barlanan",
                   "месяц и год в тексте, сверенные с соседними номерами статей"),
    "story": ("from the dated translation of the same story", "şol habaryň senesi belli terjimesinden",
              "по датированному переводу той же новости"),
    "capture-date": ("from the date the page was captured", "sahypanyň nusgasy alnan senesinden",
                     "по дате снимка страницы"),
    "dateline": ("a full date printed above or at the start of the story (a press dateline or time stamp)",
                 "habaryň ýokarsynda ýa-da başynda ýazylan doly sene", "полная дата над новостью или в её начале"),
}

BODIES = {  # election body -> (Turkmen, Russian) names of its election, and of its by-election
    "mejlis": (("Türkmenistanyň Mejlisine saýlaw", "Выборы в Меджлис Туркменистана"),
               ("Türkmenistanyň Mejlisine goşmaça saýlaw", "Довыборы в Меджлис Туркменистана")),
    "president": (("Türkmenistanyň Prezidentiniň saýlawy", "Выборы Президента Туркменистана"), None),
    "halk-maslahaty": (("Milli Geňeşiň Halk Maslahatyna saýlaw", "Выборы в Халк Маслахаты Милли Генгеша"), None),
    "velayat-maslahaty": (("Welaýat we Aşgabat şäher halk maslahatlaryna saýlaw",
                           "Выборы в велаятские и Ашхабадский городской халк маслахаты"),
                          ("Welaýat we Aşgabat şäher halk maslahatlaryna goşmaça saýlaw",
                           "Довыборы в велаятские и Ашхабадский городской халк маслахаты")),
    "etrap-maslahaty": (("Etrap we şäher halk maslahatlaryna saýlaw", "Выборы в этрапские и городские халк маслахаты"),
                        ("Etrap we şäher halk maslahatlaryna goşmaça saýlaw", "Довыборы в этрапские и городские халк маслахаты")),
    "gengesh": (("Geňeşleriň agzalarynyň saýlawy", "Выборы членов Генгешей"),
                ("Geňeşleriň agzalarynyň goşmaça saýlawy", "Довыборы членов Генгешей")),
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "tk": ["ýanwar", "fewral", "mart", "aprel", "maý", "iýun", "iýul", "awgust", "sentýabr", "oktýabr",
           "noýabr", "dekabr"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
}


def lang_or_default(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT


def gettext(lang: str, message: str, **fields) -> str:
    """`message` (English) in `lang`, with `{fields}` filled in; English when not catalogued."""
    text = message
    if lang != "en":
        row = CATALOGUE.get(message)
        if row:
            text = row[LANGS.index(lang) - 1]
    return text.format(**fields) if fields else text


def kind_label(lang: str, kind: str | None) -> str:
    row = KINDS.get(kind or "")
    return row[LANGS.index(lang_or_default(lang))] if row else (kind or "")


def basis_label(lang: str, basis: str | None) -> str:
    row = DATE_BASIS.get(basis or "")
    return row[LANGS.index(lang_or_default(lang))] if row else (basis or "")


def long_date(lang: str, iso: str | None) -> str:
    """'2023-03-26' -> '26 March 2023' / '26 mart 2023' / '26 марта 2023'; '' for None."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[lang_or_default(lang)][d.month - 1]} {d.year}"


def election_label(lang: str, election_id: str | None, name: str | None = None) -> str:
    """An election's name in `lang`, from its id (`mejlis-2023-03-26`, `mejlis-by-2024-07-07`):
    the archive's English name as it is in English, the body's name and the date in Turkmen and
    Russian; the English name (or the id) when the body is not known."""
    import re

    lang = lang_or_default(lang)
    if lang == "en" or not election_id:
        return name or election_id or ""
    m = re.match(r"^(?P<body>[a-z-]+?)(?P<by>-by)?-(?P<day>\d{4}-\d{2}-\d{2})$", election_id)
    names = BODIES.get(m.group("body")) if m else None
    if not names:
        return name or election_id
    pair = names[1] if m.group("by") and names[1] else names[0]
    return f"{pair[LANGS.index(lang) - 1]}, {long_date(lang, m.group('day'))}"


def number(lang: str, n) -> str:
    """1234567 -> '1,234,567' in English, '1 234 567' (no-break spaces) in Turkmen and Russian."""
    if n is None:
        return ""
    text = f"{n:,}"
    return text if lang_or_default(lang) == "en" else text.replace(",", "\u00a0")


def pct(lang: str, value) -> str:
    """91.32 -> '91.32%' in English, '91,32%' in Turkmen and Russian; as printed, no rounding."""
    if value is None:
        return ""
    text = f"{value:g}%"
    return text if lang_or_default(lang) == "en" else text.replace(".", ",")


def hour_label(lang: str, hour) -> str:
    return f"{int(hour)}:00" if hour is not None else gettext(lang, "final")


def negotiate(accept_language: str | None) -> str | None:
    """The reader's preferred language of ours from an Accept-Language header, or None."""
    if not accept_language:
        return None
    choices = []
    for i, part in enumerate(accept_language.split(",")[:20]):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        primary = tag.split("-")[0]
        if primary in LANGS and q > 0:
            choices.append((-q, i, primary))
    return min(choices)[2] if choices else None
