/**
 * Questions about the amount of a change (增加多少 / 减少了多少), over a small bulletin written
 * the way bulletins state changes: `比上年末减少…`, `分别增加…和…，分别增长…和…`.
 */
import { describe, expect, it } from "vitest";
import { askOverBulletin } from "./bulletin-service.js";
import { read } from "../understand/lexicon.js";

const BULLETIN = [
  "鞍山市千山区2021年国民经济和社会发展统计公报",
  "鞍山市千山区统计局",
  "2022年3月18日",
  "",
  "一、人口",
  "年末全区常住人口40.1万人。年末户籍人口36.2万人，比上年末减少0.4万人。年末农村贫困人口0.12万人，比上年末减少0.35万人。",
  "二、对外经济",
  "全年货物进出口总额58.3亿元，比上年增长8.2%。货物进出口顺差12.5亿元，比上年增加3.1亿元。",
  "三、人民生活",
  "全年城乡居民人均可支配收入分别增加2279元和1762元，分别增长6.3%和9.9%。",
  "",
].join("\n");

describe("questions about a published change", { timeout: 600_000 }, () => {
  const text = askOverBulletin("qianshan-2021-bulletin.txt", BULLETIN);

  it("answers 增加多少 with the change of a 分别 statement and its growth, not the growth alone", async () => {
    expect(await text("千山区2021年城镇居民人均可支配收入增加多少")).toEqual([
      "answered",
      "千山区2021年城镇居民人均可支配收入增加2279元，增长6.3%[1]。",
    ]);
    expect(await text("千山区2021年农村居民人均可支配收入增加了多少")).toEqual([
      "answered",
      "千山区2021年农村居民人均可支配收入增加1762元，增长9.9%[1]。",
    ]);
  });

  it("answers 减少了多少 with the change stated after the level (比上年末减少…)", async () => {
    expect(await text("千山区2021年户籍人口减少了多少")).toEqual([
      "answered",
      "千山区2021年户籍人口比上年末减少0.4万人[1]。",
    ]);
    expect(await text("千山区2021年货物进出口顺差增加多少")).toEqual([
      "answered",
      "千山区2021年货物进出口顺差比上年增加3.1亿元[1]。",
    ]);
  });

  // Was a bug: 人口 inside 农村贫困人口 was read as the indicator 常住人口, and the answer gave
  // the resident population for a question about the rural poor.
  it("does not answer a question about 农村贫困人口 with 常住人口", async () => {
    expect(await text("千山区2021年年末农村贫困人口减少了多少")).toEqual([
      "answered",
      "千山区2021年年末农村贫困人口比上年末减少0.35万人[1]。",
    ]);
    expect(await text("千山区2021年人口是多少")).toEqual(["answered", "千山区2021年常住人口为40.1万人[1]。"]);
  });

  it("answers with the level and growth when no change is published", async () => {
    expect(await text("千山区2021年货物进出口总额增加多少")).toEqual([
      "answered",
      "千山区2021年进出口总额为58.3亿元，比上年增长8.2%[1]。",
    ]);
  });
});

describe("reading a change question", () => {
  // Was a bug: 少了多少 inside 减少了多少 made the question a comparison of periods.
  it("reads 减少了多少 and 增加了多少 as asking a change, not a difference", () => {
    expect(read("铁东区2023年户籍人口减少了多少").ask.kind).toBe("change");
    expect(read("铁东区2023年户籍人口比上年末增加了多少").ask.kind).toBe("change");
    expect(read("铁东区户籍人口2023年比2022年多了多少").ask).toMatchObject({
      kind: "difference",
      between: "periods",
    });
  });
});
