/**
 * The indicator catalogue: every figure a town reports, with a stable code.
 *
 * Codes never change meaning across template versions; a new indicator gets a
 * new code. Drawn from ../shared/domain.md and the seed reports.
 */
// @ts-nocheck


export const TEMPLATE_ID = "HZ-KJ-01";
/** Template version: "YYYY.N". Bump N when the layout changes. */
export const TEMPLATE_VERSION = "2026.2";
/**
 * Versions read as this one: 2026.1 has the same sheets, rows and codes; only the
 * names of F03/F04 (both "科技培训" then) differ, so reports already filled on it still count.
 */
export const READABLE_VERSIONS: readonly string[] = ["2026.1", TEMPLATE_VERSION];
export const TEMPLATE_TITLE = "科技工作情况统计报表";
/** Conventions of Chinese statistical forms (表号, 制定机关, 有效期). */
export const FORM_HEADER = {
  formNumber: "汇总科统1表",
  issuer: "市科学技术局",
  approval: "市科技局〔2026〕1号",
  validUntil: "2028年12月",
} as const;

export type IndicatorKind = "count" | "amount" | "ratio";

export interface Indicator {
  /** Stable code, e.g. "D01". */
  code: string;
  /** Chinese name as printed in the template (without the "其中：" prefix). */
  name: string;
  /** English name for documentation and logs. */
  nameEn: string;
  /** Unit printed in the template: 万元, 亿元, 件, 家, 项, 人, 场次, 人次, 份, 册, %. */
  unit: string;
  kind: IndicatorKind;
  /** Group code ("A"…); the built-in library's are {@link GroupCode}, a bureau's library may name others. */
  group: string;
  /** How the figure combines across units. */
  aggregate: "sum" | "ratio";
  /** Codes whose sum must equal this indicator. */
  components?: string[];
  /** Code of the total this indicator may not exceed ("其中" items, and A01 ≤ A02 style bounds). */
  partOf?: string;
  /** Printed as "其中：…" under its total (partOf); with its siblings it may not exceed that total. */
  ofWhich?: boolean;
  /** For ratios: numerator and denominator codes. */
  numerator?: string;
  denominator?: string;
  /** Shown in rankings and on the city summary's first lines. */
  headline?: boolean;
  /**
   * For a town or street: a value above this is implausible in the template's
   * unit (the classic 元-vs-万元 slip) and earns a warning.
   */
  townMax?: number;
  /** For ratios: a value above this fraction earns a plausibility warning. */
  plausibleMaxRatio?: number;
  /** Notes for the clerk and the administrator (说明); not printed in the template. */
  notes?: string;
}

export type GroupCode = "A" | "B" | "C" | "D" | "E" | "F" | "G";

export const GROUPS: Record<GroupCode, { name: string; nameEn: string }> = {
  A: { name: "科技投入", nameEn: "Investment" },
  B: { name: "科技项目", nameEn: "Projects" },
  C: { name: "创新主体", nameEn: "Enterprises and platforms" },
  D: { name: "知识产权", nameEn: "Intellectual property" },
  E: { name: "成果转化与合作", nameEn: "Technology transfer and cooperation" },
  F: { name: "人才与服务", nameEn: "People and services" },
  G: { name: "科学普及", nameEn: "Science outreach" },
};

/** Constructor of a summed indicator of one kind. */
const summed =
  (kind: "count" | "amount") =>
  (code: string, name: string, nameEn: string, unit: string, group: GroupCode, extra: Partial<Indicator> = {}): Indicator => ({
    code,
    name,
    nameEn,
    unit,
    kind,
    group,
    aggregate: "sum",
    ...(nameEn.startsWith("of which") ? { ofWhich: true } : {}),
    ...extra,
  });
const c = summed("count");
const a = summed("amount");
const r = (code: string, name: string, nameEn: string, group: GroupCode, numerator: string, denominator: string, plausibleMaxRatio: number, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  nameEn,
  unit: "%",
  kind: "ratio",
  group,
  aggregate: "ratio",
  numerator,
  denominator,
  plausibleMaxRatio,
  ...extra,
});

