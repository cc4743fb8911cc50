"""Fixtures for the public-site tests: a small archive written for them, served by Datasette.

The corpus, in the formats of SITE.md (text captures with a URL sidecar), holds:
- hourly turnout of the Mejlis election of 26 March 2023 at 9, 11, 15 and 19 o'clock, per
  constituency (1 «Garaşsyzlyk», 2 «Bitaraplyk») and region (Ahal, Balkan), the 11 o'clock figure
  also in Turkmen and Russian (story 461 in three languages), and a final figure;
- the results in Turkmen (Bazarow Rejep, Annaýewa Gözel);
- a meeting with the OSCE (Alexei Gromov, Gulmyrat Myradov) in English and Russian (Мырадов);
- a Turkmen seminar titled "Saýlawlary ...";
- hostile captures: markup in the title and body (<script>, onerror=, javascript: links), a
  control character, and a capture whose sidecar URL is `javascript:`.

It is loaded with the `saylav load` command, as `make load` does.
The fixtures are registered for every test module by tests/conftest.py (`pytest_plugins`).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FETCHED = "2023-03-27T08:00:00Z"

ELECTION = "mejlis-2023-03-26"
HOURS = [  # hour, overall, constituency 1, constituency 2, Ahal, Balkan
    (9, "20,22", "20,23", "19,80", "21,02", "19,65"),
    (11, "41,29", "40,76", "42,10", "43,02", "39,65"),
    (15, "76,11", "74,72", "77,35", "78,20", "74,01"),
    (19, "91,32", "91,84", "90,70", "92,11", "90,02"),
]

HOSTILE_TITLE = '<script>alert("title")</script> Hostile title'
HOSTILE_BODY = ('A paragraph with <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">a link</a> '
                'in it, on March 1, 2023.')


def corpus() -> dict[str, tuple[str, str]]:
    """{file name: (page text, URL)}."""
    out = {}
    for i, (h, overall, c1, c2, ahal, balkan) in enumerate(HOURS):
        sid = 460 + i
        out[f"en_{sid}.txt"] = (f"""26 Mar

Voting continues

By the elections of deputies of the Mejlis of Turkmenistan to {h} o'clock on March 26, 2023, there were voted {overall}% of voters. In the constituency 1 «Garaşsyzlyk» {c1}%, in the constituency 2 «Bitaraplyk» {c2}%. More precisely, {ahal}% of voters voted in Ahal velayat, {balkan}% in Balkan velayat.
""", f"https://saylav.gov.tm/en/news/{sid}")
    out["tk_461.txt"] = ("""26 Mart

Ses bermek dowam edýär

2023-nji ýylyň 26-njy martynda Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça sagat 11-e çenli saýlawçylaryň 41,29% ses berdi. Ahal welaýatynda 43,02%, Balkan welaýatynda 39,65%.
""", "https://saylav.gov.tm/tk/news/461")
    out["ru_461.txt"] = ("""26 Март

Голосование продолжается

По выборам депутатов Меджлиса Туркменистана 26 марта 2023 года к 11 часам проголосовало 41,29% избирателей. По избирательному округу 1 «Гарашсызлык» – 40,76%, по избирательному округу 2 «Битараплык» – 42,10%.
""", "https://saylav.gov.tm/ru/news/461")
    out["en_465.txt"] = ("""27 Mar

Final turnout

In the elections of deputies of the Mejlis of Turkmenistan held on March 26, 2023, 91.02 percent of the total number of listed voters took part in the voting.
""", "https://saylav.gov.tm/en/news/465")
    out["tk_466.txt"] = ("""28 Mart

Saýlanan deputatlar barada maglumat

2023-nji ýylyň 26-njy martynda geçirilen Türkmenistanyň Mejlisiniň deputatlarynyň saýlawlarynda saýlanylan deputatlar barada maglumat

1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Bazarow Rejep – mugallym.

2-nji «Bitaraplyk» saýlaw okrugy boýunça Annaýewa Gözel – lukman.
""", "https://saylav.gov.tm/tk/news/466")
    out["en_430.txt"] = ("""20 Feb

Meeting with the OSCE delegation

On February 20, 2023, a meeting was held at the office of the Central election commission with the participation of Alexei Gromov, senior advisor of the OSCE bureau for Democratic institutions and human rights. The meeting was attended by the chairman of the Central election commission, Gulmyrat Myradov.

The parties discussed the preparation of the March 2023 parliamentary elections.
""", "https://saylav.gov.tm/en/news/430")
    out["ru_430.txt"] = ("""20 Фев

Встреча с делегацией ОБСЕ

20 февраля 2023 года состоялась встреча с участием старшего советника БДИПЧ ОБСЕ Алексея Громова. Во встрече принял участие председатель Центризбиркома Гулмырат Мырадов.
""", "https://saylav.gov.tm/ru/news/430")
    out["tk_431.txt"] = ("""22 Few

Saýlawlary geçirmek boýunça okuw maslahaty

2023-nji ýylyň 22-nji fewralynda uçastok saýlaw toparlarynyň agzalary üçin okuw maslahaty geçirildi.
""", "https://saylav.gov.tm/tk/news/431")
    out["en_999.txt"] = (f"""01 Mar

{HOSTILE_TITLE}

{HOSTILE_BODY}

Second paragraph </p><script>alert(3)</script> with a bell\x07 character.
""", "https://saylav.gov.tm/en/news/999")
    out["hostile_url.txt"] = ("""02 Mar

A story from a strange address

This story came with an address that is not a web address, on March 2, 2023.
""", "javascript:alert(4)")
    return out


def write_corpus(raw: Path) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for name, (text, url) in corpus().items():
        (raw / name).write_text(text, encoding="utf-8")
        (raw / (name + ".meta.json")).write_text(json.dumps({"url": url, "fetched_at": FETCHED}))


def saylav_load(raw: Path, db: Path) -> None:
    """Run `saylav load --raw RAW --db DB` (in-process, as `make load` would run it)."""
    from click.testing import CliRunner

    from etl.cli import cli

    result = CliRunner().invoke(cli, ["load", "--raw", str(raw), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, f"{result.output}\n{result.exception!r}"


@pytest.fixture(scope="session")
def site_db(tmp_path_factory) -> Path:
    """The test corpus loaded into a temporary saylav.db (with its inspect.json beside it)."""
    out = tmp_path_factory.mktemp("site")
    write_corpus(out / "raw")
    db = out / "saylav.db"
    saylav_load(out / "raw", db)
    return db


@pytest.fixture(scope="session")
def site_ds(site_db):
    """The archive served as `make serve` serves it (etl.serve.make_app), for the test client."""
    from etl.serve import make_app

    return make_app(site_db)


async def get(ds, path: str, status: int | None = 200, **kwargs):
    """GET a path with Datasette's test client; check the status unless `status` is None."""
    response = await ds.client.get(path, **kwargs)
    if status is not None:
        assert response.status_code == status, f"{path}: {response.status_code}\n{response.text[:2000]}"
    return response


def local_links(html: str) -> list[str]:
    """Every same-site href in a page, in order, without repeats."""
    import re
    from html import unescape

    out = []
    for href in re.findall(r'href="([^"]*)"', html):
        href = unescape(href)
        if href.startswith("/") and not href.startswith("//") and href not in out:
            out.append(href)
    return out
