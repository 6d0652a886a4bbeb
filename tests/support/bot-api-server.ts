/**
 * A Telegram Bot API test server on 127.0.0.1 (node:http, random port) for end-to-end tests
 * of the real grammY bot: `new Bot(token, { client: { apiRoot: server.apiRoot } })`.
 *
 * Why our own: telegram-test-api answers getUpdates at once, lacks sendPhoto/sendDocument/
 * answerInlineQuery/setMyCommands and cannot inject faults. This server behaves like Telegram
 * where tests depend on it and records every bot call for assertions.
 *
 * ## Start and stop
 *   const server = await BotApiServer.start({ token?, bot?: { username, … } });
 *   server.apiRoot            // "http://127.0.0.1:PORT" — give it to grammY as client.apiRoot
 *   server.token, server.botInfo
 *   await server.stop()       // ends pending long polls and closes every connection
 *
 * ## Methods served (POST or GET /bot<token>/<method>; JSON, urlencoded, query or multipart)
 * getMe, getUpdates, deleteWebhook, logOut/close (true), sendMessage, editMessageText,
 * editMessageReplyMarkup, deleteMessage, answerCallbackQuery, sendChatAction, setMyCommands,
 * getMyCommands, deleteMyCommands (all with `scope` + `language_code`), sendPhoto,
 * sendDocument, getFile, answerInlineQuery. A file is downloaded with
 * GET /file/bot<token>/<file_path>. Any other method: 404 `Not Found` (as Telegram).
 * A wrong token: 401 `Unauthorized`. Errors are `{ok:false, error_code, description}`.
 *
 * getUpdates is like Telegram's: `offset` confirms (forgets) every update with a smaller id;
 * it returns updates with id ≥ offset (a negative offset counts from the end), at most `limit`
 * (1–100, default 100), of the `allowed_updates` types (the list is remembered between calls,
 * as Telegram does); with none it waits up to `timeout` seconds (long polling) and answers as
 * soon as one arrives. A second getUpdates while one waits ends the first with 409 Conflict.
 *
 * Validation as Telegram does: sendMessage/editMessageText with empty text (400 "message text
 * is empty") or more than 4096 characters after entity parsing (400 "message is too long"),
 * captions over 1024 (400 "message caption is too long"), a chat never seen (400 "chat not
 * found"), edits of unknown messages (400 "message to edit not found") or to the same content
 * (400 "message is not modified"), answers to unknown or already answered callback/inline
 * queries (400 "query is too old…"). `parse_mode: "HTML"` text is stored as Telegram shows it:
 * tags removed, entities decoded (the HTML as sent stays in the recorded call's params); text
 * sent with `entities` is stored with them (an edit replaces them).
 *
 * ## A user's side (each returns what it injected; the bot receives it on its next poll)
 *   const ana = server.user({ id: 1001, first_name: "Ana" });  // private chat id = user id
 *   const group = server.group(-1002, "Office");               // a group chat
 *   server.sendText(ana, "铁东区2023年GDP", { chat?, replyTo? }) → Message
 *   server.sendCommand(ana, "/chart 铁东区GDP", { chat? })      → Message with a bot_command entity
 *   server.pressButton(ana, botMessage, "callback data")      → CallbackQuery (throws if the
 *                                                                message has no such button)
 *   server.inlineQuery(ana, "铁东区2023年GDP", { chatType? })  → InlineQuery
 *   server.chooseInlineResult(ana, resultId, query)           → ChosenInlineResult
 *   server.sendDocument(ana, { bytes, filename, mimeType?, caption? }) → Message (file served)
 *   server.pushUpdate({ message: … })                          → any update, id assigned
 *
 * ## Recorded bot calls
 *   server.calls                        every call: { method, params, files, status, ok, result, fault, at }
 *   server.callsTo("sendPhoto")         calls of one method (faulted ones included; filter on `ok`)
 *   await server.waitForCall("sendPhoto", { where?, after?: index, timeoutMs? }) → first match
 *   server.mark()                       the current number of calls, for `after`
 *   server.messages(chatId)             the bot's messages in a chat as they stand (after edits)
 *   server.commands(scope?, lang?)      the setMyCommands list for a scope
 *   server.inlineAnswers(queryId?)      answerInlineQuery calls
 * An upload is `{ field, filename, mimeType, bytes }` in `call.files[param]` (e.g. files.photo),
 * attach:// references resolved.
 *
 * ## Fault injection (per method or "*", first match wins, `times` default unlimited)
 *   const f = server.inject("sendMessage", { kind: "status", status: 500 }, { times: 1 });
 *   kinds: { kind: "status", status, description? }  JSON error with that code
 *          { kind: "bad-gateway" }                   502 with an HTML body (as nginx sends)
 *          { kind: "retry-after", seconds }          429 with parameters.retry_after
 *          { kind: "drop" }                          the connection is destroyed, no answer
 *          { kind: "hang", ms? }                     no answer for ms (default: until the client
 *                                                    gives up or the server stops), then served
 *   f.remove(); f.served (how many times it fired); server.clearFaults()
 *   await server.outage(ms, { mode: "refuse" | "reset" })  the whole server is down for ms:
 *          "refuse" stops listening (ECONNREFUSED), "reset" accepts and destroys every
 *          connection; both end open connections (pending long polls) at the start.
 *          Resolves when the outage is over; `server.down` is true meanwhile.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type {
  CallbackQuery,
  Chat,
  ChosenInlineResult,
  InlineQuery,
  Message,
  Update,
  User,
  UserFromGetMe,
} from "grammy/types";
import { readRequestParams, type UploadedFile } from "./bot-api-request.js";

export type { UploadedFile } from "./bot-api-request.js";

/** One injected failure. */
export type Fault =
  | { kind: "status"; status: number; description?: string }
  | { kind: "bad-gateway" }
  | { kind: "retry-after"; seconds: number }
  | { kind: "drop" }
  | { kind: "hang"; ms?: number };

