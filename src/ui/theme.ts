// Semantic colour tokens. Components ask for a role (`accent`, `danger`, …), never a raw colour;
// the ANSI-16 and NO_COLOR themes are just other token sets. A token of `undefined` means
// "terminal default" (Ink then emits no colour code at all).
import { createContext, createElement, useContext, type ReactNode } from 'react';

export type ColorValue = string | undefined;

export interface ThemeTokens {
  text: ColorValue;
  accent: ColorValue;
  muted: ColorValue;
  danger: ColorValue;
  warning: ColorValue;
  success: ColorValue;
  info: ColorValue;
  header: ColorValue;
  border: ColorValue;
  selectionBg: ColorValue;
  selectionFg: ColorValue;
  markFg: ColorValue;
  matchBg: ColorValue;
  matchFg: ColorValue;
  badgeFg: ColorValue;
  badgeDemoBg: ColorValue;
  badgeReadOnlyBg: ColorValue;
  badgeInsecureBg: ColorValue;
  method: Record<HttpMethodToken, ColorValue>;
  status: Record<StatusClass, ColorValue>;
  json: Record<JsonToken, ColorValue>;
}

export type HttpMethodToken = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ANY';
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';
export type JsonToken = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punctuation';

export type ThemeName = 'default' | 'ansi16' | 'none';

export interface Theme {
  name: ThemeName;
  tokens: ThemeTokens;
  /** No colours at all: selection, matches and badges rely on inverse/bold/underline. */
  monochrome: boolean;
  /** Sparklines and spinners may use Unicode blocks/braille. */
  unicode: boolean;
}

const defaultTokens: ThemeTokens = {
  text: undefined,
  accent: '#5fafff',
  muted: '#808080',
  danger: '#ff5f5f',
  warning: '#ffaf00',
  success: '#5fd75f',
  info: '#5fd7ff',
  header: '#afafff',
  border: '#585858',
  selectionBg: '#005f87',
  selectionFg: '#ffffff',
  markFg: '#ffd700',
  matchBg: '#ffaf00',
  matchFg: '#000000',
  badgeFg: '#ffffff',
  badgeDemoBg: '#875fd7',
  badgeReadOnlyBg: '#af8700',
  badgeInsecureBg: '#d70000',
  method: {
    GET: '#5fd75f',
    POST: '#ffaf00',
    PUT: '#5fafff',
    PATCH: '#87d7d7',
    DELETE: '#ff5f5f',
    HEAD: '#af87ff',
    OPTIONS: '#af87ff',
    ANY: '#d0d0d0',
  },
  status: { '1xx': '#808080', '2xx': '#5fd75f', '3xx': '#5fafff', '4xx': '#ffaf00', '5xx': '#ff5f5f' },
  json: {
    key: '#5fafff',
    string: '#87d787',
    number: '#ffaf5f',
    boolean: '#d787d7',
    null: '#808080',
    punctuation: '#808080',
  },
};

// Only the 16 named ANSI colours, which every terminal maps through its own palette.
const ansi16Tokens: ThemeTokens = {
  text: undefined,
  accent: 'cyan',
  muted: 'gray',
  danger: 'red',
  warning: 'yellow',
  success: 'green',
  info: 'cyanBright',
  header: 'blueBright',
  border: 'gray',
  selectionBg: 'blue',
  selectionFg: 'whiteBright',
  markFg: 'yellowBright',
  matchBg: 'yellow',
  matchFg: 'black',
  badgeFg: 'whiteBright',
  badgeDemoBg: 'magenta',
  badgeReadOnlyBg: 'yellow',
  badgeInsecureBg: 'red',
  method: {
    GET: 'green',
    POST: 'yellow',
    PUT: 'blue',
    PATCH: 'cyan',
    DELETE: 'red',
    HEAD: 'magenta',
    OPTIONS: 'magenta',
    ANY: 'white',
  },
  status: { '1xx': 'gray', '2xx': 'green', '3xx': 'cyan', '4xx': 'yellow', '5xx': 'red' },
  json: {
    key: 'cyan',
    string: 'green',
    number: 'yellow',
    boolean: 'magenta',
    null: 'gray',
    punctuation: 'gray',
  },
};

const noColor = undefined;
const noColorTokens: ThemeTokens = {
  text: noColor,
  accent: noColor,
  muted: noColor,
  danger: noColor,
  warning: noColor,
  success: noColor,
  info: noColor,
  header: noColor,
  border: noColor,
  selectionBg: noColor,
  selectionFg: noColor,
  markFg: noColor,
  matchBg: noColor,
  matchFg: noColor,
  badgeFg: noColor,
  badgeDemoBg: noColor,
  badgeReadOnlyBg: noColor,
  badgeInsecureBg: noColor,
  method: {
    GET: noColor,
    POST: noColor,
    PUT: noColor,
    PATCH: noColor,
    DELETE: noColor,
    HEAD: noColor,
    OPTIONS: noColor,
    ANY: noColor,
  },
  status: { '1xx': noColor, '2xx': noColor, '3xx': noColor, '4xx': noColor, '5xx': noColor },
  json: {
    key: noColor,
    string: noColor,
    number: noColor,
    boolean: noColor,
    null: noColor,
    punctuation: noColor,
  },
};

export const THEMES: Record<ThemeName, Theme> = {
  default: { name: 'default', tokens: defaultTokens, monochrome: false, unicode: true },
  ansi16: { name: 'ansi16', tokens: ansi16Tokens, monochrome: false, unicode: true },
  none: { name: 'none', tokens: noColorTokens, monochrome: true, unicode: true },
};

/**
 * Picks a theme from the environment: `NO_COLOR` (any non-empty value, per no-color.org) wins;
 * `COLORTERM=truecolor|24bit` or a `*-256color` TERM gets the default theme; `TERM=dumb` gets no
 * colour and ASCII; anything else gets ANSI-16. `ROMA_DASH_THEME` overrides the detection.
 */
export function detectTheme(env: NodeJS.ProcessEnv = process.env): Theme {
  const forced = env.ROMA_DASH_THEME;
  if (forced === 'default' || forced === 'ansi16' || forced === 'none') return THEMES[forced];
  const term = env.TERM ?? '';
  const ascii = term === 'dumb' || env.ROMA_DASH_ASCII === '1';
  const pick = (t: Theme): Theme => (ascii ? { ...t, unicode: false } : t);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return pick(THEMES.none);
  if (term === 'dumb') return pick(THEMES.none);
  const colorterm = (env.COLORTERM ?? '').toLowerCase();
  if (colorterm === 'truecolor' || colorterm === '24bit' || /256(col)?/.test(term))
    return pick(THEMES.default);
  return pick(THEMES.ansi16);
}

/** Colour token for an HTTP method (case-insensitive; unknown methods get `text`). */
export function methodColor(theme: Theme, method: string): ColorValue {
  const key = method.toUpperCase() as HttpMethodToken;
  return key in theme.tokens.method ? theme.tokens.method[key] : theme.tokens.text;
}

/** Colour token for an HTTP status code. */
export function statusColor(theme: Theme, status: number): ColorValue {
  const cls = `${Math.floor(status / 100)}xx` as StatusClass;
  return cls in theme.tokens.status ? theme.tokens.status[cls] : theme.tokens.text;
}

const ThemeContext = createContext<Theme>(THEMES.default);

export function ThemeProvider({ theme, children }: { theme?: Theme; children?: ReactNode }) {
  return createElement(ThemeContext.Provider, { value: theme ?? detectTheme() }, children);
}

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
