"""Reading input documents from files: the seed text format, JSON and JSON Lines.

Pure functions (no ORM): a file's bytes in, validated ``DocumentInput``s out, or an
``InputError`` whose message names the reason. The importer service does the writing.

Formats:
- seed text (``.txt`` or anything that starts with ``date YYYY-MM-DD``): the first line is
  ``date YYYY-MM-DD`` and the body follows, on that same line after the date and on the next lines;
- JSON (``.json``): ``{"date": ..., "text": ..., "title": ..., "url": ..., "language": ...}`` or
  a list of them (``language``: ISO 639-1, e.g. ``"es"``; without it, detected from the text);
- JSON Lines (``.jsonl``): one such object per line, read one line at a time (so a file of
  any size imports in the memory of its longest line);
- either JSON form gzip-compressed (``.json.gz``, ``.jsonl.gz``), decompressed as it is read:
  the size limits count decompressed bytes and are enforced while reading, so a small file that
  decompresses to gigabytes (a "gzip bomb") is refused once it passes the limit.

A JSON object may name the collections (stories) its document belongs to:
``"collections": ["name", ...]``.
"""

import codecs
import dataclasses
import gzip
import itertools
import json
import os
import re
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from events.analysis.languages import (
    DEFAULT_LANGUAGE,
    UnsupportedLanguage,
    check_language,
    detect_language,
)

MAX_TITLE_LENGTH = 500
MAX_URL_LENGTH = 2000
# A collection's name (Collection.name), and how many one document may name: a document is
# filed in a few stories, not in hundreds.
MAX_COLLECTION_NAME_LENGTH = 200
MAX_COLLECTIONS = 20
SUFFIXES = (".txt", ".json", ".jsonl", ".json.gz", ".jsonl.gz")
# Decompressed bytes read at a time from a .json.gz file.
GZIP_CHUNK = 64 * 1024
# Bytes allowed on a .jsonl line beyond six times the body limit: the date, a title (500
# characters, up to 12 bytes each as a JSON surrogate-pair escape), a url (2000) and the keys.
JSON_LINE_MARGIN = 64 * 1024

# "date YYYY-MM-DD" then the body: on the same line (after the spaces) or from the next line.
_SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*(?:\r?\n)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_url_validator = URLValidator(schemes=["http", "https"])


class InputError(ValueError):
    """A document that cannot be imported; the message says why, ``source`` says which."""

    def __init__(self, message: str, source: str = "", field: str = "") -> None:
        super().__init__(message)
        self.source = source
        self.field = field  # the input field at fault: "date", "text", "title", "url", "language"


@dataclass(frozen=True, slots=True)
class DocumentInput:
    published_on: date
    body: str
    title: str = ""
    url: str = ""
    source: str = ""  # where it came from, for messages: "seeds/a.txt", "batch.json[3]"
    # Names of the collections (stories) to file the document in, created if new.
    collections: tuple[str, ...] = ()
    language: str = DEFAULT_LANGUAGE  # ISO 639-1: given, or detected from the body


def parse_date(value: object) -> date:
    """A publication date written as YYYY-MM-DD (a real calendar day, years 1 to 9999)."""
    if not isinstance(value, str) or not value.strip():
        raise InputError("missing publication date", field="date")
    value = value.strip()
    if not _ISO_DATE.fullmatch(value):
        raise InputError(f"publication date {value!r} is not in the form YYYY-MM-DD", field="date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"publication date {value!r} is not a real calendar date", field="date"
        ) from None


