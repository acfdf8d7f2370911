// Prints the README's key reference, generated from the one key map (src/keys/keymap.ts).
// `npx tsx scripts/keys-md.ts` — test/docs/readme-keys.test.ts checks the README carries this text.
import { helpSections } from '../src/keys/keymap.ts';

export function keysMarkdown(): string {
  const out: string[] = [];
  for (const section of helpSections()) {
    out.push(`**${section.title}**`, '', '| keys | does |', '|---|---|');
    for (const e of section.entries) {
      out.push(`| \`${e.keys.replace(/\|/g, '\\|')}\` | ${e.description.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(keysMarkdown());
