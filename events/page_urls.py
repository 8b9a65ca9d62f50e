"""Routes of the timeline web pages (the API lives under /api/, see events/urls.py)."""

from django.urls import path

from events import pages

app_name = "pages"

urlpatterns = [
    path("", pages.timeline, name="timeline"),
    path("documents/<int:pk>/", pages.document_detail, name="document"),
    path("actors/<int:pk>/", pages.actor_detail, name="actor"),
]
