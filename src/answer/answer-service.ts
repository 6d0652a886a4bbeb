/**
 * The answering layer's entry point: loads the artefacts and the embedding model once and
 * answers questions. The CLI (`npm run ask`) and the Telegram bot both call this.
 */
import type { Answer, Citation, SourceListing } from "../types.js";

/** Answers questions over the built corpus. Create one per process; it is safe to share. */
export interface AnswerService {
  /**
   * Answers one question. Understands plain questions and the command forms
   * `/cite <问题>` and `/compare <指标> <年份> <年份>`. Never throws for user input:
   * bad input gives status `not_found` or `clarify` with a helpful text.
   */
  ask(question: string): Promise<Answer>;
  /** The corpus documents with region, period, kind and data-quality notes (for /sources). */
  sources(): SourceListing[];
  /**
   * The excerpt of a citation as plain text: heading path, the sentence with its neighbours,
   * and the figure marked with 【】. Used by /cite and the "原文 [n]" buttons.
   */
  excerpt(citation: Citation): string;
}

// createAnswerService(config) is implemented below by the answering layer.
