"""Writes, one module a concern:

- ``imports``: importing documents (one, or a batch in one transaction) and storing what the
  analysis found in them;
- ``actors``: finding the stored actors of the ones an analysis found; editors' changes to
  actors (save, aliases, merge);
- ``collections``: collections (stories) and filing documents in them;
- ``jobs``: queued import jobs (``events/tasks.py`` enqueues them, its workers import here);
- ``editing``: editors' writes on events, excerpts and documents (deletion included);
- ``editors``: editors' accounts;
- ``reanalysis``: running the current analysis again on a stored document.

How a stream of documents is cut into batches is the callers' choice, not the services':
``events/batching.py`` (``BATCH_SIZE``, ``documents_import`` in this process) and the task
queue (``events/tasks.py``).

Callers import from the module (``from events.services.editing import event_save``). The names
below are re-exported only so that code written against the former ``events/services.py``
(``from events.services import document_import``) keeps working; ``BATCH_SIZE`` and
``documents_import`` moved to ``events/batching.py``. Names with a leading underscore are
shared between the package's modules, not meant for callers.
"""

from events.services.actors import (
    ERROR_NAME_TAKEN,
    actor_alias_save,
    actor_save,
    actors_merge,
)
from events.services.collections import (
    ERROR_COLLECTION_NOT_STORED,
    collection_add_documents,
    collection_get_or_create,
    collection_save,
    collection_slug,
    collections_get_or_create,
)
from events.services.editing import (
    document_delete,
    event_delete,
    event_save,
    events_mark_reviewed,
    excerpt_delete,
    excerpt_save,
)
from events.services.editors import EDITOR_ACTIONS, EDITORS_GROUP, editor_create
from events.services.imports import (
    ERROR_DATE_CONFLICT,
    ImportResult,
    Item,
    Result,
    content_hash,
    document_import,
    documents_import_batch,
)
from events.services.jobs import import_job_batch, import_job_close, import_job_create
from events.services.reanalysis import document_reanalyze, match_reanalysed

__all__ = [
    "EDITORS_GROUP",
    "EDITOR_ACTIONS",
    "ERROR_COLLECTION_NOT_STORED",
    "ERROR_DATE_CONFLICT",
    "ERROR_NAME_TAKEN",
    "ImportResult",
    "Item",
    "Result",
    "actor_alias_save",
    "actor_save",
    "actors_merge",
    "collection_add_documents",
    "collection_get_or_create",
    "collection_save",
    "collection_slug",
    "collections_get_or_create",
    "content_hash",
    "document_delete",
    "document_import",
    "document_reanalyze",
    "documents_import_batch",
    "editor_create",
    "event_delete",
    "event_save",
    "events_mark_reviewed",
    "excerpt_delete",
    "excerpt_save",
    "import_job_batch",
    "import_job_close",
    "import_job_create",
    "match_reanalysed",
]
