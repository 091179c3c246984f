import type { Branding } from '../branding';
import { renderHtml } from './engine';
import layout from './layout.html';

/** The parts of a branded HTML email; `body` is HTML already rendered (and escaped) by its own template. */
export interface EmailParts {
  language: string;
  title: string;
  body: string;
  /** Text before the support address in the footer, e.g. "Questions? Write to". */
  footer: string;
  branding: Branding;
}

/** Wraps a rendered email body in the shared branded layout. */
export function renderEmailLayout(parts: EmailParts): string {
  return renderHtml(layout, parts);
}