def validate(
    *,
    published_on: object,
    body: object,
    title: object = "",
    url: object = "",
    source: str = "",
    max_bytes: int,
    collections: object = (),
    language: object = None,
) -> DocumentInput:
    """Check one document's fields and return it, or raise InputError naming the problem."""
    day = published_on if isinstance(published_on, date) else parse_date(published_on)
    if not isinstance(body, str):
        raise InputError("text must be a string", field="text")
    if not body.strip():
        raise InputError("empty body", field="text")
    if "\x00" in body:
        raise InputError("body contains NUL bytes", field="text")
    if not _is_unicode(body):
        raise InputError("body is not valid Unicode (lone surrogate)", field="text")
    if len(body.encode("utf-8")) > max_bytes:
        raise InputError(f"body is larger than the limit of {max_bytes} bytes", field="text")
    title = "" if title is None else title
    url = "" if url is None else url
    if not isinstance(title, str):
        raise InputError("title must be a string", field="title")
    if len(title) > MAX_TITLE_LENGTH:
        raise InputError(f"title is longer than {MAX_TITLE_LENGTH} characters", field="title")
    if "\x00" in title:
        raise InputError("title contains NUL bytes", field="title")
    if not _is_unicode(title):
        raise InputError("title is not valid Unicode (lone surrogate)", field="title")
    if not isinstance(url, str):
        raise InputError("url must be a string", field="url")
    if url:
        if not _is_unicode(url):
            raise InputError("url is not valid Unicode (lone surrogate)", field="url")
        if len(url) > MAX_URL_LENGTH:
            raise InputError(f"url is longer than {MAX_URL_LENGTH} characters", field="url")
        try:
            _url_validator(url)
        except ValidationError:
            raise InputError(f"url {url!r} is not a valid http(s) URL", field="url") from None
    # Given: one we have resources for; not given: the body's, detected.
    try:
        language = detect_language(body) if language is None else check_language(language)
    except UnsupportedLanguage as exc:
        raise InputError(str(exc), field="language") from None
    return DocumentInput(
        published_on=day,
        body=body,
        title=title,
        url=url,
        source=source,
        collections=collection_names(collections),
        language=language,
    )


def collection_names(value: object) -> tuple[str, ...]:
    """The ``"collections"`` of a JSON document: a list of names, each a non-empty string of at
    most ``MAX_COLLECTION_NAME_LENGTH`` characters, at most ``MAX_COLLECTIONS`` of them.
    Surrounding spaces are dropped (" Port strike " and "Port strike" are one story) and repeats
    kept once."""
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise InputError("collections must be a list of names", field="collections")
    if len(value) > MAX_COLLECTIONS:
        raise InputError(
            f"collections names more than {MAX_COLLECTIONS} collections", field="collections"
        )
    names: dict[str, None] = {}
    for name in value:
        if not isinstance(name, str) or not name.strip():
            raise InputError(
                f"collections must be non-empty strings, not {name!r}", field="collections"
            )
        name = name.strip()
        if len(name) > MAX_COLLECTION_NAME_LENGTH:
            raise InputError(
                f"collection name {name[:40]!r}... is longer than "
                f"{MAX_COLLECTION_NAME_LENGTH} characters",
                field="collections",
            )
        if "\x00" in name or not _is_unicode(name):
            raise InputError(
                f"collection name {name!r} contains NUL bytes or lone surrogates",
                field="collections",
            )
        names[name] = None
    return tuple(names)


