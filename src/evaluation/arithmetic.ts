/**
 * A tiny arithmetic evaluator for `computed:` expectations: numbers, field names (`essex.arrests`),
 * + - * / and parentheses. Nothing else is accepted, so a case file can never run code.
 */

/** A computed expectation that could not be read or worked out; the message names what is wrong. */
export class ArithmeticError extends Error {
  constructor(expression: string, problem: string) {
    super(`"${expression}": ${problem}`);
    this.name = 'ArithmeticError';
  }
}

type Token = { kind: 'number'; value: number } | { kind: 'name'; name: string } | { kind: 'op'; op: string };

function tokenise(expression: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)|([-+*/()]))/giy;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(expression);
    if (!m) throw new ArithmeticError(expression, `cannot read "${expression.slice(at).trim()}" (use field names, numbers, + - * / and brackets)`);
    if (m[1] !== undefined) tokens.push({ kind: 'number', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', name: m[2].toLowerCase() });
    else tokens.push({ kind: 'op', op: m[3]! });
    at = pattern.lastIndex;
  }
  return tokens;
}

/** The field names an expression uses, in order of first use. */
export function namesIn(expression: string): string[] {
  return [...new Set(tokenise(expression).flatMap((t) => (t.kind === 'name' ? [t.name] : [])))];
}

/**
 * Works an expression out. `lookup` gives a field's value, or undefined when the field is unknown.
 * @throws {ArithmeticError} on a syntax error, an unknown field or a division by zero.
 */
export function evaluateArithmetic(expression: string, lookup: (name: string) => number | undefined): number {
  const tokens = tokenise(expression);
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (op: string) => {
    const t = peek();
    return t?.kind === 'op' && t.op === op;
  };

  function primary(): number {
    const t = tokens[i++];
    if (!t) throw new ArithmeticError(expression, 'ends too early');
    if (t.kind === 'number') return t.value;
    if (t.kind === 'name') {
      const value = lookup(t.name);
      if (value === undefined) throw new ArithmeticError(expression, `${t.name} is not a published figure`);
      return value;
    }
    if (t.op === '-') return -primary();
    if (t.op === '(') {
      const value = sum();
      if (!isOp(')')) throw new ArithmeticError(expression, 'a bracket is not closed');
      i++;
      return value;
    }
    throw new ArithmeticError(expression, `"${t.op}" is in the wrong place`);
  }
  function product(): number {
    let value = primary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[i++] as { op: string }).op;
      const right = primary();
      if (op === '/' && right === 0) throw new ArithmeticError(expression, 'divides by zero');
      value = op === '*' ? value * right : value / right;
    }
    return value;
  }
  function sum(): number {
    let value = product();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[i++] as { op: string }).op;
      const right = product();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  }

  const value = sum();
  if (i < tokens.length) throw new ArithmeticError(expression, 'has something left over after the end (a missing + - * or /?)');
  return value;
}
