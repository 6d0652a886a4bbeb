/**
 * `/catalog` (目录): what the bot holds, browsable with buttons (@grammyjs/menu). The first view
 * lists places × years × kinds of documents, with one button per place and period that has
 * indicators; a button edits the message to that place and period's indicators (ten a page,
 * ◀ ▶, ↩ 目录), and an indicator's button asks its figure as if typed.
 *
 * Views (button payloads): `r` the catalogue; `h.<k>.<page>` place-period k (its index in
 * {@link placePeriods}) at a page. Indices refer to the build in service; after a reload a
 * button that no longer fits shows the catalogue again.
 */
import type { Context } from "grammy";
import type { AnswerService } from "../answer/answer-service.js";
import type { Holding } from "../answer/catalog.js";
import type { Conversation, Speaker } from "./conversation.js";
import { MENU_TEXTS, RenderableMenu, setView, viewOf } from "./menu-view.js";
import type { SendReply } from "./reply-sender.js";
import { bold, italic, lines, messageFields, type FormattedString } from "./rich-text.js";

/** Indicators per page of a place-period view. */
export const CATALOG_PAGE_SIZE = 10;

/** A place and period with the catalogued indicators published for it. */
export interface PlacePeriod {
  region: string;
  period: string;
  indicators: string[];
}

/** The places and periods that have indicators, in catalogue order. */
export function placePeriods(service: AnswerService): PlacePeriod[] {
  const seen = new Set<string>();
  const out: PlacePeriod[] = [];
  for (const h of service.holdings())
    for (const period of h.periods) {
      const key = `${h.region}|${period}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const indicators = service.indicatorsOf(h.region, period);
      if (indicators.length > 0) out.push({ region: h.region, period, indicators });
    }
  return out.sort((a, b) => a.region.localeCompare(b.region, "zh") || a.period.localeCompare(b.period, "zh"));
}

/** The catalogue's first view: per place, its documents by year and kind. */
export function catalogText(holdings: readonly Holding[]): FormattedString {
  const byRegion = new Map<string, Holding[]>();
  for (const h of holdings) byRegion.set(h.region, [...(byRegion.get(h.region) ?? []), h]);
  return lines([
    bold(`资料目录（共${holdings.length}份文件）`),
    ...[...byRegion].map(
      ([region, docs]) => `${region}：${docs.map((d) => `${d.period}${d.kind}`).join("；")}`,
    ),
    "",
    italic("点下面的按钮，查看某地某期可以查询的指标。"),
  ]);
}

/** A place-period's page of indicators. */
export function placePeriodText(p: PlacePeriod, page: number): FormattedString {
  const pages = Math.max(1, Math.ceil(p.indicators.length / CATALOG_PAGE_SIZE));
  const start = page * CATALOG_PAGE_SIZE;
  return lines([
    bold(`${p.region}${p.period}可查询的指标（共${p.indicators.length}项）`),
    ...p.indicators.slice(start, start + CATALOG_PAGE_SIZE).map((name, i) => `${start + i + 1}. ${name}`),
    "",
    italic(`${pages > 1 ? `第${page + 1}/${pages}页 · ` : ""}点指标名即可查询`),
  ]);
}

/** Options of {@link catalogFeature}. */
export interface CatalogOptions {
  service: AnswerService;
  conversation: Conversation;
  send: SendReply;
  speakerOf(ctx: Context): Speaker;
}

/** The /catalog menu and the command that opens it. */
export function catalogFeature(options: CatalogOptions): {
  menu: RenderableMenu;
  open(ctx: Context): Promise<void>;
} {
  const { service, conversation, send } = options;
  const menu = new RenderableMenu("cat", { autoAnswer: false, onMenuOutdated: MENU_TEXTS.outdated });
  const parse = (view: string) => {
    const m = /^h\.(\d{1,4})\.(\d{1,3})$/u.exec(view);
    const list = placePeriods(service);
    const p = m ? list[Number(m[1])] : undefined;
    return p
      ? { index: Number(m![1]), page: Number(m![2]), p, list }
      : { index: -1, page: 0, p: undefined, list };
  };
  const textOf = (view: string) => {
    const { p, page } = parse(view);
    return p ? placePeriodText(p, page) : catalogText(service.holdings());
  };
  const show = async (ctx: Context, view: string) => {
    setView(ctx, view);
    const fields = messageFields(textOf(view));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(fields.text, {
      ...(fields.entities ? { entities: fields.entities } : {}),
      reply_markup: menu,
    });
  };

  menu.dynamic((ctx, range) => {
    const view = viewOf(ctx) || "r";
    const { p, page, index, list } = parse(view);
    if (!p) {
      list.forEach((pp, k) => {
        if (k > 0 && k % 2 === 0) range.row();
        range.text({ text: `${pp.region} ${pp.period}`, payload: view }, (c) => show(c, `h.${k}.0`));
      });
      return range;
    }
    const start = page * CATALOG_PAGE_SIZE;
    p.indicators.slice(start, start + CATALOG_PAGE_SIZE).forEach((name, i) => {
      if (i > 0 && i % 2 === 0) range.row();
      range.text({ text: name, payload: view }, async (c) => {
        await c.answerCallbackQuery({ text: `查询${p.region}${p.period}${name}` });
        const reply = await conversation.ask(options.speakerOf(c), `${p.region}${p.period}${name}是多少`);
        await send(c, reply, { replyTo: c.callbackQuery.message?.message_id });
      });
    });
    range.row();
    if (page > 0) range.text({ text: "◀", payload: view }, (c) => show(c, `h.${index}.${page - 1}`));
    range.text({ text: "↩ 目录", payload: view }, (c) => show(c, "r"));
    if (start + CATALOG_PAGE_SIZE < p.indicators.length)
      range.text({ text: "▶", payload: view }, (c) => show(c, `h.${index}.${page + 1}`));
    return range;
  });

  return {
    menu,
    async open(ctx) {
      setView(ctx, "r");
      await send(
        ctx,
        { kind: "text", text: catalogText(service.holdings()) },
        {
          replyTo: ctx.msg?.message_id,
          keyboard: await menu.keyboard(ctx),
        },
      );
    },
  };
}
