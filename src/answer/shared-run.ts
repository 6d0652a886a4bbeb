/** Length of the longest text shared by a topic and a clause (Chinese characters only). Pure. */
export function longestSharedRun(topic: string, clause: string): number {
  let best = 0;
  for (let i = 0; i < topic.length; i++) {
    for (let j = i + best + 1; j <= topic.length; j++) {
      const piece = topic.slice(i, j);
      if (!/^\p{Script=Han}+$/u.test(piece) || !clause.includes(piece)) break;
      best = j - i;
    }
  }
  return best;
}
