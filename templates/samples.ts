/**
 * Plausible sample reports (a seeded generator): the demo data for `npm start`
 * and the main command, and the "realistic filled template" of tests and
 * benchmarks. Every sample passes the checks with no findings.
 */
import { INPUT_INDICATORS, type Indicator } from "./catalog";
import type { TemplateFill } from "./build";
import { parsePeriodId, spanLabel } from "./period";

/** Mulberry32: a tiny, well-known seeded PRNG (reproducible samples). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleUnit {
  name: string;
  code: string;
  type: "乡镇" | "街道" | "县（市、区）" | "市";
}

/** Typical town-scale figure (current period) per indicator, in the template's unit. */
const TYPICAL: Record<string, number> = {
  A01: 300, A02: 20000, A04: 200, A05: 60, A06: 90, A07: 5000, A08: 300000, A10: 4000,
  B01: 12, B02: 1, B03: 4, B04: 8, B05: 150,
  C01: 0, C02: 3, C03: 6, C04: 12, C05: 3, C06: 25, C07: 40, C08: 30, C09: 90, C11: 2, C12: 1,
  D01: 0, D02: 30, D03: 80, D04: 20, D05: 90, D06: 12, D07: 60, D08: 15,
  E01: 20, E02: 800, E03: 6, E04: 30, E05: 5, E06: 2,
  F01: 8, F02: 5, F03: 12, F04: 900,
  G01: 10, G02: 3000, G03: 6000, G04: 800, G05: 500,
};

function round(ind: Indicator, v: number): number {
  return ind.kind === "count" ? Math.max(0, Math.round(v)) : Math.max(0, Math.round(v * 100) / 100);
}

/**
 * A filled template for one unit and period that passes every check.
 * `scale` multiplies the figures (a bigger town); growth stays within ±30%.
 */
export function sampleFill(unit: SampleUnit, periodId: string, seed: number, scale = 1): TemplateFill {
  const rnd = seededRandom(seed);
  const period = parsePeriodId(periodId);
  if (!period) throw new Error(`bad period ${periodId}`);
  const values: NonNullable<TemplateFill["values"]> = {};
  const cur: Record<string, number> = {};
  const pri: Record<string, number> = {};
  const tgt: Record<string, number> = {};
  for (const ind of INPUT_INDICATORS) {
    const base = (TYPICAL[ind.code] ?? 10) * scale * (0.5 + rnd());
    cur[ind.code] = round(ind, base);
    pri[ind.code] = round(ind, base / (0.85 + rnd() * 0.4));
    tgt[ind.code] = round(ind, base * (1.05 + rnd() * 0.3));
  }
  for (const set of [cur, pri, tgt]) {
    set.C01 = set.C02! + set.C03! + set.C04!;
    set.D01 = set.D02! + set.D03! + set.D04!;
    set.D06 = Math.min(set.D06!, set.D05!);
    set.A05 = Math.min(set.A05!, set.A04! * 0.4);
    set.A06 = Math.min(set.A06!, set.A04! * 0.5);
    set.A05 = Math.round(set.A05! * 100) / 100;
    set.A06 = Math.round(set.A06! * 100) / 100;
    set.C08 = Math.min(set.C08!, set.C09!);
    set.A01 = Math.min(set.A01!, set.A02!);
    set.A07 = Math.min(set.A07!, set.A08!);
  }
  for (const ind of INPUT_INDICATORS) {
    values[ind.code] = { current: cur[ind.code]!, prior: pri[ind.code]!, target: tgt[ind.code]! };
  }
  return {
    cover: {
      unitName: unit.name,
      divisionCode: unit.code,
      unitType: unit.type,
      year: period.year,
      periodSpan: spanLabel(period),
      preparer: "王晓燕",
      phone: "13905710000",
      head: "李建国",
      date: new Date(Date.UTC(period.year, 11, 20)),
    },
    values,
    narrative: {
      achievements: `${period.label}，${unit.name}围绕科技创新中心工作，组织企业申报省级以上科技计划项目${cur.B01}项，获批市级以上项目${cur.B02! + cur.B03! + cur.B04!}项；专利申请${cur.D01}件，其中发明专利${cur.D02}件；开展科普活动${cur.G01}场次，参与群众${cur.G02}人次。${pick(SAMPLE_TEXTS.achievements, rnd, 3)}`,
      problems: pick(SAMPLE_TEXTS.problems, rnd, 2),
      plans: pick(SAMPLE_TEXTS.plans, rnd, 3),
    },
  };
}

