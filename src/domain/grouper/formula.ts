/**
 * The boolean language of the CMS MS-DRG decision tables (`drg_formulas.tsv`, `hac_formulas.tsv`):
 * operands joined by `&` (and), `|` (or), `~` (not) and parentheses. `~` binds tightest, then `&`,
 * then `|` (the tables parenthesise every mixed expression, so this is the usual precedence).
 *
 * Operand kinds, as the CMS tables use them:
 * - `PDX:list`, `SDX:list`, `ANY:list` (principal, any secondary, either), `ONLY:list` (every diagnosis);
 * - a bare lower-case name or `NORname`: a procedure on the claim that carries that attribute;
 * - `MCC`, `CC`: severity of the secondary diagnoses after exclusions;
 * - upper-case special operands (discharge status, error checks, counters), see {@link SPECIAL_OPERANDS}.
 */

export type FormulaNode =
  | { readonly kind: 'and'; readonly items: readonly FormulaNode[] }
  | { readonly kind: 'or'; readonly items: readonly FormulaNode[] }
  | { readonly kind: 'not'; readonly item: FormulaNode }
  | { readonly kind: 'dx'; readonly where: 'PDX' | 'SDX' | 'ANY' | 'ONLY'; readonly list: string; readonly id: number }
  | { readonly kind: 'proc'; readonly list: string; readonly id: number }
  | { readonly kind: 'special'; readonly name: string };

/** Special (upper-case) operands understood by the evaluator. */
export const SPECIAL_OPERANDS = new Set([
  'MCC',
  'CC',
  'ALIVE',
  'DIED',
  'XFRNBA',
  'AMA',
  'INVALID_PDX',
  'INVALID_SEX',
  'INVALID_DSTAT',
  'PDX_ECODE',
  'MULTST',
  'ANYDX',
  'ERRORDRG',
  'FOUR_STENTS',
  'FOUR_VESSELS',
  'BILATERAL',
  'SINGLEFUSIONCTR',
  'SGLANTSECTXCTR',
  'SGLPOSTFUSECTR',
  'SGLANTCTR',
  'SGLPOST1CTR',
]);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*([()&|~]|[^\s()&|~]+)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) tokens.push(m[1]);
    if (re.lastIndex >= text.length) break;
  }
  return tokens;
}

/**
 * Parses one CMS formula into a tree. `attrId` maps a list name to the interned attribute id
 * (or -1 when no code carries it, which makes the operand always false).
 */
export function parseFormula(text: string, attrId: (name: string) => number): FormulaNode {
  const tokens = tokenize(text.trim());
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`formula ended early: ${text}`);
    return t;
  };
  const operand = (t: string): FormulaNode => {
    const colon = t.indexOf(':');
    if (colon > 0) {
      const where = t.slice(0, colon);
      const list = t.slice(colon + 1);
      if (where !== 'PDX' && where !== 'SDX' && where !== 'ANY' && where !== 'ONLY') throw new Error(`unknown operand ${t}`);
      return { kind: 'dx', where, list, id: attrId(list) };
    }
    if (SPECIAL_OPERANDS.has(t) || /^MDC\d\d$/.test(t) || /^\d+$/.test(t)) return { kind: 'special', name: t };
    return { kind: 'proc', list: t, id: attrId(t) };
  };
  const primary = (): FormulaNode => {
    const t = next();
    if (t === '(') {
      const e = orExpr();
      if (next() !== ')') throw new Error(`missing ) in ${text}`);
      return e;
    }
    if (t === '~') return { kind: 'not', item: primary() };
    return operand(t);
  };
  const andExpr = (): FormulaNode => {
    const items = [primary()];
    while (peek() === '&') {
      pos++;
      items.push(primary());
    }
    return items.length === 1 ? (items[0] as FormulaNode) : { kind: 'and', items };
  };
  function orExpr(): FormulaNode {
    const items = [andExpr()];
    while (peek() === '|') {
      pos++;
      items.push(andExpr());
    }
    return items.length === 1 ? (items[0] as FormulaNode) : { kind: 'or', items };
  }
  const tree = orExpr();
  if (pos !== tokens.length) throw new Error(`trailing tokens in ${text}`);
  return tree;
}

/** Every operand of a formula (for explanations and for the "family" helper). */
export function formulaOperands(node: FormulaNode, out: FormulaNode[] = []): FormulaNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const i of node.items) formulaOperands(i, out);
      break;
    case 'not':
      formulaOperands(node.item, out);
      break;
    default:
      out.push(node);
  }
  return out;
}
