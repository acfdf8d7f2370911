// Turns detail sections into display lines, so the detail view is one scrollable, windowed list.
import { sparkline } from '../../components/Sparkline.tsx';
import type { DetailSection } from '../../screens/types.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { displayWidth, fitToWidth, padToWidth, truncateToWidth } from '../ui/text.ts';

export type LineStyle = 'title' | 'label' | 'text' | 'muted' | 'header' | 'spark';

export interface Line {
  /** Segments of one line, each already sanitised and fitted. */
  parts: ReadonlyArray<{ text: string; style: LineStyle }>;
}

/**
 * Sections as lines. Not DetailPane: a detail here mixes field blocks with tables and sparklines, and
 * keeps its scroll in the store; the sparkline itself is the component's.
 */
export function sectionsToLines(sections: readonly DetailSection[], width: number, unicode = true): Line[] {
  const out: Line[] = [];
  const one = (text: string, style: LineStyle): Line => ({
    parts: [{ text: truncateToWidth(text, width), style }],
  });
  for (const section of sections) {
    if (out.length > 0) out.push({ parts: [] });
    out.push(one(sanitizeText(section.title), 'title'));
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'fields': {
          const labelW = Math.min(18, Math.max(0, ...block.fields.map(([k]) => displayWidth(k))) + 1);
          for (const [k, v] of block.fields) {
            out.push({
              parts: [
                { text: padToWidth(truncateToWidth(sanitizeText(k), labelW), labelW + 1), style: 'label' },
                { text: truncateToWidth(sanitizeText(v), Math.max(1, width - labelW - 1)), style: 'text' },
              ],
            });
          }
          break;
        }
        case 'table': {
          if (block.rows.length === 0) {
            out.push(one(`  ${block.empty ?? 'none'}`, 'muted'));
            break;
          }
          const cells = block.rows.map((r) => r.map((c) => sanitizeText(c)));
          const widths = block.columns.map((h, i) =>
            Math.min(40, Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? '')))),
          );
          const fmt = (row: readonly string[]) =>
            truncateToWidth('  ' + row.map((c, i) => fitToWidth(c, widths[i] ?? 10)).join('  '), width);
          out.push(one(fmt(block.columns), 'header'));
          for (const r of cells) out.push(one(fmt(r), 'text'));
          break;
        }
        case 'sparklines': {
          const labelW = 12;
          const valueW = 10;
          const scaleW = block.series.some((s) => s.scale) ? 22 : 0;
          const sparkW = Math.max(4, Math.min(60, width - labelW - valueW - 2 - scaleW));
          for (const s of block.series) {
            out.push({
              parts: [
                { text: padToWidth(sanitizeText(s.label), labelW), style: 'label' },
                { text: padToWidth(sparkline(s.values, sparkW, unicode), sparkW + 1), style: 'spark' },
                {
                  text: scaleW
                    ? padToWidth(truncateToWidth(sanitizeText(s.current), valueW), valueW + 1)
                    : truncateToWidth(sanitizeText(s.current), valueW),
                  style: 'text',
                },
                ...(s.scale
                  ? [{ text: truncateToWidth(sanitizeText(s.scale), scaleW), style: 'muted' as const }]
                  : []),
              ],
            });
          }
          break;
        }
        case 'text':
          for (const l of sanitizeText(block.text, { multiline: true }).split('\n')) out.push(one(l, 'text'));
          break;
      }
    }
  }
  return out;
}
