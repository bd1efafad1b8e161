from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.forms import TreeChoiceIterator
from quizbank.formats import FORMATS
from quizbank.formats.base import ParsedChoice, ParsedQuestion
from quizbank.models import Question, Topic
from quizbank.selectors import topics_tree
from quizbank.services import MAX_CHOICES, question_data_clean, question_data_errors

IMAGE_TYPES = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpg",
    b"RIFF": "webp",
    b"GIF8": "gif",
}
MAX_IMAGE_BYTES = 2 * 1024 * 1024


class TopicChoiceField(forms.ModelChoiceField):
    iterator = TreeChoiceIterator
    tree = staticmethod(topics_tree)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Topic.objects.all())
        super().__init__(**kwargs)


def validate_image(upload) -> None:  # type: ignore[no-untyped-def]
    if upload.size > MAX_IMAGE_BYTES:
        raise forms.ValidationError(_("The image is larger than 2 MB."), code="image_too_big")
    head = upload.read(12)
    upload.seek(0)
    if not any(head.startswith(magic) for magic in IMAGE_TYPES):
        raise forms.ValidationError(
            _("The image must be a PNG, JPEG, GIF or WebP file."), code="image_type"
        )


class QuestionForm(forms.Form):
    """The organizer's editor. Content rules come from the service, so the form and
    every import format refuse exactly the same things."""

    topic = TopicChoiceField(label=_("Topic"))
    kind = forms.ChoiceField(label=_("Kind"), choices=Question.Kind.choices)
    difficulty = forms.ChoiceField(
        label=_("Difficulty"), choices=Question.Difficulty.choices, initial="medium"
    )
    audience = forms.ChoiceField(
        label=_("Audience"), choices=Question.Audience.choices, initial="both"
    )
    text = forms.CharField(
        label=_("Question text"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text; **bold** and *italic* are allowed. No HTML."),
        max_length=20000,
    )
    image = forms.FileField(label=_("Image (optional)"), required=False)
    clear_image = forms.BooleanField(label=_("Remove the current image"), required=False)
    numeric_answer = forms.DecimalField(
        label=_("Correct number"), required=False, max_digits=14, decimal_places=2
    )
    numeric_tolerance = forms.DecimalField(
        label=_("Tolerance (±)"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    explanation = forms.CharField(
        label=_("Explanation (shown after grading)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20000,
    )
    legal_reference = forms.CharField(
        label=_("Legal reference"),
        required=False,
        max_length=1000,
        help_text=_("For example: Nghị định 61/2018/NĐ-CP, Điều 5"),
    )
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Comma-separated."), max_length=1000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(MAX_CHOICES):
            letter = "ABCDEFGH"[i]
            self.fields[f"choice_{i}"] = forms.CharField(
                label=_("Choice %(letter)s") % {"letter": letter},
                required=False,
                max_length=5000,
            )
            self.fields[f"correct_{i}"] = forms.BooleanField(
                label=_("%(letter)s is correct") % {"letter": letter}, required=False
            )

    def choice_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"choice_{i}"], self[f"correct_{i}"]) for i in range(MAX_CHOICES)]

    def clean_image(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data.get("image")
        if upload:
            validate_image(upload)
        return upload

    def to_parsed(self) -> ParsedQuestion:
        data = self.cleaned_data
        kind = data.get("kind", "single")
        choices = []
        if kind != "numeric":
            for i in range(MAX_CHOICES):
                text = data.get(f"choice_{i}", "")
                if kind == "true_false" and i < 2 and not text.strip():
                    # The page without its script: keep the ticks, not a default key.
                    text = str(_("True") if i == 0 else _("False"))
                if text.strip():
                    choices.append(ParsedChoice(text, bool(data.get(f"correct_{i}"))))
        return ParsedQuestion(
            ref="form",
            kind=kind,
            text=data.get("text", ""),
            choices=choices,
            numeric_answer=data.get("numeric_answer"),
            numeric_tolerance=data.get("numeric_tolerance") or Decimal("0"),
            difficulty=data.get("difficulty", "medium"),
            audience=data.get("audience", "both"),
            explanation=data.get("explanation", ""),
            legal_reference=data.get("legal_reference", ""),
            tags=[t.strip() for t in data.get("tags", "").split(",") if t.strip()],
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors:
            parsed = question_data_clean(self.to_parsed())
            for message in question_data_errors(parsed):
                self.add_error(None, message)
        return cleaned

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        version = question.current_version
        assert version is not None
        initial: dict[str, Any] = {
            "topic": question.topic_id,
            "kind": version.kind,
            "difficulty": question.difficulty,
            "audience": question.audience,
            "text": version.text,
            "numeric_answer": version.numeric_answer,
            "numeric_tolerance": version.numeric_tolerance,
            "explanation": version.explanation,
            "legal_reference": version.legal_reference,
            "tags": ", ".join(t.name for t in question.tags.all()),
        }
        for choice in version.choices.all():
            initial[f"choice_{choice.order}"] = choice.text
            initial[f"correct_{choice.order}"] = choice.is_correct
        return initial


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File"))
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("From the file name"))] + [(f, f.upper()) for f in FORMATS],
    )
    topic = TopicChoiceField(
        label=_("Topic for questions that name none"), required=False, empty_label=_("—")
    )
    status = forms.ChoiceField(
        label=_("Status of the imported questions"),
        choices=[("draft", _("Draft")), ("approved", _("Approved"))],
        initial="draft",
    )


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[(f, f.upper()) for f in FORMATS])
    topic = TopicChoiceField(label=_("Topic"), required=False, empty_label=_("All topics"))


class TopicForm(forms.ModelForm):
    parent = TopicChoiceField(label=_("Parent topic"), required=False, empty_label=_("—"))

    class Meta:
        model = Topic
        fields = ["name", "slug", "parent", "description", "sort_order"]
