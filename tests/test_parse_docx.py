"""DOCX reader at the Block level: body order, Word auto-numbering, tables, revisions, pages."""

from __future__ import annotations

import zipfile

import pytest

from zmdocs.errors import ParseError
from zmdocs.parse.docx import read_docx
from zmdocs.parse.docx_numbering import Numbering, format_number


@pytest.fixture(scope="module")
def raw(data_dir):
    return read_docx(data_dir / "docx" / "numbered.docx")


def paras(raw):
    return [(b.number, b.text) for b in raw.blocks if b.kind == "para"]


def test_body_order_toc_and_no_running_headers(raw):
    p = paras(raw)
    assert p[0] == ("", "目 次")
    assert p[1] == ("", "1 范围 1")  # TOC entry inside a content control
    assert raw.blocks[1].style == "TOC1"
    assert not any("RUNNING HEADER" in t or "PAGE FOOTER" in t for _, t in p)
    kinds = [b.kind for b in raw.blocks]
    i = kinds.index("table")
    assert raw.blocks[i - 1].text == "表1 主要技术指标"


def test_heading_numbers_from_style_linked_list(raw):
    heads = [(b.number, b.text, b.style) for b in raw.blocks if b.style.startswith("Heading")]
    assert heads == [("1", "范围", "Heading 1"), ("2", "技术要求", "Heading 1"), ("2.1", "电气安全", "Heading 2"),
                     ("2.1.1", "泄漏电流", "Heading 3"), ("2.2", "表格", "Heading 2")]
    assert next(b for b in raw.blocks if b.text == "电气安全").meta["outline_level"] == 2


def test_list_numbers_levels_restart_and_overrides(raw):
    p = dict((t, n) for n, t in paras(raw))
    assert [p["Ⅰ类器具；"], p["便携式；"], p["驻立式；"], p["Ⅱ类器具。"]] == ["a)", "1)", "2)", "b)"]
    # num 92 shares abstract 91 but has a startOverride: restarts at a)
    assert [p["第二页的第一条。"], p["第二条。"]] == ["a)", "b)"]
    assert [p["（规范性）电气强度试验"], p["试验电压"], p["试验时间"]] == ["附录A", "A.1", "A.2"]
    assert [p["质量承诺"], p["保修"]] == ["一、", "二、"]
    seq = [n for n, t in paras(raw) if t in ("Step", "Sub", "Sub continues")]
    assert seq == ["1", "(i)", "2", "(ii)"]  # lvlRestart 0: level 2 never restarts


def test_number_not_repeated_when_text_has_it(raw):
    assert ("", "5.3 已有编号的段落") in paras(raw)


def test_revisions_hidden_text_fields_and_symbols(raw):
    t = next(b.text for b in raw.blocks if b.text.startswith("泄漏电流应"))
    assert t == "泄漏电流应不大于0.25 mA，见表1。温度≥20 °C。"


def test_table_merges_nested_and_header_rows(raw):
    tab = next(b for b in raw.blocks if b.kind == "table")
    assert tab.rows[0] == ["序号", "项目", "指标", "指标"]
    assert tab.rows[1] == ["序号", "项目", "本文件", "GB 4706.19"]
    assert tab.rows[3] == ["2", "泄漏电流", "≤0.50 mA", "≤0.75 mA"]
    assert tab.rows[4][1] == "待机功率 待机 | 关机"
    assert tab.header_rows == 2


def test_pages_from_explicit_breaks(raw):
    assert raw.pages == 2
    assert next(b for b in raw.blocks if b.text == "范围").page == 1
    assert next(b for b in raw.blocks if b.text == "第二页的第一条。").page == 2


def test_no_breaks_means_unknown_pages(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("1 Scope")
    d.save(tmp_path / "one.docx")
    raw = read_docx(tmp_path / "one.docx")
    assert raw.pages == 0 and raw.blocks[0].page is None


def test_rendered_page_breaks_preferred(tmp_path):
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    d.add_paragraph("one")
    p = d.add_paragraph()
    p._p.append(parse_xml(f'<w:r {ns}><w:br w:type="page"/></w:r>'))
    q = d.add_paragraph()
    q._p.append(parse_xml(f'<w:r {ns}><w:lastRenderedPageBreak/><w:t>two</w:t></w:r>'))
    d.save(tmp_path / "r.docx")
    raw = read_docx(tmp_path / "r.docx")
    assert [(b.text, b.page) for b in raw.blocks] == [("one", 1), ("two", 2)]  # not counted twice


def test_images_only_has_no_text_blocks(data_dir):
    assert read_docx(data_dir / "docx" / "images-only.docx").blocks == []


def test_broken_docx_raise_one_line(data_dir, tmp_path):
    with pytest.raises(ParseError) as ei:
        read_docx(data_dir / "bad" / "broken-xml.docx")
    assert "is not a readable Word .docx" in str(ei.value) and "re-save" in str(ei.value)
    bad = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ParseError):
        read_docx(bad)


