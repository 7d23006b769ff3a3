import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Where a person's words may not be written out: they come from locales/ (DESIGN §2, languages). */
export const WORDLESS_DIRS = ['src/engine', 'flows', 'src/adapters'];

/** Text that reads as words to a person: two words in a row, or one capitalised word ("Cancel"). */
const WORDS = /[A-Za-z]{2,}[ ,.;:!?'’]+[A-Za-z]|^[A-Z][a-z]+[.!?…]?$/;

/** Calls whose text is for the operator or a developer, never for a person in a chat. */
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

/** A marker on the line, or the line before, for text that is not for people (with its reason). */
const EXEMPT = /i18n-exempt:/;

export interface WrittenWords {
  file: string;
  line: number;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('X');
  return undefined;
}

/** True where a literal is not shown to people: a log line, an Error's message, a module path, a type. */
function notForPeople(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
    if (ts.isLiteralTypeNode(parent)) return true;
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression)) {
      const callee = parent.expression;
      if (LOG_METHODS.has(callee.name.text) && /log(ger)?$/i.test(callee.expression.getText())) return true;
    }
    if (ts.isStatement(parent)) return false;
  }
  return false;
}

/** Every literal under `dirs` (relative to `root`) that reads as words for a person. */
export function writtenWords(root: string, dirs = WORDLESS_DIRS): WrittenWords[] {
  const found: WrittenWords[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const source = readFileSync(file, 'utf8');
    const lines = source.split('\n');
    const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const text = literalText(node);
      if (text !== undefined && WORDS.test(text) && !notForPeople(node)) {
        const line = parsed.getLineAndCharacterOfPosition(node.getStart()).line;
        if (!EXEMPT.test(lines[line] ?? '') && !EXEMPT.test(lines[line - 1] ?? ''))
          found.push({ file: relative(root, file), line: line + 1, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(parsed);
  }
  return found;
}
