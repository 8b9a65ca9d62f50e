"""Routes of the timeline web pages (the API lives under /api/, see events/urls.py)."""

from django.urls import path

from events import pages

app_name = "pages"

urlpatterns = [
    path("", pages.timeline, name="timeline"),
    path("documents/<int:pk>/", pages.document_detail, name="document"),
    path("actors/<int:pk>/", pages.actor_detail, name="actor"),
    path("collections/", pages.collection_list, name="collections"),
    path("collections/<slug:slug>/", pages.collection_detail, name="collection"),
]
