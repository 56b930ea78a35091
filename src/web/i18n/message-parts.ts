// Which message files a page needs. Kept apart from load-messages.ts (which uses the bundler's
// import.meta.glob) so the benchmark's page-size measurement reads the same list.

/**
 * Which messages a page needs: a resident page leaves out the files only the workbench uses, so
 * that a phone scanning a placard downloads less (docs/performance.md); the workbench loads all.
 */
export type MessagePart = 'resident' | 'all';

/** Files of the workbench alone. A file not named here is loaded for every page. */
export const workbenchOnlyFiles: ReadonlySet<string> = new Set([
  'account',
  'admin',
  'assessment',
  'buildings',
  'cases',
  'dashboard',
  'mediations',
  'meetings',
  'open311',
  'policies',
  'security',
  'visits',
  'workbench-menu',
]);

/** The part of the messages a page at `pathname` needs. */
export function messagePartOf(pathname: string): MessagePart {
  return pathname.startsWith('/workbench') ? 'all' : 'resident';
}
