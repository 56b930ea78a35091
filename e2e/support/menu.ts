// The workbench's top menu groups related pages (src/web/workbench/layout/menu-entries.ts): a
// page is reached by pointing at its group, then clicking its entry, as a person does.
import type { Locator, Page } from 'playwright-core';

/** The entry of a page in the menu, with its group opened first. */
export async function menuEntry(page: Page, group: string, key: string): Promise<Locator> {
  await page.getByTestId(`menu-group-${group}`).hover();
  const entry = page.getByTestId(`menu-${key}`);
  await entry.waitFor({ state: 'visible' });
  return entry;
}

/** Opens a page from the menu: its group, then its entry. */
export async function clickMenu(page: Page, group: string, key: string): Promise<void> {
  await (await menuEntry(page, group, key)).click();
}
