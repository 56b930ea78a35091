// The pages of the workbench's top menu, grouped so the menu fits one row on a 1366 px screen.
// A new page is one line in its group: its key (the path under /workbench/ and the test id
// `menu-<key>`), the locale key of its label and the roles that see it. A group no role member
// may open is left out; a group with a single page for a role still opens as a submenu.
import { assessmentReaderRoles } from '../../../contract/assessment';
import { auditReaderRoles } from '../../../contract/audit';
import type { StaffRole } from '../../../contract/auth';
import { dashboardRoles } from '../../../contract/dashboard';
import { mediationRoles } from '../../../contract/mediations';
import { caseRoles } from '../cases/case-roles';

/** One page of the menu. */
export interface MenuEntry {
  /** The menu key, the path /workbench/<key> and the test id menu-<key>. */
  key: string;
  /** The locale key of the label. */
  label: string;
  roles: readonly StaffRole[];
}

/** A top entry of the menu holding related pages; `online` is built by the online section. */
export interface MenuGroup {
  key: string;
  label: string;
  entries: readonly MenuEntry[];
}

const officers: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];
const admins: readonly StaffRole[] = ['street_admin', 'bureau_admin'];
const bureau: readonly StaffRole[] = ['bureau_admin'];
const security: readonly StaffRole[] = ['security_admin'];
const system: readonly StaffRole[] = ['system_admin'];

/** The groups in menu order; the inbox comes first on its own and the online section second. */
export const menuGroups: readonly MenuGroup[] = [
  {
    key: 'field',
    label: 'menu.group.field',
    entries: [
      { key: 'visits', label: 'menu.visits', roles: officers },
      { key: 'meetings', label: 'menu.meetings', roles: officers },
      { key: 'cases', label: 'menu.cases', roles: caseRoles },
      { key: 'mediations', label: 'menu.mediations', roles: mediationRoles },
      { key: 'placards', label: 'menu.placards', roles: officers },
      { key: 'buildings', label: 'menu.buildings', roles: officers },
    ],
  },
  {
    key: 'analysis',
    label: 'menu.group.analysis',
    entries: [
      { key: 'dashboard', label: 'dashboard.menu', roles: dashboardRoles },
      { key: 'surveys', label: 'surveys.menu', roles: dashboardRoles },
      { key: 'assessment', label: 'menu.assessment', roles: assessmentReaderRoles },
    ],
  },
  {
    key: 'settings',
    label: 'menu.group.settings',
    entries: [
      { key: 'calendar', label: 'menu.calendar', roles: bureau },
      { key: 'policies', label: 'menu.policies', roles: bureau },
      { key: 'notifications', label: 'menu.notifications', roles: admins },
      { key: 'audit', label: 'menu.audit', roles: auditReaderRoles },
      { key: 'open311', label: 'open311.menu', roles: bureau },
      { key: 'security/lockouts', label: 'security.lockouts_title', roles: security },
      { key: 'security/accounts', label: 'security.accounts_title', roles: security },
      { key: 'admin/staff', label: 'admin.menu', roles: system },
    ],
  },
];

/** The groups a role sees, each with only the pages of that role; empty groups left out. */
export function groupsFor(role: StaffRole): MenuGroup[] {
  return menuGroups
    .map((g) => ({ ...g, entries: g.entries.filter((e) => e.roles.includes(role)) }))
    .filter((g) => g.entries.length > 0);
}

/** The menu key of a page of the groups, or null when the path is none of theirs. */
export function groupedMenuKey(pathname: string): string | null {
  for (const group of menuGroups) {
    const entry = group.entries.find(
      (e) => pathname === `/workbench/${e.key}` || pathname.startsWith(`/workbench/${e.key}/`),
    );
    if (entry) {
      return entry.key;
    }
  }
  return null;
}
