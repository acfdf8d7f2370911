// The README's key reference, generated from the one key map (src/keys/keymap.ts).
// `npx tsx scripts/keys-md.ts` prints it; `--write` puts it into README.md between the keys markers.
// test/docs/readme-keys.test.ts checks the README carries exactly this text.
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { RESOURCES } from '../screens/registry.ts';
import { installCapabilities } from '../src/app/capabilities.ts';
import { referenceHelpOptions } from '../src/app/view-keys.ts';
import { helpSections } from '../src/keys/keymap.ts';

const START = '<!-- keys:start -->';
const END = '<!-- keys:end -->';

export async function keysMarkdown(): Promise<string> {
  // what the screens bind (their actions are registered by the shell at start)
  installCapabilities();
  const out: string[] = [];
  for (const section of helpSections(referenceHelpOptions(RESOURCES))) {
    out.push(`**${section.title}**`, '', '| keys | does |', '|---|---|');
    for (const e of section.entries) {
      out.push(`| \`${e.keys.replace(/\|/g, '\\|')}\` | ${e.description.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  // The README is prettier-formatted (tables aligned): generate it the same way.
  return (await format(out.join('\n'), { parser: 'markdown', printWidth: 110 })).trim();
}

export function keysSectionOf(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start >= 0 && end > start ? readme.slice(start + START.length, end).trim() : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const md = await keysMarkdown();
  if (process.argv.includes('--write')) {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error('README.md lacks the keys markers');
    writeFileSync(
      'README.md',
      readme.slice(0, start + START.length) + '\n\n' + md + '\n\n' + readme.slice(end),
    );
  } else process.stdout.write(md + '\n');
}
