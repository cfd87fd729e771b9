"""Lettered front divisions ("A. LEGISLATIVE PROVISIONS", "A.1.", "A.1.1.") before a dotted numbered body, as
Australian Design Rules and other legislative compilations set them; deep dotted numbers before a quantity;
contents entries and table rows read as text that must not swallow the next heading. Samples written here."""

from __future__ import annotations

from zmdocs.parse.blocks import Block
from zmdocs.parse.lines import to_paragraphs
from zmdocs.parse.structure import build_document


def _line(text: str, top: float, x0: float = 85, x1: float = 500, page: int = 1) -> Block:
    return Block(kind="line", text=text, page=page,
                 meta={"x0": x0, "x1": x1, "top": top, "bottom": top + 12, "page_width": 595, "page_height": 842, "size": 12.0})


def _doc(lines: list[tuple[str, float, float]], page: int = 1):
    return [_line(t, 100 + 20 * k, x0, x1, page) for k, (t, x0, x1) in enumerate(lines)]


_BODY = [
    ("A. GENERAL PROVISIONS", 85, 300),
    ("A.1. NAME OF RULE", 85, 260),
    ("A.1.1. This rule is the Vehicle Rule for rear lamps.", 85, 420),
    ("A.1.2. This rule may also be cited as Rule 99.", 85, 400),
    ("B. PURPOSE AND SCOPE", 85, 280),
    ("The purpose of this rule is to specify lamps at the rear.", 157, 480),
    ("C. APPLICATION", 85, 220),
    ("C.1. Summary", 85, 200),
    ("C.1.1. This rule applies to passenger cars.", 85, 380),
    ("9.1. DEFINITIONS", 85, 220),
    ("9.1.1. Refer to the rule on definitions.", 85, 380),
    ("9.2. REQUIREMENTS", 85, 240),
    ("9.2.1. Position", 85, 200),
    ("9.2.1.1. 150 mm for open vehicles;", 85, 330),
    ("9.2.1.2. 80 mm for other vehicles.", 85, 330),
]


def test_lettered_front_divisions_then_the_numbered_body():
    contents = [("CONTENTS", 265, 330)] + [(f"{t.split()[0]} {' '.join(t.split()[1:])}" + "." * 40 + " 2", 85, 510)
                                          for t in ("A. GENERAL PROVISIONS", "B. PURPOSE AND SCOPE", "C. APPLICATION")]
    blocks = _doc(contents, page=1) + _doc(_BODY, page=2)
    doc = build_document(blocks)
    got = [(c.number, c.heading) for c in doc.clauses if c.number[:1] in "ABC9"]
    assert got == [("A", "GENERAL PROVISIONS"), ("A.1", "NAME OF RULE"), ("A.1.1", ""), ("A.1.2", ""),
                   ("B", "PURPOSE AND SCOPE"), ("C", "APPLICATION"), ("C.1", "Summary"), ("C.1.1", ""),
                   ("9.1", "DEFINITIONS"), ("9.1.1", ""), ("9.2", "REQUIREMENTS"), ("9.2.1", "Position"),
                   ("9.2.1.1", ""), ("9.2.1.2", "")]
    assert doc.clause("A.1.1").parent.endswith("A.1") and doc.clause("C.1").parent.endswith("C")
    assert "150 mm for open vehicles" in doc.clause("9.2.1.1").text


def test_a_letter_line_out_of_sequence_or_in_lower_case_is_text():
    body = [("1. SCOPE", 85, 200), ("This rule covers the lamps fitted to the rear of vehicles and their", 85, 510),
            ("installation on the vehicle.", 85, 230), ("B. LAMPS FITTED AT THE REAR", 85, 300),
            ("2. REQUIREMENTS", 85, 240), ("A. the lamp is fitted at the rear", 85, 300),
            ("The lamp is fitted at the rear of the vehicle on its median plane, at any height", 85, 510)]
    doc = build_document(_doc(body))
    assert [c.number for c in doc.clauses if c.number[:1] in "12AB"] == ["1", "2"]


def test_one_level_list_item_quantity_is_no_deep_number():
    from zmdocs.text.clausenum import deep_dotted

    assert deep_dotted("9.2.1.1. 150 mm for open vehicles;")
    assert not deep_dotted("1. 5 kg of sample") and not deep_dotted("9.2 150 mm") and not deep_dotted("9.2.1 150 mm")


def test_contents_entry_ends_its_line_and_a_table_row_does_not_swallow_a_heading():
    lines = [("CONTENTS", 265, 330), ("A. GENERAL PROVISIONS" + "." * 50 + " 3", 85, 510),
             ("B. SCOPE" + "." * 60 + " 3", 85, 510)]
    blocks = _doc(lines) + [_line("A. GENERAL PROVISIONS", 100, 85, 300, page=2)]
    paras = [p.text for p in to_paragraphs(blocks)]
    assert paras[-1] == "A. GENERAL PROVISIONS"
    title = "9.3.1. Table of the least light given by the lamp (in candela, for degrees of angle)"
    rows = [(title, 85, 499), ("10U 8 16 8", 144, 513), ("10L 5L H 5R 10R", 206, 513), ("9.3.2. Colour of light", 85, 300)]
    paras = [p.text for p in to_paragraphs(_doc(rows))]
    assert paras[0] == title  # a row whose cells spread over the measure is no line of giant type (lines._char_w)
    assert paras[-1] == "9.3.2. Colour of light"
