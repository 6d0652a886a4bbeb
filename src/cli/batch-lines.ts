/**
 * The lines of an `ask --batch` file, one question each. A blank line stays (its answer is a
 * `not_found` object), so output line N answers input line N (issue 12, item 11); only the
 * newline that ends the file does not start another line.
 */
export function batchLines(text: string): string[] {
  const lines = text.split(/\r?\n/u);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
