"""Who may open which page: participants, coordinators, committee, organizers, visitors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import OrganizationUnit
from tests.conftest import _make_user

MY_UNIT = reverse("accounts-my-unit")
UNITS = reverse("accounts-unit-list")
USERS = reverse("accounts-user-list")
PROFILE = reverse("accounts-profile")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [MY_UNIT, UNITS, USERS, PROFILE])
def test_anonymous_visitor_is_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("person", "url", "status"),
    [
        ("phuong", UNITS, 403),
        ("phuong", USERS, 403),
        ("phuong", MY_UNIT, 403),
        ("dan", UNITS, 403),
        ("dan", USERS, 403),
        ("dan", MY_UNIT, 403),
        ("khoa", UNITS, 403),
        ("khoa", USERS, 403),
        ("khoa", MY_UNIT, 403),
        ("cuong", UNITS, 403),
        ("cuong", USERS, 403),
        ("cuong", MY_UNIT, 200),
        ("olga", UNITS, 200),
        ("olga", USERS, 200),
        ("olga", MY_UNIT, 200),
    ],
)
def test_each_role_reaches_only_its_own_pages(client, request, person, url, status):
    client.force_login(request.getfixturevalue(person))

    assert client.get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize("person", ["phuong", "dan", "khoa", "cuong"])
def test_only_organizers_can_post_to_the_unit_upload(client, request, person):
    client.force_login(request.getfixturevalue(person))
    before = OrganizationUnit.objects.count()

    response = client.post(UNITS, {})

    assert response.status_code == 403
    assert OrganizationUnit.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("person", "shown"),
    [("phuong", set()), ("khoa", set()), ("cuong", {MY_UNIT}), ("olga", {MY_UNIT, UNITS, USERS})],
)
def test_menu_shows_each_role_only_the_links_it_may_follow(en_client, request, person, shown):
    en_client.force_login(request.getfixturevalue(person))

    html = en_client.get(PROFILE).content.decode()

    for url in (MY_UNIT, UNITS, USERS):
        assert (f'href="{url}"' in html) == (url in shown), url


@pytest.mark.django_db
def test_coordinator_sees_the_members_of_their_unit_and_the_units_below(
    en_client, units, cuong, phuong, dan
):
    ward = OrganizationUnit.objects.create(
        code="AG-LX-MB", name="Phường Mỹ Bình", parent=units["AG-LX"], level="commune"
    )
    _make_user("mai@example.vn", "Võ Thị Mai", "civil_servant", units["AG-LX"], ["participant"])
    _make_user("hoa@example.vn", "Đặng Thị Hoa", "citizen", ward, ["participant"])
    en_client.force_login(cuong)

    response = en_client.get(MY_UNIT)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Thành phố Long Xuyên" in html
    assert "Võ Thị Mai" in html
    assert "Đặng Thị Hoa" in html
    assert "Phường Mỹ Bình" in html
    assert "Cường Điều Phối" in html
    assert phuong.full_name not in html, "Sở Tư pháp is not under Long Xuyên"
    assert dan.full_name not in html, "Chợ Mới is not under Long Xuyên"
    assert "3 registered members" in html


@pytest.mark.django_db
def test_coordinator_page_shows_no_personal_data(en_client, units, cuong):
    _make_user(
        "mai@example.vn",
        "Võ Thị Mai",
        "civil_servant",
        units["AG-LX"],
        ["participant"],
        phone="0987654321",
        citizen_id="089301000777",
    )
    en_client.force_login(cuong)

    html = en_client.get(MY_UNIT).content.decode()

    assert "Võ Thị Mai" in html
    assert "0987654321" not in html
    assert "089301000777" not in html
    assert "mai@example.vn" not in html


@pytest.mark.django_db
def test_coordinator_without_a_unit_is_asked_to_choose_one(en_client, cuong):
    cuong.unit = None
    cuong.save()
    en_client.force_login(cuong)

    html = en_client.get(MY_UNIT).content.decode()

    assert "Your profile has no unit" in html


@pytest.mark.django_db
def test_organizer_sees_citizen_ids_and_phone_numbers(en_client, olga, phuong, dan):
    en_client.force_login(olga)

    html = en_client.get(USERS).content.decode()

    assert "Phương Công Chức" in html
    assert "089201000123" in html
    assert "0912345678" in html
    assert "phuong@example.vn" in html
    assert "Dân Công Dân" in html


@pytest.mark.django_db
def test_organizer_finds_a_person_by_cccd_or_role(en_client, olga, phuong, dan, khoa):
    en_client.force_login(olga)

    by_cccd = en_client.get(USERS, {"q": "0892010"}).content.decode()
    by_role = en_client.get(USERS, {"role": "committee"}).content.decode()

    assert "Phương Công Chức" in by_cccd
    assert "Dân Công Dân" not in by_cccd
    assert "Khoa Committee" in by_role
    assert "Phương Công Chức" not in by_role
