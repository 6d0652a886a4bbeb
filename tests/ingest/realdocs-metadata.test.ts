/**
 * The real documents of other regions in ../shared/realdocs/text (read-only, never copied):
 * each one's region, period and kind are read from its own head, with no override entry.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { readOverrides } from "../../src/ingest/load-corpus.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";

// ../shared beside the checkout, as CI lays it out.
const realdocs = join(PROJECT_ROOT, "..", "shared", "realdocs", "text");

describe("metadata of the real documents of other regions", () => {
  it("reads every document's region, period and kind from its head, with no override", async () => {
    expect(readOverrides(realdocs)).toEqual({});
    const { documents, problems } = await readCorpus([join(PROJECT_ROOT, "corpus"), realdocs]);
    expect(problems).toEqual([]);
    const real = documents
      .filter((d) => !d.meta.notes.some((n) => n.code === "metadata-override"))
      .map((d) => [d.meta.file, d.meta.regionPath.join(""), d.meta.period, d.meta.kind]);
    expect(real).toEqual(
      expect.arrayContaining([
        ["anshan-2022-government-work-report.txt", "辽宁省鞍山市", "2022年", "政府工作报告"],
        ["chengdu-2021-bulletin.txt", "四川省成都市", "2021年", "统计公报"],
        ["chengdu-2022-bulletin.txt", "四川省成都市", "2022年", "统计公报"],
        ["china-2019-bulletin.txt", "全国", "2019年", "统计公报"],
        [
          "hailar-2018-government-work-report.txt",
          "内蒙古自治区呼伦贝尔市海拉尔区",
          "2018年",
          "政府工作报告",
        ],
        [
          "hailar-2019-government-work-report.txt",
          "内蒙古自治区呼伦贝尔市海拉尔区",
          "2019年",
          "政府工作报告",
        ],
        ["hulunbuir-2022-government-work-report.txt", "内蒙古自治区呼伦贝尔市", "2022年", "政府工作报告"],
        ["luoyang-2023-bulletin.txt", "河南省洛阳市", "2023年", "统计公报"],
        ["qiandongnan-2016-bulletin.txt", "贵州省黔东南苗族侗族自治州", "2016年", "统计公报"],
      ]),
    );
    expect(documents).toHaveLength(14);
  });
});
