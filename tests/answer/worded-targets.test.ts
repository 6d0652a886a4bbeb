/**
 * Targets a work report sets in words (`城乡居民收入增长与经济增长基本同步`) are quoted as such,
 * beside targets with figures, which stay answered from the target rows.
 */
import { describe, expect, it } from "vitest";
import { askOverBulletin } from "./bulletin-service.js";

const REPORT = [
  "鞍山市千山区2022年政府工作报告",
  "——2022年1月10日在千山区第十届人民代表大会第一次会议上",
  "",
  "一、2021年工作回顾",
  "2021年，全区地区生产总值完成120.5亿元，增长5.2%。",
  "二、2022年工作安排",
  "今年经济社会发展的主要预期目标是：地区生产总值增长6%以上；一般公共预算收入增长5%；城乡居民收入增长与经济增长基本同步；单位地区生产总值能耗完成省下达任务。",
  "",
].join("\n");

describe("targets set in words", { timeout: 600_000 }, () => {
  const text = askOverBulletin("qianshan-2022-work-report.txt", REPORT);

  // Was a gap: a target without a figure gave no row, and the question was not_found.
  it("quotes the target clause that names the indicator asked", async () => {
    const [status, answer] = await text("千山区2022年城乡居民收入增长目标");
    expect(status).toBe("answered");
    expect(answer).toBe(
      "千山区2022年的预期目标中没有具体数字，原文为：城乡居民收入增长与经济增长基本同步[1]。",
    );
  });

  it("still answers a target with a figure from the target rows", async () => {
    expect(await text("千山区2022年地区生产总值增长目标")).toEqual([
      "answered",
      "千山区2022年地区生产总值的预期目标为增长6%以上[1]。",
    ]);
  });

  it("does not quote a target for an indicator the list does not name", async () => {
    const [status] = await text("千山区2022年粮食产量目标");
    expect(status).toBe("not_found");
  });
});
