// Strings a hostile or careless tenant can put in names and remarks, for the `hostile` seed and for
// tests of src/ui/sanitize.ts: everything here must render as inert text and never move the cursor,
// change the title, write the clipboard, open links, reorder text or blow up the layout.
// Escapes are spelled out so this file itself stays readable in any terminal.

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

export const HOSTILE_STRINGS: string[] = [
  // ANSI CSI: colours, cursor moves, erase, scroll region
  `${ESC}[31mred-api${ESC}[0m`,
  `${ESC}[1;5;41mblink-bold${ESC}[0m`,
  `${ESC}[38;2;255;0;255mtruecolor${ESC}[m`,
  `api${ESC}[2J${ESC}[Hcleared`,
  `up${ESC}[5Aover${ESC}[10Cwritten`,
  `${ESC}[1;3r${ESC}[?1049hscroll-region`,
  `hide-cursor${ESC}[?25l`,
  `${ESC}[6n`, // device status report: asks the terminal to type into our stdin
  // OSC: title, clipboard, hyperlink
  `${ESC}]0;pwned title${BEL}group`,
  `${ESC}]2;another title${ST}api`,
  `${ESC}]52;c;${Buffer.from('rm -rf ~').toString('base64')}${BEL}clip`,
  `${ESC}]8;;https://evil.example/${ST}click me${ESC}]8;;${ST}`,
  // DCS and other string controls
  `${ESC}P1$r0m${ST}dcs`,
  `${ESC}_apc payload${ST}apc`,
  `${ESC}^pm payload${ST}pm`,
  // C0 controls
  `bell${BEL}${BEL}`,
  `back\b\b\bspace`,
  `carriage\rreturn-overwrite`,
  `nul\u0000inside`,
  `vertical\u000btab\u000cformfeed`,
  `delete\u007fchar`,
  // C1 controls (8-bit CSI / OSC / DCS)
  `\u009b31mc1-csi`,
  `\u009d0;c1 title\u009cc1-osc`,
  `\u0090dcs-c1\u009c`,
  // BiDi overrides and isolates
  `\u202egnp.exe`,
  `admin\u2066\u2067isolate\u2069\u2068tail\u2069`,
  `\u200fRLM\u200eLRM\u202bRLE\u202aLRE\u202c`,
  // zero-width characters
  `zero\u200bwidth\u200cjoiner\u200dchars`,
  `\ufeffbom-prefixed`,
  `word\u2060joiner\u00adsoft-hyphen`,
  // wide CJK, fullwidth, Hangul
  '订单服务接口（生产）',
  'ｆｕｌｌｗｉｄｔｈ　ＡＰＩ',
  '한국어 그룹 이름',
  '日本語のAPI名前とても長い名前です',
  // emoji: plain, ZWJ families, flags, skin tones, keycaps, variation selectors
  '🚀 launch-api',
  '👩‍👩‍👧‍👦 family-zwj',
  '🏳️‍🌈 flag-zwj',
  '🇨🇳🇺🇸🇯🇵 flags',
  '👍🏽 skin-tone',
  '1️⃣ keycap',
  '❤︎ text-vs ❤️ emoji-vs',
  // combining marks
  'Z̸̢̛̲̗̪̓͒̓a̶̡͎͍̤̿̈́l̵̗̠̓g̸̛̦̈́o̴̢̩̍͝',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308stacked',
  // surrogate-adjacent and unusual planes
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕄𝕒𝕥𝕙',
  '\u{10ffff}max-codepoint',
  // layout breakers
  'line one\nline two\nline three',
  'tab\tseparated\tname',
  'trailing spaces    ',
  '    leading spaces',
  'x'.repeat(10_000),
  '界'.repeat(2_000),
  // injection-shaped text: must stay text
  '<script>alert(1)</script>',
  '"; DROP TABLE apis; --',
  '${process.env.HOME} {{7*7}} %s%n%x',
  '../../../../etc/passwd',
];
