import { endpointErrors } from '../errors/endpoint-errors.js';
import type { PersistentChatEndpoint } from './results.js';

/** The endpoint properties -Filter may compare, by their PowerShell names. */
const PROPERTIES = {
  identity: (endpoint: PersistentChatEndpoint) => endpoint.identity,
  sipaddress: (endpoint: PersistentChatEndpoint) => endpoint.sipAddress,
  displayname: (endpoint: PersistentChatEndpoint) => endpoint.displayName ?? '',
  persistentchatpoolfqdn: (endpoint: PersistentChatEndpoint) => endpoint.persistentChatPoolFqdn ?? '',
} as const;
type PropertyName = keyof typeof PROPERTIES;
const OPERATORS = ['-eq', '-ne', '-like', '-notlike'] as const;
type Operator = (typeof OPERATORS)[number];

type FilterNode =
  | { readonly code: 'compare'; readonly property: PropertyName; readonly operator: Operator; readonly value: string }
  | { readonly code: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly code: 'not'; readonly operand: FilterNode };

export type EndpointPredicate = (endpoint: PersistentChatEndpoint) => boolean;

/**
 * Parses Get-CsPersistentChatEndpoint -Filter, written the way Lync's -Filter parameters are:
 * `{SipAddress -like "sip:ocs*"} -and ...`, with -eq -ne -like -notlike, -and -or -not and
 * parentheses, comparing case-insensitively as PowerShell does. Throws PCMIG-EP-007.
 */
export function parseEndpointFilter(text: string): EndpointPredicate {
  const tokens = tokenize(text);
  let position = 0;
  const fail = (why: string): never => {
    throw endpointErrors.create('PCMIG-EP-007', { message: `-Filter '${text}' cannot be parsed: ${why}.`, target: text });
  };
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  const parseOr = (): FilterNode => {
    let node = parseAnd();
    while (peek()?.toLowerCase() === '-or') {
      next();
      node = { code: 'or', left: node, right: parseAnd() };
    }
    return node;
  };
  const parseAnd = (): FilterNode => {
    let node = parseUnary();
    while (peek()?.toLowerCase() === '-and') {
      next();
      node = { code: 'and', left: node, right: parseUnary() };
    }
    return node;
  };
  const parseUnary = (): FilterNode => {
    const token = next();
    if (token === undefined) return fail('it ends too early');
    if (token.toLowerCase() === '-not' || token === '!') return { code: 'not', operand: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (next() !== ')') fail('a ( is not closed');
      return inner;
    }
    const property = token.replace(/^\$_\./, '').toLowerCase();
    if (!(property in PROPERTIES)) fail(`'${token}' is not a property (Identity, SipAddress, DisplayName, PersistentChatPoolFqdn)`);
    const operator = next()?.toLowerCase();
    if (!OPERATORS.includes(operator as Operator)) fail(`'${operator ?? ''}' is not an operator (-eq, -ne, -like, -notlike)`);
    const value = next();
    if (value === undefined || value === ')' || value === '(') return fail(`${token} ${operator} needs a value`);
    return { code: 'compare', property: property as PropertyName, operator: operator as Operator, value: unquote(value) };
  };

  if (tokens.length === 0) fail('it is empty');
  const tree = parseOr();
  if (position < tokens.length) fail(`unexpected '${tokens[position]}'`);
  return (endpoint) => evaluate(tree, endpoint);
}

function evaluate(node: FilterNode, endpoint: PersistentChatEndpoint): boolean {
  switch (node.code) {
    case 'and':
      return evaluate(node.left, endpoint) && evaluate(node.right, endpoint);
    case 'or':
      return evaluate(node.left, endpoint) || evaluate(node.right, endpoint);
    case 'not':
      return !evaluate(node.operand, endpoint);
    case 'compare': {
      const actual = PROPERTIES[node.property](endpoint).toLowerCase();
      const wanted = node.value.toLowerCase();
      if (node.operator === '-eq') return actual === wanted;
      if (node.operator === '-ne') return actual !== wanted;
      const matches = wildcardToRegExp(wanted).test(actual);
      return node.operator === '-like' ? matches : !matches;
    }
  }
}

/** PowerShell wildcards: * any run, ? one character, [abc] a set, ` escapes; everything else literal. */
function wildcardToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '`' && i + 1 < pattern.length) {
      source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end > i + 1) {
        source += `[${pattern.slice(i + 1, end).replace(/[\\^\]]/g, '\\$&')}]`;
        i = end;
      } else source += '\\[';
    } else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function tokenize(text: string): string[] {
  let body = text.trim();
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const tokens: string[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === '!') {
      tokens.push(ch);
      i++;
    } else if (ch === '"' || ch === "'") {
      // PowerShell doubles a quote to escape it inside a string.
      let j = i + 1;
      let value = ch;
      for (;;) {
        if (j >= body.length) throw endpointErrors.create('PCMIG-EP-007', { message: `-Filter '${text}' cannot be parsed: a string is not closed.`, target: text });
        if (body[j] === ch && body[j + 1] === ch) {
          value += ch;
          j += 2;
        } else if (body[j] === ch) {
          j++;
          break;
        } else value += body[j++];
      }
      tokens.push(value + ch);
      i = j;
    } else {
      let j = i;
      while (j < body.length && !/[\s()]/.test(body[j]!)) j++;
      tokens.push(body.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function unquote(token: string): string {
  return /^(["']).*\1$/s.test(token) ? token.slice(1, -1) : token;
}
