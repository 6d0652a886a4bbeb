/**
 * What the figures engineer's rules (issue 16) decide inside the one row selection of the
 * pipeline: qualifiers (src/indicators/qualifiers.ts) keep 调查 from 登记 and a part from its
 * whole; a figure's bound is shown with it (`130万吨以上`, `不低于7000人`); a growth target asked
 * takes the targets that state a growth. Over the seed corpus, on the real service.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { byNature } from "../../src/answer/figures.js";
import type { IndicatorRow } from "../../src/types.js";
import type { Question } from "../../src/understand/question.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

describe("qualifiers decide in the row selection", () => {
  it("an unemployment rate by survey is never answered with the registered one", async () => {
    const a = await service.ask("铁东区2023年的调查失业率目标定的多少");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
    expect(a.text).toContain("没有铁东区2023年城镇调查失业率的预期目标");
  });

  it("retail sales above the quota are never answered with all retail sales", async () => {
    const a = await service.ask("铁东区2023年限额以上社会消费品零售额多少");
    expect(a.status).toBe("not_found");
    expect(a.facts).toEqual([]);
  });

  it("the insured in work are a part: asked, the part; not asked, the whole", async () => {
    const part = await service.ask("铁东区2023年在职职工养老保险人数");
    expect(part.text).toContain("92016人");
    expect(part.text).not.toContain("133918");
    const whole = await service.ask("铁东区2023年养老保险参保人数有多少");
    expect(whole.text).toContain("133918人");
    expect(whole.text).not.toContain("92016");
  });
});

describe("bounds are shown with the figure", () => {
  it("a level target with 以上 after it", async () => {
    const a = await service.ask("鞍山市2023年粮食总产量计划达到多少");
    expect(a.text).toBe("鞍山市2023年粮食产量的预期目标为130万吨以上[1]。");
  });

  it("a level target with 不低于 before it", async () => {
    const a = await service.ask("铁东区2023年城镇新增就业目标是多少人");
    expect(a.text).toBe("铁东区2023年城镇新增就业的预期目标为不低于7000人[1]。");
  });

  it("a growth target with 左右 after the rate", async () => {
    const a = await service.ask("鞍山市今年固投预期增长多少");
    expect(a.text).toContain("鞍山市2023年固定资产投资的预期目标为增长12%左右[1]。");
  });
});

describe("a growth target asked takes the targets that state a growth", () => {
  const row = (id: string, value: boolean, growth: boolean): IndicatorRow =>
    ({
      id,
      nature: "target",
      value: value ? { text: "1000亿元" } : null,
      growth: growth ? { text: "增长6%", percent: 6 } : null,
    }) as unknown as IndicatorRow;
  const level = row("level", true, false);
  const rate = row("rate", false, true);
  const ask = (growth: boolean) =>
    ({ ask: { kind: "value", nature: "target", achieved: false, figure: true, growth } }) as Question;

  it("growth asked: the rate, not the level set elsewhere in the report", () => {
    expect(byNature(ask(true), [level, rate]).map((r) => r.id)).toEqual(["rate"]);
  });

  it("no growth asked: every target", () => {
    expect(byNature(ask(false), [level, rate]).map((r) => r.id)).toEqual(["level", "rate"]);
  });

  it("growth asked but only a level published: the level", () => {
    expect(byNature(ask(true), [level]).map((r) => r.id)).toEqual(["level"]);
  });
});
