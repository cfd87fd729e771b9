"""The role of an indicator: a `requirement` the product must meet, a `test-condition` a test applies,
or `informative` (notes, examples, statistics), so that comparison pairs like with like.

A sentence is read around its value, not as a whole: the comma segment that holds the number decides first.
1. informative: a note or example (`e.g.` right before the value, `examples are shown in Table 2` over a
   table), repeatability statistics, the key of a formula (`where: … = …`), a value inside a definition;
2. test-condition from the value's segment: a count of tests or determinations (`mindestens 3
   Bestimmungen`, `repeated three times`), a duration of exposure, a test input or setting that reaches the
   value without a modal in between (施加, apply, 初速度, 以…的速度, at a distance of, at an ambient test
   temperature of, exposure to, Probenahme, bezogen auf), a value inside a Chinese locative frame
   (在坡度为20%的坡道上, 照射在距离10 m的屏幕上), a force the tester applies (踏板力, pedal force);
3. requirement: a bound on a `limit` (`by not more than 10 per cent, the limit prescribed`);
4. test-condition from the whole sentence: a test-time frame or a driving setting (试验时, 检验时, during the
   test, 在…道路上行驶, also as the lead-in or group line of the list the sentence is an item of, or the start
   of the sentence a line break cut off) over a value that is not a bound governed by a modal (`检验时侧滑量
   应小于等于5 m/km` is a result; `试验时样品温度应保持在(40±2) ℃` a setting);
5. a table cell: a column naming a test input (制动初速度, test voltage) → test-condition; a column or the
   caption naming a limit or requirement, or a lead-in of the table's clause naming limits (`shall be less
   than the limits shown in the table`, 应符合表4的规定) → requirement; other columns naming a test → test-condition;
6. the parameter (试验电压, test voltage, Prüfspannung), then the clause: a test-methods chapter or a heading
   naming a test procedure or test conditions → test-condition unless a heading judges the result or the
   bound is a product limit; otherwise → requirement.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from zmdocs.indicators.history_tables import is_history_table
from zmdocs.indicators.text_tables import caption_in_text

if TYPE_CHECKING:
    from zmdocs.model import Clause, Document, Indicator, Table

_NOTE = re.compile(
    r"^[\s*_#>]*(?:注|注\s*\d+|示例|例|NOTE|Note|NOTES|EXAMPLE|Example|Anmerkung|ANMERKUNG|Beispiel|BEISPIEL|Hinweis|Remarque|"
    r"REMARQUE|Exemple|EXEMPLE)\b\s*\d*\s*[:：—–\-]?|^[\s*_#>]*(?:注|示例)\s*\d*\s*[:：]")
_STATS = re.compile(
    r"(?i)repeatability|reproducibility|standard deviation|coefficient of variation|重复性|再现性|标准偏差"
    r"|Wiederholbarkeit|Vergleichbarkeit|Standardabweichung|répétabilité|reproductibilité|écart[- ]type")
# the symbols of a formula explained: "where: H = atomic ratio … for petrol 1.73", "式中：", "dabei ist", "où"
_FORMULA_KEY = re.compile(r"(?im)^\s*(?:where\s*:|式中\s*[：:]?|dabei\s+(?:ist|sind)|hierbei\s+(?:ist|sind)|où\s*:)"
                          r"|\b(?:atomic|molar)\s+ratio\b|\bconversion\s+factor\b")
_TEST_HEADING = re.compile(
    r"(?i)试验方法|试验程序|试验步骤|试验条件|测试方法|检验方法|检测方法|测量方法|试验$|方法$|试验设备|试验装置|测试条件|试验要求"
    r"|\btest(?:ing)?\s+(?:methods?|procedures?|conditions?|equipment|apparatus)|method(?:s)?\s+of\s+(?:test|measurement)|\bprocedure\b|\btesting\b"
    r"|\btests?\b(?!\s+report)|measurement\s+(?:method|procedure)|conditions\s+of\s+measurement|Prüfverfahren|Prüfbedingung|Prüfung$|Messverfahren|Messung$"
    r"|méthodes?\s+d['’]essai|conditions\s+d['’]essai|\bessais?\b|mode\s+opératoire"
    r"|Durchführung\s+der\s+Messungen|^Messungen\s+an\b|carrying\s+out\s+(?:the\s+)?measurements")
_JUDGE_HEADING = re.compile(r"(?i)判定|判据|评价|评定|合格|结果|acceptance|criteria|evaluation|assessment|Bewertung|critères"
                            r"|^(?:Anforderungen|Requirements|Exigences)\b(?!\s+an\s+die\s+Durchführung|\s+for\s+carrying\s+out)")
# "Anforderungen bei der Typprüfung": limits a type test checks; "Anforderungen an die Durchführung der Messungen": how to test
# a frame that holds for the whole sentence: the time of the test or an imperative test instruction
_TEST_FRAME = re.compile(
    r"(?i)(?:试验|测试|检验|测量|检测)(?:时|中|过程中|期间)|将[^，,。；;]{0,30}(?:放置|置于|放在|安装|固定|加热|浸入|连接)|放置于"
    r"|上进行(?:试验)?[。.]?\s*$|进行[^，,。；;]{0,10}试验"
    r"|\bduring\s+(?:the\s+)?(?:test|testing|measurements?)|\b(?:the\s+test|testing)\s+shall|\btests\s+shall\s+(?:also\s+)?be\s+(?:carried\s+out|performed|made)"
    r"|\bwhen\s+(?:being\s+)?(?:tested|measured)\b|\bthe\s+(?:tests?|measurements?)\s+(?:is|are|shall\s+be)\s+(?:carried\s+out|performed|made|conducted)"
    r"|(?-i:(?:^|[.:;]\s+|\n\s*(?:[a-z\d]{1,2}[).]\s*)?)(?:Apply|Place|Heat|Cool|Immerse|Weigh|Set|Adjust|Connect|Fill|Condition|Store|Operate"
    r"|Drive|Switch|Raise|Lower|Repeat|Allow|Measure|Record)\s)|\bimmerse"
    r"|\bwährend\s+der\s+(?:Prüfung|Messung)|\bbei\s+der\s+(?:Prüfung|Messung)\b|\b(?:wird|werden)\s+(?:geprüft|gemessen|aufgebracht)"
    r"|\b(?:ist|sind)\s+(?:[\wäöüß-]+\s+){0,16}zu\s+(?:prüfen|messen|erwärmen|lagern|belasten|spülen)\b"
    r"|\b\d+\s+(?:[a-zäöüß]+(?:e|en)\s+)?(?:Einzelmessungen|Messungen|Untersuchungen|Prüfungen|Bestimmungen)\b"
    r"|(?-i:(?:^|[.:;]\s+)(?:Peser|Placer|Chauffer|Mesurer|Appliquer|Plonger)\s)|prise\s+d['’]essai|\bpendant\s+l['’]essai"
    r"|\bau\s+cours\s+de\s+l['’]essai|\blors\s+de\s+l['’](?:essai|épreuve)|\bl['’]essai\s+(?:est|doit\s+être)\s+(?:effectué|réalisé)")
# what the test applies or runs at, read in the value's own segment
_TEST_LOCAL = re.compile(
    r"(?i)施加(?!于[^，,。；;]{0,12}的)|加载|(?:试验|测试|检验|测量)(?:电压|电流|温度|速度|车速|时间|压力|频率|载荷|负荷|距离)|初(?:始)?速度"
    r"|(?:屏幕|测量|观测)距离|(?<![\u4e00-\u9fff])(?:距离|相距)\s*\d[^，,。；;]{0,8}的|以\s*\d[^，,。；;]{0,12}的?(?:速度|车速|转速|频率|压力|电压|电流|加速度|流量)"
    r"|\bappl(?:y|ied|ying)\b|\bis\s+(?:applied|placed|heated)\s+(?:to|on|at|in)\b|\bat\s+a\s+distance\s+of\b|\bplace\b"
    r"|\b(?:at|on|under|with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:temperature|speed|voltage|pressure|load|slope|gradient|current|frequency|humidity)\s+of\b"
    r"|\btest(?:ed)?\s+(?:at|with|under|voltage|temperature|load|speed|duration)|\bspecimens?\b|\bsamples?\s+of\b|\bsampling\b"
    r"|\bPrüf(?:ling|spannung|temperatur|dauer)|\bProbe\b|Probenahme|\bbezogen\s+auf\b|\bbeziehen\s+sich\s+auf\b|\bBebrütung\w*|\bInkubation\w*|\bbebrütet\b|\binkubiert\b"
    r"|\bappliquer\b|\best\s+appliqué|采样|取样|(?:采集|分成|每组)\s*\d|\b(?:referred|related)\s+to\s+(?:an?\s+)?(?:\w+\s+){0,3}(?:content|concentration)\b"
    r"|\bexposure\s+(?:of|to)\b|\bexposed\s+to\b|\bconditioned\s+(?:at|for)\b|\b(?:stored|kept|held|maintained)\s+at\b"
    r"|\bfor\s+(?:any|a|an|each)\s+(?:[\w-]+\s+){0,4}(?:temperature|speed|voltage|pressure|load|humidity)\s+(?:of|(?:equivalent|equal)\s+to)\b"
    r"|\b(?:is|are)\s+(?:set|adjusted|brought)\s+to\b|\bbei\s+einer\s+(?:[\wäöüß-]+\s+){0,2}\w*(?:temperatur|geschwindigkeit|spannung|drehzahl|frequenz|druck|konzentration)\s+von\b|\bauf\s+einen\s+(?:Volumengehalt\s+an\s+Sauerstoff|Sauerstoffgehalt)\b"
    r"|\b(?:à|sous)\s+une\s+(?:[\w-]+\s+){0,2}(?:température|vitesse|tension|pression|fréquence)\s+de\b")
# a duration the test holds, named right after the value: "after 20 minutes of exposure", "24 h of conditioning"
_DURATION_OF = re.compile(r"(?i)^\s*(?:min(?:utes?)?|h(?:ours?)?|s(?:econds?)?|d(?:ays?)?)\s+of\s+(?:exposure|loading|operation|conditioning|storage|immersion|ageing|aging)\b")
# the statistical level a statement holds at, right after the value: "95 % confidence level", "95 % 置信水平"
_LEVEL_OF = re.compile(r"(?i)^\s*(?:%|per\s?cent)\s*(?:confidence|coverage)\s+(?:level|probability|interval)\b"
                       r"|^\s*%\s*(?:Vertrauensniveau|Konfidenzniveau|(?:de\s+)?niveau\s+de\s+confiance|置信)")
# a count of tests or determinations right after the value: "3 Bestimmungen", "repeated three times"
_TEST_COUNT = re.compile(r"(?i)^\W{0,3}(?:(?:identical|independent|consecutive|successive|repeated|load)\s+){0,2}(?:tests?|measurements?|readings?|applications?|determinations?|runs?|cycles?|times(?!\s+(?:the|its|their|that|this)\b)|Bestimmungen|Messungen|Prüfungen"
                         r"|Wiederholungen|essais|mesures)\b|^\W{0,3}次(?:试验|测量|测试|检验)"
                         r"|^\W{0,3}(?:[a-zäöüß]+(?:e|en)\s+)?(?:Einzelmessungen|Untersuchungen|Probenahmen|Proben|Messreihen|Quartale|Quartalen)\b")
# a Chinese locative frame that holds the value: 在坡度为20%…的坡道上, 在温度为40 ℃的条件下
_ZH_FRAME = re.compile(r"在[^，,。；;在]{0,80}?(?:条件|状态|环境|坡道|路面|道路|温度)(?:下|上|中)"
                       r"|在[^，,。；;在]{0,30}?\d[^，,。；;]{0,12}的[^，,。；;的]{0,10}?(?<!以)(?:上|下|中)")  # 照射在距离10m的屏幕上
_MODAL = re.compile(r"(?i)应|须|不得|不能|不允许|\bshall\b|\bmust\b|\bshould\b|\b(?:is|are)\s+(?:required\s+)?to\s+be\b|\bdarf\b|\bdürfen\b"
                    r"|\bmuss|\bmüssen\b|\bsoll(?:en)?\b|\beinzuhalten\b|\bdoi(?:t|vent)\b|\bne\s+peu(?:t|vent)\b")
_EXAMPLE = re.compile(r"(?i)\be\.\s?g\.|\bfor\s+example\b|\bz\.\s?B\.|\bpar\s+exemple\b|例如|如：")
# a table the caption or its clause declares informative or a sample: "Informative Grid Resolution …", "Sample contents of …",
# "Informative values … have been provided in Table 9-1"
_INFORMATIVE_TABLE = re.compile(r"(?i)\binformative\b|\bsample\s+(?:contents|values|data)\b|\bexamples?\s+of\b|\binformativ\b|\bà\s+titre\s+indicatif")
# a table whose content the text permits to follow another document ("… (Tables 9-3 - 9-5) may follow IHO S-52"): an option
_MAY_FOLLOW = re.compile(r"(?i)\bmay\s+follow\b")
# a value a scale defines: "A value of 1 represents zero transparency"
_SCALE_VALUE = re.compile(r"(?i)\ba\s+value\s+of\s+-?[\d.,]+\s+(?:represents|means|indicates|denotes)\b")
_EXAMPLE_LEADIN = re.compile(r"(?i)\bexamples?\s+(?:is|are)\s+(?:shown|given)\b|\ban\s+example\s+is\b|示例见表|表\s*\S+\s*(?:给出|列出)了?示例")
# quantities a tester applies rather than a product delivers: the force on a pedal or a hand lever
_INPUT_PARAM = re.compile(r"(?i)踏板力|手握力|操纵力|\bpedal\s+force|\b(?:control|actuating|operating)\s+force|Pedalkraft|Betätigungskraft|Handkraft")
# the transition chapter of a zh standard (标准实施的过渡期要求): it restates other clauses' limits and dates them
_TRANSITION = re.compile(r"过渡期|标准的?实施")
_DEFINITIONS = re.compile(r"(?i)^(?:术语和定义|术语|定义|Terms\s+and\s+definitions|Definitions?|Begriffsbestimmungen|Begriffe|Définitions|Termes\s+et\s+définitions)$")
_LIMIT_WORD = re.compile(r"(?i)\blimits?\b|limit\s+values?|限值|极限值|\w*Grenzwert|Prüfwert|Nachweisgrenze|valeurs?\s+limites?")
# a numbered "Anmerkung" of a regulation's table that lays down a rule ("ist zu berechnen", "gilt die Nachweisgrenze
# von", "festzulegen ist", "kann … angewandt werden"): a normative footnote, not an informative note
_RULE_NOTE = re.compile(r"^[\s*_]*Anmerkung\s+\d+\s*:.*?(?:\b(?:ist|sind)\s+(?:[\wäöüß-]+\s+){0,6}zu\s+\w+en\b|\b\w+zu\w+en\s+(?:ist|sind)\b"
                        r"|\b(?:gilt|gelten|muss|müssen|darf|dürfen)\b|\b(?:kann|können)\b[^.]{0,120}\bwerden\b)"
                        r"|^(?![\s*_]*(?:Anmerkung|ANMERKUNG|Hinweis|Beispiel)\b)[^.]{0,300}?(?:\b\w+zu\w+en\s+(?:ist|sind)\b"
                        r"|\b(?:kann|können)\b[^.]{0,120}\b(?:angewandt|angewendet|verwendet)\s+werden\b)", re.S)
# the surroundings of a test: a bound on them limits the test, not the product
_AMBIENT = re.compile(r"(?i)\b(?:ambient|environmental|room)\s+(?:air\s+)?temperature|\bwind\s+speeds?\b|\brelative\s+humidity"
                      r"|\b(?:atmospheric|barometric)\s+pressure|环境温度|相对湿度|大气压力?|风速|Umgebungstemperatur|Luftfeuchte"
                      r"|température\s+ambiante|humidité\s+relative")
_TEST_PARAM = re.compile(r"(?i)^(?:试验|测试)|初(?:始)?速度|(?:屏幕|测量|观测)距离|^(?:the\s+)?test(?:ing)?\s|\bof\s+the\s+test\b|^(?:Prüf|Mess)(?!unsicherheit|genauigkeit|fehler|abweichung)\w*(?:\s+\S+)?$|\bd['’]essai\b")
_TEST_COLUMN = re.compile(r"(?i)试验|测试|初(?:始)?速度|(?:屏幕|测量|观测)距离|\btest\s|testing|Prüf|essai"
                          r"|\bAnzahl\s+der\s+(?:Untersuchungen|Messungen|Proben|Probenahmen)|\bnumber\s+of\s+(?:tests|measurements|samples)\b")
# a column of reference values a calculation or assessment applies ("Referenz-Aktivitätskonzentration", "reference value")
_METHOD_HEAD = re.compile(r"(?i)\btest\s+methods?\b|试验方法|检验方法|检测方法|Prüfverfahren|méthodes?\s+d['’]essai")
_REFERENCE_COLUMN = re.compile(r"(?i)^(?:Referenz|Bezugs|Rechen)\w*|\breference\s+(?:values?|concentrations?|levels?)\b|valeurs?\s+de\s+référence")
# a value a calculation assumes: "einen Pro-Kopf-Verbrauch von 200 Liter ansetzen", "… von 730 Litern … berechnet"
_ASSUMED = re.compile(r"(?i)\bansetzen\b|\bangesetzt\b|zugrunde\s+(?:zu\s+)?(?:legen|gelegt)|\bZugrundelegung\b|\b(?:be|er)rechnet\b|\bis\s+(?:assumed|taken\s+as)\b"
                      r"|\bshall\s+be\s+assumed\b|\best\s+supposée?\b")
_PRODUCT_LIMIT = re.compile(
    r"(?i)应不|不应|不得|应符合|不允许|(?:应|须)(?:小于|大于|低于|高于)|(?:shall|should|must|may)\s+not\s+(?:exceed|be)"
    r"|(?:shall|should|must)\s+(?:be|have|remain)\s+(?:at\s+least|at\s+most|not|less|greater|more|within|between|limited)"
    r"|darf\s+nicht|dürfen\s+nicht|(?:muss|müssen)\s+(?:mindestens|höchstens)|ne\s+doi(?:t|vent)\s+pas|doi(?:t|vent)\s+être\s+(?:au\s+(?:plus|moins)|inférieure?s?|supérieure?s?)")
# an error or deviation the standard permits (metrology: MPE, 最大允许误差, Fehlergrenze): always a requirement on the product
_PERMITTED_ERROR = re.compile(r"(?i)\b(?:maximum\s+)?permissible\s+(?:errors?|deviations?|variations?)\b|\bMPE\b|允许误差|Fehlergrenzen?\b"
                              r"|erreurs?\s+maximales?\s+tolérées?|\bEMT\b")
# a setting that scopes a whole Chinese sentence: 在平坦…的道路上行驶, 在下列条件下 (not 在激活状态下: a state of the product)
_ZH_SETTING = re.compile(r"在[^，,。；;在]{0,40}?(?:条件|环境|坡道|路面|道路|试验台|转鼓)(?:下|上|中)")
_LIST_MARK = re.compile(r"^\s*(?:[a-z\d]{1,2}[)）]|[-•·—])")
_REQ_COLUMN = re.compile(r"(?i)要求|限值|允许|最大|最小|最高|最低|limit|requirement|permissible|allowable|maximum|minimum|\bmax|\bmin|Grenzwert|Anforderung|exigence")
_TABLE_LEADIN = re.compile(r"(?i)应符合(?:下)?表|符合表\s*\S+\s*的规定|\blimits?\b|limit\s+values?|限值|Grenzwerte?|valeurs?\s+limites?"
                           r"|shall\s+(?:not\s+exceed|be\s+less\s+than|comply\s+with)", re.S)
# a sentence of the clause text that speaks of a table ("… the limits shown in the table below", "应符合表4的规定")
_TABLE_WORD = re.compile(r"\b[Tt]ables?\b|表\s*[A-Z]?[\d.]*|\bTabelle|\btableau")
_SEGMENT = re.compile(r"(?<!\d)[,，](?!\d)|[，；;。\n]|(?<!\d)(?<!\be\.g)(?<!\bi\.e)(?<!\bz\.B)\.(?=\s+[A-ZÄÖÜ]|\s*$)")
_BOUNDS = ("<=", "<", ">=", ">")
# factors a test evaluation applies to measured results (conformity statistics, deterioration, weighting)
# (no word boundary before it: an OCR layer joins words, "Sample Size andStatistical Factor")
_PROCEDURE_FACTOR = re.compile(r"(?i)(?:statistical|deterioration|correction|weighting)\s*factors?\b|统计系数|修正系数|劣化系数|加权系数"
                               r"|Korrekturfaktor|Gewichtungsfaktor|Verschlechterungsfaktor|facteurs?\s+(?:de\s+)?(?:correction|pondération|détérioration)")
# a bound verb between a test cue and the value: the value limits the result the test gives ("tested under …, the
# coefficient does not exceed by more than 0.5 m-1")
_RESULT_BOUND = re.compile(r"(?i)\b(?:does|do|did|shall|must)\s+not\s+exceed|\bnot\s+(?:be\s+)?(?:more|greater|less|higher|lower)\s+than"
                           r"|\b(?:is|are)\s+(?:less|greater|more)\s+than|不(?:应|得)?(?:超过|大于|小于|低于)")


def _ancestors(doc: Document) -> dict[str, list[Clause]]:
    by_id = {c.id: c for c in doc.clauses}
    out: dict[str, list[Clause]] = {}
    for c in doc.clauses:
        chain, p, seen = [c], c.parent, {c.id}
        while p and p in by_id and p not in seen:
            seen.add(p)
            chain.append(by_id[p])
            p = by_id[p].parent
        out[c.id] = chain
    return out


def _numerals(ind: Indicator) -> list[str]:
    """The spellings the indicator's numbers may have in its sentence ("0.35", "0,35", "1,305", "266")."""
    out: list[str] = []
    for x in (ind.value, ind.min, ind.max):
        if isinstance(x, (int, float)) and not isinstance(x, bool):
            s = str(int(x)) if float(x).is_integer() else repr(float(x))
            out += [s, s.replace(".", ",")]
            if float(x).is_integer() and abs(x) >= 1000:
                out += [f"{int(x):,}", f"{int(x):,}".replace(",", " ")]
    return [s for s in out if s]


