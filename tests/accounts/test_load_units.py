"""Loading the unit tree from CSV: the load_units command and the organizer's upload form.

Both are all or nothing: a file with one bad row loads nothing and names the row.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from accounts.demo import UNITS_CSV
from accounts.models import OrganizationUnit

UNITS = reverse("accounts-unit-list")
AN_GIANG = UNITS_CSV.read_text(encoding="utf-8")
# The real file has a header and 32 units, so the first appended row is row 34.
NEXT_ROW = len(AN_GIANG.splitlines()) + 1


def load_units(path: Path) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_units", str(path), stdout=out)
    return out.getvalue()


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "units.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.django_db
def test_load_units_loads_the_an_giang_tree():
    output = load_units(UNITS_CSV)

    assert "32 created, 0 updated, 0 unchanged" in output
    assert OrganizationUnit.objects.count() == 32
    levels = {
        level: OrganizationUnit.objects.filter(level=level).count()
        for level in ["province", "department", "district"]
    }
    assert levels == {"province": 1, "department": 20, "district": 11}
    province = OrganizationUnit.objects.get(level="province")
    assert province.code == "AG"
    assert province.parent is None
    assert set(
        OrganizationUnit.objects.exclude(pk=province.pk).values_list("parent", flat=True)
    ) == {province.pk}
    long_xuyen = OrganizationUnit.objects.get(code="AG-LX")
    assert long_xuyen.name == "Thành phố Long Xuyên"
    assert long_xuyen.headcount == 505
    assert long_xuyen.headcount_is_demo is True
    assert OrganizationUnit.objects.get(code="AG-SVHTTDL").name == "Sở Văn hóa, Thể thao và Du lịch"


@pytest.mark.django_db
def test_load_units_twice_creates_nothing_the_second_time():
    load_units(UNITS_CSV)
    before = dict(OrganizationUnit.objects.values_list("code", "pk"))

    output = load_units(UNITS_CSV)

    assert "0 created, 0 updated, 32 unchanged" in output
    assert dict(OrganizationUnit.objects.values_list("code", "pk")) == before


@pytest.mark.django_db
def test_load_units_updates_a_renamed_unit_in_place(tmp_path, units):
    renamed = AN_GIANG.replace("Huyện Tịnh Biên,", "Thị xã Tịnh Biên,")
    assert renamed != AN_GIANG

    output = load_units(write_csv(tmp_path, renamed))

    assert "0 created, 1 updated, 31 unchanged" in output
    tinh_bien = OrganizationUnit.objects.get(code="AG-TB")
    assert tinh_bien.pk == units["AG-TB"].pk
    assert tinh_bien.name == "Thị xã Tịnh Biên"
    assert OrganizationUnit.objects.count() == 32


@pytest.mark.django_db
def test_load_units_adds_communes_whose_parent_is_already_in_the_database(tmp_path, units):
    text = (
        "code,name,parent_code,level\n"
        "AG-LX-MB,Phường Mỹ Bình,AG-LX,commune\n"
        "AG-LX-MX,Phường Mỹ Xuyên,AG-LX,commune\n"
    )

    output = load_units(write_csv(tmp_path, text))

    assert "2 created" in output
    assert OrganizationUnit.objects.get(code="AG-LX-MB").parent == units["AG-LX"]


@pytest.mark.django_db
def test_load_units_accepts_a_utf8_file_with_a_byte_order_mark_from_excel(tmp_path):
    load_units(write_csv(tmp_path, AN_GIANG, encoding="utf-8-sig"))

    assert OrganizationUnit.objects.count() == 32


def _bad_files():
    """(extra rows appended to the real file, bad row number, words in the reason)."""
    return [
        pytest.param(
            ["AG-LX-MB,Phường Mỹ Bình,AG-LX,ward,,0,40"],
            NEXT_ROW + 1,
            "Unknown level ward",
            id="unknown-level",
        ),
        pytest.param(
            ["AG-XX-1,Xã Không Tên,AG-XX,commune,,0,40"],
            NEXT_ROW + 1,
            "The parent unit AG-XX does not exist",
            id="unknown-parent",
        ),
        pytest.param(
            ["AG-LX,Thành phố Long Xuyên (trùng),AG,district,,0,40"],
            NEXT_ROW + 1,
            "The code AG-LX appears twice",
            id="duplicate-code",
        ),
        pytest.param(
            ["AG-C1,Xã Một,AG-C2,commune,,0,40", "AG-C2,Xã Hai,AG-C1,commune,,0,41"],
            NEXT_ROW + 1,
            "cycle",
            id="cycle",
        ),
        pytest.param(
            ["AG-C1,Xã Một,AG-C1,commune,,0,40"],
            NEXT_ROW + 1,
            "cannot be its own parent",
            id="own-parent",
        ),
        pytest.param(
            ["AG-C1,Xã Một,AG-LX,commune,many,0,40"],
            NEXT_ROW + 1,
            "headcount must be a whole number",
            id="headcount-not-a-number",
        ),
    ]


def _file_with(extra_rows: list[str]) -> str:
    """The real file with Long Xuyên renamed, one good new commune, then the bad rows."""
    text = AN_GIANG.replace("Thành phố Long Xuyên,", "TP Long Xuyên (đổi tên),")
    good = "AG-LX-MQ,Phường Mỹ Quý,AG-LX,commune,,0,39"
    return text.rstrip("\n") + "\n" + "\n".join([good, *extra_rows]) + "\n"


@pytest.mark.django_db
@pytest.mark.parametrize(("extra_rows", "row", "reason"), _bad_files())
def test_load_units_with_a_bad_row_names_the_row_and_loads_nothing(
    tmp_path, units, extra_rows, row, reason
):
    before = list(OrganizationUnit.objects.values_list("code", "name", "parent", "level"))

    with pytest.raises(CommandError) as excinfo:
        load_units(write_csv(tmp_path, _file_with(extra_rows)))

    message = str(excinfo.value)
    assert "nothing was loaded" in message
    assert f"Row {row}: " in message
    assert reason in message
    assert list(OrganizationUnit.objects.values_list("code", "name", "parent", "level")) == before
    assert not OrganizationUnit.objects.filter(code="AG-LX-MQ").exists()


@pytest.mark.django_db
def test_load_units_with_a_bad_row_loads_nothing_into_an_empty_database(tmp_path):
    with pytest.raises(CommandError):
        load_units(write_csv(tmp_path, _file_with(["AG-C1,Xã Một,AG-LX,hamlet,,0,40"])))

    assert OrganizationUnit.objects.count() == 0


@pytest.mark.django_db
def test_load_units_from_a_file_that_is_not_utf8_names_the_first_bad_row(tmp_path, units):
    # One row saved from a legacy Windows code page instead of UTF-8.
    text = _file_with(["AG-LX-HB,Xã Hòa Bình,AG-LX,commune,,0,40"])
    lines = text.splitlines(keepends=True)
    data = "".join(lines[:-1]).encode("utf-8") + lines[-1].encode("cp1252")
    path = tmp_path / "units.csv"
    path.write_bytes(data)
    before = OrganizationUnit.objects.count()

    with pytest.raises(CommandError) as excinfo:
        load_units(path)

    assert f"Row {NEXT_ROW + 1}: The file is not UTF-8 text" in str(excinfo.value)
    assert OrganizationUnit.objects.count() == before
    assert OrganizationUnit.objects.get(code="AG-LX").name == "Thành phố Long Xuyên"


@pytest.mark.django_db
def test_load_units_with_a_missing_column_explains_which(tmp_path):
    with pytest.raises(CommandError) as excinfo:
        load_units(write_csv(tmp_path, "code,name,level\nAG,Tỉnh An Giang,province\n"))

    assert "Missing column(s): parent_code" in str(excinfo.value)
    assert OrganizationUnit.objects.count() == 0


@pytest.mark.django_db
def test_load_units_with_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        load_units(tmp_path / "nowhere.csv")


@pytest.mark.django_db
def test_load_units_reads_vietnamese_column_names(tmp_path):
    text = "Mã đơn vị,Tên đơn vị,Mã đơn vị cha,Cấp\nAG,Tỉnh An Giang,,province\n"

    load_units(write_csv(tmp_path, text))

    assert OrganizationUnit.objects.get().name == "Tỉnh An Giang"


# --- The organizer's upload form on /me/units/ ----------------------------------------


def _upload(client, text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        UNITS, {"file": SimpleUploadedFile("units.csv", data, content_type="text/csv")}
    )


@pytest.mark.django_db
def test_organizer_uploads_a_unit_file_and_sees_the_new_units(en_client, olga):
    en_client.force_login(olga)
    text = "code,name,parent_code,level,headcount\nAG-LX-MB,Phường Mỹ Bình,AG-LX,commune,42\n"

    response = _upload(en_client, text)

    assert response.status_code == 302
    page = en_client.get(response["Location"])
    html = page.content.decode()
    assert "Units loaded: 1 new, 0 updated, 0 unchanged." in html
    assert "Phường Mỹ Bình" in html
    assert OrganizationUnit.objects.get(code="AG-LX-MB").headcount == 42


@pytest.mark.django_db
@pytest.mark.parametrize(("extra_rows", "row", "reason"), _bad_files())
def test_organizer_upload_with_a_bad_row_lists_the_row_and_loads_nothing(
    en_client, olga, extra_rows, row, reason
):
    en_client.force_login(olga)
    before = list(OrganizationUnit.objects.values_list("code", "name", "parent", "level"))

    response = _upload(en_client, _file_with(extra_rows))

    assert response.status_code == 200
    html = response.content.decode()
    assert "The unit file has" in html
    assert "nothing was loaded" in html
    assert f"<li>Row {row}: " in html
    assert reason in html
    assert list(OrganizationUnit.objects.values_list("code", "name", "parent", "level")) == before


@pytest.mark.django_db
def test_organizer_upload_of_a_non_utf8_file_names_the_row_and_loads_nothing(en_client, olga):
    en_client.force_login(olga)
    data = "code,name,parent_code,level\nAG-LX-HB,Xã Hòa Bình,AG-LX,commune\n".encode("cp1252")

    response = _upload(en_client, data)

    assert "Row 2: The file is not UTF-8 text" in response.content.decode()
    assert not OrganizationUnit.objects.filter(code="AG-LX-HB").exists()


@pytest.mark.django_db
def test_organizer_upload_without_a_file_asks_for_one(en_client, olga):
    en_client.force_login(olga)

    response = en_client.post(UNITS, {"file": ""})

    assert response.status_code == 200
    assert '<div class="field has-error required" id="field-file">' in response.content.decode()
    assert not list(get_messages(response.wsgi_request))
