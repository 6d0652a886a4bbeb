/**
 * The Bot API test server, driven by the real grammY client: Telegram's getUpdates semantics,
 * uploads and downloads, queries, command scopes, and every fault kind.
 */
import { Bot, GrammyError, HttpError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiServer, htmlToPlain, pngSize } from "./bot-api-server.js";

/** A 3×2 PNG header (enough for pngSize and for the server's PhotoSize). */
const PNG_3X2 = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2,
  8, 6, 0, 0, 0,
]);

let server: BotApiServer;
let bot: Bot;
beforeEach(async () => {
  server = await BotApiServer.start({ bot: { username: "anshan_test_bot" } });
  bot = new Bot(server.token, { client: { apiRoot: server.apiRoot }, botInfo: server.botInfo });
});
afterEach(async () => {
  if (bot.isRunning()) await bot.stop();
  await server.stop();
});

describe("BotApiServer basics", () => {
  it("answers getMe and records sendMessage, storing HTML as Telegram shows it", async () => {
    expect((await bot.api.getMe()).username).toBe("anshan_test_bot");
    const user = server.user({ id: 1001 });
    const sent = await bot.api.sendMessage(user.id, "<b>140.1亿元</b> &amp; 9.1%", { parse_mode: "HTML" });
    expect(sent.text).toBe("140.1亿元 & 9.1%");
    expect(server.messages(1001).map((m) => m.text)).toEqual(["140.1亿元 & 9.1%"]);
    const call = await server.waitForCall("sendMessage");
    expect(call.params.text).toBe("<b>140.1亿元</b> &amp; 9.1%");
  });

  it("refuses what Telegram refuses: unknown chat, empty and too long text, wrong token, unknown method", async () => {
    server.user({ id: 1 });
    await expect(bot.api.sendMessage(999, "x")).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: chat not found",
    });
    await expect(bot.api.sendMessage(1, " ")).rejects.toMatchObject({
      description: "Bad Request: message text is empty",
    });
    await expect(bot.api.sendMessage(1, "字".repeat(4097))).rejects.toMatchObject({
      description: "Bad Request: message is too long",
    });
    const stranger = new Bot("999:wrong-token-wrong-token-wrong", { client: { apiRoot: server.apiRoot } });
    await expect(stranger.api.getMe()).rejects.toMatchObject({ error_code: 401 });
    await expect(bot.api.raw.getStickerSet({ name: "x" })).rejects.toMatchObject({ error_code: 404 });
  });

  it("edits text and markup; an identical edit is 'not modified'", async () => {
    server.user({ id: 5 });
    const sent = await bot.api.sendMessage(5, "a", {
      reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "d" }]] },
    });
    await bot.api.editMessageText(5, sent.message_id, "a2");
    expect(server.messages(5)[0]!.text).toBe("a2");
    expect(server.messages(5)[0]!.reply_markup).toBeUndefined();
    await bot.api.editMessageReplyMarkup(5, sent.message_id, {
      reply_markup: { inline_keyboard: [[{ text: "c", callback_data: "e" }]] },
    });
    expect(server.messages(5)[0]!.reply_markup?.inline_keyboard[0]![0]!.text).toBe("c");
    await expect(
      bot.api.editMessageReplyMarkup(5, sent.message_id, {
        reply_markup: { inline_keyboard: [[{ text: "c", callback_data: "e" }]] },
      }),
    ).rejects.toMatchObject({ description: expect.stringContaining("message is not modified") });
    await expect(bot.api.editMessageText(5, 77, "x")).rejects.toMatchObject({
      description: "Bad Request: message to edit not found",
    });
  });

  it("pngSize and htmlToPlain", () => {
    expect(pngSize(PNG_3X2)).toEqual({ width: 3, height: 2 });
    expect(pngSize(Buffer.from("GIF89a"))).toBeNull();
    expect(htmlToPlain('<a href="x">a&lt;b</a>&#20013;')).toBe("a<b中");
  });
});

