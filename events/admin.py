"""The editors' workspace: correct dates, merge actors, mark events reviewed."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from events import services
from events.analysis.languages import supported_languages
from events.models import Actor, ActorAlias, Document, Event, SourceExcerpt


class ExcerptInline(admin.TabularInline):
    model = SourceExcerpt
    extra = 0
    fields = ["event", "document", "start", "end", "text", "expression_start", "expression_end"]
    raw_id_fields = ["event", "document"]


class DocumentExcerptInline(ExcerptInline):
    fk_name = "document"


class EventExcerptInline(ExcerptInline):
    fk_name = "event"


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "published_on", "language", "url", "imported_at"]
    list_filter = ["published_on", "language"]
    search_fields = ["title", "url", "body"]
    date_hierarchy = "published_on"
    readonly_fields = ["content_hash", "imported_at", "body"]
    inlines = [DocumentExcerptInline]
    # A URL typed without a scheme is taken as https (Django 6's default, without its warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "language":
            # Only a language we have resources for: its tagger reads the dates on save.
            choices = [(code, code) for code in supported_languages()]
            return forms.ChoiceField(choices=choices, help_text=db_field.help_text)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Document, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and {"published_on", "language"} & set(form.changed_data):
            # Dates were read against the old date, or in another language: read them again.
            result = services.document_reanalyze(document=obj)
            self.message_user(
                request,
                f"Dates re-resolved against {obj.published_on} ({obj.language}): "
                f"{result['events_created']} "
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


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["summary", "earliest", "latest", "precision", "status", "document"]
    list_filter = ["precision", "status", "resolution", "document", "actors"]
    list_select_related = ["document"]
    search_fields = ["summary", "expression", "excerpts__text"]
    autocomplete_fields = ["actors"]
    raw_id_fields = ["document"]
    date_hierarchy = "earliest"
    readonly_fields = ["created_at", "updated_at", "source_removed"]
    fieldsets = [
        (None, {"fields": ["summary", "status", "actors"]}),
        (
            "Date",
            {"fields": ["earliest", "latest", "precision", "expression", "resolution", "rule"]},
        ),
        ("Source", {"fields": ["document", "position", "source_removed"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [EventExcerptInline]
    actions = ["mark_reviewed"]

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        # Saving in the admin is an editor's review: re-imports never overwrite it.
        obj.status = Event.Status.REVIEWED
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark selected events reviewed")
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        updated = services.events_mark_reviewed(events=queryset)
        self.message_user(request, f"{updated} event(s) marked reviewed.", messages.SUCCESS)


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
