/** Shared by the Markdown stage's tests: what a style makes of a visit, and trees compared without positions. */
import type { Root } from 'mdast';
import { expect } from 'vitest';
import { parseVisitText } from '../src/load.js';
import { renderVisit } from '../src/render/index.js';
import { buildView } from '../src/render/view.js';

/** What the style's templates make of a visit (the text the Markdown stage parses), in its own style or `style`. */
export async function styleOutput(text: string, style?: string): Promise<string> {
  const rendered = await renderVisit(parseVisitText('v.yaml', text), { style });
  expect(rendered.diagnostics).toEqual([]);
  const { visit, indicators, style: house, unionNames } = rendered.result!;
  return house.render(buildView(visit, indicators, house.config, unionNames));
}

/** The tree without its positions (the quick parser gives none). */
export const withoutPositions = (tree: Root): unknown =>
  JSON.parse(JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)));