describe("getUpdates", () => {
  it("long-polls: waits for an update and answers as soon as one is pushed", async () => {
    const user = server.user({ id: 7 });
    const started = Date.now();
    const poll = bot.api.getUpdates({ timeout: 5 });
    setTimeout(() => server.sendText(user, "你好"), 150);
    const updates = await poll;
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(updates.map((u) => u.message?.text)).toEqual(["你好"]);
  });

  it("times out with an empty list after `timeout` seconds", async () => {
    const started = Date.now();
    expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("keeps updates until an offset confirms them; limit and negative offsets", async () => {
    const user = server.user({ id: 8 });
    for (const t of ["a", "b", "c"]) server.sendText(user, t);
    const first = await bot.api.getUpdates({ limit: 2 });
    expect(first.map((u) => u.message?.text)).toEqual(["a", "b"]);
    expect((await bot.api.getUpdates()).map((u) => u.message?.text)).toEqual(["a", "b", "c"]);
    const next = await bot.api.getUpdates({ offset: first[1]!.update_id + 1 });
    expect(next.map((u) => u.message?.text)).toEqual(["c"]);
    expect(await bot.api.getUpdates({ offset: next[0]!.update_id + 1 })).toEqual([]);
    for (const t of ["d", "e"]) server.sendText(user, t);
    expect((await bot.api.getUpdates({ offset: -1 })).map((u) => u.message?.text)).toEqual(["e"]);
  });

  it("drops update types outside allowed_updates and remembers the list", async () => {
    const user = server.user({ id: 9 });
    server.inlineQuery(user, "铁东区");
    server.sendText(user, "x");
    expect(
      (await bot.api.getUpdates({ allowed_updates: ["message"] })).map((u) => Object.keys(u)[1]),
    ).toEqual(["message"]);
    server.inlineQuery(user, "y");
    expect((await bot.api.getUpdates()).map((u) => u.message?.text)).toEqual(["x"]);
  });

  it("a second getUpdates ends the waiting one with 409 Conflict", async () => {
    const first = bot.api.getUpdates({ timeout: 10 });
    await server.waitForCall("getUpdates");
    const second = bot.api.getUpdates({ timeout: 0 });
    await expect(first).rejects.toMatchObject({ error_code: 409 });
    expect(await second).toEqual([]);
  });

  it("drives a polling grammY bot: a command with entities gets a reply", async () => {
    bot.command("chart", (ctx) => ctx.reply(`chart:${ctx.match}`));
    void bot.start({ timeout: 1, drop_pending_updates: false });
    const user = server.user({ id: 10, first_name: "Ana" });
    const group = server.group(-1001234, "Office");
    server.sendCommand(user, "/chart 铁东区GDP");
    server.sendCommand(user, "/chart@anshan_test_bot 立山区", { chat: group });
    await server.waitForCall("sendMessage", { where: (c) => Number(c.params.chat_id) === -1001234 });
    expect(server.messages(10).map((m) => m.text)).toEqual(["chart:铁东区GDP"]);
    expect(server.messages(-1001234).map((m) => [m.text, m.chat.type])).toEqual([
      ["chart:立山区", "supergroup"],
    ]);
  });
});

describe("files", () => {
  it("records a sendPhoto upload (bytes, filename, caption) and gives its PNG size", async () => {
    server.user({ id: 11 });
    const message = await bot.api.sendPhoto(11, new InputFile(PNG_3X2, "chart.png"), {
      caption: "<b>铁东区</b>",
      parse_mode: "HTML",
    });
    expect(message.photo?.[0]).toMatchObject({ width: 3, height: 2 });
    expect(message.caption).toBe("铁东区");
    const call = await server.waitForCall("sendPhoto");
    expect(call.files.photo).toMatchObject({ filename: "chart.png" });
    expect(Buffer.compare(call.files.photo!.bytes, PNG_3X2)).toBe(0);
    expect(call.params.caption).toBe("<b>铁东区</b>");
  });

  it("sendDocument, then getFile and the download return the same bytes", async () => {
    server.user({ id: 12 });
    const csv = Buffer.from("\uFEFF地区,时期\n铁东区,2023年\n", "utf8");
    const message = await bot.api.sendDocument(12, new InputFile(csv, "指标.csv"), { caption: "CSV" });
    expect(message.document).toMatchObject({ file_name: "指标.csv", file_size: csv.length });
    const call = server.callsTo("sendDocument")[0]!;
    expect(call.files.document!.bytes.toString("utf8")).toBe(csv.toString("utf8"));
    const file = await bot.api.getFile(message.document!.file_id);
    const download = await fetch(`${server.apiRoot}/file/bot${server.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);
    await expect(bot.api.sendDocument(12, "no-such-file-id")).rejects.toMatchObject({ error_code: 400 });
  });

  it("serves the file of a user's document message", async () => {
    const user = server.user({ id: 13 });
    const bytes = Buffer.from("%PDF-1.4 test");
    const sent = server.sendDocument(user, {
      bytes,
      filename: "公报.pdf",
      mimeType: "application/pdf",
      caption: "上传",
    });
    const [update] = await bot.api.getUpdates();
    expect(update!.message!.document!.file_name).toBe("公报.pdf");
    const file = await bot.api.getFile(sent.document!.file_id);
    const response = await fetch(`${server.apiRoot}/file/bot${server.token}/${file.file_path}`);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${server.apiRoot}/file/botWRONG/${file.file_path}`)).status).toBe(401);
  });
});

