import { describe, expect, it } from "vitest";
import { ExtractError } from "../../../src/ingest/formats/extracted.js";
import { decodeHtml, extractHtml } from "../../../src/ingest/formats/html.js";

/** Encodes text as GBK (two-byte codes built from the platform's GBK decoder; ASCII as is). */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...table.get(ch)!);
  }
  return new Uint8Array(bytes);
}

/** A bulletin page as saved from a statistics bureau's site: menus, breadcrumb, share bar, footer. */
const PAGE = (charset: string) => `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>某市统计局-2023年某市国民经济和社会发展统计公报</title>
<script>var nav = "首页";</script><style>.x{color:red}</style></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/tjsj">统计数据</a></li><li><a href="/tjgb">统计公报</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/tjgb">统计公报</a></div>
<div class="main"><div class="article">
<h1>2023年某市国民经济和社会发展统计公报</h1>
<div class="info">发布时间：2024-03-20 来源：某市统计局</div>
<div class="TRS_Editor">
<p>一、综合</p>
<p>初步核算，全年全市地区生产总值1234.5亿元，比上年增长5.2%。</p>
<p>表1&nbsp;&nbsp;2023年主要指标</p>
<table><tr><td>指标</td><td>绝对数（亿元）</td><td>比上年增长（%）</td></tr>
<tr><td>地区生产总值</td><td>1234.5</td><td>5.2</td></tr></table>
<p>二、农业<br>全年粮食产量56.7万吨。</p>
</div>
<div class="share">分享到：微信 微博</div>
</div></div>
<div id="footer">主办单位：某市统计局 版权所有 备案号：某ICP备12345678号</div>
</body></html>`;

const EXPECTED = [
  "2023年某市国民经济和社会发展统计公报",
  "发布时间：2024-03-20 来源：某市统计局",
  "一、综合",
  "初步核算，全年全市地区生产总值1234.5亿元，比上年增长5.2%。",
  "表1 2023年主要指标",
  "指标\t绝对数（亿元）\t比上年增长（%）",
  "地区生产总值\t1234.5\t5.2",
  "二、农业",
  "全年粮食产量56.7万吨。",
  "",
].join("\n");

describe("extractHtml", () => {
  it("reads a GBK page by its meta charset and keeps the article and its table only", () => {
    const extracted = extractHtml(encodeGbk(PAGE("gbk")), "page.html");
    expect(extracted.encoding).toBe("gb18030");
    expect(extracted.text).toBe(EXPECTED);
  });

  it("reads the same page in UTF-8", () => {
    const extracted = extractHtml(new TextEncoder().encode(PAGE("utf-8")), "page.htm");
    expect(extracted).toEqual({ format: "html", text: EXPECTED, encoding: "utf-8", pages: null });
  });

  it("falls back to GB18030 when a page declares no charset and is not UTF-8", () => {
    expect(decodeHtml(encodeGbk("<p>统计公报</p>"))).toEqual({
      text: "<p>统计公报</p>",
      encoding: "gb18030",
    });
  });

  it("reports a page of menus only by name", () => {
    const page = `<html><body><div class="nav"><a href="/">首页</a><a href="/x">统计数据</a></div></body></html>`;
    expect(() => extractHtml(new TextEncoder().encode(page), "menu.html")).toThrow(ExtractError);
    expect(() => extractHtml(new TextEncoder().encode(page), "menu.html")).toThrow(
      "web page holds no Chinese text outside menus and links",
    );
  });
});
