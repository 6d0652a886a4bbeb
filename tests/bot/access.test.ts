import type { Context } from "grammy";
import { describe, expect, it, vi } from "vitest";
import { accessControl, isChatAllowed, RefusalMemory } from "../../src/bot/access.js";
import { createLogger, type LogEntry } from "../../src/bot/log.js";

describe("isChatAllowed", () => {
  it("allows every chat without an allow-list", () => {
    expect(isChatAllowed(undefined, 42)).toBe(true);
    expect(isChatAllowed(undefined, undefined)).toBe(true);
  });

  it("allows only listed chats, groups included", () => {
    expect(isChatAllowed([42, -100123], 42)).toBe(true);
    expect(isChatAllowed([42, -100123], -100123)).toBe(true);
    expect(isChatAllowed([42, -100123], 43)).toBe(false);
    expect(isChatAllowed([42], undefined)).toBe(false);
    expect(isChatAllowed([], 42)).toBe(false);
  });
});

describe("RefusalMemory", () => {
  it("reports the first refusal of a chat only", () => {
    const memory = new RefusalMemory();
    expect(memory.firstRefusal(5)).toBe(true);
    expect(memory.firstRefusal(5)).toBe(false);
    expect(memory.firstRefusal(6)).toBe(true);
  });

  it("is bounded: the oldest chat is forgotten", () => {
    const memory = new RefusalMemory(2);
    memory.firstRefusal(1);
    memory.firstRefusal(2);
    memory.firstRefusal(3);
    expect(memory.firstRefusal(1)).toBe(true);
    expect(memory.firstRefusal(3)).toBe(false);
  });
});

/** The few Context members the middleware touches. */
function fakeContext(chatId: number | undefined, kind: "message" | "callback") {
  return {
    chatId,
    chat: chatId === undefined ? undefined : { id: chatId, type: "private" },
    from: { id: 7 },
    update: { update_id: 99 },
    callbackQuery: kind === "callback" ? { id: "1", data: "c:x:1:1" } : undefined,
    reply: vi.fn(async () => ({})),
    answerCallbackQuery: vi.fn(async () => true),
  };
}

describe("accessControl", () => {
  const logged: LogEntry[] = [];
  const logger = createLogger({ level: "debug", write: (_line, entry) => logged.push(entry) });

  it("passes every update through without an allow-list", async () => {
    const mw = accessControl({ allowedChatIds: undefined, logger });
    const next = vi.fn(async () => {});
    await mw(fakeContext(1, "message") as unknown as Context, next);
    expect(next).toHaveBeenCalledOnce();
  });

  it("passes listed chats and refuses others once, with their chat id and no data", async () => {
    const mw = accessControl({ allowedChatIds: [1], logger });
    const next = vi.fn(async () => {});
    await mw(fakeContext(1, "message") as unknown as Context, next);
    expect(next).toHaveBeenCalledOnce();

    const first = fakeContext(2, "message");
    await mw(first as unknown as Context, next);
    expect(first.reply).toHaveBeenCalledExactlyOnceWith(
      "抱歉，本机器人仅供鞍山市各区机关工作人员使用，此会话未获授权。如需开通，请把会话编号 2 发给管理员。",
    );
    const second = fakeContext(2, "message");
    await mw(second as unknown as Context, next);
    expect(second.reply).not.toHaveBeenCalled();
    expect(next).toHaveBeenCalledOnce();
    expect(logged.some((e) => e.msg === "refused a chat outside the allow-list" && e.chatId === 2)).toBe(
      true,
    );
  });

  it("closes the spinner of a refused button press", async () => {
    const mw = accessControl({ allowedChatIds: [1], logger });
    const ctx = fakeContext(3, "callback");
    await mw(ctx as unknown as Context, vi.fn());
    expect(ctx.answerCallbackQuery).toHaveBeenCalledOnce();
    expect(ctx.reply).not.toHaveBeenCalled();
  });

  it("drops updates without a chat when an allow-list is set", async () => {
    const mw = accessControl({ allowedChatIds: [1], logger });
    const ctx = fakeContext(undefined, "message");
    const next = vi.fn();
    await mw(ctx as unknown as Context, next);
    expect(next).not.toHaveBeenCalled();
    expect(ctx.reply).not.toHaveBeenCalled();
  });
});
