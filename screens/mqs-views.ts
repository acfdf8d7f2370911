// The message family's dialogs and its topic form, loaded with the family's chunk the first time one
// of its lists or dialogs opens (screens/family-views.ts).
export * from './mqs-dialogs.tsx';
export { topicForm } from './forms/topics.ts';
