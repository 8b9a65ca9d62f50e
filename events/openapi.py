"""Corrections to the generated OpenAPI schema that the views cannot state themselves."""

from typing import Any

TIMELINEJS = "TimelineJS"

# What /api/timeline/?format=timelinejs answers (events/exports.py, ``timelinejs``).
TIMELINEJS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The whole filtered timeline as a TimelineJS3 document: one slide an event.",
    "required": ["events"],
    "properties": {
        "events": {"type": "array", "items": {"type": "object"}},
        "title": {"type": "object"},
    },
}


def timelinejs_responses(result: dict, generator: object, request: object, public: bool) -> dict:
    """drf-spectacular postprocessing hook: an operation with ``?format=timelinejs`` answers
    200 ``application/json`` with either its JSON page or a TimelineJS3 document (both are
    JSON), so its schema says either; otherwise clients and schema checks (schemathesis) take
    the TimelineJS document for a malformed page."""
    for item in result.get("paths", {}).values():
        for operation in item.values():
            formats = [
                parameter.get("schema", {}).get("enum", [])
                for parameter in operation.get("parameters", [])
                if parameter.get("name") == "format" and parameter.get("in") == "query"
            ]
            content = operation.get("responses", {}).get("200", {}).get("content", {})
            if any("timelinejs" in enum for enum in formats) and "application/json" in content:
                page = content["application/json"]["schema"]
                # A named component, "TimelineJSOr<the page's component>", for the docs.
                name = f"{TIMELINEJS}Or{page.get('$ref', '/Page').rsplit('/', 1)[1]}"
                components = result.setdefault("components", {}).setdefault("schemas", {})
                components[TIMELINEJS] = TIMELINEJS_SCHEMA
                components[name] = {"oneOf": [page, {"$ref": f"#/components/schemas/{TIMELINEJS}"}]}
                content["application/json"]["schema"] = {"$ref": f"#/components/schemas/{name}"}
    return result
