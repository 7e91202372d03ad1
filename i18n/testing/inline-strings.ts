import ts from "typescript";

/** Attributes whose value a reader sees or hears: these must come from the messages files. */
const USER_FACING_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
]);

const WORD = /\p{L}+/gu;

export type InlineString = { line: number; text: string; where: string };

/**
 * The words written into a component's JSX instead of taken from i18n/messages: text between
 * tags, string literals shown as children (`{ok ? "Sí" : "No"}`), and literal values of the
 * attributes above. Text without a letter (punctuation, numbers, "—", "·") is not a word to
 * translate; neither is a word of `allowed` (units, names of formats: the same in every language).
 */
export function findInlineStrings(fileName: string, source: string, allowed: ReadonlySet<string> = new Set()) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: InlineString[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if ((trimmed.match(WORD) ?? []).every((word) => allowed.has(word))) return;
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text: trimmed, where });
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, "text");
    else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const literal of shownStrings(node.expression)) report(literal, literalText(literal), "text");
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) report(value, value.text, node.name.getText(file));
      else if (value && ts.isJsxExpression(value) && value.expression) {
        for (const literal of shownStrings(value.expression))
          report(literal, literalText(literal), node.name.getText(file));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

type Literal = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression;

/** The literals an expression may evaluate to: itself, either branch of `?:`, the sides of `&&`/`||`/`??`. */
function shownStrings(expression: ts.Expression): Literal[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
  if (ts.isTemplateExpression(expression)) return [expression];
  if (ts.isParenthesizedExpression(expression)) return shownStrings(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    return [...shownStrings(expression.whenTrue), ...shownStrings(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return shownStrings(expression.right);
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return [...shownStrings(expression.left), ...shownStrings(expression.right)];
    }
  }
  return [];
}

/** A template's own text, without what its `${}` put in. */
function literalText(literal: Literal): string {
  if (!ts.isTemplateExpression(literal)) return literal.text;
  return [literal.head.text, ...literal.templateSpans.map((span) => span.literal.text)].join(" ");
}