def _locate(ind: Indicator, text: str) -> int | None:
    """The offset of the indicator's number in `text` (the first spelling found on digit boundaries), or None."""
    for s in _numerals(ind):
        m = _numeral_re(s).search(text)
        if m:
            return m.start()
    return None


@lru_cache(maxsize=2048)
def _numeral_re(s: str) -> re.Pattern:
    """A numeral on digit boundaries (`_locate`), compiled once per spelling."""
    tail = r"0*" if re.search(r"[.,]\d", s) else ""  # 0.8 printed "0.80"
    return re.compile(r"(?<![\d.,])" + re.escape(s.lstrip("-")) + tail + r"(?![\d]|[.,]\d)")


def _segment(text: str, at: int | None) -> tuple[str, int]:
    """The comma/semicolon segment of `text` around offset `at` and `at` within it (the whole text when unknown)."""
    if at is None:
        return text, -1
    starts = [m.end() for m in _SEGMENT.finditer(text, 0, at)]
    a = starts[-1] if starts else 0
    m = _SEGMENT.search(text, at)
    b = m.start() if m else len(text)
    return text[a:b], at - a


@lru_cache(maxsize=256)
def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=1024)
def _before(clause_text: str, text: str) -> tuple[str, str]:
    """(the lead-in and group lines of the list `text` is an item of, back to the line ending with a colon;
    the start of `text`'s sentence that a line break cut off) from the clause's text."""
    probe = unicodedata.normalize("NFKC", re.sub(r"^of\s+(?=[-+±]?\d)", "", text.strip()).split("\n")[0][:40]) if text else ""  # "of 5 °C …": restated item
    body = _nfkc(clause_text or "")
    k = body.find(probe) if probe else -1
    if k <= 0:
        return "", ""
    head = body[max(0, k - 600):k]  # the lines just before: a lead-in, group lines, a cut-off sentence start
    m = list(re.finditer(r"[。.;；!?]\s|[。；]", head))
    prefix = head[m[-1].end() if m else 0:]
    if re.search(r"[：:。；;]\s*$", head) or _LIST_MARK.match(probe):
        prefix = ""  # a list item or a new sentence: nothing was cut off
    lines = head.split("\n")[:-1]
    ctx: list[str] = []
    for ln in reversed(lines[-8:]):
        if re.search(r"[：:]\s*$", ln):
            return "\n".join([ln, *reversed(ctx)]), prefix
        if not re.search(r"\d", re.sub(r"^\s*(?:[a-z\d]{1,2}[)）.]|[-•·])\s*", "", ln)):
            ctx.append(ln)  # a group line of the list ("a）满载检验时"), not another item
    return "", prefix


