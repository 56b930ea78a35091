import { seedDemoMobiles } from '../accounts/mobile.js';
import { seedEducationDemo } from '../education/demo.js';
import { seedQaDemo } from '../consultations/demo.js';
import { seedSuggestionsDemo } from '../suggestions/demo.js';
import { seedAssessmentDemo } from '../assessment/demo.js';
import type { AppContext } from '../context.js';
import { describeDemoOrg, seedDemoOrg, type DemoAccount } from './service.js';

/** What the start banner shows of the demo organisation. */
export interface DemoSummary {
  samplePlacardToken: string;
  password: string;
  accounts: DemoAccount[];
  more: number;
}

/** How many liaison accounts the banner lists before it says "and N more". */
const LIAISONS_SHOWN = 4;

/**
 * Loads the demo organisation into an empty database (mode 'auto' or 'yes'), and describes it on
 * later starts; returns null when the database holds a real, imported organisation.
 */
export async function prepareDemo(
  ctx: AppContext,
  mode: 'auto' | 'yes' | 'no',
): Promise<DemoSummary | null> {
  const { db, cipher } = ctx;
  if (mode === 'no') {
    return null;
  }
  const seeded = await seedDemoOrg(db);
  if (seeded) {
    await seedDemoMobiles(db, cipher);
    await seedEducationDemo(db);
    await seedQaDemo(db);
    await seedSuggestionsDemo(db, cipher);
    await seedAssessmentDemo(ctx);
  }
  const summary = seeded ?? (await describeDemoOrg(db));
  if (!summary) {
    return null;
  }
  const admins = summary.accounts.filter((a) => a.role !== 'liaison');
  const liaisons = summary.accounts.filter((a) => a.role === 'liaison');
  const shownAdmins = admins.filter(
    (a) =>
      a.role === 'bureau_admin' ||
      a.role === 'auditor' ||
      a.role === 'system_admin' ||
      a.role === 'security_admin' ||
      a.street === summary.samplePlacard.street,
  );
  return {
    samplePlacardToken: summary.samplePlacard.token,
    password: summary.password,
    accounts: [
      ...shownAdmins,
      ...liaisons.filter((l) => l.street === summary.samplePlacard.street).slice(0, LIAISONS_SHOWN),
    ],
    more: summary.accounts.length - shownAdmins.length - Math.min(LIAISONS_SHOWN, liaisons.length),
  };
}
