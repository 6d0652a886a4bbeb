/**
 * `npm start` without a token: explains how to get one, then answers questions read from a
 * non-TTY stdin with the real pipeline, and exits 0 at end of input.
 */
import { expect, it } from "vitest";
import { childEnv, startMain } from "./child.js";

it("explains BotFather and answers piped questions until EOF", async () => {
  const main = startMain(
    childEnv({}),
    "2023年铁东区社零总额是多少\n/cite\n/sources\n/help\n鐵東區2022年實名制就業人數\n",
  );
  const exit = await main.exited;
  const out = main.stdout();
  expect(exit, main.stderr()).toEqual({ code: 0, signal: null });
  expect(main.stderr()).toContain("@BotFather");
  expect(main.stderr()).toContain("TELEGRAM_BOT_TOKEN=<令牌> npm start");
  const expected = [
    "问：2023年铁东区社零总额是多少",
    "140.1亿元",
    "输入 /cite n 查看第 n 条引用的原文。",
    "问：/cite",
    "【140.1亿元】",
    "问：/sources",
    "资料来源（共 5 份）",
    "问：/help",
    "示例问题：",
    "问：鐵東區2022年實名制就業人數",
    "10597人",
  ];
  let at = -1;
  for (const piece of expected) {
    const next = out.indexOf(piece, at + 1);
    expect(next, `"${piece}" after position ${at} in:\n${out}`).toBeGreaterThan(at);
    at = next;
  }
  expect(out).not.toMatch(/<\/?b>/);
});
