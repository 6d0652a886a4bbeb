/**
 * Inline mode: `@bot 铁东区2023年GDP` typed in any chat returns answer cards (one per published
 * figure: the figure, its growth, the document); choosing one posts the answer with its
 * citation. The allow-list applies by the user's id (access.ts). Answers are cached briefly per
 * query text, and Telegram is told to cache them per user for the same time.
 */
import { Composer, type Context } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import type { Answer, Citation, Fact } from "../types.js";
import { bookTitle, formatAnswer } from "./format-answer.js";
import type { Logger } from "./log.js";
import { escapeHtml } from "./rich-text.js";
import { TELEGRAM_TEXT_LIMIT } from "./split-message.js";

/** How long an inline answer is reused, by us and by Telegram (seconds). */
export const INLINE_CACHE_SECONDS = 60;
/** At most this many cards per query. */
export const MAX_INLINE_CARDS = 5;
const MAX_CACHED_QUERIES = 500;

/** The message a chosen card posts: the answer as the bot writes it, plus the quoted source. */
export function cardMessage(answer: Answer, citation: Citation | undefined): string {
  const quote = citation ? `\n\n<b>原文</b> “${escapeHtml(citation.quote)}”` : "";
  const html = `${formatAnswer(answer).html}${quote}`;
  return html.length <= TELEGRAM_TEXT_LIMIT ? html : formatAnswer(answer).html.slice(0, TELEGRAM_TEXT_LIMIT);
}

function factTitle(fact: Fact): string {
  return `${fact.region}${fact.period}${fact.indicator}：${fact.value ?? fact.growth ?? ""}`;
}

/** The cards of an answer: one per published figure, or one for an answer without figures. */
export function inlineCards(answer: Answer, key: string): InlineQueryResultArticle[] {
  if (answer.status !== "answered") return [];
  const cite = (id: number | null) => answer.citations.find((c) => c.id === id);
  const facts = answer.facts.filter((f) => !f.computed).slice(0, MAX_INLINE_CARDS);
  const card = (id: string, title: string, description: string, citation: Citation | undefined) => ({
    type: "article" as const,
    id,
    title,
    description,
    input_message_content: {
      message_text: cardMessage(answer, citation),
      parse_mode: "HTML" as const,
      link_preview_options: { is_disabled: true },
    },
  });
  if (facts.length === 0) {
    const first = answer.citations[0];
    const title = answer.text
      .split("\n")[0]!
      .replace(/\[\d+\]/g, "")
      .slice(0, 100);
    return [card(`${key}:0`, title, first ? bookTitle(first.title) : "", first)];
  }
  return facts.map((f, i) => {
    const citation = cite(f.citation);
    const description = [f.value && f.growth ? f.growth : null, citation ? bookTitle(citation.title) : null]
      .filter((s) => s)
      .join(" · ");
    return card(`${key}:${i}`, factTitle(f), description, citation);
  });
}

/** Options of {@link inlineFeature}. */
export interface InlineFeatureOptions {
  service: AnswerService;
  logger: Logger;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** Answers inline queries. Install after the allow-list. */
export function inlineFeature(options: InlineFeatureOptions): Composer<Context> {
  const { service, logger } = options;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; answer: Answer }>();
  let counter = 0;
  const composer = new Composer<Context>();
  composer.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    if (query === "") {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
      return;
    }
    let entry = cache.get(query);
    if (!entry || now() - entry.at > INLINE_CACHE_SECONDS * 1000) {
      entry = { at: now(), answer: await service.ask(query) };
      cache.delete(query);
      cache.set(query, entry);
      if (cache.size > MAX_CACHED_QUERIES) cache.delete(cache.keys().next().value!);
    }
    const cards = inlineCards(entry.answer, (counter++ % 1e6).toString(36));
    logger.info("inline answered", {
      userId: ctx.inlineQuery.from.id,
      status: entry.answer.status,
      cards: cards.length,
    });
    await ctx.answerInlineQuery(cards, { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
  });
  return composer;
}
