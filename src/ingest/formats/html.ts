/**
 * A web page saved from a government site → the text of its article. The encoding comes from
 * `<meta charset>` / `http-equiv` (GBK, GB2312, GB18030 or UTF-8), else UTF-8 when valid, else
 * GB18030. The page is parsed with cheerio (parse5 underneath, as browsers parse); scripts,
 * styles, navigation, menus, breadcrumbs, headers, footers and share bars are dropped, the
 * article is the smallest element holding most of the page's Chinese text outside links, and
 * the page's heading is kept on top when it sits outside that element. Block elements become
 * lines; a table becomes one line per row with tab-separated cells.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { ExtractError, hanCount, unifyHan, type ExtractedText } from "./extracted.js";

/** Share of the page's non-link Chinese text the article element must hold. */
const ARTICLE_SHARE = 0.7;

const BOILERPLATE_TAGS =
  "script, style, noscript, template, iframe, nav, header, footer, aside, form, select, button, svg";
/** class/id words of page furniture on government sites (导航, 面包屑, 页脚, 分享, 版权). */
const BOILERPLATE_NAME =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|location|position|dqwz|footer|foot|bottom|header|top|topbar|sidebar|share|copyright|banner|toolbar|search|login|friendlink|links?)([\s_-]|\d|$)/iu;
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "blockquote",
  "pre",
  "center",
  "dl",
  "dt",
  "dd",
  "caption",
  "figcaption",
  "body",
]);

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu;

/** Decodes a page's bytes by its declared charset, else UTF-8 if valid, else GB18030. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  const gb = declared !== undefined && /^(gbk|gb2312|gb18030|x-gbk|cp936)$/u.test(declared);
  if (!gb) {
    try {
      return {
        text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/u, ""),
        encoding: "utf-8",
      };
    } catch {
      // Not UTF-8 whatever the page says: the GB family below.
    }
  }
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
}

function nameOf(el: Element): string {
  return `${el.attribs["class"] ?? ""} ${el.attribs["id"] ?? ""}`;
}

/** Han characters of an element's text outside links. */
function ownHan($: cheerio.CheerioAPI, el: Element): number {
  const all = hanCount($(el).text());
  let linked = 0;
  $(el)
    .find("a")
    .each((_i, a) => {
      linked += hanCount($(a).text());
    });
  return all - linked;
}

/** Renders a subtree as lines: blocks break lines, table rows become tab-separated cells. */
function render($: cheerio.CheerioAPI, root: AnyNode): string {
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    const t = line.replace(/[ \t\u00a0\u3000]+/gu, (s) => (s.includes("\t") ? "\t" : " ")).trim();
    if (t !== "") lines.push(t);
    line = "";
  };
  const walk = (node: AnyNode) => {
    if (node.type === "text") {
      line += (node as unknown as { data: string }).data.replace(/\s+/gu, " ");
      return;
    }
    if (node.type !== "tag") return;
    const el = node as Element;
    const tag = el.name.toLowerCase();
    if (tag === "br") return flush();
    if (tag === "tr") {
      flush();
      const cells = $(el)
        .children("td, th")
        .toArray()
        .map((c) => render($, c).replace(/\n/gu, " "));
      if (cells.some((c) => c !== "")) lines.push(cells.join("\t"));
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join("\n");
}

/** The page's article as text; `file` names it in errors. */
export function extractHtml(bytes: Uint8Array, file: string): ExtractedText {
  const { text: html, encoding } = decodeHtml(bytes);
  const $ = cheerio.load(html);
  const pageTitle = $("title").first().text().trim();
  $(BOILERPLATE_TAGS).remove();
  $("*")
    .filter((_i, el) => el.type === "tag" && BOILERPLATE_NAME.test(nameOf(el)) && el.name !== "body")
    .remove();
  const body = $("body").get(0) ?? $.root().get(0)!;
  const total = ownHan($, body as Element);
  if (total === 0) throw new ExtractError("web page holds no Chinese text outside menus and links", file);
  // The smallest element still holding most of the page's text is the article.
  let article: Element = body as Element;
  for (;;) {
    const next = $(article)
      .children()
      .toArray()
      .find((c) => ownHan($, c) >= total * ARTICLE_SHARE);
    if (!next) break;
    article = next;
  }
  let text = render($, article);
  const heading = $("h1, h2")
    .filter((_i, h) => hanCount($(h).text()) > 0)
    .first();
  const headingText = heading.length > 0 ? heading.text().trim() : pageTitle;
  if (headingText && !text.includes(headingText.replace(/\s+/gu, " "))) text = `${headingText}\n${text}`;
  text = unifyHan(text);
  return { format: "html", text: `${text}\n`, encoding, pages: null };
}
