"""Garbled text layers are told from the extracted text alone (zmdocs.parse.garble)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zmdocs.parse.garble import assess_page, assess_pages, suspect_runs

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

ZH = ("本标准规定了电热水壶的技术要求、试验方法和检验规则。额定功率不应大于 2000 W，"
      "泄漏电流不应大于 0.25 mA。器具应有防干烧保护，水位标志应清晰可见。")
EN = "The appliance shall switch off within 30 s after the water boils; the marking shall be durable."
DE = "Die Größe des Geräts muss der Norm entsprechen; Prüfung nach Abschnitt 5, Temperatur 20 °C ± 2 °C."
FR = "L'appareil doit être conçu de façon à éviter tout risque; la tension d'essai est appliquée à 1 250 V."


def disguise(word: str) -> str:
    """Latin letters drawn with a font whose map puts them on a narrow block of ideographs."""
    return "".join(chr(0x7250 + ord(c) - 0x41) for c in word)


def test_clean_text_in_four_languages_is_not_garbled():
    for text in (ZH * 3, EN * 3, DE * 3, FR * 3, "机动车号牌号码：×××××××\n" * 5 + ZH):
        v = assess_page(text)
        assert not v.garbled and not v.spans, (text[:30], v)


def test_latin1_mojibake_of_chinese_is_garbled():
    text = (ZH * 3).encode("gbk").decode("latin-1")  # what a CJK font mapped to single-byte codes extracts as
    v = assess_page(text)
    assert v.garbled and "Latin-1" in v.reason


def test_glyph_numbered_codes_are_garbled():
    # subset fonts that number glyphs in order map a page to runs of consecutive code points
    text = " ".join("".join(chr(0x21 + (i * 7 + k) % 90) for k in range(6)) for i in range(60))
    assert assess_page(text).garbled


def test_unmapped_glyphs_and_private_use():
    assert assess_page("", glyphs=500).garbled  # many glyphs drawn, nothing extractable
    assert assess_page("(cid:12)(cid:13)" * 40, glyphs=80, unmapped=80).garbled
    assert assess_page("\ue011\ue012\ue013 " * 30).garbled


def test_disguised_latin_spans_on_a_clean_page():
    term = disguise("minimumsafety")
    text = f"3.5\n最低安全抗风能力 {term}\n{ZH}\n{disguise('GB')}／{disguise('T')} 12345—2020\n{ZH}"
    v = assess_page(text)
    assert not v.garbled
    spans = [text[a:b] for a, b in v.spans]
    assert spans == [term, disguise("GB"), disguise("T")]  # the short runs count: the page shows the font's block


def test_a_page_of_disguised_latin_is_garbled():
    text = "\n".join(disguise(w) for w in ["REQUIREMENTS", "ANDTESTMETHODS", "WINDRESISTANCE"] * 3)
    assert assess_page(text).garbled


def test_real_words_in_one_block_are_not_disguised_latin():
    # 状 独 狭 犯 share a 128-code-point block with the disguised alphabet; real words spread wider
    text = "状态独立，狭窄通道，犯规判定。" * 5
    assert suspect_runs(text) == []
    assert suspect_runs("状态、独立", windows={0x72B6 >> 7}) == []


def test_document_level_fonts():
    bad = (ZH * 3).encode("gbk").decode("latin-1")
    light = ZH * 8 + (ZH[:12]).encode("gbk").decode("latin-1")  # a page with a little of the same mojibake
    assert not assess_page(light).garbled
    verdicts = assess_pages([(bad, 0, 0), (bad, 0, 0), (light, 0, 0), (ZH * 8, 0, 0)])
    assert [v.garbled for v in verdicts] == [True, True, True, False]
    # a clean document with the same light page stays clean
    assert [v.garbled for v in assess_pages([(light, 0, 0), (ZH, 0, 0)])] == [False, False]


# --------------------------------------------------------------------------- real documents
def _pdf_pages(rel: str) -> list[tuple[str, int, int]]:
    import pypdfium2 as pdfium

    path = CORPUS / rel
    if not path.exists():
        pytest.skip(f"{rel} not in ../shared/corpus")
    doc = pdfium.PdfDocument(str(path))
    out = []
    for page in doc:
        tp = page.get_textpage()
        out.append((tp.get_text_range(), tp.count_chars(), 0))
    return out


@pytest.mark.parametrize("rel", ["cn-garbled/gbt38909-2020-uav-emc.pdf", "cn-garbled/gmt0030-2014.pdf",
                                 "cn-garbled/jtt808-2019.pdf"])
def test_real_garbled_documents_are_detected(rel):
    pages = _pdf_pages(rel)
    verdicts = assess_pages(pages)
    with_text = [v for (t, _, _), v in zip(pages, verdicts, strict=True) if t.strip()]
    assert sum(v.garbled for v in with_text) >= 0.9 * len(with_text)  # measured: every page


@pytest.mark.parametrize("rel", ["cn-product/gb45672-2025-aecs.pdf", "cn-draft/gmt0059-2018-bpg.pdf",
                                 "cn-draft/gb-aecs-draft-zqyj.pdf", "cn-product/gbt19056-2012-tachograph.pdf",
                                 "intl-std/oiml-r60-1-2021-en.pdf", "bilingual/iho-b6-2019-en-fr-2col.pdf"])
def test_real_clean_documents_are_not_flagged(rel):
    verdicts = assess_pages(_pdf_pages(rel))
    assert not [i + 1 for i, v in enumerate(verdicts) if v.garbled or v.spans]


def test_clean_chinese_with_disguised_english_terms():
    verdicts = assess_pages(_pdf_pages("cn-product/gbt38930-2020-uav-wind.pdf"))
    assert verdicts[0].garbled  # the cover: title and number in the disguised Latin font
    assert not any(v.garbled for v in verdicts[1:])  # the Chinese body reads cleanly
    assert sum(1 for v in verdicts[1:] if v.spans) >= 8
