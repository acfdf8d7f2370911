// Wrong JSON types in issue 14's families (the hostile seed): a name that is an object, a state that is
// a word, a required field that is null, a limit that is text, a date that is a number. The client
// repairs or drops each record (src/api/validate.ts) and says so; the screens still render.
import type { InstanceStore } from '../state.ts';

const ESC = '\u001b';

function poke(record: object | undefined, field: string, value: unknown): void {
  if (record) (record as Record<string, unknown>)[field] = value;
}

const nth = <T>(m: Map<string, T>, n: number): T | undefined => [...m.values()][n];

export function wrongTypesGatewayMore(store: InstanceStore): void {
  const d = store.data;
  poke(nth(d.romaApps, 1), 'name', { en: `${ESC}[31mapp-object${ESC}[0m` }); // object in a name
  poke(nth(d.romaApps, 2), 'favorite', 'yes'); // word in a boolean
  poke(nth(d.ldApis, 1), 'status', 'deployed'); // word in a numeric state
  poke(nth(d.ldApis, 2), 'name', null); // null in a required field: the record cannot be listed
  poke(nth(d.ldApis, 3), 'parameters', 'none'); // text where a list is expected
  poke(nth(d.appQuotas, 0), 'call_limits', 'lots'); // text in a limit
  poke(nth(d.dictionaries, 1), 'name', [`${ESC}]0;title\u0007`, 2]); // array in a name
  poke(nth(d.certificates, 0), 'not_after', 1234567890); // number in a date string
}
