/**
 * Themes of the towns' narrative points, with their keywords, as data.
 * A point goes to the theme whose keywords it matches best (longer keywords
 * weigh more), else to 其他工作. Each theme names the catalogue group it
 * belongs to, whose indicator names count as keywords too.
 *
 * This table belongs to the bureau-editable indicator library (issue 13): move
 * it there when that library exists, so a bureau adds its own words.
 */
// @ts-nocheck


export interface Theme {
  key: string;
  /** Heading in the draft: "（一）高企培育". */
  title: string;
  /** Group code of the built-in library ("A"…); its indicator names count as keywords. */
  group?: string;
  keywords: readonly string[];
}

export const THEMES: readonly Theme[] = [
  { key: "investment", title: "科技投入", group: "A", keywords: ["研发投入", "科技投入", "研发经费", "R&D", "财政科技", "科技经费", "资金", "投入"] },
  { key: "projects", title: "项目申报", group: "B", keywords: ["科技计划", "项目申报", "申报", "立项", "项目", "重大专项"] },
  { key: "enterprises", title: "高企培育", group: "C", keywords: ["高新技术企业", "高企", "科技型中小企业", "科技型企业", "创新型企业", "民营科技企业", "企业培育", "培育"] },
  { key: "platforms", title: "平台载体", keywords: ["孵化器", "众创空间", "研发机构", "研发中心", "工程技术研究中心", "技术中心", "产业研究院", "平台", "载体", "园区", "联盟"] },
  { key: "ip", title: "知识产权", group: "D", keywords: ["知识产权", "专利", "商标", "发明", "侵权", "贯标"] },
  { key: "transfer", title: "成果转化", group: "E", keywords: ["成果转化", "技术合同", "产学研", "技术需求", "科技成果", "技术转移", "高校", "院所", "对接", "合作"] },
  { key: "talent", title: "人才", group: "F", keywords: ["人才", "科技特派员", "特派员", "专家", "引才", "培训", "团队"] },
  { key: "outreach", title: "科普", group: "G", keywords: ["科普", "科技活动周", "科学素质", "宣传", "科技下乡", "三下乡", "科技咨询"] },
  { key: "finance", title: "科技金融", keywords: ["科技金融", "融资", "贷款", "担保", "风险投资", "基金"] },
  { key: "agriculture", title: "农业科技", keywords: ["农业", "农村", "农民", "种植", "养殖", "示范基地"] },
  { key: "organisation", title: "组织保障", keywords: ["领导小组", "考核", "责任", "机制", "制度", "政策", "领导", "队伍建设"] },
];

/** Where a point that matches no theme goes. */
export const OTHER_THEME: Theme = { key: "other", title: "其他工作", keywords: [] };
