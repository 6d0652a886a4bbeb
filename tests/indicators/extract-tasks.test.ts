import { describe, expect, it } from "vitest";
import { extractTasks } from "../../src/indicators/extract-tasks.js";
import { parseSections } from "../../src/sections/parse-sections.js";
import type { TaskRow } from "../../src/types.js";
import { IDS, corpusText, realDoc } from "../ingest/fixtures.js";

const doc = realDoc(IDS.tasks);
const tasks = extractTasks(doc, parseSections(doc));
const task = (n: number): TaskRow => tasks.find((t) => t.number === n)!;

/** Task numbers without a 牵头单位 line, read straight from the source file. */
function tasksWithoutLeadInSource(): number[] {
  const missing: number[] = [];
  let current: { n: number; lead: boolean } | null = null;
  const close = () => {
    if (current && !current.lead) missing.push(current.n);
  };
  for (const line of corpusText("anshan-2023-government-work-report-task-breakdown.txt").split("\n")) {
    const m = line.match(/^(\d{1,3})\.(?!\d)/u);
    if (m) {
      close();
      current = { n: Number(m[1]), lead: false };
    } else if (current && line.startsWith("牵头单位")) current.lead = true;
  }
  close();
  return missing;
}

describe("extractTasks on the task breakdown", () => {
  it("gives 210 tasks numbered 1 to 210 in order", () => {
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 210 }, (_, i) => i + 1));
    expect(new Set(tasks.map((t) => t.id)).size).toBe(210);
  });

  it("reads task 17 with its lead and responsible units", () => {
    const t = task(17);
    expect({ ...t, start: undefined, end: undefined }).toEqual({
      id: "anshan-2023-government-work-report-task-breakdown:task17",
      docId: IDS.tasks,
      number: 17,
      text: "举办汽车嘉年华。",
      lead: "市商务局",
      responsible: "海城市政府、台安县政府、岫岩县政府、经开区管委会",
      path: ["二、抓运行稳增长，在推动经济运行整体好转上奋力争先", "（二）全力提振消费"],
      sectionId: parseSections(doc).find((s) => s.heading === "17.举办汽车嘉年华")!.id,
      start: undefined,
      end: undefined,
    });
    expect(doc.text.slice(t.start, t.end)).toBe(
      "17.举办汽车嘉年华。\n\n牵头单位：市商务局\n\n责任单位：海城市政府、台安县政府、岫岩县政府、经开区管委会",
    );
  });

  it("reads the first target and the digital-economy task", () => {
    expect([task(1).text, task(1).lead, task(1).responsible, task(1).path]).toEqual([
      "地区生产总值增长6%左右。",
      "市发展改革委",
      "全市经济运行工作专班各部门，各县（市）区政府、各开发区管委会",
      ["一、经济社会发展主要预期目标"],
    ]);
    const digital = tasks.filter((t) => t.text.includes("数字经济应用场景机会清单"));
    expect(digital.map((t) => [t.number, t.text, t.lead, t.responsible])).toEqual([
      [50, "发布数字经济应用场景机会清单。", "市工业和信息化局", "市发展改革委等相关部门"],
    ]);
    expect(task(6).lead).toBe(
      "市发展改革委（负责城镇居民人均可支配收入）、市农业农村局（负责农村居民人均可支配收入）",
    );
  });

  it("gives lead null exactly for the tasks that name no 牵头单位", () => {
    expect(tasksWithoutLeadInSource()).toEqual([44, 94, 192, 198, 199, 200, 205, 207, 210]);
    expect(tasks.filter((t) => t.lead === null).map((t) => t.number)).toEqual([
      44, 94, 192, 198, 199, 200, 205, 207, 210,
    ]);
    expect([task(44).text, task(44).responsible]).toEqual(["争创国家矿石储备基地。", "市发展改革委"]);
    expect(tasks.filter((t) => t.responsible === null)).toEqual([]);
  });

  it("ends the last task at its unit line, not at the closing remarks", () => {
    const last = task(210);
    expect(
      doc.text
        .slice(last.start, last.end)
        .endsWith("责任单位：市政府各部门，各县（市）区政府、各开发区管委会"),
    ).toBe(true);
    expect(last.path).toEqual(["十二、全面加强政府自身建设", "（五）坚持清正廉洁"]);
  });

  it("gives no tasks for documents of other kinds", () => {
    for (const id of [IDS.bulletin2023, IDS.bulletin2022, IDS.lishan, IDS.excerpt]) {
      expect(extractTasks(realDoc(id), parseSections(realDoc(id)))).toEqual([]);
    }
  });
});
