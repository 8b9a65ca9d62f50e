"""Highlighting spans of a text as HTML (events/highlight.py): escaped text, well-formed
nesting, safe attributes."""

import re

from events.highlight import EXCERPT, TIMEX, Span, highlight

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(2)>"


def test_highlight_escapes_the_text_and_marks_the_span():
    text = f"{XSS_SCRIPT} on Saturday {XSS_IMG}"
    start = text.index("Saturday")
    html = highlight(text, [Span(start, start + len("Saturday"), TIMEX)])
    assert html == (
        "&lt;script&gt;alert(1)&lt;/script&gt; on "
        '<mark class="timex">Saturday</mark> &lt;img src=x onerror=alert(2)&gt;'
    )


def test_highlight_escapes_attribute_values():
    html = highlight("abc", [Span(0, 3, TIMEX, href='#x" onmouseover="alert(1)')])
    assert 'href="#x&quot; onmouseover=&quot;alert(1)"' in html
    assert 'onmouseover="' not in html


def test_highlight_names_an_excerpt_marker_by_its_title():
    html = highlight("abc", [Span(0, 3, EXCERPT, href="#event-7", marker="1", title='Event 1 "x"')])
    assert html == (
        '<a class="marker" href="#event-7" title="Event 1 &quot;x&quot;" '
        'aria-label="Event 1 &quot;x&quot;">1</a><mark class="excerpt">abc</mark>'
    )


def test_highlight_nests_overlapping_spans_into_well_formed_pieces():
    text = "0123456789"
    spans = [
        Span(0, 8, EXCERPT, href="#event-1", marker="1", anchor="excerpt-1"),
        Span(4, 10, EXCERPT, href="#event-2", marker="2", anchor="excerpt-2"),
        Span(5, 7, TIMEX, href="#event-2"),
    ]
    html = highlight(text, spans)
    assert html == (
        '<a class="marker" href="#event-1" id="excerpt-1">1</a>'
        '<mark class="excerpt">0123</mark>'
        '<a class="marker" href="#event-2" id="excerpt-2">2</a>'
        '<mark class="excerpt excerpt-nested">4</mark>'
        '<a class="timex-link" href="#event-2">'
        '<mark class="excerpt excerpt-nested timex">56</mark></a>'
        '<mark class="excerpt excerpt-nested">7</mark>'
        '<mark class="excerpt">89</mark>'
    )
    # Every tag opened is closed, in order.
    stack = []
    for closing, name in re.findall(r"<(/?)(a|mark)\b", html):
        if closing:
            assert stack.pop() == name
        else:
            stack.append(name)
    assert stack == []


def test_highlight_clips_spans_to_the_text_and_drops_empty_ones():
    assert highlight("abc", [Span(-5, 1, TIMEX), Span(2, 99, TIMEX), Span(1, 1, TIMEX)]) == (
        '<mark class="timex">a</mark>b<mark class="timex">c</mark>'
    )
    assert highlight("", [Span(0, 3, TIMEX)]) == ""


def test_highlight_can_fold_blank_lines():
    assert highlight("a\n\n\n b\nc", [], fold_blank_lines=True) == "a\n b\nc"
    assert highlight("a\n\nb", []) == "a\n\nb"
