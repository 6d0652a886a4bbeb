/** Which group messages are addressed to the bot (group-gate.ts), on hand-built updates. */
import { Api, Context } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { addressesBot, speakerOf } from "../../src/bot/group-gate.js";

const me = { id: 99, is_bot: true, first_name: "Bot", username: "anshan_bot" } as UserFromGetMe;
const group = { id: -100, type: "group" as const, title: "办公室" };
const from = { id: 5, is_bot: false, first_name: "王" };
function ctx(message: Partial<Message>): Context {
  const update = {
    update_id: 1,
    message: { message_id: 1, date: 0, chat: group, from, ...message },
  } as Update;
  return new Context(update, new Api("1:x"), me);
}

describe("group gate", () => {
  it("ignores chatter", () => {
    expect(addressesBot(ctx({ text: "大家中午吃什么" }))).toBe(false);
    expect(addressesBot(ctx({ text: "铁东区2023年GDP是多少" }))).toBe(false);
  });

  it("answers a command, a mention and a reply to the bot", () => {
    expect(
      addressesBot(ctx({ text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] })),
    ).toBe(true);
    expect(addressesBot(ctx({ text: "@Anshan_Bot 铁东区2023年GDP" }))).toBe(true);
    const replyTo = { message_id: 7, date: 0, chat: group, from: me, text: "…" } as Message;
    expect(
      addressesBot(ctx({ text: "那2022年的呢", reply_to_message: replyTo as Message["reply_to_message"] })),
    ).toBe(true);
  });

  it("gives each member of a group a speaker of their own, the chat in private", () => {
    expect(speakerOf(ctx({ text: "x" }))).toEqual({ chatId: -100, userId: 5 });
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 5, type: "private", first_name: "王" },
        from,
        text: "x",
      },
    } as Update;
    expect(speakerOf(new Context(update, new Api("1:x"), me))).toEqual({ chatId: 5 });
  });
});
