from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quizbank.text import render_light


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent topic"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]
        permissions = [("manage_bank", _("Can build and review question banks"))]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("id")), name="topic_not_own_parent")
        ]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    """A question's identity and catalogue data; what it says lives in its versions."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True / false")
        NUMERIC = "numeric", _("Numeric (prediction)")

    class Difficulty(models.TextChoices):
        EASY = "easy", _("Easy")
        MEDIUM = "medium", _("Medium")
        HARD = "hard", _("Hard")

    class Audience(models.TextChoices):
        BOTH = "both", _("Civil servants and citizens")
        CIVIL_SERVANT = "civil_servant", _("Civil servants")
        CITIZEN = "citizen", _("Citizens")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        RETIRED = "retired", _("Retired")

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.BOTH
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="questions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    current_version = models.OneToOneField(
        "QuestionVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Folded text of the current version: diacritics-insensitive search and duplicates.
    search_text = models.TextField(editable=False, default="")
    fingerprint = models.CharField(max_length=255, editable=False, default="", db_index=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("possible duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status", "audience", "difficulty", "topic"])]

    def __str__(self) -> str:
        text = self.current_version.text if self.current_version_id else ""
        return f"#{self.pk} {text[:60]}"


class QuestionVersion(models.Model):
    """What a question said at one time. Once an attempt has used it, it never changes."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=20, choices=Question.Kind.choices)
    text = models.TextField(_("question text"), max_length=2000)
    image = models.FileField(_("image"), upload_to="questions/%Y/%m/", blank=True)
    explanation = models.TextField(_("explanation"), max_length=4000, blank=True)
    legal_reference = models.CharField(_("legal reference"), max_length=300, blank=True)
    numeric_answer = models.DecimalField(
        _("correct number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    numeric_tolerance = models.DecimalField(
        _("tolerance"), max_digits=14, decimal_places=2, default=0
    )
    is_used = models.BooleanField(
        _("used in an attempt"),
        default=False,
        help_text=_("Set when an attempt draws this version; it is then frozen."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("question version")
        verbose_name_plural = _("question versions")
        ordering = ["question", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="version_number_unique"),
            models.CheckConstraint(
                condition=Q(kind="numeric", numeric_answer__isnull=False) | ~Q(kind="numeric"),
                name="numeric_version_has_answer",
            ),
            models.CheckConstraint(
                condition=Q(numeric_tolerance__gte=0), name="tolerance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.question_id} v{self.number}"

    def text_html(self):
        return render_light(self.text)

    def explanation_html(self):
        return render_light(self.explanation)

    def correct_choice_ids(self) -> set[int]:
        return {c.pk for c in self.choices.all() if c.is_correct}


class Choice(models.Model):
    version = models.ForeignKey(
        QuestionVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="choices"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("choice text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(fields=["version", "order"], name="choice_order_unique"),
            models.CheckConstraint(condition=Q(order__lt=8), name="at_most_eight_choices"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def letter(self) -> str:
        return "ABCDEFGH"[self.order]

    def text_html(self):
        return render_light(self.text)


class QuestionEvent(models.Model):
    """The review trail: who created, edited, submitted, approved or retired a question."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        NEW_VERSION = "new_version", _("new version")
        SUBMITTED = "submitted", _("submitted for review")
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned to draft")
        RETIRED = "retired", _("retired")
        IMPORTED = "imported", _("imported")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    version_number = models.PositiveIntegerField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("question event")
        verbose_name_plural = _("question events")

    def __str__(self) -> str:
        return f"#{self.question_id} {self.action}"