describe("queries and commands", () => {
  it("a button press reaches the bot; answerCallbackQuery works once per query", async () => {
    const user = server.user({ id: 14 });
    const sent = await bot.api.sendMessage(14, "q", {
      reply_markup: { inline_keyboard: [[{ text: "📈", callback_data: "chart:1" }]] },
    });
    expect(() => server.pressButton(user, sent, "nope")).toThrow(/no button/);
    const query = server.pressButton(user, sent, "chart:1");
    const [update] = await bot.api.getUpdates();
    expect(update!.callback_query).toMatchObject({
      id: query.id,
      data: "chart:1",
      message: { message_id: sent.message_id },
    });
    await bot.api.answerCallbackQuery(query.id, { text: "ok" });
    await expect(bot.api.answerCallbackQuery(query.id)).rejects.toMatchObject({ error_code: 400 });
  });

  it("records answerInlineQuery results", async () => {
    const user = server.user({ id: 15 });
    const query = server.inlineQuery(user, "铁东区2023年GDP", { chatType: "group" });
    const results = [
      {
        type: "article" as const,
        id: "r1",
        title: "314.6亿元",
        input_message_content: { message_text: "x" },
      },
    ];
    await bot.api.answerInlineQuery(query.id, results, { cache_time: 10 });
    expect(server.inlineAnswers(query.id)[0]!.params.results).toEqual(results);
    expect(server.inlineAnswers(query.id)[0]!.params.cache_time).toBe(10);
    await expect(bot.api.answerInlineQuery("nope", [])).rejects.toMatchObject({ error_code: 400 });
  });

  it("keeps command lists per scope and language", async () => {
    await bot.api.setMyCommands([{ command: "help", description: "帮助" }]);
    await bot.api.setMyCommands([{ command: "chart", description: "图表" }], {
      scope: { type: "all_private_chats" },
    });
    await bot.api.setMyCommands([{ command: "cite", description: "原文" }], {
      scope: { type: "all_group_chats" },
      language_code: "zh",
    });
    expect(server.commands()).toEqual([{ command: "help", description: "帮助" }]);
    expect(server.commands({ type: "all_private_chats" })).toEqual([
      { command: "chart", description: "图表" },
    ]);
    expect(server.commands({ type: "all_group_chats" })).toBeUndefined();
    expect(await bot.api.getMyCommands({ scope: { type: "all_group_chats" }, language_code: "zh" })).toEqual([
      { command: "cite", description: "原文" },
    ]);
    await expect(bot.api.setMyCommands([{ command: "Bad-Name", description: "x" }])).rejects.toMatchObject({
      error_code: 400,
    });
    expect(await bot.api.sendChatAction(1, "upload_photo").catch((e: GrammyError) => e.description)).toBe(
      "Bad Request: chat not found",
    );
  });
});

describe("fault injection", () => {
  it("500, 502 with an HTML body, and 429 with retry_after, then normal service", async () => {
    server.user({ id: 20 });
    server.inject("sendMessage", { kind: "status", status: 500 }, { times: 1 });
    const gateway = server.inject("sendMessage", { kind: "bad-gateway" }, { times: 1 });
    server.inject("sendMessage", { kind: "retry-after", seconds: 3 }, { times: 1 });
    await expect(bot.api.sendMessage(20, "a")).rejects.toMatchObject({ error_code: 500 });
    await expect(bot.api.sendMessage(20, "a")).rejects.toBeInstanceOf(HttpError); // HTML is not JSON
    await expect(bot.api.sendMessage(20, "a")).rejects.toMatchObject({
      error_code: 429,
      parameters: { retry_after: 3 },
    });
    expect((await bot.api.sendMessage(20, "a")).text).toBe("a");
    expect(gateway.served).toBe(1);
    expect(server.callsTo("sendMessage").map((c) => c.status)).toEqual([500, 502, 429, 200]);
    const raw = await fetch(`${server.apiRoot}/bot${server.token}/getMe`);
    expect(raw.status).toBe(200);
    server.inject("*", { kind: "bad-gateway" }, { times: 1 });
    const html = await fetch(`${server.apiRoot}/bot${server.token}/getMe`);
    expect([
      html.status,
      html.headers.get("content-type"),
      (await html.text()).includes("502 Bad Gateway"),
    ]).toEqual([502, "text/html", true]);
  });

  it("drop destroys the connection; removing the fault restores service", async () => {
    const fault = server.inject("getMe", { kind: "drop" });
    await expect(bot.api.getMe()).rejects.toBeInstanceOf(HttpError);
    fault.remove();
    expect((await bot.api.getMe()).id).toBe(server.botInfo.id);
  });

  it("hang holds getUpdates without an answer; with ms it answers late", async () => {
    server.inject("getUpdates", { kind: "hang" }, { times: 1 });
    const controller = new AbortController();
    const hung = bot.api.getUpdates({ timeout: 0 }, controller.signal as never);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await expect(hung).rejects.toBeInstanceOf(HttpError);
    server.inject("getUpdates", { kind: "hang", ms: 300 }, { times: 1 });
    const started = Date.now();
    expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("an outage refuses connections, ends the pending long poll, and the server comes back", async () => {
    const poll = bot.api.getUpdates({ timeout: 10 });
    await server.waitForCall("getUpdates");
    const outage = server.outage(400, { mode: "refuse" });
    await expect(poll).rejects.toBeInstanceOf(HttpError);
    expect(server.down).toBe(true);
    await expect(bot.api.getMe()).rejects.toMatchObject({
      error: expect.objectContaining({ code: "ECONNREFUSED" }),
    });
    await outage;
    expect((await bot.api.getMe()).id).toBe(server.botInfo.id);
  });

  it("a reset outage accepts connections and closes them", async () => {
    const outage = server.outage(300, { mode: "reset" });
    await expect(bot.api.getMe()).rejects.toBeInstanceOf(HttpError);
    await outage;
    expect((await bot.api.getMe()).id).toBe(server.botInfo.id);
  });
});
