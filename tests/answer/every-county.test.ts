/**
 * Generated from the gazetteer: every county-level division (about 3,000) × three indicators,
 * asked of the real answering pipeline over the seed corpus. A place is never dropped and no
 * answer carries another region's figure: only the regions the corpus holds (鞍山市铁东区,
 * 鞍山市立山区) may be answered, each from its own documents; every refusal names the place
 * as asked. Same-named divisions (四平市铁东区) are also asked with their parent.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answer/answer-service.js";
import { loadConfig } from "../../src/config.js";
import { divisionOf, gazetteer } from "../../src/ingest/gazetteer.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import type { Answer } from "../../src/types.js";
import { realService } from "./service.js";

const INDICATORS = ["地区生产总值", "社零总额", "一般公共预算收入"];

let service: AnswerService;
let heldByCode: Map<string, string[]>;
beforeAll(async () => {
  service = await realService();
  heldByCode = new Map();
  for (const { meta } of (await readCorpus(loadConfig({}).corpusDirs)).documents) {
    heldByCode.set(meta.regionCode, [...(heldByCode.get(meta.regionCode) ?? []), meta.id]);
  }
});

interface Case {
  question: string;
  written: string;
  /** Codes the written name may mean (one when qualified by the parent). */
  codes: string[];
}

function cases(): Case[] {
  const g = gazetteer();
  const counties = [...g.divisions.values()].filter((d) => d.level === 3);
  const out: Case[] = [];
  for (const d of counties) {
    const sameName = counties.filter((o) => o.name === d.name).map((o) => o.code);
    const qualified = `${divisionOf(d.parent!).name}${d.name}`;
    for (const indicator of INDICATORS) {
      out.push({ question: `${d.name}2023年${indicator}`, written: d.name, codes: sameName });
      if (sameName.length > 1)
        out.push({ question: `${qualified}2023年${indicator}`, written: qualified, codes: [d.code] });
    }
  }
  // Same-named divisions give the same unqualified question once.
  return [...new Map(out.map((c) => [c.question, c] as const)).values()];
}

/** The documents an answer cites, by id. */
function citedDocs(a: Answer): string[] {
  return a.citations.map((c) => c.docId);
}

describe("every county-level division of the gazetteer × three indicators", () => {
  it("never answers with another region's figure, and every refusal names the place asked", async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(3 * 2800);
    const answeredQuestions: string[] = [];
    const wrong: string[] = [];
    for (const c of all) {
      const a = await service.ask(c.question);
      const heldDocs = c.codes.flatMap((code) => heldByCode.get(code) ?? []);
      if (a.status === "answered") {
        answeredQuestions.push(c.question);
        const foreign = citedDocs(a).filter((id) => !heldDocs.includes(id));
        if (heldDocs.length === 0 || foreign.length > 0) wrong.push(`${c.question} → ${a.text.slice(0, 60)}`);
      } else if (!a.text.includes(c.written)) {
        wrong.push(`${c.question} (${a.status}) does not name ${c.written}: ${a.text.slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
    // Only 铁东区 holds a 2023 bulletin: its three questions are answered from it, written both
    // as 铁东区 and, since two divisions bear the name, as 鞍山市铁东区.
    expect(answeredQuestions.sort()).toEqual(
      ["地区生产总值", "社零总额", "一般公共预算收入"]
        .flatMap((i) => [`铁东区2023年${i}`, `鞍山市铁东区2023年${i}`])
        .sort(),
    );
  });
});
