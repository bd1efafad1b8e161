from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    """A year's reform-propaganda plan; contests and their rounds feed its results."""

    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-year", "name"]
        permissions = [
            ("manage_contest", _("Can create and run contests, rounds and live shows")),
            ("view_results", _("Can review contest and campaign results")),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class Contest(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.PROTECT, related_name="contests"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    one_prize_per_person = models.BooleanField(
        _("one prize per person"),
        default=True,
        help_text=_("A person who already won a prize in this contest is skipped in later rounds."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="contest_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Round(models.Model):
    """A round of a contest: an online timed quiz, or a live stage show with teams.

    Both kinds hang off the same contest and feed the same campaign results; the
    online settings below are ignored by live rounds.
    """

    class Kind(models.TextChoices):
        ONLINE = "online", _("Online (timed quiz)")
        LIVE = "live", _("Live (stage show with teams)")

    class Counting(models.TextChoices):
        BEST = "best", _("Best attempt")
        FIRST = "first", _("First attempt")

    class Reveal(models.TextChoices):
        AFTER_SUBMIT = "after_submit", _("Right after submitting")
        AFTER_CLOSE = "after_close", _("After the round closes")
        NEVER = "never", _("Never")

    class Eligibility(models.TextChoices):
        ALL = "all", _("Civil servants and citizens")
        CIVIL_SERVANTS = "civil_servants", _("Civil servants only")
        CITIZENS = "citizens", _("Citizens only")

    contest = models.ForeignKey(
        Contest, verbose_name=_("contest"), on_delete=models.PROTECT, related_name="rounds"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ONLINE)
    number = models.PositiveSmallIntegerField(_("round number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))

    duration = models.DurationField(_("time per attempt"), default=timedelta(minutes=15))
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=1)
    counting = models.CharField(
        _("attempt that counts"), max_length=10, choices=Counting.choices, default=Counting.BEST
    )
    eligibility = models.CharField(
        _("who may enter"), max_length=20, choices=Eligibility.choices, default=Eligibility.ALL
    )
    eligible_units = models.ManyToManyField(
        "accounts.OrganizationUnit",
        verbose_name=_("only these units"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to admit every unit. Units below a listed unit are admitted."),
    )
    access_password = models.CharField(_("access password"), max_length=128, blank=True)
    prediction_question = models.CharField(
        _("prediction question"),
        max_length=300,
        blank=True,
        help_text=_("For example: How many people will take this round? Leave empty for none."),
    )
    reveal = models.CharField(
        _("show answers and explanations"),
        max_length=20,
        choices=Reveal.choices,
        default=Reveal.AFTER_CLOSE,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["contest", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="round_number_unique"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="round_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(attempts_allowed__gte=1), name="round_at_least_one_attempt"
            ),
            models.CheckConstraint(
                condition=Q(duration__gt=timedelta(0)), name="round_duration_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contest.title} — {self.title}"

    @property
    def has_prediction(self) -> bool:
        return bool(self.prediction_question)

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.is_published and self.opens_at <= at < self.closes_at

    @property
    def question_count(self) -> int:
        """Questions one attempt draws (the larger audience's blueprint)."""
        totals: dict[str, int] = {}
        for rule in self.blueprint.all():
            totals[rule.audience] = totals.get(rule.audience, 0) + rule.count
        return max(totals.values(), default=0)


class BlueprintRule(models.Model):
    """Draw ``count`` approved questions of a topic (and its subtopics) and difficulty."""

    class Audience(models.TextChoices):
        CIVIL_SERVANT = "civil_servant", _("Civil servants")
        CITIZEN = "citizen", _("Citizens")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="blueprint")
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices)
    topic = models.ForeignKey(
        "quizbank.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty: any topic."),
    )
    difficulty = models.CharField(
        _("difficulty"),
        max_length=10,
        blank=True,
        choices=[("easy", _("Easy")), ("medium", _("Medium")), ("hard", _("Hard"))],
        help_text=_("Empty: any difficulty."),
    )
    count = models.PositiveSmallIntegerField(_("number of questions"))

    class Meta:
        verbose_name = _("blueprint rule")
        verbose_name_plural = _("blueprint rules")
        ordering = ["round", "audience", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(count__gte=1, count__lte=100), name="blueprint_count_range"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_audience_display()}: {self.count} × {self.topic or '*'} {self.difficulty}"
        )


class PrizeTier(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="prize_tiers")
    rank = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("prize"), max_length=100)
    count = models.PositiveSmallIntegerField(_("number of prizes"))

    class Meta:
        verbose_name = _("prize tier")
        verbose_name_plural = _("prize tiers")
        ordering = ["round", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["round", "rank"], name="prize_rank_unique"),
            models.CheckConstraint(condition=Q(count__gte=1), name="prize_count_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name} × {self.count}"


class Attempt(models.Model):
    """One person's sitting of an online round, with its own draw and the server's clock."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Finished at the deadline")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"), default=1)
    is_trial = models.BooleanField(
        _("trial"), default=False, help_text=_("An organizer's preview; never counts.")
    )
    audience = models.CharField(max_length=20, choices=BlueprintRule.Audience.choices)
    unit = models.ForeignKey(
        "accounts.OrganizationUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The participant's unit when the attempt started."),
    )
    seed = models.BigIntegerField()
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    prediction = models.PositiveIntegerField(_("prediction"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=8, decimal_places=2, null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), null=True, blank=True)
    question_count = models.PositiveSmallIntegerField(_("questions"), default=0)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user", "number"],
                condition=Q(is_trial=False),
                name="one_attempt_per_number",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="attempt_number_positive"),
            models.CheckConstraint(
                condition=Q(deadline__gt=F("started_at")), name="attempt_deadline_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status="in_progress", finished_at__isnull=True)
                | (~Q(status="in_progress") & Q(finished_at__isnull=False)),
                name="attempt_finished_iff_not_in_progress",
            ),
        ]
        indexes = [
            models.Index(fields=["round", "status"]),
            models.Index(fields=["status", "deadline"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.round} #{self.number}"

    @property
    def is_finished(self) -> bool:
        return self.status != self.Status.IN_PROGRESS

    @property
    def time_taken(self) -> timedelta | None:
        if self.finished_at is None:
            return None
        return min(self.finished_at, self.deadline) - self.started_at


class AttemptItem(models.Model):
    """A question as one attempt showed it: the exact version and the order of its choices."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    version = models.ForeignKey(
        "quizbank.QuestionVersion", on_delete=models.PROTECT, related_name="attempt_items"
    )
    choice_order = models.JSONField(default=list)
    selected = models.JSONField(default=list, blank=True)
    number_answer = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    is_correct = models.BooleanField(null=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="item_position_unique"),
            models.UniqueConstraint(fields=["attempt", "version"], name="item_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}#{self.position}"


class ScoreChange(models.Model):
    """Every change to an attempt's score, with who made it and why."""

    attempt = models.ForeignKey(Attempt, on_delete=models.PROTECT, related_name="score_changes")
    old_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    new_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.attempt_id}: {self.old_score} → {self.new_score} ({self.reason})"
