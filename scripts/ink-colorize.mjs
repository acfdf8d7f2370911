// Ink colours a text run with `chalk.hex(color)(text)` (and `bgHex` for backgrounds): every call
// builds a new chalk builder (the hex parsed, a styler made, a function given a new prototype), and
// the dashboard's theme is all hex colours, so a frame builds one per coloured run of every row. A
// builder depends only on the colour and on chalk's level, which is fixed when chalk loads, so the
// build (scripts/build.mjs) routes Ink's build/colorize.js through `hexBuilder`, which keeps one
// builder per colour and kind. The colours are the theme's (a few dozen): the map is bounded anyway.
const builders = new Map();
const LIMIT = 256;

/** chalk's builder for `color` as foreground (`make` is `chalk.hex`) or background (`chalk.bgHex`). */
export function hexBuilder(kind, color, make) {
  const key = kind + color;
  let builder = builders.get(key);
  if (builder === undefined) {
    builder = make(color);
    if (builders.size >= LIMIT) builders.clear();
    builders.set(key, builder);
  }
  return builder;
}

const ANCHOR = `        return type === 'foreground'
            ? chalk.hex(color)(text)
            : chalk.bgHex(color)(text);`;

/** Ink's build/colorize.js with its hex colours through `hexBuilder`; fails when the anchor moved. */
export function patchColorize(source, modulePath) {
  const at = source.indexOf(ANCHOR);
  if (at < 0 || source.indexOf(ANCHOR, at + 1) >= 0)
    throw new Error('ink-colorize: the hex branch of ink/build/colorize.js not found once');
  return (
    `import { hexBuilder as __hexBuilder } from ${JSON.stringify(modulePath)};\n` +
    source.slice(0, at) +
    `        return type === 'foreground'
            ? __hexBuilder('f', color, (c) => chalk.hex(c))(text)
            : __hexBuilder('b', color, (c) => chalk.bgHex(c))(text);` +
    source.slice(at + ANCHOR.length)
  );
}
