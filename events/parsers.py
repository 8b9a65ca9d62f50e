"""Request body parsers: DRF's, with the failures it does not catch turned into 400s."""

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, except that a body of brackets nested too deeply for Python's
    recursive parser (``[[[[...`` 100,000 deep) is a 400 naming the reason, not a
    RecursionError and a 500."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply") from None