/** A bot call as the server saw it. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** Uploaded files by the parameter that references them (`photo`, `document`, …). */
  files: Record<string, UploadedFile>;
  /** HTTP status sent (0 when the connection was dropped or never answered). */
  status: number;
  ok: boolean;
  result?: unknown;
  description?: string;
  fault?: Fault;
  at: number;
}

/** A fault registration returned by {@link BotApiServer.inject}. */
export interface FaultHandle {
  readonly method: string;
  readonly fault: Fault;
  /** How many calls it has failed so far. */
  readonly served: number;
  remove(): void;
}

/** A stored file (uploaded by the bot, or sent by a user). */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/** Options of {@link BotApiServer.start}. */
export interface BotApiServerOptions {
  /** Default `123456:TEST…`; any token grammY accepts. */
  token?: string;
  /** Fields of the bot's getMe answer (id, username, supports_inline_queries, …). */
  bot?: Partial<UserFromGetMe>;
}

/** A method handler: returns the result or throws an {@link ApiError}. */
type Handler = (params: Record<string, unknown>, files: Record<string, UploadedFile>) => unknown;

/** A Bot API error reply; thrown inside handlers. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
    this.name = "ApiError";
  }
}

const bad = (what: string) => new ApiError(400, `Bad Request: ${what}`);
const now = () => Math.floor(Date.now() / 1000);

/** Text as Telegram shows a `parse_mode: "HTML"` message: tags removed, entities decoded. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

interface Waiter {
  res: ServerResponse;
  params: Record<string, unknown>;
  timer: NodeJS.Timeout;
  call: RecordedCall;
}

/** The Bot API test server. Create with {@link BotApiServer.start}. */
export class BotApiServer {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly calls: RecordedCall[] = [];
  /** True during {@link outage}. */
  down = false;

