/**
 * Inline mode: `@bot 铁东区2023年GDP` typed in any chat returns answer cards (one per published
 * figure: the figure, its growth, the document); choosing one posts the answer with its cited
 * source sentence. Titles and descriptions are cut only where no figure, citation marker or
 * title is split. An answer too long to post whole (a task list) becomes a short card — its
 * first line and how much more there is — with a button that opens the full answer in a chat
 * with the bot (`t.me/<bot>?start=q<key>`, answered by create-bot.ts's /start).
 *
 * The allow-list applies by the user's id (access.ts). Answers are cached briefly per query
 * text, and Telegram is told to cache them per user for the same time.
 */
import { Composer, type Context } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { AnswerService } from "../answer/answer-service.js";
import type { Answer, Citation, Fact } from "../types.js";
import { answerText, bookTitle } from "./format-answer.js";
import type { Logger } from "./log.js";
import { bold, italic, lines, type FormattedString } from "./rich-text.js";
import { cutSafely } from "./split-message.js";

/** How long an inline answer is reused, by us and by Telegram (seconds). */
export const INLINE_CACHE_SECONDS = 60;
/** At most this many cards per query. */
export const MAX_INLINE_CARDS = 5;
/** A posted answer longer than this becomes a short card. */
export const SHORT_CARD_LIMIT = 1200;
const TITLE_WIDTH = 64;
const MAX_CACHED_QUERIES = 500;

/** The text a chosen card posts: the answer as the bot writes it, plus the quoted source. */
export function cardText(answer: Answer, citation: Citation | undefined): FormattedString {
  const full = answerText(answer);
  const quote = citation ? lines(["", bold("原文"), `“${citation.quote}”`]) : null;
  return quote ? lines([full, quote]) : full;
}

/** The short card of a long answer: its first line, cut safely, and what the button opens. */
export function shortCardText(answer: Answer): FormattedString {
  const first = answer.text.split("\n")[0] ?? "";
  const more = answer.list?.items.length ?? answer.text.split("\n").length - 1;
  return lines([
    cutSafely(first.replace(/\[\d+\]/gu, ""), 300),
    italic(`完整回答共${more}条，点下方按钮查看。`),
  ]);
}

/** `铁东区2023年地区生产总值：314.6亿元`. */
function factTitle(fact: Fact): string {
  return cutSafely(
    `${fact.region}${fact.period}${fact.indicator}：${fact.value ?? fact.growth ?? ""}`,
    TITLE_WIDTH,
  );
}

/** Options of {@link inlineCards}. */
export interface CardOptions {
  /** Result ids start with this (unique per query). */
  key: string;
  /** The bot's username, for the button that opens a long answer in the bot. */
  botUsername: string;
}

/** The cards of an answer: one per published figure, or one for an answer without figures. */
export function inlineCards(answer: Answer, options: CardOptions): InlineQueryResultArticle[] {
  if (answer.status !== "answered") return [];
  const cite = (id: number | null) => answer.citations.find((c) => c.id === id);
  const facts = answer.facts.filter((f) => !f.computed).slice(0, MAX_INLINE_CARDS);
  const card = (id: string, title: string, description: string, citation: Citation | undefined) => {
    const text = cardText(answer, citation);
    const short = text.text.length > SHORT_CARD_LIMIT;
    const posted = short ? shortCardText(answer) : text;
    return {
      type: "article" as const,
      id,
      title,
      description,
      input_message_content: {
        message_text: posted.text,
        ...(posted.entities.length > 0 ? { entities: posted.entities } : {}),
        link_preview_options: { is_disabled: true },
      },
      ...(short
        ? {
            reply_markup: {
              inline_keyboard: [
                [{ text: "查看完整回答", url: `https://t.me/${options.botUsername}?start=q${options.key}` }],
              ],
            },
          }
        : {}),
    };
  };
  if (facts.length === 0) {
    const first = answer.citations[0];
    const title = cutSafely((answer.text.split("\n")[0] ?? "").replace(/\[\d+\]/gu, ""), TITLE_WIDTH);
    return [card(`${options.key}:0`, title, first ? cutSafely(bookTitle(first.title), 80) : "", first)];
  }
  return facts.map((f, i) => {
    const citation = cite(f.citation);
    const description = [f.value && f.growth ? f.growth : null, citation ? bookTitle(citation.title) : null]
      .filter((s) => s)
      .join(" · ");
    return card(`${options.key}:${i}`, factTitle(f), cutSafely(description, 100), citation);
  });
}

/** Options of {@link inlineFeature}. */
export interface InlineFeatureOptions {
  service: AnswerService;
  logger: Logger;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** The inline feature: its middleware, and the question behind a card's key (for /start). */
export interface InlineFeature {
  composer: Composer<Context>;
  /** The question a card was made for, by the key in its `start` link; undefined when forgotten. */
  questionOf(key: string): string | undefined;
}

/** Answers inline queries. Install after the allow-list. */
export function inlineFeature(options: InlineFeatureOptions): InlineFeature {
  const { service, logger } = options;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; answer: Answer }>();
  const questions = new Map<string, string>();
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
    const key = (counter++ % 1e6).toString(36);
    questions.set(key, query);
    if (questions.size > MAX_CACHED_QUERIES) questions.delete(questions.keys().next().value!);
    const cards = inlineCards(entry.answer, { key, botUsername: ctx.me.username });
    logger.info("inline answered", {
      userId: ctx.inlineQuery.from.id,
      status: entry.answer.status,
      cards: cards.length,
    });
    await ctx.answerInlineQuery(cards, { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
  });
  return { composer, questionOf: (key) => questions.get(key) };
}
