// Standard presets: typescript-eslint recommended and react-hooks recommended (which carries the
// React Compiler rules). Adjust single rules with a reason next to them; never switch a preset off.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/', '.test-build/'] },
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose (callback signatures, rest omission).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
