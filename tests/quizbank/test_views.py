"""The organizer's pages: who may see them, search and filters, bulk review, the editor."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from quizbank.models import Question, QuestionEvent, Topic

pytestmark = pytest.mark.django_db

TTHC = "Cải cách thủ tục hành chính nhằm mục tiêu gì?"
CORRECT_CHOICE = "Nâng cao chất lượng phục vụ người dân, doanh nghiệp"


def _bank_urls(question: Question, topic: Topic) -> list[str]:
    return [
        reverse("quizbank-question-list"),
        reverse("quizbank-question-detail", args=[question.pk]),
        reverse("quizbank-question-edit", args=[question.pk]),
        reverse("quizbank-question-create"),
        reverse("quizbank-import"),
        reverse("quizbank-import-template", args=["xlsx"]),
        reverse("quizbank-export"),
        reverse("quizbank-export") + "?format=xlsx",
        reverse("quizbank-analysis"),
        reverse("quizbank-topic-list"),
        reverse("quizbank-topic-edit", args=[topic.pk]),
    ]


def _listed_ids(page) -> list[int]:
    return [int(i) for i in re.findall(r'name="ids" value="(\d+)"', page.content.decode())]


# --- permissions --------------------------------------------------------------------------


def test_organizer_opens_every_bank_page(olga_client, approved_question, topic):
    for url in _bank_urls(approved_question, topic):
        assert olga_client.get(url).status_code == 200, url


def test_participant_gets_403_on_every_bank_page(phuong_client, approved_question, topic):
    for url in _bank_urls(approved_question, topic):
        response = phuong_client.get(url)
        assert response.status_code == 403, url
        assert CORRECT_CHOICE not in response.content.decode(), url


def test_citizen_participant_gets_403_on_the_bank(dan, approved_question):
    from django.test import Client

    client = Client()
    client.force_login(dan)
    assert client.get(reverse("quizbank-question-list")).status_code == 403


def test_committee_member_gets_403_on_every_bank_page(khoa_client, approved_question, topic):
    for url in _bank_urls(approved_question, topic):
        assert khoa_client.get(url).status_code == 403, url


def test_anonymous_visitor_is_sent_to_sign_in(anon_client, approved_question, topic):
    login = reverse("account_login")
    for url in _bank_urls(approved_question, topic):
        response = anon_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login + "?next="), url


def test_participant_cannot_approve_or_edit_through_posts(phuong_client, make_question, topic):
    question = make_question(TTHC)

    bulk = phuong_client.post(
        reverse("quizbank-question-list"), {"action": "approve", "ids": [question.pk]}
    )
    single = phuong_client.post(
        reverse("quizbank-question-transition", args=[question.pk]), {"action": "approve"}
    )
    edit = phuong_client.post(
        reverse("quizbank-question-edit", args=[question.pk]),
        {"topic": topic.pk, "kind": "single", "text": "Đã bị sửa?"},
    )

    assert (bulk.status_code, single.status_code, edit.status_code) == (403, 403, 403)
    question.refresh_from_db()
    assert question.status == "draft"
    assert question.current_version.text == TTHC
    assert question.events.count() == 1


def test_participant_pages_show_no_bank_question_or_answer_key(phuong_client, approved_question):
    for url in [reverse("home"), reverse("accounts-profile")]:
        response = phuong_client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert TTHC not in html, url
        assert CORRECT_CHOICE not in html, url
        assert "✔" not in html, url
        assert reverse("quizbank-question-list") not in html, url  # no link to the bank


def test_organizer_sees_the_bank_in_the_menu(olga_client):
    assert reverse("quizbank-question-list") in olga_client.get(reverse("home")).content.decode()


# --- search and filters -------------------------------------------------------------------


@pytest.fixture
def bank(make_question, topic, subtopic, other_topic):
    """Four questions spread over topics, statuses, difficulties, kinds and audiences."""
    return {
        "tthc": make_question(
            "Cải cách thủ tục hành chính tập trung vào những nội dung nào?",
            status="approved",
            difficulty="easy",
            audience="civil_servant",
            tags=["tthc"],
        ),
        "mot_cua": make_question(
            "Bộ phận Một cửa đặt ở đâu?",
            on_topic=subtopic,
            status="in_review",
            difficulty="hard",
            audience="citizen",
            tags=["một cửa"],
        ),
        "tai_chinh": make_question(
            "Tự chủ tài chính của đơn vị sự nghiệp công là gì?",
            on_topic=other_topic,
            kind="multiple",
            correct=(0, 1),
        ),
        "numeric": make_question(
            "Tỉnh đã cắt giảm bao nhiêu thủ tục trong năm?",
            kind="numeric",
            choices=(),
            numeric_answer=120,
            status="retired",
        ),
    }


def _search(client, **params) -> set[int]:
    return set(_listed_ids(client.get(reverse("quizbank-question-list"), params)))


def test_search_without_diacritics_finds_the_vietnamese_question(olga_client, bank):
    assert _search(olga_client, q="cai cach") == {bank["tthc"].pk}
    assert _search(olga_client, q="thu tuc") == {bank["tthc"].pk, bank["numeric"].pk}
    assert _search(olga_client, q="THỦ TỤC hành") == {bank["tthc"].pk}


def test_search_also_reads_the_choices(olga_client, bank):
    assert _search(olga_client, q="nang cao chat luong") == {q.pk for q in bank.values()} - {
        bank["numeric"].pk
    }


def test_search_by_question_number(olga_client, bank):
    assert _search(olga_client, q=f"#{bank['mot_cua'].pk}") == {bank["mot_cua"].pk}


def test_search_that_matches_nothing_says_so(olga_client, bank):
    page = olga_client.get(reverse("quizbank-question-list"), {"q": "không có câu nào như vậy"})
    assert "No questions match." in page.content.decode()


def test_topic_filter_includes_sub_topics(olga_client, bank, topic, subtopic):
    assert _search(olga_client, topic=topic.pk) == {
        bank["tthc"].pk,
        bank["mot_cua"].pk,
        bank["numeric"].pk,
    }
    assert _search(olga_client, topic=subtopic.pk) == {bank["mot_cua"].pk}


def test_filters_by_status_difficulty_kind_audience_and_tag(olga_client, bank):
    assert _search(olga_client, status="approved") == {bank["tthc"].pk}
    assert _search(olga_client, status="retired") == {bank["numeric"].pk}
    assert _search(olga_client, difficulty="hard") == {bank["mot_cua"].pk}
    assert _search(olga_client, kind="multiple") == {bank["tai_chinh"].pk}
    assert _search(olga_client, kind="numeric") == {bank["numeric"].pk}
    assert _search(olga_client, audience="citizen") == {bank["mot_cua"].pk}
    assert _search(olga_client, tag="một cửa") == {bank["mot_cua"].pk}


def test_filters_combine(olga_client, bank, topic):
    assert _search(olga_client, topic=topic.pk, difficulty="easy", q="cai cach") == {
        bank["tthc"].pk
    }
    assert _search(olga_client, topic=topic.pk, kind="multiple") == set()


def test_unknown_filter_values_are_ignored(olga_client, bank):
    assert _search(olga_client, status="deleted", kind="essay") == {q.pk for q in bank.values()}


def test_list_shows_the_duplicate_badge(olga_client, make_question):
    first = make_question("Cải cách hành chính là gì?")
    make_question("cai cach  HANH CHINH la gi")

    html = olga_client.get(reverse("quizbank-question-list")).content.decode()
    assert f"duplicate of #{first.pk}?" in html


# --- bulk review on the list page -------------------------------------------------------


def test_bulk_approve_changes_only_allowed_questions_and_logs_the_actor(
    olga_client, olga, make_question
):
    draft = make_question("Câu hỏi nháp về một cửa?")
    in_review = make_question("Câu hỏi đang duyệt về liên thông?", status="in_review")
    retired = make_question("Câu hỏi đã loại về tài chính?", status="retired")

    page = olga_client.post(
        reverse("quizbank-question-list"),
        {"action": "approve", "ids": [draft.pk, in_review.pk, retired.pk]},
        follow=True,
    )

    assert "2 question(s) changed, 1 skipped" in page.content.decode()
    statuses = dict(Question.objects.values_list("pk", "status"))
    assert statuses == {draft.pk: "approved", in_review.pk: "approved", retired.pk: "retired"}
    approvals = QuestionEvent.objects.filter(action="approved")
    assert {(e.question_id, e.actor_id) for e in approvals} == {
        (draft.pk, olga.pk),
        (in_review.pk, olga.pk),
    }


def test_bulk_retire_then_return_to_draft(olga_client, make_question):
    question = make_question(status="approved")
    url = reverse("quizbank-question-list")

    olga_client.post(url, {"action": "retire", "ids": [question.pk]})
    question.refresh_from_db()
    assert question.status == "retired"

    olga_client.post(url, {"action": "return", "ids": [question.pk]})
    question.refresh_from_db()
    assert question.status == "draft"


def test_unknown_bulk_action_is_refused_and_changes_nothing(olga_client, make_question):
    question = make_question()

    page = olga_client.post(
        reverse("quizbank-question-list"),
        {"action": "delete", "ids": [question.pk]},
        follow=True,
    )

    assert "Unknown action." in page.content.decode()
    question.refresh_from_db()
    assert question.status == "draft"
    assert question.events.count() == 1


def test_bulk_action_without_a_selection_asks_for_one(olga_client, make_question):
    make_question()
    page = olga_client.post(reverse("quizbank-question-list"), {"action": "approve"}, follow=True)
    assert "Select at least one question." in page.content.decode()
    assert not Question.objects.filter(status="approved").exists()


def test_detail_page_buttons_move_a_question_through_review(olga_client, olga, make_question):
    question = make_question()
    url = reverse("quizbank-question-transition", args=[question.pk])

    page = olga_client.post(url, {"action": "submit"}, follow=True)
    assert "Status changed." in page.content.decode()
    page = olga_client.post(url, {"action": "submit"}, follow=True)
    assert "That action is not allowed from the current status." in page.content.decode()
    olga_client.post(url, {"action": "approve"})

    question.refresh_from_db()
    assert question.status == "approved"
    assert list(question.events.order_by("pk").values_list("action", flat=True)) == [
        "created",
        "submitted",
        "approved",
    ]


# --- the editor -------------------------------------------------------------------------


def _form(topic, **overrides) -> dict:
    data = {
        "topic": topic.pk,
        "kind": "single",
        "difficulty": "hard",
        "audience": "citizen",
        "text": "Hồ sơ được nộp qua những kênh nào?",
        "choice_0": "Trực tiếp, bưu chính, trực tuyến",
        "choice_1": "Chỉ trực tiếp",
        "choice_2": "Qua mạng xã hội của cán bộ",
        "correct_0": "on",
        "explanation": "Theo Nghị định 61/2018/NĐ-CP.",
        "legal_reference": "Nghị định 61/2018/NĐ-CP, Điều 15",
        "tags": "một cửa, nộp hồ sơ",
    }
    data.update(overrides)
    return data


def test_editor_page_has_the_live_preview_and_loads_bank_js(olga_client, topic):
    html = olga_client.get(reverse("quizbank-question-create")).content.decode()

    assert 'id="question-form"' in html
    assert 'id="preview-text"' in html and 'id="preview-choices"' in html
    assert "js/bank.js" in html
    for i in range(8):
        assert f'name="choice_{i}"' in html and f'name="correct_{i}"' in html


def test_creating_a_question_through_the_editor(olga_client, olga, topic):
    page = olga_client.post(reverse("quizbank-question-create"), _form(topic), follow=True)

    question = Question.objects.get()
    assert page.redirect_chain[-1][0] == reverse("quizbank-question-detail", args=[question.pk])
    assert f"Question #{question.pk} created as a draft." in page.content.decode()
    assert (question.status, question.difficulty, question.audience, question.author) == (
        "draft",
        "hard",
        "citizen",
        olga,
    )
    version = question.current_version
    assert version.text == "Hồ sơ được nộp qua những kênh nào?"
    assert [(c.text, c.is_correct) for c in version.choices.all()] == [
        ("Trực tiếp, bưu chính, trực tuyến", True),
        ("Chỉ trực tiếp", False),
        ("Qua mạng xã hội của cán bộ", False),
    ]
    assert version.legal_reference == "Nghị định 61/2018/NĐ-CP, Điều 15"
    assert sorted(t.name for t in question.tags.all()) == ["một cửa", "nộp hồ sơ"]


def test_editor_shows_errors_beside_the_form_and_saves_nothing(olga_client, topic):
    page = olga_client.post(
        reverse("quizbank-question-create"),
        _form(topic, correct_0="", choice_2="<script>alert(1)</script>"),
    )

    html = page.content.decode()
    assert page.status_code == 200
    errors = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', html, re.S)
    assert errors, "the errors are shown above the form"
    assert "No choice is marked correct." in errors.group(1)
    assert "Choice C contains HTML or a script tag" in errors.group(1)
    assert "<script>alert(1)</script>" not in html  # what was typed comes back escaped
    assert "Hồ sơ được nộp qua những kênh nào?" in html  # and is kept in the form
    assert Question.objects.count() == 0


def test_editor_refuses_a_megabyte_of_text(olga_client, topic):
    page = olga_client.post(reverse("quizbank-question-create"), _form(topic, text="x" * 1_000_000))
    assert page.status_code == 200
    assert 'id="field-text"' in page.content.decode()
    assert "has-error" in page.content.decode()
    assert Question.objects.count() == 0


def test_editor_warns_about_a_duplicate(olga_client, make_question, topic):
    first = make_question("Cải cách hành chính là gì?")

    page = olga_client.post(
        reverse("quizbank-question-create"),
        _form(topic, text="cai cach  HANH CHINH la gi"),
        follow=True,
    )

    assert f"It looks like a duplicate of question #{first.pk}." in page.content.decode()
    assert Question.objects.latest("pk").duplicate_of == first


def test_numeric_question_through_the_editor(olga_client, topic):
    form = _form(topic, kind="numeric", text="Bao nhiêu thủ tục được cắt giảm?")
    olga_client.post(reverse("quizbank-question-create"), {**form, "numeric_answer": ""})
    assert Question.objects.count() == 0

    olga_client.post(
        reverse("quizbank-question-create"),
        {**form, "numeric_answer": "120", "numeric_tolerance": "5"},
    )
    version = Question.objects.get().current_version
    assert (version.kind, version.choices.count(), str(version.numeric_answer)) == (
        "numeric",
        0,
        "120.00",
    )


def test_bold_markup_renders_as_strong_on_the_detail_page(olga_client, make_question):
    question = make_question("Cơ chế **một cửa** áp dụng ở *cấp xã* không?")

    html = olga_client.get(reverse("quizbank-question-detail", args=[question.pk])).content.decode()

    assert "Cơ chế <strong>một cửa</strong> áp dụng ở <em>cấp xã</em> không?" in html


def test_html_bold_tag_is_refused_by_the_editor(olga_client, topic):
    page = olga_client.post(
        reverse("quizbank-question-create"), _form(topic, text="Cơ chế <b>một cửa</b> là gì?")
    )
    assert "The question text contains HTML or a script tag" in page.content.decode()
    assert Question.objects.count() == 0


def test_stored_text_is_escaped_on_every_page(olga_client, make_question):
    question = make_question(
        "Thời hạn &lt; 5 ngày & 1 < 2 có đúng không?", choices=["Có &amp; đúng", "Không"]
    )

    detail = olga_client.get(reverse("quizbank-question-detail", args=[question.pk]))
    listing = olga_client.get(reverse("quizbank-question-list"))

    for html in (detail.content.decode(), listing.content.decode()):
        assert "Thời hạn &amp;lt; 5 ngày &amp; 1 &lt; 2" in html
    assert "Có &amp;amp; đúng" in detail.content.decode()


def test_detail_page_shows_the_key_explanation_and_reference_to_the_organizer(
    olga_client, approved_question
):
    html = olga_client.get(
        reverse("quizbank-question-detail", args=[approved_question.pk])
    ).content.decode()

    assert TTHC in html
    assert re.search(r"A\. " + CORRECT_CHOICE + r"</td><td>✔ correct", html)
    assert "Nghị quyết 76/NQ-CP" in html
    assert "Not used in any finished attempt yet." in html


def test_editing_page_is_prefilled_with_the_current_version(olga_client, approved_question):
    html = olga_client.get(
        reverse("quizbank-question-edit", args=[approved_question.pk])
    ).content.decode()
    assert TTHC in html
    assert f'value="{CORRECT_CHOICE}"' in html
    assert re.search(r'name="correct_0"[^>]*checked', html)


def test_missing_question_is_404(olga_client, db):
    assert olga_client.get(reverse("quizbank-question-detail", args=[999])).status_code == 404


# --- topics -----------------------------------------------------------------------------


def test_organizer_adds_a_sub_topic(olga_client, topic):
    page = olga_client.post(
        reverse("quizbank-topic-list"),
        {"name": "Liên thông", "slug": "lien-thong", "parent": topic.pk, "sort_order": 1},
        follow=True,
    )
    assert "Topic saved." in page.content.decode()
    assert Topic.objects.get(slug="lien-thong").parent == topic


def test_topic_cannot_be_moved_under_its_own_sub_topic(olga_client, topic, subtopic):
    page = olga_client.post(
        reverse("quizbank-topic-edit", args=[topic.pk]),
        {"name": topic.name, "slug": topic.slug, "parent": subtopic.pk, "sort_order": 0},
    )
    assert "A topic cannot sit under itself." in page.content.decode()
    topic.refresh_from_db()
    assert topic.parent is None


def test_true_false_question_keeps_the_ticked_answer_when_the_page_ran_without_script(
    olga_client, topic
):
    # Without bank.js the choice boxes stay empty; ticking "B" (False) must still be the key.
    form = _form(topic, kind="true_false", text="Hồ sơ chỉ được nộp trực tiếp.")
    form.update(
        {"choice_0": "", "choice_1": "", "choice_2": "", "correct_0": "", "correct_1": "on"}
    )

    olga_client.post(reverse("quizbank-question-create"), form)

    version = Question.objects.get().current_version
    assert [c.is_correct for c in version.choices.all()] == [False, True]


def test_true_false_question_without_a_ticked_answer_is_refused(olga_client, topic):
    form = _form(topic, kind="true_false", text="Hồ sơ chỉ được nộp trực tiếp.")
    form.update({"choice_0": "", "choice_1": "", "choice_2": "", "correct_0": ""})

    page = olga_client.post(reverse("quizbank-question-create"), form)

    assert "No choice is marked correct." in page.content.decode()
    assert Question.objects.count() == 0
