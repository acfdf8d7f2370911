// `--state FILE` persistence off the request path: a change marks the state dirty and a save runs a
// little later (changes in between coalesce into one write), asynchronously, to a 0600 temp file that
// is renamed over FILE (the file holds the emulator's secrets). A failed save is logged and retried
// with the next change; it never turns the answer to an applied change into an error.
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { serializeState, type EmulatorState } from './state.ts';

export interface StateSaver {
  /** A change was applied: save soon. Never throws. */
  changed(): void;
  /** Saves now if anything is unsaved (and waits for a save under way); rejects when that save fails. */
  flush(): Promise<void>;
}

export interface StateSaverOptions {
  path: string;
  state: EmulatorState;
  /** How long a change waits for others before the save (default 250 ms). */
  delayMs?: number;
  /** A failed background save (the answer to the change has gone out already). */
  onError(err: unknown): void;
}

export const DEFAULT_SAVE_DELAY_MS = 250;

/** Writes FILE atomically: temp file (0600) then rename; the temp file is removed if anything fails. */
export async function writeStateFile(path: string, s: EmulatorState): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, serializeState(s), { mode: 0o600 });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export function createStateSaver(opts: StateSaverOptions): StateSaver {
  const delayMs = opts.delayMs ?? DEFAULT_SAVE_DELAY_MS;
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> | undefined;

  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    dirty = false; // changes from here on are after the snapshot serialised below
    saving = writeStateFile(opts.path, opts.state)
      .catch((e: unknown) => {
        dirty = true; // unsaved still: the next change, or the flush at close, tries again
        throw e;
      })
      .finally(() => {
        saving = undefined;
      });
    return saving;
  };
  const background = (): void => {
    save().then(
      () => {
        if (dirty) schedule();
      },
      (e: unknown) => opts.onError(e),
    );
  };
  function schedule(): void {
    if (timer || saving) return; // the pending save (or the one after the running one) takes it
    timer = setTimeout(background, delayMs);
    timer.unref();
  }

  return {
    changed() {
      dirty = true;
      schedule();
    },
    async flush() {
      while (saving || dirty) {
        if (saving) await saving.catch(() => {});
        else await save();
      }
    },
  };
}