  private readonly http: Server;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private readonly queue: Update[] = [];
  private nextUpdateId = 1;
  private allowedUpdates: string[] | null = null;
  private waiter: Waiter | null = null;
  private readonly chats = new Map<number, Chat>();
  private readonly botMessages = new Map<number, Message[]>();
  private readonly messageIds = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly openQueries = new Map<string, "callback" | "inline">();
  private readonly commandLists = new Map<string, unknown[]>();
  private faults: Array<{ method: string; fault: Fault; times: number; served: number }> = [];
  private readonly callWaiters = new Set<() => void>();
  private readonly handlers: Record<string, Handler>;
  private nextQueryId = 1;
  private nextFileId = 1;

  private constructor(options: BotApiServerOptions) {
    this.token = options.token ?? "123456:TEST-bot-api-server-token_abcdefghij";
    const id = Number(this.token.split(":")[0]) || 123456;
    this.botInfo = {
      id,
      is_bot: true,
      first_name: "Test Bot",
      username: "test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
      ...options.bot,
    } as UserFromGetMe;
    this.handlers = this.makeHandlers();
    this.http = createServer((req, res) => void this.serve(req, res));
    this.http.on("connection", (socket) => {
      if (this.down) return void socket.destroy();
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  /** Starts a server on 127.0.0.1 with a port the OS picks. */
  static async start(options: BotApiServerOptions = {}): Promise<BotApiServer> {
    const server = new BotApiServer(options);
    server.http.listen(0, "127.0.0.1");
    await once(server.http, "listening");
    const address = server.http.address();
    server.port = typeof address === "object" && address ? address.port : 0;
    return server;
  }

  /** `http://127.0.0.1:PORT`, for grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Ends pending long polls and closes every connection. */
  async stop(): Promise<void> {
    this.endWaiter();
    for (const socket of this.sockets) socket.destroy();
    if (this.http.listening) await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- the user's side -----------------------------------------------------------------------

  /** A user (not a bot); the private chat with the bot has the user's id. */
  user(fields: Partial<User> & { id: number }): User {
    const user: User = { is_bot: false, first_name: `User${fields.id}`, ...fields };
    this.chats.set(user.id, { id: user.id, type: "private", first_name: user.first_name });
    return user;
  }

  /** A group (negative id) or supergroup (`-100…`) the bot is in. */
  group(id: number, title = `Group ${id}`): Chat {
    const chat = (
      String(id).startsWith("-100") ? { id, type: "supergroup", title } : { id, type: "group", title }
    ) as Chat;
    this.chats.set(id, chat);
    return chat;
  }

  /** Queues any update; the id is assigned here. */
  pushUpdate(update: Omit<Update, "update_id">): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    this.queue.push(full);
    this.flushWaiter();
    return full;
  }

  /** A user's text message (no entities). */
  sendText(from: User, text: string, options: { chat?: Chat; replyTo?: Message } = {}): Message {
    return this.userMessage(from, options.chat, {
      text,
      ...(options.replyTo ? { reply_to_message: options.replyTo as Message["reply_to_message"] } : {}),
    });
  }

  /** A user's command, with the bot_command entity Telegram clients add (`/chart@bot args`). */
  sendCommand(from: User, text: string, options: { chat?: Chat } = {}): Message {
    const length = /^\/\S+/.exec(text)?.[0].length;
    if (!length) throw new Error(`not a command: ${text}`);
    return this.userMessage(from, options.chat, {
      text,
      entities: [{ type: "bot_command", offset: 0, length }],
    });
  }

  /** A user's document message; the file is served by getFile and /file/bot…/path. */
  sendDocument(
    from: User,
    file: { bytes: Uint8Array; filename: string; mimeType?: string; caption?: string },
    options: { chat?: Chat } = {},
  ): Message {
    const stored = this.storeFile("documents", file.filename, file.mimeType, Buffer.from(file.bytes));
    return this.userMessage(from, options.chat, {
      document: {
        file_id: stored.fileId,
        file_unique_id: stored.fileUniqueId,
        file_name: stored.filename,
        mime_type: stored.mimeType,
        file_size: stored.bytes.length,
      },
      ...(file.caption !== undefined ? { caption: file.caption } : {}),
    });
  }

  /** A press on an inline button of a bot message; throws when the message has no such button. */
  pressButton(from: User, message: Message, data: string): CallbackQuery {
    const current = this.findMessage(message.chat.id, message.message_id);
    if (!current) throw new Error(`no bot message ${message.message_id} in chat ${message.chat.id}`);
    const buttons = (current.reply_markup?.inline_keyboard ?? []).flat();
    if (!buttons.some((b) => "callback_data" in b && b.callback_data === data))
      throw new Error(`message ${message.message_id} has no button with data ${JSON.stringify(data)}`);
    const query: CallbackQuery = {
      id: String(this.nextQueryId++),
      from,
      message: current,
      chat_instance: String(message.chat.id),
      data,
    };
    this.openQueries.set(query.id, "callback");
    this.pushUpdate({ callback_query: query });
    return query;
  }

  /** An inline query (`@bot …` typed in any chat). */
  inlineQuery(
    from: User,
    query: string,
    options: { chatType?: InlineQuery["chat_type"]; offset?: string } = {},
  ) {
    const inline: InlineQuery = {
      id: String(this.nextQueryId++),
      from,
      query,
      offset: options.offset ?? "",
      chat_type: options.chatType ?? "sender",
    };
    this.openQueries.set(inline.id, "inline");
    this.pushUpdate({ inline_query: inline });
    return inline;
  }

  /** The user picked an inline result (sent only to bots with inline feedback on). */
  chooseInlineResult(from: User, resultId: string, query: string): ChosenInlineResult {
    const chosen: ChosenInlineResult = { result_id: resultId, from, query };
    this.pushUpdate({ chosen_inline_result: chosen });
    return chosen;
  }

  // ---- what the bot did ----------------------------------------------------------------------

  /** Calls of one method, oldest first (faulted ones included). */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The number of calls so far; pass it as `after` to wait only for later calls. */
  mark(): number {
    return this.calls.length;
  }

  /** Resolves with the first call of `method` (at index ≥ `after`) that passes `where`. */
  async waitForCall(
    method: string,
    options: { where?: (call: RecordedCall) => boolean; after?: number; timeoutMs?: number } = {},
  ): Promise<RecordedCall> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const find = () =>
      this.calls.slice(options.after ?? 0).find((c) => c.method === method && (options.where?.(c) ?? true));
    const found = find();
    if (found) return found;
    return new Promise((resolve, reject) => {
      const check = () => {
        const call = find();
        if (!call) return;
        cleanup();
        resolve(call);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.calls.map((c) => c.method).join(", ");
        reject(new Error(`no ${method} call within ${timeoutMs} ms; calls: ${seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.callWaiters.delete(check);
      };
      this.callWaiters.add(check);
    });
  }

  /** The bot's messages in a chat, as they stand after edits and deletions. */
  messages(chatId: number): Message[] {
    return [...(this.botMessages.get(chatId) ?? [])];
  }

  /** The command list set for a scope (default scope when omitted) and language. */
  commands(scope: Record<string, unknown> = { type: "default" }, languageCode = ""): unknown[] | undefined {
    return this.commandLists.get(scopeKey(scope, languageCode));
  }

  /** answerInlineQuery calls (successful ones), optionally for one query. */
  inlineAnswers(queryId?: string): RecordedCall[] {
    return this.callsTo("answerInlineQuery").filter(
      (c) => c.ok && (queryId === undefined || String(c.params.inline_query_id) === queryId),
    );
  }

  /** A stored file by id. */
  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  // ---- faults --------------------------------------------------------------------------------

  /** Fails calls of `method` ("*" for all) with `fault`, `times` times (default: until removed). */
  inject(method: string, fault: Fault, options: { times?: number } = {}): FaultHandle {
    const entry = { method, fault, times: options.times ?? Infinity, served: 0 };
    this.faults.push(entry);
    return {
      method,
      fault,
      get served() {
        return entry.served;
      },
      remove: () => {
        this.faults = this.faults.filter((f) => f !== entry);
      },
    };
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    this.faults = [];
  }

  /** The whole server is down for `ms` (see the file header); resolves when it is back. */
  async outage(ms: number, options: { mode?: "refuse" | "reset" } = {}): Promise<void> {
    this.down = true;
    this.endWaiter(true);
    for (const socket of this.sockets) socket.destroy();
    const refuse = (options.mode ?? "refuse") === "refuse";
    if (refuse) await new Promise<void>((resolve) => this.http.close(() => resolve()));
    await new Promise((r) => setTimeout(r, ms));
    if (refuse) {
      this.http.listen(this.port, "127.0.0.1");
      await once(this.http, "listening");
    }
    this.down = false;
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) return this.serveFile(res, fileMatch[1]!, decodeURIComponent(fileMatch[2]!));
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const method = match[2]!;
    let params: Record<string, unknown>;
    let files: Record<string, UploadedFile>;
    try {
      ({ params, files } = await readRequestParams(req, url));
    } catch (err) {
      return sendJson(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${String(err)}` });
    }
    const call: RecordedCall = { method, params, files, status: 0, ok: false, at: Date.now() };
    this.record(call);
    if (match[1] !== this.token) return this.reply(res, call, new ApiError(401, "Unauthorized"));

    const fault = this.takeFault(method);
    if (fault) {
      call.fault = fault;
      if (fault.kind === "drop") return void req.socket.destroy();
      if (fault.kind === "hang") {
        if (fault.ms === undefined) return; // until the client gives up or the server stops
        await new Promise((r) => setTimeout(r, fault.ms));
        if (res.destroyed) return;
      } else return this.replyFault(res, call, fault);
    }

    const lowered = method.toLowerCase();
    if (lowered === "getupdates") return this.getUpdates(res, call);
    const handler = Object.entries(this.handlers).find(([name]) => name.toLowerCase() === lowered)?.[1];
    if (!handler) return this.reply(res, call, new ApiError(404, "Not Found"));
    try {
      this.reply(res, call, undefined, handler(params, files));
    } catch (err) {
      if (err instanceof ApiError) this.reply(res, call, err);
      else this.reply(res, call, new ApiError(500, `Internal Server Error: ${String(err)}`));
    }
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.notify();
  }

  /** Re-runs the waiters' checks: after a call arrives and again once it has been answered. */
  private notify(): void {
    for (const check of [...this.callWaiters]) check();
  }

  private takeFault(method: string): Fault | undefined {
    const entry = this.faults.find(
      (f) => (f.method === "*" || f.method.toLowerCase() === method.toLowerCase()) && f.served < f.times,
    );
    if (!entry) return undefined;
    entry.served++;
    return entry.fault;
  }

  private replyFault(res: ServerResponse, call: RecordedCall, fault: Fault): void {
    if (fault.kind === "bad-gateway") {
      call.status = 502;
      call.description = "Bad Gateway";
      queueMicrotask(() => this.notify());
      res.writeHead(502, { "content-type": "text/html" });
      res.end(
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n",
      );
      return;
    }
    if (fault.kind === "retry-after") {
      const error = new ApiError(429, `Too Many Requests: retry after ${fault.seconds}`, {
        retry_after: fault.seconds,
      });
      return this.reply(res, call, error);
    }
    if (fault.kind === "status")
      return this.reply(
        res,
        call,
        new ApiError(fault.status, fault.description ?? defaultDescription(fault.status)),
      );
  }

  private reply(res: ServerResponse, call: RecordedCall, error?: ApiError, result?: unknown): void {
    if (res.destroyed) return;
    if (error) {
      call.status = error.code;
      call.description = error.description;
      const body: Record<string, unknown> = {
        ok: false,
        error_code: error.code,
        description: error.description,
      };
      if (error.parameters) body.parameters = error.parameters;
      sendJson(res, error.code, body);
      return this.notify();
    }
    call.status = 200;
    call.ok = true;
    call.result = result;
    sendJson(res, 200, { ok: true, result });
    this.notify();
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    if (token !== this.token)
      return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const file = [...this.files.values()].find((f) => f.filePath === path);
    if (!file) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.length });
    res.end(file.bytes);
  }

  // ---- getUpdates ----------------------------------------------------------------------------

  private getUpdates(res: ServerResponse, call: RecordedCall): void {
    const params = call.params;
    if (params.allowed_updates !== undefined) {
      const list = parseJsonParam(params.allowed_updates);
      this.allowedUpdates = Array.isArray(list) && list.length > 0 ? list.map(String) : null;
    }
    const offset = params.offset === undefined ? 0 : Number(params.offset);
    if (offset > 0) this.dropBelow(offset);
    else if (offset < 0) this.dropBelow(this.nextUpdateId + offset);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100) || 100));
    const timeout = Math.max(0, Number(params.timeout ?? 0) || 0);
    this.dropDisallowed();
    // A newer getUpdates terminates the one waiting, as Telegram does.
    if (this.waiter) {
      const old = this.waiter;
      this.waiter = null;
      clearTimeout(old.timer);
      this.reply(
        old.res,
        old.call,
        new ApiError(
          409,
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      );
    }
    if (this.queue.length > 0 || timeout === 0)
      return this.reply(res, call, undefined, this.queue.slice(0, limit));
    const waiter: Waiter = {
      res,
      params: { ...params, limit },
      call,
      timer: setTimeout(() => this.flushWaiter(true), timeout * 1000),
    };
    this.waiter = waiter;
    res.on("close", () => {
      if (this.waiter === waiter) {
        clearTimeout(waiter.timer);
        this.waiter = null;
      }
    });
  }

