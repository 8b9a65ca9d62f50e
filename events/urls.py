from django.urls import path
from rest_framework.routers import DefaultRouter

from events import views

router = DefaultRouter()
router.register("timeline", views.TimelineViewSet, basename="timeline")
router.register("events", views.EventViewSet, basename="event")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("aliases", views.ActorAliasViewSet, basename="alias")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("excerpts", views.SourceExcerptViewSet, basename="excerpt")
router.register("collections", views.CollectionViewSet, basename="collection")
router.register("imports", views.ImportJobViewSet, basename="importjob")

urlpatterns = [
    path("actors/<int:pk>/timeline/", views.ActorTimelineView.as_view(), name="actor-timeline"),
    *router.urls,
]