def _sentence_role(ind: Indicator, context: str, prefix: str = "") -> str | None:
    """The role the sentence gives: informative (note, statistics, formula key, example), test-condition (a
    count of tests, a test input next to the value, a test frame over a segment without a modal), requirement
    (a bound on a limit), or None."""
    text = ind.text or ""
    informative, framed_text = _text_flags(text)
    if informative or (ind.origin or {}).get("note"):
        if not (_RULE_NOTE.search(text) and not _STATS.search(text) and not _FORMULA_KEY.search(text)):
            return "informative"
    pos = _locate(ind, text)
    seg, at = _segment(text, pos)
    before, after = (seg[:at], seg[at:]) if at >= 0 else ("", "")
    if _EXAMPLE.search(before[-24:]):
        return "informative"
    num = re.match(r"[-+±]?[\d.,\s]+", after)
    if num and (_TEST_COUNT.match(after[num.end():]) or _DURATION_OF.match(after[num.end():]) or _LEVEL_OF.match(after[num.end():])):
        return "test-condition"
    if _local_cue(seg, at) or any(m.start() <= at < m.end() for m in _ZH_FRAME.finditer(seg)):
        return "test-condition"
    if ind.comparator == "=" and _ASSUMED.search(text):
        return "test-condition"  # a value the calculation assumes
    if context and _TEST_LOCAL.search(context.rstrip()[-80:]) and not _MODAL.search(seg):
        return "test-condition"  # "… for any change in ambient temperature of:" over "2 °C for class A"
    framed = framed_text or bool(prefix and _text_flags(prefix)[1]) or bool(context and _TEST_FRAME.search(context))
    if _TEST_PARAM.search(ind.parameter or "") or framed and (
            _INPUT_PARAM.search(ind.parameter or "") or _INPUT_PARAM.search(before[-12:])):
        return "test-condition"  # "检验时，踏板力应小于等于 350N"; without the test frame a pedal force is a limit
    if ind.comparator in (*_BOUNDS, "tolerance", "range") and (_PERMITTED_ERROR.search(seg) or _PERMITTED_ERROR.search(ind.parameter or "")):
        return "requirement"  # "the maximum permissible error shall be ± 0.1 °C"
    if ind.comparator in _BOUNDS and (_LIMIT_WORD.search(seg) or _LIMIT_WORD.search(text[pos:pos + 60] if pos is not None else "")):
        return "requirement"
    # "检验时侧滑量应小于等于5 m/km": a result bound; a line break inside the sentence ("shall be / less than") is no segment end
    judged = ind.comparator in _BOUNDS and (_MODAL.search(seg) or _MODAL.search(_segment(text.replace("\n", " "), pos)[0]))
    if framed and not judged:
        return "test-condition"  # 以10 km/h的速度…过渡到外圆直径为25m的通道圆行驶; "a）满载检验时 … 踏板力 ≤500N"
    return None


