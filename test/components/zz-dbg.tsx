import { useState } from 'react';
import { render } from 'ink-testing-library';
import { KeyRouterProvider } from '/work/main/src/keys/router.tsx';
import { TextInput } from '/work/main/components/TextInput.tsx';
import { settle, plain } from '/work/main/test/helpers/ink.ts';
function Input() { const [v, setV] = useState(''); return <TextInput value={v} onChange={setV} prompt="> " />; }
const r = render(<KeyRouterProvider><Input /></KeyRouterProvider>);
await settle();
const steps = ['helo', '\x1b[D', 'l', '\x1b[F', '\x7f\x7f', '\x1b[200~ pasted\ntext\x1b[201~'];
for (const s of steps) { r.stdin.write(s); await new Promise((res) => setTimeout(res, 50)); console.log(JSON.stringify(s), plain(r.lastFrame())); }
r.unmount();