/**
 * Narrative sentences in the seeds' wording, with near-duplicate variants (as
 * towns copy and adapt each other's texts): each sample draws a few per section.
 */
export const SAMPLE_TEXTS = {
  achievements: [
    "一是抓培育，深入企业开展“一对一”服务，指导企业申报高新技术企业。",
    "深入企业开展“一对一”服务，积极指导企业申报高新技术企业。",
    "二是抓项目，指导帮助企业积极申报上级各类科技计划项目，争取上级扶持资金。",
    "指导企业积极申报上级各类科技计划项目，争取上级扶持资金开展科技研发。",
    "以知识产权宣传周为契机，发放知识产权宣传材料，接受群众咨询。",
    "组织企业与高校院所开展产学研对接活动，征集企业技术需求。",
    "组织企业与高校院所开展产学研对接，广泛征集企业技术需求。",
    "每年召开科技人才座谈会，营造“尊重知识、尊重人才”的良好氛围。",
    "推进科技企业孵化器和众创空间建设，不断提升创业载体服务水平。",
    "开展科技活动周和科普宣传月等大型科普宣传活动，无偿赠送科普书籍。",
    "开展科技活动周和科普宣传月活动，向群众赠送科普书籍。",
  ],
  problems: [
    "企业研发投入仍然偏低，研发资金匮乏和风险承担能力较弱。",
    "企业研发投入仍然偏低，研发资金匮乏，风险承担能力弱。",
    "高层次科技人才引进难，人才队伍结构不够合理。",
    "产学研合作的深度和广度还不够，缺少大院大所的技术支撑。",
    "科技创新平台建设不足，孵化载体服务能力不强。",
    "少数企业主对科技创新重要性认识不足，忽视科技投入。",
  ],
  plans: [
    "继续实施高新技术企业培育计划，建立覆盖企业成长不同阶段的支持体系。",
    "继续实施高新技术企业培育计划，加快形成创新型企业集群。",
    "加大科技招商和人才引进力度，积极引进高层次创新创业人才。",
    "组织好科技活动周等科普活动，提高公民科学素质。",
    "深化政产学研合作，组织企业进院校、专家进企业解决技术需求。",
    "加强知识产权创造与保护，鼓励企业申报发明专利。",
    "积极组织企业申报上级科技计划项目，争取更多扶持资金。",
  ],
} as const;

/** `count` different texts of a list, in the list's order, drawn with the sample's generator. */
function pick(list: readonly string[], rnd: () => number, count: number): string {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(rnd() * list.length));
  return [...chosen].sort((a, b) => a - b).map((i) => list[i]!).join("");
}

/** The demo county, its city, and their division codes: the same in `huizong demo` and the local server's demo. */
export const DEMO_COUNTY = { name: "示例区", code: "330102000000" } as const;
export const DEMO_CITY = { name: "示例市", code: "330100000000" } as const;

/**
 * The period a demo opens and fills: this year's full year, read from `at`. `huizong demo` and
 * the local server's demo (`npm start`) both use it, so the demo's town reports upload there.
 */
export function demoPeriodId(at: Date): string {
  return `${at.getFullYear()}-Y`;
}

/** A demo roster: one county (区) with towns and streets, codes of the right shape. */
export function demoUnits(count = 6, countyCode = "330102000000"): SampleUnit[] {
  const names = ["青阳镇", "清河街道", "南山镇", "东湖街道", "白塔镇", "西溪街道", "龙泉镇", "桃源街道", "新安镇", "临江街道", "石门镇", "望江街道"];
  return Array.from({ length: count }, (_, i) => {
    const name = names[i % names.length]! + (i >= names.length ? String(Math.floor(i / names.length) + 1) : "");
    return { name, code: `${countyCode.slice(0, 6)}${String(i + 1).padStart(3, "0")}000`, type: name.includes("街道") ? "街道" : "乡镇" };
  });
}
