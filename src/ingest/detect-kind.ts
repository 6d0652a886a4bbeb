/**
 * The kind of a document, from its titles first and else from the shape of its body, as
 * Chinese government documents are written:
 *
 * - a title names its kind: `…统计公报`, `…政府工作报告`, `…计划执行情况与…计划的报告`,
 *   `…任务分解和责任分工方案`; the old national bulletins read `关于1981年国民经济…计划执行结果
 *   的公报` and are 统计公报 too, as is any 公报 a statistics bureau (统计局) issues;
 * - a report delivered to a people's congress (`各位代表：` … `我代表市人民政府向大会报告工作`)
 *   is a 政府工作报告 when its title does not say otherwise (a title cut to `工作报告`, or none);
 * - a statistics bureau's year chapters (`XX统计局` over `一、综合` / `一、农业`), or chapters
 *   that run `一、综合` … `二、农业` as bulletins do, are a 统计公报.
 *
 * Unknown kinds are labelled by the title's last word, or `其他`.
 */
import type { DocumentKind } from "../types.js";

/** Labels of kinds a title names, most specific first. */
const TITLE_KINDS: Array<[RegExp, string]> = [
  [/任务分解|责任分工/u, "任务分解方案"],
  [/计划执行情况|\d{4}年[^，。]{0,40}计划(?:草案)?的报告/u, "计划执行情况报告"],
  [/统计公报|计划执行结果的公报/u, "统计公报"],
  [/政府[^，。]{0,8}工作报告/u, "政府工作报告"],
  [/经济运行/u, "经济运行情况"],
  [/统计月报/u, "统计月报"],
];

/** Words a title may end with that name a kind only generically. */
const LAST_WORD = /(公报|报告|方案|通知|意见|决定|计划|规划|要点|月报|快报)$/u;

/** A speech to a people's congress: the form of address that opens it. */
const CONGRESS_ADDRESS = /^(?:各位代表|各位人大代表)[：:，,]/mu;
/** The government reporting its work to the congress. */
const GOVERNMENT_REPORTS =
  /代表[^，。；\n]{0,12}(?:人民政府|政府|革命委员会)[^。；\n]{0,12}(?:向大会|作|报告)/u;
/** A statistics bureau as issuing body. */
const STATISTICS_BUREAU = /统计局/u;
/** The first chapter of a bulletin of a year: 一、综合 / 一、农业 / 一、国民经济 … */
const BULLETIN_CHAPTER = /^(?:一|1)[、.．]\s*(?:综合|农业|工业|国民经济|人口)/mu;
/** A bulletin's chapters in their usual order, whoever issued it: 一、综合 … 二、农业 (or 工业). */
const BULLETIN_CHAPTERS = /^一、\s*综合\s*$[\s\S]*^二、\s*(?:农业|工业)/mu;

/** The kind label a title gives: a listed kind, the title's last word, or null when none. */
export function kindOfTitle(title: string): DocumentKind | null {
  for (const [re, label] of TITLE_KINDS) if (re.test(title)) return label;
  return title.replace(/[（(][^）)]*[）)]$/u, "").match(LAST_WORD)?.[1] ?? null;
}

/** The kind label of one title as shown to people (`其他` when the title names none). */
export function detectKind(title: string): DocumentKind {
  return kindOfTitle(title) ?? "其他";
}

/** What the body's shape says the document is, or null. */
export function kindOfBody(head: string, body: string): DocumentKind | null {
  if (CONGRESS_ADDRESS.test(head) || GOVERNMENT_REPORTS.test(head)) return "政府工作报告";
  if (STATISTICS_BUREAU.test(head) && BULLETIN_CHAPTER.test(body)) return "统计公报";
  if (BULLETIN_CHAPTERS.test(body.slice(0, 20000))) return "统计公报";
  return null;
}

/** The kind and the words it was read from. */
export interface KindReading {
  kind: DocumentKind;
  evidence: string;
}

/**
 * The kind of a document: the most specific kind any of its titles names; a bulletin issued by
 * a statistics bureau is a 统计公报; a title naming its kind only generically (`报告`,
 * `工作报告`) or no title at all gives way to the body's shape; else the title's last word or
 * `其他`. `head` is the text before the first heading (title lines, bylines, the address).
 */
export function readKind(titles: readonly string[], head: string, body: string): KindReading {
  const listed = titles.flatMap((t) => {
    const k = kindOfTitle(t);
    return k ? [{ k, t }] : [];
  });
  const specific = TITLE_KINDS.map(([, label]) => listed.find((x) => x.k === label)).find((x) => x);
  if (specific) return { kind: specific.k, evidence: specific.t };
  const bulletin = listed.find((x) => x.k === "公报");
  if (bulletin && STATISTICS_BUREAU.test(`${bulletin.t}\n${head}`))
    return { kind: "统计公报", evidence: bulletin.t };
  const shaped = kindOfBody(head, body);
  if (shaped && (listed.length === 0 || listed.every((x) => x.k === "报告"))) {
    const words =
      head.match(CONGRESS_ADDRESS)?.[0] ??
      head.match(GOVERNMENT_REPORTS)?.[0] ??
      head.match(STATISTICS_BUREAU)?.[0] ??
      "一、综合 … 二、农业";
    return { kind: shaped, evidence: words };
  }
  if (listed[0]) return { kind: listed[0].k, evidence: listed[0].t };
  return { kind: "其他", evidence: "" };
}
