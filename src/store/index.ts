export * from './store.ts';
export * from './react.tsx';
export * from './selectors.ts';
export { EMPTY_SLICE } from './slice.ts';
export { INITIAL_LIST, type SortState } from './navigation.ts';
export { readThrough, type ReadOptions } from './read.ts';
