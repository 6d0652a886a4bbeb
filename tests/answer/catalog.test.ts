/**
 * What the service says it holds (catalog.ts, for the bot's /catalog and next-step buttons)
 * and the near-name clarification (near-name-answer.ts), on the real pipeline.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

describe("catalogue of what is held", () => {
  it("lists every document as place, year, period and kind", () => {
    const holdings = service.holdings();
    expect(holdings).toHaveLength(service.sources().length);
    expect(holdings.map((h) => `${h.region} ${h.period} ${h.kind}`)).toContain("铁东区 2023年 统计公报");
    const tiedong2022 = holdings.find((h) => h.region === "铁东区" && h.period === "2022年")!;
    expect(tiedong2022.periods[0]).toBe("2022年");
    expect(tiedong2022.regionPath).toEqual(["辽宁省", "鞍山市", "铁东区"]);
  });

  it("names the catalogued indicators of one place and period, results only", () => {
    const names = service.indicatorsOf("铁东区", "2023年");
    expect(names).toContain("地区生产总值");
    expect(names).toContain("社会消费品零售总额");
    expect(new Set(names).size).toBe(names.length);
    expect(service.indicatorsOf("铁东区", "1999年")).toEqual([]);
  });

  it("gives the neighbouring periods of the same kind that hold the indicator", () => {
    expect(service.neighbouringPeriods("铁东区", "地区生产总值", "2023年")).toEqual({
      earlier: "2022年",
      later: null,
    });
    expect(service.neighbouringPeriods("铁东区", "地区生产总值", "2022年").later).toBe("2023年");
    expect(service.periodsOf("铁东区", "地区生产总值")).toContain("2022年");
  });

  it("gives the parent region only when the corpus holds it", () => {
    expect(service.parentRegion("铁东区")).toBe("鞍山市");
    expect(service.parentRegion("鞍山市")).toBeNull();
    expect(service.parentRegion("朝阳区")).toBeNull();
  });
});

describe("near names (issue 18): clarify, never substitute", () => {
  it("a homophone of a held indicator: 社令总额 → 您是不是要问：社零总额？", async () => {
    const a = await service.ask("铁东区2023年社令总额是多少");
    expect(a.status).toBe("clarify");
    expect(a.text).toBe("没有找到“社令总额”。您是不是要问：社零总额？");
    expect(a.options).toEqual(["铁东区2023年社零总额是多少"]);
    expect(a.facts).toEqual([]);
  });

  it("a transposition: GPD → GDP", async () => {
    const a = await service.ask("铁东区2023年GPD");
    expect(a.status).toBe("clarify");
    expect(a.options).toEqual(["铁东区2023年GDP"]);
  });

  it("a question that names a held indicator is answered as before", async () => {
    const a = await service.ask("铁东区2023年社零总额是多少");
    expect(a.status).toBe("answered");
    expect(a.text).toContain("140.1亿元");
  });
});