@pytest.mark.parametrize("n,fmt,out", [
    (1, "decimal", "1"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"), (14, "lowerRoman", "xiv"),
    (4, "upperRoman", "IV"), (11, "chineseCounting", "十一"), (21, "chineseCounting", "二十一"),
    (101, "chineseCountingThousand", "一百零一"), (10, "chineseCounting", "十"), (12, "decimalFullWidth", "１２"),
    (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"), (5, "decimalZero", "05"),
])
def test_format_number(n, fmt, out):
    assert format_number(n, fmt) == out


def test_numbering_legal_and_start_values():
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = f"""<w:numbering xmlns:w="{w}">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"""
    n = Numbering.from_xml(etree.fromstring(xml))
    assert n.next_number("5", 1) == "3.1"  # legal numbering shows level 1 as decimal, starts at 3
    assert n.next_number("5", 0) == "III"
    assert n.next_number("5", 1) == "3.1"  # restarted after level 0 advanced
    assert n.next_number("5", 1) == "3.2"
    assert n.next_number("9", 0) == ""  # unknown numId


def test_placeholders_skipped_text_boxes_and_inline_controls_kept(tmp_path):
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    body = d.element.body
    body.sectPr.addprevious(parse_xml(
        f'<w:sdt {ns}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click here to enter '
        'text.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    p = d.add_paragraph("Rated voltage: ")
    p._p.append(parse_xml(f'<w:sdt {ns}><w:sdtContent><w:r><w:t>220 V</w:t></w:r></w:sdtContent></w:sdt>'))
    p._p.append(parse_xml(
        f'<w:r {ns}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Boxed note</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    d.save(tmp_path / "c.docx")
    raw = read_docx(tmp_path / "c.docx")
    assert [b.text for b in raw.blocks] == ["Rated voltage: 220 V", "Boxed note"]


def test_restart_num_first_used_below_level_0_keeps_shared_letter():
    """Annex lists: each annex's sub-clauses use a new num (startOverride on every level) of the shared
    abstract; Word restarts only the levels the num is used at, so the annex letter keeps counting."""
    from lxml import etree

    from zmdocs.parse.docx_numbering import dotted_annex

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    restart = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>' for i in range(3))
    xml = f"""<w:numbering xmlns:w="{w}">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Annex %1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/>
          <w:lvlText w:val="%1-%2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-%2.%3"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/>{restart}</w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/>{restart}</w:num>
    </w:numbering>"""
    n = Numbering.from_xml(etree.fromstring(xml))
    seq = [n.next_number(*a) for a in [("1", 0), ("1", 1), ("1", 1), ("1", 0), ("2", 1), ("1", 2), ("1", 0),
                                        ("1", 0), ("3", 1), ("3", 2), ("3", 1)]]
    assert seq == ["Annex A.", "A-1", "A-2", "Annex B.", "B-1", "B-1.1", "Annex C.", "Annex D.", "D-1", "D-1.1",
                   "D-2"]
    assert [dotted_annex(s) for s in ("B-1.1", "D-2", "Annex B.", "1-2", "4.1")] == ["B.1.1", "D.2", "Annex B.",
                                                                                   "1-2", "4.1"]


def test_annex_label_with_full_stop_separator():
    """Word's "Annex %1." lvlText is prefixed to the heading text: "Annex A. Title" is an annex heading."""
    from zmdocs.parse.numbering import parse_annex

    long_title = "Gridded Source Data and its Relationship to the Charted Depths of a Navigational Product"
    assert parse_annex("Annex A. Encoding Guide") == ("A", "", "Encoding Guide")
    assert parse_annex(f"Annex C. {long_title}") == ("C", "", long_title)
    assert parse_annex("Annex A specifies the tests to be used when the device is operated in one mode only, "
                       "not in the others.") is None
