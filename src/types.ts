/**
 * Plain data types that pass between the pipeline stages
 * (ingest → sections/chunks → indicators, embed → index → retrieve → answer → bot/cli).
 *
 * Everything here is serialisable as JSON: the build writes these shapes to embeddings/
 * and the answering layer reads them back. Offsets are UTF-16 code-unit indexes into
 * a document's normalised text unless a field says otherwise.
 */

/** Which script a source document was written in. */
export type Script = "simplified" | "traditional";

/**
 * A document's kind as a label read from its titles or, when they name none, from the shape of
 * its body (统计公报, 政府工作报告, 任务分解方案, 计划执行情况报告, 经济运行情况, 统计月报 …, or
 * 其他; see src/ingest/detect-kind.ts). Shown to people; no logic depends on a closed list of
 * kinds (see src/indicators/statement-period.ts for the properties used).
 */
export type DocumentKind = string;

/** A problem found in a document's text that a reader should know about (never silently fixed). */
export interface DataQualityNote {
  /** Stable machine code, e.g. `title-city-mismatch`. */
  code: string;
  /** One sentence in Chinese for staff. */
  message: string;
}

/** The file format a document was read from (see src/ingest/formats). */
export type DocumentFormat = "pdf" | "docx" | "html" | "markdown" | "text";

/**
 * The document's own words each metadata field was read from, so a reader (and the public
 * corpus evaluation) can see why the document was filed as it is: `region` the title or head
 * line naming the place (or what the body says of itself: `正文称全市…，并87次提到宁波市`),
 * `period` the cues of the year (`“一、2024年工作回顾”（回顾2024年）`), `kind` the title or the
 * address (`各位代表：`). A field set by the override file says so.
 */
export interface MetadataEvidence {
  region: string;
  period: string;
  kind: string;
}

/** What we know about one corpus document. */
export interface DocumentMeta {
  /**
   * File stem, e.g. `tiedong-2023-statistical-bulletin`; for one of several documents held in
   * one file, the stem and the part: `bulletins-2020-2023#2`.
   */
  id: string;
  /** File name inside corpus/ (the same for every part of a file). */
  file: string;
  /**
   * 1, 2, … when the file holds several documents (a saved collection of several years'
   * bulletins or reports), in file order; absent for a file that is one document.
   */
  part?: number;
  /**
   * The title as published (a title line, the YAML `title:`); a document without any title
   * gets one composed from its metadata (`宁波市2010年政府工作报告`), with a `title-composed` note.
   */
  title: string;
  city: string;
  /** 铁东区 / 立山区; null for a city-level document. */
  district: string | null;
  /** The region the document's figures describe: the division's official name (铁东区, 全国). */
  region: string;
  /** The region's division code in the gazetteer (210302 鞍山市铁东区; 000000 全国). */
  regionCode: string;
  /** Names from the province down to the region: [辽宁省, 鞍山市, 铁东区]; [全国] for the nation. */
  regionPath: string[];
  /**
   * Every period the document's statements describe (its own, reviewed years, parts of the
   * year), filled in by the build from its indicator rows; absent before extraction.
   */
  periods?: string[];
  /**
   * The document's own period: `2023年`, `2024年上半年`. For a work report, the year whose work
   * it plans (`2025年工作安排`), not the day it was delivered: the report delivered
   * `2024年12月25日` is `2025年` (see src/ingest/work-report-year.ts).
   */
  period: string;
  year: number;
  kind: DocumentKind;
  script: Script;
  /** The encoding the bytes were decoded from (`utf-8`, `gb18030`). */
  encoding: string;
  notes: DataQualityNote[];
  /** sha256 of the file's bytes. */
  sha256: string;
  /** The format the text was extracted from; absent means plain text. */
  format?: DocumentFormat;
  /** The words region, period and kind were read from (absent in artefacts built before it). */
  evidence?: MetadataEvidence;
}

/**
 * Maps normalised offsets back to the raw text: runs of `[normStart, rawStart, length]`,
 * sorted by normStart. A normalised offset outside every run maps to the raw offset of the
 * run before it (replacements that changed length).
 */
export type OffsetRuns = Array<[number, number, number]>;

/** A decoded and normalised document. */
export interface CorpusDocument {
  meta: DocumentMeta;
  /** The decoded source text, exactly as published. */
  raw: string;
  /** Normalised text: simplified, annotations and hidden spam removed, punctuation unified. */
  text: string;
  offsets: OffsetRuns;
  /** PDF only: offsets into `raw` where page 1, 2, … start; absent for unpaged formats. */
  pages?: number[];
}

/** A heading-delimited part of a document. The root section of a document has level 0. */
export interface Section {
  id: string;
  docId: string;
  parentId: string | null;
  level: number;
  /** The heading as written (normalised), e.g. `一、综合`; the document title for the root. */
  heading: string;
  /** Headings from the top-level section down to this one (root excluded). */
  path: string[];
  /** Offsets of the whole section, heading included. */
  start: number;
  end: number;
}

/** A retrieval unit: part of one section, split at sentence ends. */
export interface Chunk {
  id: string;
  docId: string;
  sectionId: string;
  path: string[];
  text: string;
  start: number;
  end: number;
}

