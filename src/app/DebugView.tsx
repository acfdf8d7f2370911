// The debug console as a view on the stack (`d` on an API): the session's debug store rendered by
// screens/debug's DebugScreen, with the shell's clipboard (OSC 52) and editor.
import { DebugScreen } from '../../screens/debug/DebugScreen.tsx';
import { copyToClipboard, useAppEnv } from './env.tsx';
import { useSessionStores } from './session-stores.ts';

export function DebugView({ width, height }: { width: number; height: number }) {
  const env = useAppEnv();
  const store = useSessionStores().debug;
  return (
    <DebugScreen
      store={store}
      width={width}
      height={height}
      copy={(text) => copyToClipboard(env, text)}
      {...(env.editText ? { editBody: env.editText } : {})}
      {...(env.shutdown ? { shutdown: env.shutdown } : {})}
    />
  );
}