def _is_unicode(value: str) -> bool:
    """False for text with lone surrogates (JSON can escape them: "\\ud800"), which can be
    neither encoded as UTF-8 nor stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def input_suffix(path: Path) -> str:
    """The input format a file's name says: one of ``SUFFIXES`` (the longest that fits, so
    ``a.jsonl.gz`` is ``.jsonl.gz``), or "" for none of them."""
    name = path.name.lower()
    return next((s for s in sorted(SUFFIXES, key=len, reverse=True) if name.endswith(s)), "")


def read_file(
    path: Path, *, max_bytes: int, max_json_bytes: int | None = None
) -> Iterator[DocumentInput | InputError]:
    """Each document of one file, or an InputError in its place (so one bad entry in a list
    does not stop the others).

    Memory: a ``.jsonl`` file is streamed line by line, so it holds one line at a time (at most
    ``line_limit(max_bytes)`` bytes; a longer line is that line's error). A ``.json`` file is
    parsed whole, so it is refused above ``max_json_bytes`` (default: the setting
    ``TIMELINE_MAX_JSON_FILE_BYTES``), and any other file above ``2 * max_bytes``.

    ``.json.gz`` and ``.jsonl.gz`` files are decompressed as they are read, and the same limits
    count decompressed bytes: a ``.json.gz`` is refused as soon as it decompresses past its
    limit, and a ``.jsonl.gz`` line past the line limit ends the file (skipping the rest of the
    line, as a plain file does, could mean decompressing gigabytes of a gzip bomb).
    """
    suffix = input_suffix(path)
    compressed = suffix.endswith(".gz")
    kind = suffix.removesuffix(".gz")
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as file:
            if kind == ".jsonl":
                # The lines are read inside the with block: the file stays open while streaming.
                yield from _read_json_lines(file, str(path), max_bytes, compressed=compressed)
                return
            if kind == ".json":
                if max_json_bytes is None:
                    max_json_bytes = settings.TIMELINE_MAX_JSON_FILE_BYTES
                limit = max_json_bytes
                too_large = (
                    f"file is larger than the limit of {limit} bytes for a .json file "
                    f"(TIMELINE_MAX_JSON_FILE_BYTES{', decompressed' if compressed else ''}): "
                    "split it, or write it as .jsonl, one document per line, which is read a "
                    "line at a time"
                )
            else:
                # One document: its body is within max_bytes; the file may hold a little more.
                limit = max_bytes * 2
                too_large = f"file is larger than the limit of {max_bytes} bytes"
            if compressed:
                # Its size is known only by decompressing it: stop one chunk past the limit.
                raw = _read_at_most(file, limit)
            else:
                # Checked before reading, so an oversized file is never loaded; and again while
                # reading, since a device or a pipe (/dev/zero, a FIFO) has no size until read.
                if os.fstat(file.fileno()).st_size > limit:
                    yield InputError(too_large)
                    return
                raw = _read_at_most(file, limit)
    except (OSError, EOFError, zlib.error) as error:
        yield InputError(_read_error(error, compressed))
        return
    if raw is None:
        yield InputError(too_large)
        return
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        yield InputError(f"not valid UTF-8 (byte {error.start})")
        return
    del raw  # only the text is needed from here on
    if content.startswith("\ufeff"):
        content = content[1:]  # a byte-order mark is an encoding detail, not text
    if kind == ".json" or content.lstrip()[:1] in ("{", "["):
        yield from _read_json(content, str(path), max_bytes)
    elif _SEED_HEADER.match(content):
        yield _read_seed(content, str(path), max_bytes)
    else:
        yield InputError(
            "unknown format: expected a first line 'date YYYY-MM-DD', a .json or a .jsonl file"
        )


READ_CHUNK = 1 << 20


class _Binary(Protocol):
    """What the readers need of a file: a plain one or a gzip stream."""

    def read(self, size: int = -1, /) -> bytes: ...
    def readline(self, size: int = -1, /) -> bytes: ...


def _read_at_most(file: _Binary, limit: int) -> bytes | None:
    """The whole file if it holds at most ``limit`` bytes, else None, having read at most a
    chunk more than the limit (not read(limit + 1), which would allocate limit bytes)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := file.read(min(READ_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return b"".join(chunks)


def _loads(text: str) -> object:
    """``json.loads``, with brackets nested too deeply for the parser (it recurses) as a
    JSONDecodeError like any other invalid JSON, so it is that input's error only."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", text, 0) from None


def _read_error(error: Exception, compressed: bool) -> str:
    """Why a file could not be read, in words."""
    if isinstance(error, EOFError):
        return "compressed file is truncated (it ends before the end of its gzip stream)"
    if compressed and isinstance(error, gzip.BadGzipFile | zlib.error):
        return f"not a valid gzip file ({error})"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot read file: {error.strerror}"
    return f"cannot read file: {error}"


def line_limit(max_bytes: int) -> int:
    """The longest ``.jsonl`` line read: a body of ``max_bytes`` may take six times as many
    bytes in JSON (``\\u0001`` escapes one byte as six; no character takes more than six per
    UTF-8 byte), plus room for the date, title, url and keys around it."""
    return max_bytes * 6 + JSON_LINE_MARGIN


def _read_seed(content: str, source: str, max_bytes: int) -> DocumentInput | InputError:
    header = _SEED_HEADER.match(content)
    if header is None:  # pragma: no cover - read_file checks this first
        return InputError("missing 'date YYYY-MM-DD' first line")
    body = content[header.end() :]
    try:
        return validate(published_on=header.group(1), body=body, source=source, max_bytes=max_bytes)
    except InputError as error:
        error.source = source
        return error


def _read_json(content: str, source: str, max_bytes: int) -> Iterator[DocumentInput | InputError]:
    try:
        data = _loads(content)
    except json.JSONDecodeError as error:
        yield InputError(f"invalid JSON: {error.msg} at line {error.lineno}")
        return
    if isinstance(data, dict):
        yield _from_object(data, source, max_bytes)
    elif isinstance(data, list):
        if not data:
            yield InputError("empty JSON list")
        for index, item in enumerate(data):
            yield _from_object(item, f"{source}[{index}]", max_bytes)
    else:
        yield InputError("JSON must be an object or a list of objects")


def _read_json_lines(
    file: _Binary, source: str, max_bytes: int, *, compressed: bool = False
) -> Iterator[DocumentInput | InputError]:
    # Lines end at b"\n" only (a binary readline): str.splitlines() would also split at U+2028,
    # U+0085 and the like, which JSON allows unescaped inside strings (news text has them). A
    # CRLF line keeps its "\r", which JSON reads as whitespace.
    limit = line_limit(max_bytes)
    offset = 0  # of the line in the file, for UTF-8 error positions
    for number in itertools.count(1):
        line = file.readline(limit + 1)
        if not line:
            return
        where = f"{source}:{number}"
        start, offset = offset, offset + len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            if compressed:
                yield InputError(
                    f"line is longer than the limit of {limit} bytes (decompressed); the rest "
                    "of this compressed file is not read",
                    where,
                )
                return
            offset += _skip_line(file, limit)
            yield InputError(f"line is longer than the limit of {limit} bytes", where)
            continue
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line, start = line[len(codecs.BOM_UTF8) :], start + len(codecs.BOM_UTF8)
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as error:
            yield InputError(f"not valid UTF-8 (byte {start + error.start})", where)
            continue
        if not text.strip():
            continue
        try:
            item = _loads(text)
        except json.JSONDecodeError as error:
            yield InputError(f"invalid JSON: {error.msg}", where)
            continue
        yield _from_object(item, where, max_bytes)


def _skip_line(file: _Binary, chunk: int) -> int:
    """Read past the rest of the current line, ``chunk`` bytes at a time; the bytes read."""
    skipped = 0
    while True:
        part = file.readline(chunk)
        skipped += len(part)
        if not part or part.endswith(b"\n"):
            return skipped


def _from_object(item: object, source: str, max_bytes: int) -> DocumentInput | InputError:
    if not isinstance(item, dict):
        return InputError("expected a JSON object with 'date' and 'text'", source)
    unknown = set(item) - {"date", "text", "title", "url", "collections", "language"}
    try:
        if unknown:
            raise InputError(f"unknown field(s): {', '.join(sorted(unknown))}")
        if "text" not in item:
            raise InputError("missing field 'text'", field="text")
        return validate(
            published_on=item.get("date"),
            body=item["text"],
            title=item.get("title", ""),
            url=item.get("url", ""),
            source=source,
            max_bytes=max_bytes,
            collections=item.get("collections"),
            language=item.get("language"),
        )
    except InputError as error:
        return InputError(str(error), source, error.field)


def iter_paths(paths: list[Path]) -> Iterator[Path]:
    """The files named, and the input files inside the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and input_suffix(p))
        else:
            yield path


def read_upload(content: bytes, name: str, *, max_bytes: int) -> list[DocumentInput | InputError]:
    """The documents of an uploaded file (or a request body) named ``name``, read exactly as
    ``read_file`` reads a file of that name (its suffix chooses the format), with ``name`` in
    the sources. The content is already in memory, within the request size limit."""
    suffix = Path(name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as file:
        file.write(content)
        file.flush()
        items = list(read_file(Path(file.name), max_bytes=max_bytes))
        for index, item in enumerate(items):
            source = name + item.source.removeprefix(file.name) if item.source else name
            if isinstance(item, InputError):
                item.source = source
            else:
                items[index] = dataclasses.replace(item, source=source)
    return items
