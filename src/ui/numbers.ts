// Numbers and clock times as the status lines show them. Written out rather than through Intl:
// the first Intl call of a process loads ICU's data (~10–20 ms), and the first frame shows both.

/** `10,000`: digits grouped by three with commas (what `toLocaleString('en-US')` gives for integers). */
export function groupThousands(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  if (!/^\d+$/.test(digits)) return String(n);
  let out = '';
  for (let end = digits.length; end > 0; end -= 3)
    out = `${digits.slice(Math.max(0, end - 3), end)}${out ? `,${out}` : ''}`;
  return sign + out;
}

/** `14:05:09`: local time of day, 24-hour, as a status line says when data was fetched. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (x: number) => String(x).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
