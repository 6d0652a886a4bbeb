/**
 * A catalogued indicator the documents only write apart (高速公路里程 as `公路总里程…其中：高速公路
 * 814公里`; 小学在校生 as `小学59所，…在校生6.21万人`) is found by the words of its name, each of
 * which must stand in the row's clause or before it in the statement.
 */
import { describe, expect, it } from "vitest";
import { askOverBulletin } from "./bulletin-service.js";

const BULLETIN = [
  "鞍山市千山区2021年国民经济和社会发展统计公报",
  "鞍山市千山区统计局",
  "2022年3月18日",
  "",
  "一、交通",
  "截至2021年底，全区公路总里程达2947公里，其中：高速公路81公里，国道147公里。",
  "二、教育",
  "全区共有小学59所，招生1.03万人，在校生6.21万人。",
  "三、就业",
  "年末城镇登记失业人员1158人，城镇登记失业率为3.25%。",
  "",
].join("\n");

describe("an indicator written apart", { timeout: 600_000 }, () => {
  const text = askOverBulletin("qianshan-2021-bulletin.txt", BULLETIN);

  // Was a bug: the parts of 高速公路里程 matched the total (公路总里程) as well as the highway
  // figure, and the total was given.
  it("gives the figure whose qualifiers stand before it, not the total the statement opens with", async () => {
    expect(await text("千山区2021年高速公路里程多少公里")).toEqual([
      "answered",
      "千山区2021年：高速公路81公里[1]。",
    ]);
    expect(await text("千山区2021年小学在校生多少人")).toEqual([
      "answered",
      "千山区2021年：在校生6.21万人[1]。",
    ]);
  });

  it("never answers with another indicator that lacks one of the words (登记 is not 调查)", async () => {
    const [status, answer] = await text("千山区2021年城镇调查失业率");
    expect(status).toBe("not_found");
    expect(answer).not.toContain("3.25%");
  });
});
