/**
 * A question's text with the spans each rule has read marked as taken, so the next rule reads
 * only what is left and the topic is what no rule took (Duckling-style: every dimension
 * consumes its own words). Rules match over the text with taken characters blanked out, so a
 * frame may span words another rule took (`比 鞍山市 定的目标高多少`) without reading them. Pure.
 */

/** One match of a rule: the span and its capture groups. */
export interface Taken {
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** Text with taken spans. */
export class MarkedText {
  private readonly taken: boolean[];
  private blankedCache: string | null = null;

  constructor(readonly text: string) {
    this.taken = new Array<boolean>(text.length).fill(false);
  }

  /** Marks [start, end) as taken. */
  take(start: number, end: number): void {
    for (let i = Math.max(0, start); i < Math.min(end, this.text.length); i++) this.taken[i] = true;
    this.blankedCache = null;
  }

  /** Whether any character of [start, end) is taken. */
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  /** The text with taken characters replaced by spaces (offsets unchanged). */
  blanked(): string {
    this.blankedCache ??= this.text
      .split("")
      .map((c, i) => (this.taken[i] ? " " : c))
      .join("");
    return this.blankedCache;
  }

  /** Takes every match of a pattern over the blanked text; returns them in text order. */
  takeAll(pattern: RegExp): Taken[] {
    const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
    const re = new RegExp(pattern.source, flags);
    const source = this.blanked();
    const out: Taken[] = [];
    for (let m = re.exec(source); m; m = re.exec(source)) {
      if (m[0] === "" || m[0].trim() === "") {
        if (m[0] === "") re.lastIndex++;
        continue;
      }
      out.push({ start: m.index, end: m.index + m[0].length, match: m });
    }
    for (const t of out) this.take(t.start, t.end);
    return out;
  }

  /** Takes the first match of a pattern over the blanked text, or returns null. */
  takeFirst(pattern: RegExp): Taken | null {
    const re = new RegExp(pattern.source, pattern.flags.replace("g", ""));
    const m = re.exec(this.blanked());
    if (!m || m[0].trim() === "") return null;
    this.take(m.index, m.index + m[0].length);
    return { start: m.index, end: m.index + m[0].length, match: m };
  }

  /** The free text of [start, end), taken spans replaced by one space. */
  free(start = 0, end = this.text.length): string {
    let out = "";
    for (let i = start; i < end; i++) {
      if (!this.taken[i]) out += this.text[i];
      else if (!out.endsWith(" ")) out += " ";
    }
    return out.replace(/\s+/gu, " ").trim();
  }

  /** A copy with the same taken spans (a part of a question reads its own copy). */
  clone(): MarkedText {
    const copy = new MarkedText(this.text);
    for (let i = 0; i < this.text.length; i++) if (this.taken[i]) copy.taken[i] = true;
    return copy;
  }
}
