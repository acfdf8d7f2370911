// Renders per component, counted for tests (test/app/render-per-key.test.tsx): a selection move
// must re-render the list and the rows whose highlight changed, not the shell around them (issue
// 18). One map increment per render of the few components that call it.
export const renderCounts = new Map<string, number>();

export function countRender(name: string): void {
  renderCounts.set(name, (renderCounts.get(name) ?? 0) + 1);
}
