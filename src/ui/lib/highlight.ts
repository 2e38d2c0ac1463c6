/** Splits text around the first occurrence of a quote (whitespace-insensitive) for highlighting as text. */
export function splitForHighlight(text: string, quote: string | null): { text: string; marked: boolean }[] {
  if (!quote?.trim()) return [{ text, marked: false }];
  const words = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(words.join('\\s+'), 'i').exec(text);
  if (!match) return [{ text, marked: false }];
  return [
    { text: text.slice(0, match.index), marked: false },
    { text: match[0], marked: true },
    { text: text.slice(match.index + match[0].length), marked: false },
  ].filter((s) => s.text.length > 0);
}
