"""The editors' workspace: correct dates, merge actors, mark events reviewed, merge and split
the timeline's entries (one happening reported by several documents), gather documents into
collections (stories)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from events import selectors
from events.analysis.languages import supported_languages
from events.date_labels import date_text
from events.inputs import MAX_COLLECTION_NAME_LENGTH, InputError, collection_names
from events.models import Actor, ActorAlias, Collection, Document, Event, SourceExcerpt
from events.services import entries
from events.services.actors import actor_save, actors_merge
from events.services.collections import collection_add_documents, collection_get_or_create
from events.services.editing import (
    document_delete,
    event_delete,
    event_save,
    events_mark_reviewed,
    excerpt_delete,
    excerpt_save,
)
from events.services.reanalysis import document_reanalyze

if TYPE_CHECKING:  # django-stubs' helper, a development dependency
    from django.forms.models import BaseInlineFormSet
    from django_stubs_ext import WithAnnotations

# Narrow boxes for offsets and a few lines for the text, so that a row of the excerpts inline
# fits a laptop screen (1280 px) beside the admin's navigation. A class, not a style attribute: the
# Content-Security-Policy (timeline/settings.py) allows no inline styles; events/admin.css
# gives the width.
_OFFSET_WIDGET = forms.NumberInput(attrs={"class": "offset-input"})


class BoundedIdFilter(admin.SimpleListFilter):
    """A list filter by related id offering a bounded list (the first ``FILTER_CHOICES`` of
    the same choices as the web page's filter form, plus the chosen one): listing every
    document made the event list 379 KB at 3,200 documents. Others are reached by search or
    by the ``?document=ID`` parameter, which any id fills."""

    field: str

    def lookups(
        self, request: HttpRequest, model_admin: "admin.ModelAdmin[Any]"
    ) -> list[tuple[str, str]]:
        return [(str(row.pk), str(row)) for row in self.offered(self.value())]

    def offered(self, chosen: str | None) -> Sequence[models.Model]:
        raise NotImplementedError

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        value = self.value()
        if value is None:
            return queryset
        pk = selectors.stored_id(value)
        return queryset.filter(**{self.field: pk}) if pk is not None else queryset.none()


class DocumentFilter(BoundedIdFilter):
    title = "document"
    parameter_name = field = "document"

    def offered(self, chosen: str | None) -> Sequence[models.Model]:
        return selectors.document_choices(chosen)


class ActorFilter(BoundedIdFilter):
    title = "actor"
    parameter_name = field = "actors"

    def offered(self, chosen: str | None) -> Sequence[models.Model]:
        return selectors.actor_choices([chosen] if chosen else [])


class ExcerptInline(admin.TabularInline):
    model = SourceExcerpt
    extra = 0
    fields = ["event", "document", "start", "end", "text", "expression_start", "expression_end"]
    raw_id_fields = ["event", "document"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 40})},
        models.PositiveIntegerField: {"widget": _OFFSET_WIDGET},
    }

    class Media:
        css = {"all": ["events/admin.css"]}


class ExcerptsEditedAdmin(admin.ModelAdmin):
    """An admin whose inline excerpts are saved through the editors' services (an excerpt an
    editor adds, corrects or removes makes its event an editor's event, as through the API);
    any other inline is saved as Django saves it."""

    def save_formset(
        self,
        request: HttpRequest,
        form: "forms.ModelForm[Any]",
        formset: "BaseInlineFormSet[Any, Any, Any]",
        change: bool,
    ) -> None:
        if formset.model is not SourceExcerpt:
            formset.save()
            return
        excerpts = formset.save(commit=False)
        for excerpt in formset.deleted_objects:
            excerpt_delete(excerpt=excerpt)
        for excerpt in excerpts:
            excerpt_save(excerpt=excerpt)


class DocumentExcerptInline(ExcerptInline):
    fk_name = "document"


class EventExcerptInline(ExcerptInline):
    fk_name = "event"


_MERGED_EVENT_FIELDS = (
    "summary",
    "earliest",
    "latest",
    "precision",
    "document",
    "grouping_confirmed",
)


class MergedEventInline(admin.TabularInline):
    """The other sources' events of an entry: split them out with the list's action."""

    model = Event
    fk_name = "merged_into"
    verbose_name = "event of another source merged into this one"
    verbose_name_plural = "events of other sources merged into this one (the same happening)"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = readonly_fields = _MERGED_EVENT_FIELDS

    def has_add_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return False


class DocumentCollectionInline(admin.TabularInline):
    """The collections a document belongs to, on the document's page."""

    model = Collection.documents.through
    extra = 0
    autocomplete_fields = ["collection"]
    verbose_name = "collection"
    verbose_name_plural = "collections"


class AddToCollectionForm(forms.Form):
    collection = forms.ModelChoiceField(
        queryset=Collection.objects.order_by("name", "id"), required=False
    )
    new_name = forms.CharField(
        label="or a new collection named",
        max_length=MAX_COLLECTION_NAME_LENGTH,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data  # what Form.clean() returns (the stubs allow a subclass None)
        name = data.get("new_name", "").strip()
        if bool(name) == bool(data.get("collection")):
            raise forms.ValidationError("Choose a collection, or name a new one (not both).")
        if name:
            try:
                collection_names([name])
            except InputError as error:
                raise forms.ValidationError(str(error)) from None
        return data


@admin.register(Document)
class DocumentAdmin(ExcerptsEditedAdmin):
    list_display = ["__str__", "published_on", "language", "url", "imported_at"]
    list_filter = ["published_on", "language", "collections"]
    search_fields = ["title", "url", "body"]
    date_hierarchy = "published_on"
    readonly_fields = ["content_hash", "imported_at", "body"]
    inlines = [DocumentCollectionInline, DocumentExcerptInline]
    actions = ["add_to_collection"]
    # A URL typed without a scheme is taken as https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(
        self, db_field: "models.Field[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        if db_field.name == "language":
            # Only a language we have resources for: its tagger reads the dates on save.
            choices = [(code, code) for code in supported_languages()]
            return forms.ChoiceField(choices=choices, help_text=db_field.help_text)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: Document, form: "forms.ModelForm[Document]", change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if change and {"published_on", "language"} & set(form.changed_data):
            # Dates were read against the old date, or in another language: read them again.
            result = document_reanalyze(document=obj)
            self.message_user(
                request,
                f"Dates re-resolved against {obj.published_on} ({obj.language}): "
                f"{result['events_updated']} event(s) updated, {result['events_created']} "
                f"created, {result['events_removed']} removed; {result['events_kept']} reviewed "
                "event(s) kept as they are.",
                messages.INFO,
            )

    def delete_model(self, request: HttpRequest, obj: Document) -> None:
        document_delete(document=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Document]) -> None:
        for document in queryset:
            document_delete(document=document)

    @admin.action(description="Add selected documents to a collection")
    def add_to_collection(
        self, request: HttpRequest, queryset: QuerySet[Document]
    ) -> TemplateResponse | None:
        """Ask which collection (an intermediate page), then add the documents to it."""
        form = AddToCollectionForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            collection = form.cleaned_data["collection"] or collection_get_or_create(
                name=form.cleaned_data["new_name"].strip()
            )
            added = collection_add_documents(collection=collection, documents=queryset.only("pk"))
            self.message_user(
                request,
                f"{added} document(s) added to {collection.name}; "
                f"{queryset.count() - added} were in it already.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Add documents to a collection",
            "opts": self.model._meta,
            "form": form,
            "count": queryset.count(),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/events/add_to_collection.html", context)


@admin.register(Event)
class EventAdmin(ExcerptsEditedAdmin):
    # The summary shortened, so that every column, the status first, fits a laptop screen.
    list_display = [
        "short_summary",
        "status",
        "dates",
        "source",
        "entry",
    ]
    list_filter = ["precision", "status", "resolution", DocumentFilter, ActorFilter]
    list_select_related = ["document"]
    search_fields = ["summary", "expression", "excerpts__text"]
    autocomplete_fields = ["actors"]
    raw_id_fields = ["document"]
    date_hierarchy = "earliest"
    # The grouping changes through the list's actions, which keep every entry consistent.
    readonly_fields = [
        "created_at",
        "updated_at",
        "source_removed",
        "merged_into",
        "grouping_confirmed",
        "date_conflict",
    ]
    fieldsets = [
        (None, {"fields": ["summary", "status", "actors"]}),
        (
            "Date",
            {"fields": ["earliest", "latest", "precision", "expression", "resolution", "rule"]},
        ),
        ("Source", {"fields": ["document", "position", "source_removed"]}),
        (
            "Entry (the same happening in other documents)",
            {"fields": ["merged_into", "grouping_confirmed", "date_conflict"]},
        ),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [EventExcerptInline, MergedEventInline]
    actions = ["mark_reviewed", "merge_entries", "split_entries", "confirm_entries"]

    @admin.display(description="summary", ordering="summary")
    def short_summary(self, event: Event) -> str:
        return Truncator(event.summary).chars(80)

    @admin.display(description="date", ordering="earliest")
    def dates(self, event: Event) -> str:
        return f"{date_text(event.earliest, event.latest, event.precision)} ({event.precision})"

    @admin.display(description="document", ordering="document_id")
    def source(self, event: Event) -> int | None:
        return event.document_id

    @admin.display(description="entry", ordering="merged_into_id")
    def entry(self, event: Event) -> str:
        """The entry it belongs to ("in 12": merged into event 12), confirmed or not."""
        where = f"in {event.merged_into_id}" if event.merged_into_id else ""
        return f"{where} (confirmed)".strip() if event.grouping_confirmed else where or "-"

    def formfield_for_dbfield(
        self, db_field: "models.Field[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> forms.Field | None:
        # Summaries and rules are sentences (up to 500 and 300 characters): boxes of a few
        # lines, not one-line inputs.
        if db_field.name in ("summary", "rule"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: Event, form: "forms.ModelForm[Event]", change: bool
    ) -> None:
        # Saving in the admin is an editor's review: re-imports never overwrite it. (The form
        # writes the actors after this, in save_related.)
        event_save(event=obj)

    def delete_model(self, request: HttpRequest, obj: Event) -> None:
        event_delete(event=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            event_delete(event=event)

    @admin.action(description="Mark selected events reviewed")
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        updated = events_mark_reviewed(events=queryset)
        self.message_user(request, f"{updated} event(s) marked reviewed.", messages.SUCCESS)

    @admin.action(description="Merge selected events into one entry (the same happening)")
    def merge_entries(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        representative = entries.entries_merge(events=queryset)
        self.message_user(
            request,
            f"Merged into one entry, represented by event {representative}; the machine will "
            "not change this grouping.",
            messages.SUCCESS,
        )

    @admin.action(description="Split selected events out of their entries")
    def split_entries(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = entries.entries_split(events=queryset)
        self.message_user(
            request,
            f"{count} event(s) now stand alone; the machine will not merge them again.",
            messages.SUCCESS,
        )

    @admin.action(description="Confirm the grouping of selected entries")
    def confirm_entries(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        count = entries.entries_confirm(events=queryset)
        self.message_user(request, f"{count} event(s) confirmed.", messages.SUCCESS)


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1
    fields = ["alias", "machine"]
    readonly_fields = ["machine"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "title", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "title", "aliases__alias"]
    inlines = [AliasInline]
    actions = ["merge_actors"]

    def save_model(
        self, request: HttpRequest, obj: Actor, form: "forms.ModelForm[Actor]", change: bool
    ) -> None:
        previous = form.initial.get("name", "") if change else ""
        actor_save(actor=obj, previous_name=previous)

    def save_formset(
        self,
        request: HttpRequest,
        form: "forms.ModelForm[Any]",
        formset: "BaseInlineFormSet[Any, Any, Any]",
        change: bool,
    ) -> None:
        # An alias an editor adds or edits is the editor's: it identifies the actor in later
        # imports (one the analysis found does not).
        for alias in formset.save(commit=False):
            alias.machine = False
            alias.save()
        for alias in formset.deleted_objects:
            alias.delete()
        formset.save_m2m()

    @admin.action(description="Merge selected actors into the first one (by id)")
    def merge_actors(self, request: HttpRequest, queryset: QuerySet[Actor]) -> None:
        actors = list(queryset.order_by("id"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return
        target = actors_merge(target=actors[0], others=actors[1:])
        self.message_user(
            request,
            f"Merged {len(actors) - 1} actor(s) into {target.name}; their events and names moved.",
            messages.SUCCESS,
        )


class _DocumentCount(TypedDict):
    document_count: int


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "document_count", "created_at"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at"]
    fields = ["name", "slug", "description", "documents", "created_at"]
    # Chosen by search: a story may hold thousands of documents, the archive far more. The
    # documents already in it are read in one query (an inline would read one per row).
    autocomplete_fields = ["documents"]

    def formfield_for_manytomany(
        self, db_field: "models.ManyToManyField[Any, Any]", request: HttpRequest, **kwargs: Any
    ) -> "forms.ModelMultipleChoiceField[Any] | None":
        if db_field.name == "documents":
            kwargs["queryset"] = Document.objects.defer("body")  # only their titles are shown
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(
        self, request: HttpRequest
    ) -> "QuerySet[WithAnnotations[Collection, _DocumentCount]]":
        # The counts in the list's one query, not one query a row.
        return super().get_queryset(request).annotate(document_count=Count("documents"))

    @admin.display(description="documents", ordering="document_count")
    def document_count(self, collection: "WithAnnotations[Collection, _DocumentCount]") -> int:
        return collection.document_count


class HiddenTokenAdmin(TokenAdmin):
    """API tokens without their keys: a key is a password, and the admin (its list, its search,
    its history) is no place to read one. ``manage.py drf_create_token`` shows a new key once."""

    list_display = ("user", "created")
    search_fields = ("user__username",)
    fields = ("user",)


def _token_label(token: TokenProxy) -> str:
    return f"API token of {token.user}"


# A token's str() is its key, and the admin prints str() in titles, breadcrumbs, delete pages
# and the history it records: it names the token by its user instead.
# (mypy refuses assigning to a method, and types object.__str__'s argument as any object.)
TokenProxy.__str__ = _token_label  # type: ignore[method-assign, assignment]
admin.site.unregister(TokenProxy)
admin.site.register(TokenProxy, HiddenTokenAdmin)