/** A number as published with its parsed value. Never rounded or recomputed. */
export interface PublishedNumber {
  /** As written in the normalised text, e.g. `314.6亿元`, `22.8万平`, `53771元`. */
  text: string;
  /** The numeral as written, e.g. `314.6`. */
  numeral: string;
  /** Parsed numeral (in the published unit, not scaled). */
  number: number;
  /** The unit as published, e.g. `亿元`, `万平`. */
  unit: string;
  /** The unit with synonyms unified, e.g. `万平方米` for `万平`; used for comparison. */
  canonicalUnit: string;
}

/** A published growth rate with its sign resolved. */
export interface Growth {
  /** As written, e.g. `同比下降14.2%`. */
  text: string;
  /** The signed percentage: 同比下降14.2% → -14.2, 同比增长-26.4% → -26.4. */
  percent: number;
  /** The figure as published without the verb, e.g. `14.2%`, `-26.4%`. */
  figure: string;
}

/** Whether a figure reports what happened or what is planned. */
export type FigureNature = "result" | "target";

/** Where a row or quote comes from: a sentence of a document. */
export interface SourceSpan {
  docId: string;
  sectionId: string;
  /** Sentence offsets in the normalised text. */
  start: number;
  end: number;
}

/** One statistical statement: an indicator with a value and/or growth for a region and period. */
export interface IndicatorRow {
  id: string;
  region: string;
  /** The period the statement describes (not necessarily the document's): 2018年, 2024年上半年, 2017—2021年. */
  period: string;
  /** Canonical indicator name from the alias file; null when the phrase is not a known indicator. */
  indicator: string | null;
  /** The indicator phrase as written, e.g. `规上工业增加值`. */
  phrase: string;
  value: PublishedNumber | null;
  growth: Growth | null;
  /** Growth basis when stated, e.g. `按可比价格计算`. */
  basis: string | null;
  nature: FigureNature;
  /** Qualifier of a target, e.g. `左右`, `以上`, `不低于`. */
  qualifier: string | null;
  /** The clause the row was read from (normalised). */
  clause: string;
  source: SourceSpan;
  /** For a row read from a table: where its caption and header line stand, and its header path. */
  table?: TableSpan;
}

/** The table a row was read from (offsets in the normalised text; source holds the row). */
export interface TableSpan {
  caption: { start: number; end: number } | null;
  header: { start: number; end: number } | null;
  /** Caption › row-label header › column header, e.g. [`表1：…`, `指标`, `2021年（亿元）`]. */
  path: string[];
}

/** One task of the city's task breakdown (任务分解方案). */
export interface TaskRow {
  id: string;
  docId: string;
  /** The task's number as published (1–210). */
  number: number;
  text: string;
  /** 牵头单位 as published; null when the task names none. */
  lead: string | null;
  /** 责任单位 as published; null when the task names none. */
  responsible: string | null;
  path: string[];
  sectionId: string;
  /** Offsets of the task block (number line through its last unit line). */
  start: number;
  end: number;
}

/** A file of corpus/ that could not be ingested, and why. */
export interface IngestProblem {
  file: string;
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Answers (the contract the CLI's --json output, the grader and the bot depend on)
// ---------------------------------------------------------------------------------------------

export type AnswerStatus = "answered" | "not_found" | "clarify";

/** What the question asks for. */
export type Intent = "value" | "growth" | "compare" | "cite" | "target" | "lead" | "general";

/** A verbatim excerpt supporting an answer. */
export interface Citation {
  /** 1-based citation number, as used by the markers [1], [2] in the answer text. */
  id: number;
  /** Corpus file name. */
  doc: string;
  docId: string;
  title: string;
  /** Heading path joined with ` > `. */
  section: string;
  /** The source sentence, normalised (simplified script, hidden spam removed). */
  quote: string;
  /** The same sentence exactly as it stands in the source file. */
  original: string;
  /** The figure the answer takes from this quote, when there is one (e.g. `140.1亿元`). */
  figure: string | null;
  /** The sentences before and after the quote, for /cite excerpts. */
  before: string;
  after: string;
  start: number;
  end: number;
  /** The page of the quote (1-based) in a paged source (PDF); absent otherwise. Shown as 第N页. */
  page?: number;
}

/** One figure an answer states, machine-readable. */
export interface Fact {
  region: string;
  period: string;
  indicator: string;
  value: string | null;
  number: number | null;
  unit: string | null;
  growth: string | null;
  growthPercent: number | null;
  nature: FigureNature;
  /** True for values we computed (differences); such a value appears in no citation. */
  computed: boolean;
  /** Citation id this fact is quoted from; null for computed values. */
  citation: number | null;
}

/** The answer to one question. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  intent: Intent;
  /** Plain text for a person; figures carry citation markers like [1]. */
  text: string;
  facts: Fact[];
  citations: Citation[];
  /** For `clarify`: the choices the user can pick from. */
  options: string[];
  timing_ms: number;
  /** A list the answer shows (tasks of a unit, a ranking), for front ends that page it. */
  list?: AnswerList;
  /** The route the answer took (which handler answered). */
  route?: string;
  /** Handlers that declined the question, and why. */
  declines?: Array<{ handler: string; reason: string }>;
}

/** A list an answer shows, item by item, each with its citation. */
export interface AnswerList {
  title: string;
  source: string | null;
  role?: "牵头" | "责任" | "牵头或责任";
  items: Array<{ label: string; citation: number | null }>;
}

/** A corpus document as listed to users (/sources). */
export interface SourceListing {
  file: string;
  title: string;
  region: string;
  period: string;
  kind: DocumentKind;
  notes: DataQualityNote[];
}
