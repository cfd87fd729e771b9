"""Benchmark clause alignment: F1 and wall time on two synthetic ~300-clause standards (zh vs en).

The pair is generated from a glossary of appliance parameters with varied values, conditions
and sentence templates (so same-parameter clauses in different chapters are not identical),
then the English side is edited like a real MOD adoption: clauses deleted and inserted, some
split in two, some merged, a few moved. zmdocs (auto mode, default model) runs against a
bertalign-style baseline (plain similarity argmax per clause). Wall time includes encoding;
the embedding cache is switched off so every run encodes from scratch.

    python bench/align.py [--clauses 300] [--model use-multilingual] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["ZMDOCS_CACHE"] = "off"

from zmdocs.align import align_documents  # noqa: E402
from zmdocs.align.evaluate import links, prf  # noqa: E402
from zmdocs.app import prepare  # noqa: E402
from zmdocs.model import Clause, ClausePair, Document  # noqa: E402

# (zh parameter, en parameter, unit, zh comparator, en comparator, typical values)
PARAMS = [
    ("泄漏电流", "leakage current", "mA", "不大于", "shall not exceed", [0.25, 0.5, 0.75, 3.5]),
    ("电气强度试验电压", "electric strength test voltage", "V", "不低于", "shall be at least", [1000, 1250, 1750, 3000]),
    ("接地电阻", "earth resistance", "Ω", "不大于", "shall not exceed", [0.05, 0.1, 0.2]),
    ("绝缘电阻", "insulation resistance", "MΩ", "不小于", "shall be at least", [2, 5, 10, 50]),
    ("手柄温升", "temperature rise of handles", "K", "不大于", "shall not exceed", [25, 30, 35, 40]),
    ("外壳温升", "temperature rise of the enclosure", "K", "不大于", "shall not exceed", [45, 50, 60, 65]),
    ("额定功率偏差", "deviation of rated power input", "%", "不超过", "shall not exceed", [5, 10, 15]),
    ("待机功率", "standby power", "W", "不大于", "shall not exceed", [0.3, 0.5, 1.0]),
    ("A计权声功率级", "A-weighted sound power level", "dB(A)", "不大于", "shall not exceed", [40, 45, 55, 60]),
    ("煮沸时间", "boiling time", "min", "不大于", "shall not exceed", [4, 5, 6, 8]),
    ("热效率", "thermal efficiency", "%", "不低于", "shall be at least", [80, 85, 90]),
    ("保温温度", "keep-warm temperature", "°C", "不低于", "shall be at least", [60, 65, 70]),
    ("壶内压力", "internal pressure", "kPa", "不大于", "shall not exceed", [5, 10, 20]),
    ("干烧断开时间", "dry-boil switch-off time", "s", "不大于", "shall not exceed", [30, 60, 90]),
    ("电源线拉力", "cord pull force", "N", "不小于", "shall be at least", [30, 60, 100]),
    ("跌落高度", "drop height", "m", "不低于", "shall be at least", [0.5, 0.75, 1.0]),
    ("盐雾试验时间", "salt spray test duration", "h", "不少于", "shall be at least", [24, 48, 96]),
    ("涂层附着力等级", "coating adhesion grade", "级", "不低于", "shall be at least", [0, 1, 2]),
    ("开关寿命", "switch endurance", "次", "不少于", "shall be at least", [10000, 20000, 50000]),
    ("漏水量", "water leakage", "mL", "不大于", "shall not exceed", [0, 1, 5]),
    ("手柄强度", "handle strength", "N", "不小于", "shall be at least", [100, 150, 200]),
    ("重金属迁移量", "migration of heavy metals", "mg/kg", "不大于", "shall not exceed", [0.01, 0.05, 0.1]),
    ("电磁骚扰", "electromagnetic disturbance", "dBμV", "不大于", "shall not exceed", [46, 56, 66]),
    ("爬电距离", "creepage distance", "mm", "不小于", "shall be at least", [2.5, 4.0, 8.0]),
    ("电气间隙", "clearance", "mm", "不小于", "shall be at least", [1.5, 3.0, 5.5]),
    ("灼热丝试验温度", "glow-wire test temperature", "°C", "不低于", "shall be at least", [550, 650, 750, 850]),
    ("球压试验温度", "ball pressure test temperature", "°C", "不低于", "shall be at least", [75, 125]),
    ("水位误差", "water level error", "mL", "不大于", "shall not exceed", [20, 50]),
    ("防水等级", "degree of protection against water", "", "不低于", "shall be at least", ["IPX1", "IPX4", "IPX5"]),
    ("噪声声压级", "sound pressure level", "dB(A)", "不大于", "shall not exceed", [50, 55, 62]),
]
CONDS = [
    ("在工作温度下", "at operating temperature"),
    ("经潮湿处理后", "after the humidity treatment"),
    ("对于Ⅰ类器具", "for class I appliances"),
    ("对于Ⅱ类器具", "for class II appliances"),
    ("在1.06倍额定电压下", "at 1.06 times rated voltage"),
    ("在额定容量下", "at rated capacity"),
    ("在环境温度（20±5）℃下", "at an ambient temperature of (20 ± 5) °C"),
    ("连续工作1 000次后", "after 1 000 operating cycles"),
]
METHOD = [
    ("{p}试验", "Test of {p}", "按{c}的条件测量{p}，读取稳定后的数值，取三次测量的平均值。",
     "The {p} is measured {c}; the steady value is read and the mean of three measurements is taken."),
    ("{p}的测定", "Determination of {p}", "将样品{c}放置2 h后，用分辨力足够的仪器测定{p}。",
     "The sample is kept {c} for 2 h, then the {p} is determined with an instrument of adequate resolution."),
]
REQ = [
    ("{p}", "{P}", "{c}，{p}应{cmp}{v} {u}。", "{C}, the {p} {ecmp} {v} {u}."),
    ("{p}要求", "Requirement for {p}", "器具的{p}{c}应{cmp}{v} {u}，且试验后器具应无损坏。",
     "The {p} of the appliance {c} {ecmp} {v} {u}, and the appliance shall show no damage after the test."),
]
CHAPTERS = [("技术要求", "Technical requirements", REQ), ("试验方法", "Test methods", METHOD)]


def _clause(did: str, num: str, head: str, text: str, kind: str) -> Clause:
    parent = f"{did}#{num.rsplit('.', 1)[0]}" if "." in num else None
    return Clause(id=f"{did}#{num}", number=num, heading=head, text=text, level=num.count(".") + 1, parent=parent, kind=kind)


def make_pair(n: int, seed: int) -> tuple[Document, Document, list[ClausePair]]:
    """A zh document of about n clauses, its edited en counterpart, and the gold links."""
    rng = random.Random(seed)
    items = []  # (chapter, zh head, zh text, en head, en text)
    per = 12
    chapters = max(2, n // (per + 1))
    for ch in range(chapters):
        zch, ech, tpl = CHAPTERS[ch % 2]
        items.append((ch, f"{zch}（{ch + 1}）" if ch > 1 else zch, "", f"{ech} ({ch + 1})" if ch > 1 else ech, "", True))
        for _ in range(per):
            zp, ep, u, zc, ec, vals = rng.choice(PARAMS)
            cz, ce = rng.choice(CONDS)
            v = rng.choice(vals)
            hz, he, tz, te = rng.choice(tpl)
            f = {"p": zp, "P": ep.capitalize(), "c": cz, "C": ce.capitalize(), "cmp": zc, "ecmp": ec, "v": v, "u": u}
            fe = {**f, "p": ep, "c": ce}
            items.append((ch, hz.format(**f), tz.format(**f), he.format(**fe), te.format(**fe), False))
    # English side: edit like an adoption with modifications
    en: list[tuple[list[int], str, str]] = []  # (source zh indices, head, text)
    i = 0
    while i < len(items):
        ch, hz, tz, he, te, is_ch = items[i]
        r = rng.random()
        if not is_ch and r < 0.03:  # deleted in en
            i += 1
            continue
        if not is_ch and r < 0.05 and te:  # split in two
            mid = te.find(",")
            if mid > 0:
                en.append(([i], he, te[:mid] + "."))
                en.append(([i], he + " (continued)", te[mid + 1 :].strip().capitalize()))
                i += 1
                continue
        if not is_ch and r < 0.07 and i + 1 < len(items) and not items[i + 1][5]:  # merged with the next
            n2 = items[i + 1]
            en.append(([i, i + 1], f"{he} and {n2[3].lower()}", f"{te} {n2[4]}"))
            i += 2
            continue
        en.append(([i], he, te))
        if not is_ch and r > 0.97:  # inserted in en
            zp, ep, u, zc, ec, vals = rng.choice(PARAMS)
            en.append(([], f"Additional requirement: {ep}", f"Where applicable, the {ep} shall be declared by the manufacturer."))
        i += 1
    # a few clauses moved within their chapter
    for _ in range(3):
        k = rng.randrange(2, len(en) - 3)
        if en[k][0] and en[k + 2][0] and not items[en[k][0][0]][5] and not items[en[k + 2][0][0]][5]:
            en[k], en[k + 2] = en[k + 2], en[k]
    da, db = Document(id="ZH-BENCH", lang="zh"), Document(id="EN-BENCH", lang="en")
    znum: list[str] = []
    sub = 0
    chap = 0
    for ch, hz, tz, _, _, is_ch in items:
        if is_ch:
            chap, sub = chap + 1, 0
            num = str(chap + 4)
        else:
            sub += 1
            num = f"{chap + 4}.{sub}"
        znum.append(num)
        kind = "requirements" if ch % 2 == 0 else "test-methods"
        da.clauses.append(_clause(da.id, num, hz, tz, kind))
    gold: list[ClausePair] = []
    chap = sub = 0
    for src, he, te in en:
        is_ch = bool(src) and items[src[0]][5]
        if is_ch:
            chap, sub = chap + 1, 0
            num = str(chap + 4)
        else:
            sub += 1
            num = f"{chap + 4}.{sub}"
        kind = "requirements" if (items[src[0]][0] if src else 0) % 2 == 0 else "test-methods"
        db.clauses.append(_clause(db.id, num, he, te, kind))
        if src:
            gold.append(ClausePair(a=[znum[k] for k in src], b=[num], score=1.0))
    return da, db, gold


def baseline_argmax(da: Document, db: Document, model: str | None, tau: float = 0.35) -> list[ClausePair]:
    """bertalign-style baseline: each A clause paired with its most similar B clause (if above tau)."""
    from zmdocs.align.units import clause_units, unit_text
    from zmdocs.embed import get_embedder

    ua, ub = clause_units(da), clause_units(db)
    emb = get_embedder(model)
    v = emb.encode([unit_text(u) for u in ua] + [unit_text(u) for u in ub])
    s = v[: len(ua)] @ v[len(ua) :].T
    best = s.argmax(axis=1)
    return [ClausePair(a=[ua[i].number], b=[ub[j].number], score=float(s[i, j])) for i, j in enumerate(best) if s[i, j] >= tau]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clauses", type=int, default=300)
    ap.add_argument("--model", default=None)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    da, db, gold = make_pair(args.clauses, args.seed)
    g = links(gold)
    from zmdocs.embed import get_embedder

    get_embedder(args.model).encode(["warm-up"])  # load the model outside the timings
    print(f"documents: {len(da.clauses)} zh clauses vs {len(db.clauses)} en clauses, {len(g)} gold links; model {get_embedder(args.model).name}")
    t = time.perf_counter()
    res = align_documents(prepare(da), prepare(db), model=get_embedder(args.model))  # prepared as zmdocs align does
    t_z = time.perf_counter() - t
    t = time.perf_counter()
    base = baseline_argmax(da, db, args.model)
    t_b = time.perf_counter() - t
    for name, pairs, secs, extra in (("zmdocs", res.pairs, t_z, f" mode={res.mode}"), ("argmax baseline", base, t_b, "")):
        r = prf(links(pairs), g)
        print(f"{name:16s} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  wall {secs:.2f} s{extra}")


if __name__ == "__main__":
    main()