  /** Forgets (confirms) updates with an id below `id`. */
  private dropBelow(id: number): void {
    while (this.queue.length > 0 && this.queue[0]!.update_id < id) this.queue.shift();
  }

  /** Telegram never delivers update types outside allowed_updates. */
  private dropDisallowed(): void {
    const allowed = this.allowedUpdates;
    if (!allowed) return;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const kind = Object.keys(this.queue[i]!).find((k) => k !== "update_id")!;
      if (!allowed.includes(kind)) this.queue.splice(i, 1);
    }
  }

  /** Answers the waiting long poll when updates are there (or always, on timeout). */
  private flushWaiter(timedOut = false): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.dropDisallowed();
    if (this.queue.length === 0 && !timedOut) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    this.reply(waiter.res, waiter.call, undefined, this.queue.slice(0, Number(waiter.params.limit)));
  }

  /** Ends the waiting long poll: with an empty answer, or by destroying its connection. */
  private endWaiter(destroy = false): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    if (destroy) waiter.res.socket?.destroy();
    else this.reply(waiter.res, waiter.call, undefined, []);
  }

  // ---- messages and files --------------------------------------------------------------------

  private userMessage(from: User, chat: Chat | undefined, content: Partial<Message>): Message {
    const target: Chat = chat ??
      this.chats.get(from.id) ?? { id: from.id, type: "private", first_name: from.first_name };
    this.chats.set(target.id, target);
    const message = {
      message_id: this.nextMessageId(target.id),
      date: now(),
      chat: target,
      from,
      ...content,
    } as Message;
    this.pushUpdate({ message } as Omit<Update, "update_id">);
    return message;
  }

  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private chatOf(params: Record<string, unknown>): Chat {
    const raw = params.chat_id;
    const id = typeof raw === "string" && !/^-?\d+$/.test(raw) ? NaN : Number(raw);
    const chat = this.chats.get(id);
    if (!chat) throw bad("chat not found");
    return chat;
  }

  private findMessage(chatId: number, messageId: number): Message | undefined {
    return this.botMessages.get(chatId)?.find((m) => m.message_id === messageId);
  }

  /** Stores a bot message built from the common send parameters. */
  private storeBotMessage(params: Record<string, unknown>, content: Partial<Message>): Message {
    const chat = this.chatOf(params);
    const markup = parseJsonParam(params.reply_markup) as Message["reply_markup"] | undefined;
    const replyTo = parseJsonParam(params.reply_parameters) as { message_id?: number } | undefined;
    const message = {
      message_id: this.nextMessageId(chat.id),
      date: now(),
      chat,
      from: this.botInfo,
      ...content,
      ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
      ...(replyTo?.message_id
        ? { reply_to_message: { message_id: replyTo.message_id, chat, date: now() } }
        : {}),
    } as Message;
    const list = this.botMessages.get(chat.id) ?? [];
    list.push(message);
    this.botMessages.set(chat.id, list);
    return message;
  }

  private storeFile(
    folder: string,
    filename: string,
    mimeType: string | undefined,
    bytes: Buffer,
  ): StoredFile {
    const n = this.nextFileId++;
    const extension = /\.[A-Za-z0-9]+$/.exec(filename)?.[0] ?? "";
    const file: StoredFile = {
      fileId: `FILE${n}_${folder}`,
      fileUniqueId: `U${n}`,
      filePath: `${folder}/file_${n}${extension}`,
      filename,
      mimeType: mimeType || "application/octet-stream",
      bytes,
    };
    this.files.set(file.fileId, file);
    return file;
  }

  /** The upload for `field`, or a stored file named by file_id; 400 when neither. */
  private inputFile(
    params: Record<string, unknown>,
    files: Record<string, UploadedFile>,
    field: string,
    folder: string,
  ): StoredFile {
    const upload = files[field];
    if (upload) return this.storeFile(folder, upload.filename, upload.mimeType, upload.bytes);
    const byId = typeof params[field] === "string" ? this.files.get(params[field]) : undefined;
    if (byId) return byId;
    throw bad(`there is no ${field} in the request`);
  }

  private caption(params: Record<string, unknown>): Partial<Message> {
    if (params.caption === undefined) return {};
    const caption = textAsShown(String(params.caption), params.parse_mode);
    if (caption.length > 1024) throw bad("message caption is too long");
    return { caption };
  }

  private makeHandlers(): Record<string, Handler> {
    const trueResult = () => true;
    return {
      getMe: () => this.botInfo,
      deleteWebhook: trueResult,
      logOut: trueResult,
      close: trueResult,
      sendChatAction: (p) => (this.chatOf(p), true),
      sendMessage: (p) => this.storeBotMessage(p, { text: messageText(p), ...messageEntities(p) }),
      editMessageText: (p) =>
        this.edit(p, (m) => ({ ...withoutEntities(m), text: messageText(p), ...messageEntities(p) })),
      editMessageReplyMarkup: (p) => this.edit(p, (m) => m),
      deleteMessage: (p) => {
        const chat = this.chatOf(p);
        const list = this.botMessages.get(chat.id) ?? [];
        const index = list.findIndex((m) => m.message_id === Number(p.message_id));
        if (index < 0) throw bad("message to delete not found");
        list.splice(index, 1);
        return true;
      },
      answerCallbackQuery: (p) => this.closeQuery(String(p.callback_query_id), "callback"),
      answerInlineQuery: (p) => {
        if (!Array.isArray(parseJsonParam(p.results))) throw bad("results must be an array");
        return this.closeQuery(String(p.inline_query_id), "inline");
      },
      setMyCommands: (p) => {
        const commands = parseJsonParam(p.commands);
        if (!Array.isArray(commands)) throw bad("commands must be an array");
        for (const c of commands as Array<{ command?: unknown; description?: unknown }>) {
          if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command))
            throw bad("BOT_COMMAND_INVALID");
          if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256)
            throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        this.commandLists.set(scopeKey(parseJsonParam(p.scope), p.language_code), commands);
        return true;
      },
      getMyCommands: (p) => this.commandLists.get(scopeKey(parseJsonParam(p.scope), p.language_code)) ?? [],
      deleteMyCommands: (p) => (
        this.commandLists.delete(scopeKey(parseJsonParam(p.scope), p.language_code)),
        true
      ),
      sendPhoto: (p, f) => {
        const chat = this.chatOf(p);
        const file = this.inputFile(p, f, "photo", "photos");
        const size = pngSize(file.bytes) ?? { width: 0, height: 0 };
        this.chats.set(chat.id, chat);
        const photo = [
          { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, ...size },
        ];
        return this.storeBotMessage(p, { photo, ...this.caption(p) });
      },
      sendDocument: (p, f) => {
        this.chatOf(p);
        const file = this.inputFile(p, f, "document", "documents");
        const document = {
          file_id: file.fileId,
          file_unique_id: file.fileUniqueId,
          file_name: file.filename,
          mime_type: file.mimeType,
          file_size: file.bytes.length,
        };
        return this.storeBotMessage(p, { document, ...this.caption(p) });
      },
      getFile: (p) => {
        const file = this.files.get(String(p.file_id));
        if (!file) throw bad("invalid file_id");
        return {
          file_id: file.fileId,
          file_unique_id: file.fileUniqueId,
          file_size: file.bytes.length,
          file_path: file.filePath,
        };
      },
    };
  }

  private edit(params: Record<string, unknown>, change: (m: Message) => Message): Message {
    const chat = this.chatOf(params);
    const list = this.botMessages.get(chat.id) ?? [];
    const index = list.findIndex((m) => m.message_id === Number(params.message_id));
    if (index < 0) throw bad("message to edit not found");
    const old = list[index]!;
    const markup = parseJsonParam(params.reply_markup) as Message["reply_markup"] | undefined;
    const next = { ...change(old), edit_date: now() } as Message;
    if (markup) next.reply_markup = markup;
    else delete next.reply_markup;
    if (JSON.stringify({ ...next, edit_date: 0 }) === JSON.stringify({ ...old, edit_date: 0 }))
      throw bad(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    list[index] = next;
    return next;
  }

  private closeQuery(id: string, kind: "callback" | "inline"): true {
    if (this.openQueries.get(id) !== kind)
      throw bad("query is too old and response timeout expired or query ID is invalid");
    this.openQueries.delete(id);
    return true;
  }
}

