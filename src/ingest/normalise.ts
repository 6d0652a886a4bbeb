/**
 * Normalises a decoded document for search and parsing while keeping a map back to the
 * source. Each step is one rewrite, in this order:
 *   line ends → layout markup (Markdown, comments, table cells; layout.ts) → hidden HTML content → HTML tags and entities → pinyin annotations (`區(qū)`)
 *   → traditional → simplified (traditional documents only) → stray `?` and control
 *   characters → full-width letters/digits → ASCII punctuation beside Chinese → spaces
 *   beside Chinese → running headers and hard wraps (layout.ts) → wrapped lines.
 */
import * as OpenCC from "opencc-js";
import type { OffsetRuns, Script } from "../types.js";
import { UNIT_LINE, headingMarker } from "./headings.js";
import { dropRunningHeaders, joinHardWraps, undoMarkup } from "./layout.js";
import {
  convertKeepingLength,
  identity,
  replaceSpans,
  rewrite,
  toRuns,
  type MappedText,
} from "./mapped-text.js";
import { hiddenElementSpans, scriptElementSpans, wrappedLineBreakSpans } from "./markup-scan.js";

/** The normalised text, its map to the raw text and the script the raw text was in. */
export interface Normalised {
  text: string;
  offsets: OffsetRuns;
  script: Script;
  /** How many of each kind of debris were removed (for data-quality notes). */
  removed: { hiddenElements: number; htmlTags: number; pinyin: number; strayQuestionMarks: number };
}

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** Share of Han characters OpenCC changes above which a text counts as traditional. */
const TRADITIONAL_SHARE = 0.02;

const HAN = "\\p{Script=Han}";
const CJK_PUNCT = "，。；：、？！“”‘’（）《》〈〉【】—…";
const TONE_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]*)?\/?>/gu;
const HTML_ENTITY = /&(nbsp|amp|lt|gt|quot|#\d{2,5});/gu;
/**
 * A pinyin annotation: `區(qū)`, also with full-width brackets. It must carry a tone mark, so
 * `(a)` or `(E)` are kept; it may follow any character because garbled passages of the source
 * left annotations behind Latin letters (`F(xiàn)`).
 */
const PINYIN = new RegExp(
  `[(（](?=[${TONE_LETTERS}]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[${TONE_LETTERS}]{1,8}[)）]`,
  "gu",
);
/** A `?` that is not part of ASCII text (corrupted characters in the source). */
const STRAY_QUESTION_MARK = /(?<![A-Za-z0-9=&/])\?|\?(?![A-Za-z0-9=&])/gu;
// Control characters are exactly what this pattern removes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\ufeff]/gu;
const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ％＋－．／]/gu;
const ASCII_PUNCT_BESIDE_HAN = new RegExp(
  `(?<=[${HAN}${CJK_PUNCT}])[,;:!]|[,;:!](?=[${HAN}${CJK_PUNCT}])|(?<=[\\d%]);(?=\\d)`,
  "gu",
);
const ASCII_PARENS_WITH_HAN = /\(([^()\n]{0,80})\)/gu;
const SPACE_BESIDE_HAN = new RegExp(
  `(?<=[${HAN}${CJK_PUNCT}])[ \\t\\u3000\\u00a0]+|[ \\t\\u3000\\u00a0]+(?=[${HAN}${CJK_PUNCT}%])`,
  "gu",
);
const LINE_EDGE_SPACE = /^[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+$/gmu;

const ENTITY_TEXT: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"' };
const FULL_WIDTH_PUNCT: Record<string, string> = { ",": "，", ";": "；", ":": "：", "!": "！" };

/** A UTF-16 surrogate without its pair: not a character, and not valid UTF-8 when sent. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Removes lone surrogates (issue 12, item 8): a question holding one was echoed into a reply
 * that Telegram refused (400, not UTF-8). Paired surrogates (emoji) are kept.
 */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "");
}

const HAN_CHAR = /\p{Script=Han}/u;

/** Decides whether a text is in traditional characters by how much OpenCC would change. */
export function detectScript(text: string): Script {
  const converted = toSimplified(text);
  let changed = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    // The CJK blocks by code unit first: a regex test per character made this the slowest
    // step on large documents (issue 12, item 3).
    const c = text.charCodeAt(i);
    const isHan =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x2e80 && HAN_CHAR.test(text[i]!));
    if (isHan) {
      han++;
      if (converted[i] !== text[i]) changed++;
    }
  }
  return han > 0 && changed / han > TRADITIONAL_SHARE ? "traditional" : "simplified";
}

/** Converts traditional characters to simplified (OpenCC t → cn); exported for questions. */
export function simplify(text: string): string {
  return toSimplified(text);
}

