/**
 * Minimal, dependency-free XML reader for the CMS/NCHS code-set XML files (build time only).
 * The files use plain elements, double-quoted attributes, the five predefined entities and
 * mixed content (e.g. `<title>Abasia<nemod>(-astasia)</nemod></title>`); no DTD, no CDATA.
 * A hand-written reader keeps `npm run codesets:build` free of extra dependencies.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

/** Parses an XML document and returns its root element. Throws on mismatched tags. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  const len = source.length;
  while (pos < len) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > pos) {
      const text = source.slice(pos, textEnd);
      const top = stack[stack.length - 1]!;
      if (stack.length > 1) top.children.push(decodeEntities(text));
    }
    if (lt === -1) break;
    if (source.startsWith('<?', lt)) {
      pos = source.indexOf('?>', lt) + 2;
      continue;
    }
    if (source.startsWith('<!--', lt)) {
      pos = source.indexOf('-->', lt) + 3;
      continue;
    }
    const gt = source.indexOf('>', lt);
    if (gt === -1) throw new Error(`unterminated tag at ${lt}`);
    const inner = source.slice(lt + 1, gt);
    pos = gt + 1;
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}> at ${lt} (open: ${open?.name ?? 'none'})`);
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch) throw new Error(`bad tag at ${lt}`);
    const element: XmlElement = { name: nameMatch[0], attrs: {}, children: [] };
    const attrRe = /([^\s=]+)\s*=\s*"([^"]*)"/g;
    let m: RegExpExecArray | null;
    while ((m = attrRe.exec(body.slice(nameMatch[0].length))) !== null) {
      element.attrs[m[1]!] = decodeEntities(m[2]!);
    }
    stack[stack.length - 1]!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new Error('empty XML document');
  return first;
}

/** Child elements, optionally only those with the given name. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** First child element with the given name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** All text inside an element (descendants included), whitespace collapsed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') parts.push(c);
      else walk(c);
    }
  };
  walk(el);
  return collapse(parts.join(''));
}

/** Only the element's own text nodes (not nested elements), whitespace collapsed. */
export function ownText(el: XmlElement | undefined): string {
  if (!el) return '';
  return collapse(el.children.filter((c): c is string => typeof c === 'string').join(''));
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
