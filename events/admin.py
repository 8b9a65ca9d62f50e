"""The editors' workspace: correct dates, merge actors, mark events reviewed, merge and split
the timeline's entries (one happening reported by several documents), gather documents into
collections (stories)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from events import entries, services
from events.inputs import MAX_COLLECTION_NAME_LENGTH, InputError, collection_names
from events.models import Actor, ActorAlias, Collection, Document, Event, SourceExcerpt


class ExcerptInline(admin.TabularInline):
    model = SourceExcerpt
    extra = 0
    fields = ["event", "document", "start", "end", "text", "expression_start", "expression_end"]
    raw_id_fields = ["event", "document"]


class DocumentExcerptInline(ExcerptInline):
    fk_name = "document"


class EventExcerptInline(ExcerptInline):
    fk_name = "event"


class MergedEventInline(admin.TabularInline):
    """The other sources' events of an entry: split them out with the list's action."""

    model = Event
    fk_name = "merged_into"
    verbose_name = "event of another source merged into this one"
    verbose_name_plural = "events of other sources merged into this one (the same happening)"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["summary", "earliest", "latest", "precision", "document", "grouping_confirmed"]
    readonly_fields = fields

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

    def clean(self) -> dict:
        data = super().clean()
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
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "published_on", "url", "imported_at"]
    list_filter = ["published_on", "collections"]
    search_fields = ["title", "url", "body"]
    date_hierarchy = "published_on"
    readonly_fields = ["content_hash", "imported_at", "body"]
    inlines = [DocumentCollectionInline, DocumentExcerptInline]
    actions = ["add_to_collection"]
    # A URL typed without a scheme is taken as https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, obj: Document, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "published_on" in form.changed_data:
            # Relative dates were resolved against the old date: resolve them again.
            result = services.document_reanalyze(document=obj)
            self.message_user(
                request,
                f"Dates re-resolved against {obj.published_on}: {result['events_created']} "
                f"event(s) re-created, {result['events_kept']} reviewed event(s) kept as they are.",
                messages.INFO,
            )

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        # An excerpt an editor corrected makes its event an editor's event.
        edited = [excerpt.event_id for excerpt in formset.new_objects]
        edited += [excerpt.event_id for excerpt, _ in formset.changed_objects]
        services.events_mark_reviewed(events=Event.objects.filter(pk__in=edited))

    def delete_model(self, request: HttpRequest, obj: Document) -> None:
        services.document_delete(document=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Document]) -> None:
        for document in queryset:
            services.document_delete(document=document)

    @admin.action(description="Add selected documents to a collection")
    def add_to_collection(
        self, request: HttpRequest, queryset: QuerySet[Document]
    ) -> TemplateResponse | None:
        """Ask which collection (an intermediate page), then add the documents to it."""
        form = AddToCollectionForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            collection = form.cleaned_data["collection"] or services.collection_get_or_create(
                name=form.cleaned_data["new_name"].strip()
            )
            added = services.collection_add_documents(
                collection=collection, documents=queryset.only("pk")
            )
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
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "summary",
        "earliest",
        "latest",
        "precision",
        "status",
        "document",
        "merged_into",
        "grouping_confirmed",
    ]
    list_filter = ["precision", "status", "resolution", "document", "actors"]
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

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        # Saving in the admin is an editor's review: re-imports never overwrite it.
        obj.status = Event.Status.REVIEWED
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark selected events reviewed")
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        updated = services.events_mark_reviewed(events=queryset)
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


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "title", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "title", "aliases__alias"]
    inlines = [AliasInline]
    actions = ["merge_actors"]

    def save_model(self, request: HttpRequest, obj: Actor, form, change: bool) -> None:
        previous = form.initial.get("name", "") if change else ""
        services.actor_save(actor=obj, previous_name=previous)

    @admin.action(description="Merge selected actors into the first one (by id)")
    def merge_actors(self, request: HttpRequest, queryset: QuerySet[Actor]) -> None:
        actors = list(queryset.order_by("id"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return
        target = services.actors_merge(target=actors[0], others=actors[1:])
        self.message_user(
            request,
            f"Merged {len(actors) - 1} actor(s) into {target.name}; their events and names moved.",
            messages.SUCCESS,
        )


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

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "documents":
            kwargs["queryset"] = Document.objects.defer("body")  # only their titles are shown
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Collection]:
        # The counts in the list's one query, not one query a row.
        return super().get_queryset(request).annotate(document_count=Count("documents"))

    @admin.display(description="documents", ordering="document_count")
    def document_count(self, collection: Collection) -> int:
        return collection.document_count