/**
 * Normalises a whole document. The result's offsets map every normalised character back to
 * the raw text; see {@link rawSlice} in mapped-text.ts.
 */
export function normaliseDocument(raw: string): Normalised {
  const script = detectScript(raw);
  const removed = { hiddenElements: 0, htmlTags: 0, pinyin: 0, strayQuestionMarks: 0 };
  const drop = (key: keyof typeof removed) => () => {
    removed[key]++;
    return "";
  };
  let t: MappedText = identity(raw);
  t = rewrite(t, /\r\n?/gu, () => "\n");
  t = undoMarkup(t);
  // Hidden elements (display:none) and script/style content are not text; linear scans
  // (markup-scan.ts) because the equivalent regexes are quadratic on long lines.
  const hidden = hiddenElementSpans(t.text);
  t = replaceSpans(t, hidden);
  const scripts = scriptElementSpans(t.text, "");
  t = replaceSpans(t, scripts);
  removed.hiddenElements += hidden.length + scripts.length;
  t = rewrite(t, HTML_TAG, drop("htmlTags"));
  t = rewrite(t, HTML_ENTITY, (m) =>
    m[1]!.startsWith("#") ? String.fromCodePoint(Number(m[1]!.slice(1))) : ENTITY_TEXT[m[1]!]!,
  );
  t = rewrite(t, PINYIN, drop("pinyin"));
  if (script === "traditional") t = convertKeepingLength(t, toSimplified);
  t = rewrite(t, STRAY_QUESTION_MARK, drop("strayQuestionMarks"));
  t = rewrite(t, CONTROL, () => "");
  t = rewrite(t, /\t/gu, () => " ");
  t = normaliseInline(t);
  t = rewrite(t, LINE_EDGE_SPACE, () => "");
  t = dropRunningHeaders(t);
  t = joinHardWraps(t);
  t = replaceSpans(t, wrappedLineBreakSpans(t.text, isWrappedLine));
  return { text: t.text, offsets: toRuns(t), script, removed };
}

/**
 * Whether the break between two lines wraps one paragraph (a line break inside a sentence,
 * as in `…各项工` / `作部署，…` or `…炼钢原料` / `储备基地建设…`). A line that ends a sentence,
 * a heading, a task unit line, or a short title line is never joined to the next.
 */
export function isWrappedLine(before: string, after: string): boolean {
  if (before === "" || after === "") return false;
  if (!/[\p{Script=Han}A-Za-z0-9]$/u.test(before)) return false;
  if (headingMarker(after) || UNIT_LINE.test(after) || UNIT_LINE.test(before) || after.startsWith("——")) {
    return false;
  }
  // A line holding a finished sentence and the start of another is a paragraph, never a heading.
  if (/[。；][^。；]+$/u.test(before)) return true;
  if (before.length > 40 && /[，；]/u.test(before)) return true;
  // A short line with a comma, followed by a line whose first clause is a word fragment
  // (`…各项工` / `作部署，…`). Chapter headings (一、 （一）) never wrap this way.
  const style = headingMarker(before)?.style;
  if (style === "cn-dun" || style === "cn-paren") return false;
  const firstClause = after.match(/^[^，。；：、]*/u)?.[0] ?? after;
  return /[，、]/u.test(before) && firstClause.length <= 4;
}

/** The width and spacing rules shared by documents and questions. */
function normaliseInline(t: MappedText): MappedText {
  let out = rewrite(t, FULL_WIDTH_ALNUM, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0));
  out = rewrite(out, ASCII_PUNCT_BESIDE_HAN, (m) => FULL_WIDTH_PUNCT[m[0]] ?? m[0]);
  out = rewrite(out, ASCII_PARENS_WITH_HAN, (m) =>
    /\p{Script=Han}|^\d+$/u.test(m[1]!) ? `（${m[1]}）` : m[0],
  );
  out = rewrite(out, SPACE_BESIDE_HAN, () => "");
  return out;
}

/**
 * Normalises a user's question the same way as documents (simplified script, half-width
 * digits, no HTML, no control characters, no spaces beside Chinese), without offsets.
 */
export function normaliseQuestion(question: string): string {
  let t: MappedText = identity(toSimplified(toWellFormed(question)));
  t = rewrite(t, /[\r\n\t]+/gu, () => " ");
  t = replaceSpans(t, scriptElementSpans(t.text, " "));
  t = rewrite(t, HTML_TAG, () => " ");
  t = rewrite(t, CONTROL, () => "");
  t = normaliseInline(t);
  return t.text.trim().replace(/\s+/gu, " ");
}
