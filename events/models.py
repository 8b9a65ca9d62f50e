"""Documents, the events found in them, who is involved, and the text that supports each event.

Invariants live in the database as constraints, not only in validation: an event's interval is
ordered, excerpt offsets are ordered, and an excerpt is stored once per event and span.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.expressions import OrderBy

from events.analysis.actors import actor_key, name_key
from events.analysis.types import Precision, Resolution

ERROR_NAME_TAKEN = "{name!r} is already the name or an alias of actor {actor_id}."


class Document(models.Model):
    """A news document as imported: its body is kept byte-for-byte so excerpt offsets hold."""

    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published_on = models.DateField(help_text="Publication date: the reference for relative dates.")
    body = models.TextField()
    content_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="SHA-256 of the body."
    )
    language = models.CharField(
        max_length=2,
        default="en",
        help_text="ISO 639-1 code of the text's language: which language resources analyse it.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    # Every actor the text names, with or without an event: what deleting the document may
    # leave unused.
    actors = models.ManyToManyField("events.Actor", related_name="documents", blank=True)

    class Meta:
        ordering = ["-published_on", "id"]
        # The document lists (API, the filter form's newest documents) read in this order.
        indexes = [models.Index(fields=["-published_on", "id"], name="document_newest_first")]

    def __str__(self) -> str:
        return self.title or f"Document {self.pk} ({self.published_on})"


class Collection(models.Model):
    """A story: a named set of documents (an editor's or an importer's choice), read as one
    timeline and summarised by its key dates. A document belongs to any number of them."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    documents = models.ManyToManyField(Document, related_name="collections", blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person"
        ORGANIZATION = "organization"
        PLACE = "place"
        OTHER = "other"

    name = models.CharField(max_length=200, help_text="Canonical name.")
    # actor_key(name, kind): who the actor is, compared the same way on every database (accents
    # and case folded in Python: "Strauß" and "STRAUSS" are one name; SQLite's lower() is
    # ASCII-only), a person by first and last name ("Ana Maria Lopez" is "ana lopez"). Unique:
    # imports in any order or at once find one actor for one identity.
    key = models.CharField(max_length=200, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=200, blank=True, help_text='Title or role, e.g. "Mayor".')
    reviewed = models.BooleanField(
        default=False,
        help_text="An editor created, edited or merged it: deleting a document never removes it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="actor_unique_key"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = actor_key(self.name, self.kind)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.key = actor_key(self.name, self.kind)
        _check_name_free(self.key, self.name, "name", actor_id=self.pk)


class ActorAlias(models.Model):
    """Another name an actor goes by ("Johnson", "@ChicagosMayor"). Unique across all actors,
    so a name found in a new document leads to exactly one actor."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=200)
    key = models.CharField(max_length=200, editable=False)  # name_key(alias)
    machine = models.BooleanField(
        default=False,
        help_text="Found by the analysis (a handle, an acronym, another spelling): shown, but "
        "never used to match a name in another document. An editor's alias is.",
    )

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["key"], name="actoralias_unique_key"),
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.key = name_key(self.alias)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.key = name_key(self.alias)
        _check_name_free(self.key, self.alias, "alias", actor_id=self.actor_id, alias_id=self.pk)


def _check_name_free(
    key: str, name: str, field: str, *, actor_id: int | None, alias_id: int | None = None
) -> None:
    """A name leads to one actor: it may not be another actor's name or alias (an alias may
    repeat its own actor's name, which the importer never stores)."""
    other_name = Actor.objects.filter(key=key)
    other_alias = ActorAlias.objects.filter(key=name_key(name))
    if actor_id is not None:  # an actor not saved yet has no name or alias of its own
        other_name = other_name.exclude(pk=actor_id)
        if field == "name":
            other_alias = other_alias.exclude(actor_id=actor_id)
    if alias_id is not None:  # nor has an alias not saved yet
        other_alias = other_alias.exclude(pk=alias_id)
    clash = [*other_name.values("pk")[:1], *other_alias.values("actor_id")[:1]]
    if clash:
        owner = clash[0].get("pk", clash[0].get("actor_id"))
        raise ValidationError({field: ERROR_NAME_TAKEN.format(name=name, actor_id=owner)})


# Timeline order: by interval, then by where the event was found.
TIMELINE_ORDER = ("earliest", "latest", "document_id", "position", "id")
# The same as (column, nullable). document_id is NULL for a reviewed event whose document was
# deleted: such events sort last among their ties on every database (NULLS LAST, which is
# PostgreSQL's default for an ascending index; SQLite would put them first).
TIMELINE_KEY: tuple[tuple[str, bool], ...] = tuple(
    (name, name == "document_id") for name in TIMELINE_ORDER
)


def timeline_ordering(*, reverse: bool = False) -> list[OrderBy]:
    """The timeline order (or its exact reverse) as ORDER BY expressions, NULL documents last."""
    if reverse:
        return [
            F(name).desc(nulls_first=True) if null else F(name).desc()
            for name, null in TIMELINE_KEY
        ]
    return [F(name).asc(nulls_last=True) if null else F(name).asc() for name, null in TIMELINE_KEY]


class EventQuerySet(models.QuerySet):
    def in_timeline_order(self) -> "EventQuerySet":
        return self.order_by(*timeline_ordering())


class Event(models.Model):
    """A dated statement. Its date is an interval [earliest, latest], inclusive, with a precision.

    An undated event (precision "undated") is bounded only by its document's date: both ends
    are set to that date so it sorts there, and readers are told "undated, before <date>".
    """

    class Status(models.TextChoices):
        MACHINE = "machine"
        REVIEWED = "reviewed"

    class Modality(models.TextChoices):
        FACT = "fact"  # reported as having happened
        STATEMENT = "statement"  # someone said, announced, posted
        PLAN = "plan"  # a forecast, plan or schedule: to happen after it was written
        OPINION = "opinion"  # an opinion or a hypothetical

    summary = models.CharField(max_length=500)
    earliest = models.DateField()
    latest = models.DateField()
    precision = models.CharField(
        max_length=20, choices=[(p.value, p.value) for p in Precision], default=Precision.DAY
    )
    expression = models.CharField(
        max_length=200, blank=True, help_text="The temporal expression as written."
    )
    resolution = models.CharField(
        max_length=20,
        choices=[(r.value, r.value) for r in Resolution],
        default=Resolution.EXPLICIT,
    )
    rule = models.CharField(max_length=300, blank=True, help_text="How the date was resolved.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.MACHINE)
    # The document the event was found in and its character offset there: the tie-breakers of
    # the timeline order. Kept (as null) when a reviewed event outlives its document.
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    position = models.PositiveIntegerField(default=0)
    source_removed = models.BooleanField(
        default=False, help_text="Its source document was deleted after an editor reviewed it."
    )
    actors = models.ManyToManyField(Actor, related_name="events", blank=True)
    modality = models.CharField(max_length=20, choices=Modality.choices, default=Modality.FACT)
    after_publication = models.BooleanField(
        default=False,
        help_text="Dated after its document's publication although it is no plan or forecast.",
    )
    # Merging across sources (events/merging.py): an event reported by several documents is one
    # timeline entry, represented by one of its events (the one whose date the sources agree on
    # most); the others point to it. A representative points nowhere.
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_events",
        help_text="The event that represents the same happening reported by other sources.",
    )
    grouping_confirmed = models.BooleanField(
        default=False,
        help_text="An editor made or confirmed this event's grouping: the machine never "
        "changes it, and re-analysis keeps the event.",
    )
    date_conflict = models.BooleanField(
        default=False,
        help_text="On a representative: its sources give different dates for the happening.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = list(TIMELINE_ORDER)
        constraints = [
            models.CheckConstraint(
                condition=Q(earliest__lte=F("latest")), name="event_earliest_lte_latest"
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="event_not_merged_into_itself"
            ),
        ]
        indexes = [
            models.Index(fields=list(TIMELINE_ORDER), name="event_timeline_order"),
            # The merged timeline (the default) reads only the events that represent an entry.
            models.Index(
                fields=list(TIMELINE_ORDER),
                name="event_entry_timeline_order",
                condition=Q(merged_into__isnull=True),
            ),
            models.Index(fields=["latest"], name="event_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.earliest}: {self.summary[:80]}"


class SourceExcerpt(models.Model):
    """The exact text of a document that supports an event, with its character offsets."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="excerpts")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="excerpts")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    expression_start = models.PositiveIntegerField(null=True, blank=True)
    expression_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["document_id", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="excerpt_start_lt_end"),
            models.CheckConstraint(
                condition=Q(expression_start__isnull=True, expression_end__isnull=True)
                | Q(
                    expression_start__lte=F("expression_end"),
                    expression_start__gte=F("start"),
                    expression_end__lte=F("end"),
                ),
                name="excerpt_expression_within_span",
            ),
            models.UniqueConstraint(
                fields=["event", "document", "start", "end"], name="excerpt_unique_event_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}[{self.start}:{self.end}]"

    def clean(self) -> None:
        """The excerpt must be the document's own text at its offsets, and the expression
        must lie within it: editors correct offsets in the admin and the API."""
        if self.start is None or self.end is None:
            return
        if self.start >= self.end:
            raise ValidationError({"end": "must be after start"})
        if self.document_id is not None:
            body = self.document.body
            if self.end > len(body):
                raise ValidationError({"end": "is past the end of the document"})
            if self.text != body[self.start : self.end]:
                raise ValidationError({"text": "must be the document's text from start to end"})
        expression_start, expression_end = self.expression_start, self.expression_end
        if (expression_start is None) != (expression_end is None):
            raise ValidationError(
                {"expression_end": "expression_start and expression_end go together"}
            )
        if (
            expression_start is not None
            and expression_end is not None
            and not (self.start <= expression_start <= expression_end <= self.end)
        ):
            raise ValidationError(
                {"expression_end": "the expression must lie within start and end"}
            )


class ImportJob(models.Model):
    """A queued import (``import_documents --queue``, ``POST /api/imports/``): its documents
    travel to the workers in batches (task messages); each batch's documents, its
    ``ImportBatch`` row and these counts commit in one transaction, so the counts are exact
    even when a batch is delivered twice."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"  # nothing imported yet
        RUNNING = "running", "running"  # some batches imported, or still being enqueued
        DONE = "done", "done"  # every batch enqueued and imported

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    source = models.CharField(
        max_length=500, blank=True, help_text="Where the documents came from."
    )
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Known once the last batch is enqueued (null until then): the job is done when every one
    # of them is imported.
    documents = models.PositiveIntegerField(null=True, blank=True)
    batches = models.PositiveIntegerField(null=True, blank=True)
    batches_done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    events = models.PositiveIntegerField(default=0, help_text="Events of the created documents.")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(batches__isnull=True) | Q(batches_done__lte=F("batches")),
                name="importjob_done_within_batches",
            ),
            models.CheckConstraint(
                condition=Q(status="done", finished_at__isnull=False, batches=F("batches_done"))
                | Q(~Q(status="done"), finished_at__isnull=True),
                name="importjob_done_when_finished",
            ),
        ]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.status})"


class ImportBatch(models.Model):
    """One imported batch of a job: inserted first in the batch's transaction, so a batch
    delivered again (a worker killed after the commit, before the acknowledgement) finds its
    row and changes nothing, and two deliveries at once wait for each other on the index."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="batch_rows")
    number = models.PositiveIntegerField()
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="importbatch_unique_number")
        ]

    def __str__(self) -> str:
        return f"Import {self.job_id} batch {self.number}"


class ImportFailure(models.Model):
    """A document of a job that was not imported, and why."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="failures")
    position = models.PositiveIntegerField(help_text="The document's place in the job, from 0.")
    source = models.CharField(max_length=500, blank=True)
    reason = models.TextField()

    class Meta:
        ordering = ["job_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "position"], name="importfailure_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