@lru_cache(maxsize=512)
def _text_flags(text: str) -> tuple[bool, bool]:
    """(a note, statistics or formula key: informative; a test-time frame or driving setting over it), per sentence."""
    informative = bool(_NOTE.match(text) or _STATS.search(text) or _FORMULA_KEY.search(text) or _SCALE_VALUE.search(text))
    return informative, bool(_TEST_FRAME.search(text) or _ZH_SETTING.search(text))


@lru_cache(maxsize=1024)
def _heading_flags(heads: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[bool, bool, bool]:
    """(a definitions clause, a test clause, a heading that judges results) of a clause chain."""
    defs = "terms" in kinds or any(_DEFINITIONS.match(h.strip()) or _TRANSITION.search(h) for h in heads)
    in_test = "test-methods" in kinds or any(_TEST_HEADING.search(h) for h in heads)
    return defs, in_test, any(_JUDGE_HEADING.search(h) for h in heads)


def _local_cue(seg: str, at: int) -> bool:
    """A test-input cue in the value's segment that reaches the value: before it (or holding it) with no
    modal in between ("exposure to temperature cycles … shall not be greater than 4 %" is a limit)."""
    if not _TEST_LOCAL.search(seg):
        return False
    for m in _TEST_LOCAL.finditer(seg):
        if at < 0 or m.start() <= at and not _MODAL.search(seg[m.end():at]) and not _RESULT_BOUND.search(seg[m.end():at]):
            return True
    return False


def _table_role(ind: Indicator, table: tuple[str, str], caption: str, leadin: str) -> str | None:
    """The role a table cell takes from its column, the caption, the lead-in of its clause, its own bound."""
    column, every = table
    if not (column or every or caption):
        return None
    if _PROCEDURE_FACTOR.search(caption) or _PROCEDURE_FACTOR.search(every):
        return "test-condition"  # "Sample size and statistical factor": numbers the evaluation applies, no product limit
    if _INFORMATIVE_TABLE.search(caption) or leadin and (_INFORMATIVE_TABLE.search(leadin) or _MAY_FOLLOW.search(leadin)):
        return "informative"
    if column and _TEST_COLUMN.search(column):
        return "test-condition"
    if column and ind.comparator == "=" and _REFERENCE_COLUMN.search(column.strip()):
        return "test-condition"  # the reference values the assessment divides by, not limits
    if column and _REQ_COLUMN.search(column):
        return "requirement"
    if leadin and _EXAMPLE_LEADIN.search(leadin):
        return "informative"  # "examples are shown in Table 2"
    if leadin and _TABLE_LEADIN.search(leadin):
        return "requirement"  # "… shall be less than the limits shown in the table below:", "应符合表4的规定"
    if caption and _REQ_COLUMN.search(caption) and not _TEST_COLUMN.search(caption):
        return "requirement"  # "制动减速度和制动稳定性要求"
    if every and _TEST_COLUMN.search(_METHOD_HEAD.sub(" ", every)):  # a "Test method" column sets no test value
        return "test-condition"
    return None


def _clause_role(ind: Indicator, chain: list[Clause]) -> str:
    """The role the clause and its ancestors give: a test chapter or heading → test-condition, else requirement."""
    text = ind.text or ""
    if _TEST_PARAM.search(ind.parameter or ""):
        return "test-condition"
    heads = tuple(c.heading or "" for c in chain if len(c.heading or "") <= 50)  # long "headings" are run-in sentences
    defs, in_test, judged = _heading_flags(heads, tuple(c.kind or "" for c in chain))
    if defs and not getattr(ind, "_term_rule", False):  # (a zh entry's rule in words: `zh_terms`)
        return "informative"  # a value inside a definition delimits a term, it is no limit
    if in_test and not judged and not (_PRODUCT_LIMIT.search(text) and ind.comparator in _BOUNDS):
        return "test-condition"
    if in_test and not judged and _AMBIENT.search(_segment(text, _locate(ind, text))[0]):
        return "test-condition"  # "the wind speed … shall be less than 2 m/s": a bound on the test's surroundings
    return "requirement"


def role_of(ind: Indicator, chain: list[Clause] | None = None, table: tuple[str, str] = ("", ""),
            caption: str = "", leadin: str = "", context: str = "", prefix: str = "") -> str:
    """The role of one indicator given its clause chain (the clause first, then its ancestors); for a table
    cell also (the column's headers, caption + every header), the caption and the text of the table's clause;
    `context` is the lead-in of the list the sentence is an item of, `prefix` the start of its sentence that
    a line break cut off."""
    origin = ind.origin or {}
    if getattr(ind, "_stated", False) and not _MODAL.search(ind.text or ""):
        return "informative"  # a value a rationale or an example states (en_stated), no modal over it
    if getattr(ind, "_setting", False):  # a test setting read out of a condition span (indicators.settings)
        return "informative" if origin.get("note") or _NOTE.match(ind.text or "") else "test-condition"
    is_cell = origin.get("type") == "table" and not origin.get("note") and not origin.get("footnote")
    if is_cell:
        text = ind.text or ""
        if _NOTE.match(text) or _STATS.search(text) or origin.get("note") or is_history_table(caption, table[1]):
            return "informative"  # a note, statistics, the document's table of amendments
        role = _table_role(ind, table, caption, leadin)
    else:
        role = _sentence_role(ind, context, prefix)
    return role or _clause_role(ind, chain or [])


_TABLE_RANGE = re.compile(r"(?i)\btables\s+([A-Z]?\d+[-.])?(\d+)\s*(?:-|–|to|and)\s*([A-Z]?\d+[-.])?(\d+)\b")


def _in_range(number: str, sentence: str) -> bool:
    """Whether "Tables 9-3 - 9-5" (or "Tables 4.1 to 4.3") in `sentence` names table `number` among others."""
    for m in _TABLE_RANGE.finditer(sentence):
        pre, lo, pre2, hi = m.group(1) or "", int(m.group(2)), m.group(3) or m.group(1) or "", int(m.group(4))
        k = re.fullmatch(re.escape(pre) + r"(\d+)", number) if pre == pre2 else None
        if k and lo <= int(k.group(1)) <= hi:
            return True
    return False


class _Tables(dict):
    """Table number (and id) → (caption, the sentences of the table's clause that point at this table: by its
    number or as the table below / following), built on first use."""

    def __init__(self, doc: Document, texts: dict[str, str]) -> None:
        super().__init__()
        self._by = {}
        for t in getattr(doc, "tables", []) or []:
            self._by.setdefault(str(t.number), t)
            self._by.setdefault(str(t.id), t)
        self._texts = texts
        self._single = Counter(t.clause for t in getattr(doc, "tables", []) or [] if t.clause)

    def __missing__(self, key: str) -> tuple[str, str]:
        t: Table | None = self._by.get(key)
        if t is None:
            return "", ""
        number, caption = str(t.number or ""), t.caption or ""
        if not number and self._single.get(t.clause) == 1:  # the parser kept the table, its caption stayed in the text
            number, caption = caption_in_text(self._texts.get(t.clause or "", "")) or ("", caption)
        num = re.escape(number) if number and not number.startswith(("u", "U")) else ""
        own = re.compile(r"(?i)\b(?:below|following|hereafter|nachstehend\w*|folgend\w*|ci-dessous|suivant\w*)\b|下表|如下"
                         + (rf"|(?:表|Table|Tabelle|tableau)\s*[(（]?\s*{num}(?![\d.])" if num else ""))
        text = self._texts.get(t.clause or "", "")
        said = [x for x in re.split(r"[.。;；](?!\d)", text) if _TABLE_WORD.search(x) and (own.search(x) or _in_range(number, x))] if text else []
        self[key] = (caption, "\n".join(said))
        return self[key]


def assign_roles(doc: Document, inds: list[Indicator]) -> None:
    """Fill `role` on every indicator of `doc` (in place)."""
    chains = _ancestors(doc)
    texts = {c.id: c.text or "" for c in doc.clauses}
    tables = _Tables(doc, texts)
    for ind in inds:
        origin = ind.origin or {}
        caption, leadin = tables[str(origin.get("table"))] if origin.get("type") == "table" else ("", "")
        context, prefix = ("", "") if origin.get("type") == "table" else _before(texts.get(ind.clause or "", ""), ind.text or "")
        ind.role = role_of(ind, chains.get(ind.clause or "", []), getattr(ind, "_table_text", ("", "")),  # type: ignore[assignment]
                           caption, leadin, context, prefix)