function scopeKey(scope: unknown, languageCode: unknown): string {
  const s = (scope && typeof scope === "object" ? scope : { type: "default" }) as Record<string, unknown>;
  const ordered = Object.keys(s)
    .sort()
    .map((k) => `${k}=${String(s[k])}`);
  return `${ordered.join("&")}|${typeof languageCode === "string" ? languageCode : ""}`;
}

/** JSON-valued parameters arrive as objects (JSON body) or as strings (multipart, urlencoded). */
function parseJsonParam(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function textAsShown(text: string, parseMode: unknown): string {
  return parseMode === "HTML" ? htmlToPlain(text) : text;
}

function messageText(params: Record<string, unknown>): string {
  const text = textAsShown(String(params.text ?? ""), params.parse_mode);
  if (text.trim() === "") throw bad("message text is empty");
  if (text.length > 4096) throw bad("message is too long");
  return text;
}

/** The `entities` of a sent or edited text (formatting without a parse mode), when given. */
function messageEntities(params: Record<string, unknown>): Partial<Message> {
  const entities = parseJsonParam(params.entities);
  return Array.isArray(entities) && entities.length > 0 ? { entities: entities as Message["entities"] } : {};
}

function withoutEntities(message: Message): Message {
  const copy = { ...message };
  delete copy.entities;
  return copy;
}

function defaultDescription(status: number): string {
  return status === 500 ? "Internal Server Error" : status === 502 ? "Bad Gateway" : `Error ${status}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
