/**
 * Issue 12, item 9 (noise answered with confidence: `人` → 人行道1.5万平) and item 8 (a lone
 * surrogate echoed into a reply Telegram refuses), through the real answering pipeline.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { renderTelegram } from "../../src/bot/render-reply.js";
import { outgoingMessages } from "../../src/bot/reply-sender.js";
import { toWellFormed } from "../../src/ingest/normalise.js";
import { isMeaningfulTopic } from "../../src/retrieve/topic-check.js";
import { realService } from "./service.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

describe("a question without a meaningful topic (item 9)", () => {
  it.each(["人", "水", "%铁", "车", "铁东区人", "2023年 水"])(
    "%s gets clarify, not a confident answer",
    async (q) => {
      const a = await service.ask(q);
      expect(a.status).toBe("clarify");
      expect(a.facts).toEqual([]);
      expect(a.citations).toEqual([]);
      expect(a.text).toMatch(/^这个问题没有说明要查询的指标或事项，请补充/u);
    },
  );

  it.each([
    ["离婚", "654对"],
    ["立山区上半年组织了多少场招聘会", "15场"],
  ])("a real topic is still answered: %s", async (q, figure) => {
    const a = await service.ask(q);
    expect(a.status).toBe("answered");
    expect(a.text).toContain(figure);
  });

  it("counts words, not characters", () => {
    expect(isMeaningfulTopic(["人"])).toBe(false);
    expect(isMeaningfulTopic(["%", "铁"])).toBe(false);
    expect(isMeaningfulTopic(["人", "行道"])).toBe(true);
    expect(isMeaningfulTopic(["GDP"])).toBe(true);
    expect(isMeaningfulTopic([])).toBe(true); // a general question: its scope decides
  });
});

describe("lone surrogates (item 8)", () => {
  it("are removed, emoji kept", () => {
    expect(toWellFormed("社零\ud800总额\udc00😀")).toBe("社零总额😀");
  });

  it.each(["社零总额\udc00是多少", "\ud800铁东区社零总额", "铁东区\ud83d水\ud800", "\udfff人"])(
    "%j is never echoed into the answer or a clarify option",
    async (q) => {
      const a = await service.ask(q);
      expect(LONE.test(a.text)).toBe(false);
      for (const option of a.options) expect(LONE.test(option)).toBe(false);
    },
  );

  it("never reach Telegram in a message the bot sends", () => {
    const [message] = outgoingMessages(
      renderTelegram({ kind: "notice", text: "没有找到与“\ud800人”有关的内容" }),
    );
    expect(message!.text).toBe("没有找到与“人”有关的内容");
  });
});