/** The catalogue in template order. */
export const INDICATORS: readonly Indicator[] = [
  a("A01", "财政科技拨款", "Fiscal S&T appropriation", "万元", "A", { headline: true, townMax: 100_000, partOf: "A02" }),
  a("A02", "财政一般公共预算支出", "General public budget expenditure", "万元", "A", { townMax: 2_000_000 }),
  r("A03", "财政科技拨款占财政支出比重", "S&T share of fiscal expenditure", "A", "A01", "A02", 0.3),
  a("A04", "争取上级科技资金", "S&T funds won from higher levels", "万元", "A", { headline: true, townMax: 50_000 }),
  a("A05", "国家级", "of which national", "万元", "A", { partOf: "A04", townMax: 50_000 }),
  a("A06", "省级", "of which provincial", "万元", "A", { partOf: "A04", townMax: 50_000 }),
  a("A07", "全社会R&D经费支出", "Gross R&D expenditure", "万元", "A", { headline: true, partOf: "A08", townMax: 1_000_000 }),
  a("A08", "地区生产总值", "Gross regional product", "万元", "A", { townMax: 50_000_000 }),
  r("A09", "R&D经费占GDP比重", "R&D intensity (R&D / GDP)", "A", "A07", "A08", 0.1),
  a("A10", "企业科技投入", "Enterprise S&T investment", "万元", "A", { townMax: 1_000_000 }),

  c("B01", "申报省级以上科技计划项目", "Applications to provincial+ S&T programmes", "项", "B", { townMax: 1_000 }),
  c("B02", "获批国家级科技计划项目", "National S&T projects approved", "项", "B", { townMax: 200 }),
  c("B03", "获批省级科技计划项目", "Provincial S&T projects approved", "项", "B", { townMax: 500 }),
  c("B04", "获批市级科技计划项目", "City S&T projects approved", "项", "B", { townMax: 1_000 }),
  a("B05", "项目获得资金支持", "Funding received by projects", "万元", "B", { townMax: 100_000 }),

  c("C01", "高新技术企业", "High-tech enterprises", "家", "C", { headline: true, components: ["C02", "C03", "C04"], townMax: 2_000 }),
  c("C02", "国家级", "of which national", "家", "C", { partOf: "C01" }),
  c("C03", "省级", "of which provincial", "家", "C", { partOf: "C01" }),
  c("C04", "市级", "of which city", "家", "C", { partOf: "C01" }),
  c("C05", "新认定高新技术企业", "Newly certified high-tech enterprises", "家", "C", { townMax: 500 }),
  c("C06", "科技型中小企业", "Tech-based SMEs", "家", "C", { townMax: 5_000 }),
  c("C07", "民营科技企业", "Private S&T enterprises", "家", "C", { townMax: 5_000 }),
  a("C08", "高新技术产业产值", "High-tech industry output", "亿元", "C", { headline: true, partOf: "C09", townMax: 5_000 }),
  a("C09", "规模以上工业总产值", "Industrial output above designated size", "亿元", "C", { townMax: 10_000 }),
  r("C10", "高新技术产业产值占比", "High-tech share of industrial output", "C", "C08", "C09", 0.95),
  c("C11", "省级以上研发机构", "Provincial+ R&D institutions", "家", "C", { townMax: 500 }),
  c("C12", "科技企业孵化器/众创空间", "Incubators and maker spaces", "家", "C", { townMax: 200 }),

  c("D01", "专利申请", "Patent applications", "件", "D", { headline: true, components: ["D02", "D03", "D04"], townMax: 50_000 }),
  c("D02", "发明", "of which invention", "件", "D", { partOf: "D01" }),
  c("D03", "实用新型", "of which utility model", "件", "D", { partOf: "D01" }),
  c("D04", "外观设计", "of which design", "件", "D", { partOf: "D01" }),
  c("D05", "专利授权", "Patents granted", "件", "D", { headline: true, townMax: 50_000 }),
  c("D06", "发明专利授权", "of which invention patents granted", "件", "D", { partOf: "D05" }),
  c("D07", "有效发明专利", "Valid invention patents", "件", "D", { townMax: 50_000 }),
  c("D08", "新增实施专利", "Newly implemented patents", "件", "D", { townMax: 10_000 }),

  c("E01", "技术合同登记", "Technology contracts registered", "项", "E", { townMax: 10_000 }),
  a("E02", "技术合同成交额", "Technology contract turnover", "万元", "E", { headline: true, townMax: 1_000_000 }),
  c("E03", "产学研合作项目", "Industry-academia cooperation projects", "项", "E", { townMax: 2_000 }),
  c("E04", "征集企业技术需求", "Enterprise technology needs collected", "项", "E", { townMax: 5_000 }),
  c("E05", "科技成果登记/鉴定", "S&T achievements registered", "项", "E", { townMax: 2_000 }),
  c("E06", "获市级以上科技奖励", "City+ S&T awards", "项", "E", { townMax: 500 }),

  c("F01", "科技特派员", "S&T commissioners", "人", "F", { townMax: 2_000 }),
  c("F02", "引进高层次人才", "High-level talent recruited", "人", "F", { townMax: 2_000 }),
  c("F03", "举办科技培训", "S&T training sessions", "场次", "F", { townMax: 5_000 }),
  c("F04", "参加科技培训", "S&T training attendance", "人次", "F", { headline: true, townMax: 500_000 }),

  c("G01", "科普活动", "Science outreach events", "场次", "G", { townMax: 5_000 }),
  c("G02", "参与群众", "Outreach participants", "人次", "G", { townMax: 2_000_000 }),
  c("G03", "发放科普资料", "Outreach leaflets handed out", "份", "G", { townMax: 5_000_000 }),
  c("G04", "赠送科普书刊", "Outreach books donated", "册", "G", { townMax: 1_000_000 }),
  c("G05", "科技咨询", "S&T consultations", "人次", "G", { townMax: 1_000_000 }),
];

const BY_CODE = new Map(INDICATORS.map((i) => [i.code, i]));

/** Look up an indicator by code. */
export function indicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

/**
 * An "其中" item (A05/A06, C02–C04, D02–D04, D06): printed as "其中：…" under its
 * total, and together with its siblings it may not exceed that total. A01/C08/A07
 * have a partOf too but are only bounded by another total.
 */
export function isOfWhich(ind: Indicator): boolean {
  return ind.partOf !== undefined && ind.ofWhich === true;
}

/** Indicators a clerk types (everything except ratios). */
export const INPUT_INDICATORS: readonly Indicator[] = INDICATORS.filter((i) => i.kind !== "ratio");

/** Narrative sections (文字材料), in template order. */
export const NARRATIVE_SECTIONS = [
  { key: "achievements", title: "一、主要工作及成效", hint: "本期开展的主要工作、取得的成效和亮点，可引用本表数据。" },
  { key: "problems", title: "二、存在问题", hint: "工作中存在的主要问题和困难。" },
  { key: "plans", title: "三、下步工作打算", hint: "下一阶段的工作思路和主要措施。" },
] as const;
export type NarrativeKey = (typeof NARRATIVE_SECTIONS)[number]["key"];

/** Kinds of reporting unit, from town up to city (the roll-up hierarchy). */
export const UNIT_TYPES = ["乡镇", "街道", "县（市、区）", "市"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];
