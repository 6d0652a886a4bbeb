/**
 * Regression: the table export (`npm run indicators`) and the benchmark read the corpus with a
 * text-only loader, so a PDF or DOCX in a corpus folder was silently missing from the export.
 * readCorpus reads every supported format with the build's own scan and reader.
 */
import { join } from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";

const DOCS = join(PROJECT_ROOT, "..", "shared", "realdocs", "docs");

it("bug: the table export skipped PDF and DOCX documents — every format is read", async () => {
  const { documents, problems } = await readCorpus([join(PROJECT_ROOT, "corpus"), DOCS]);
  expect(problems).toEqual([]);
  const byId = new Map(documents.map((d) => [d.meta.id, d.meta]));
  expect(documents).toHaveLength(14);
  expect(byId.get("chengdu-2022-bulletin")?.format).toBe("pdf");
  expect(byId.get("chengdu-2022-bulletin")?.region).toBe("成都市");
  expect(byId.get("qiandongnan-2016-bulletin")?.format).toBe("docx");
  expect(byId.get("qiandongnan-2016-bulletin")?.period).toBe("2016年");
}, 120_000);
