import { describe, expect, it } from 'vitest';

import { creditRepairStatuses } from '../../../contract/credit';
import { suggestionStatuses } from '../../../contract/suggestions';
import { ticketStatuses } from '../../../contract/tickets';
import { catalogue } from '../../i18n/catalogues';
import { hasMessage, translate, type Locale } from '../../i18n/translate';
import { statusLabel } from './request-labels';

function i18nOf(locale: Locale) {
  const messages = catalogue(locale);
  return {
    t: (key: string) => translate(messages, key),
    has: (key: string) => hasMessage(messages, key),
  };
}

describe('my requests status labels', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`name every status of every source in ${locale}`, () => {
      const i18n = i18nOf(locale);
      const other = i18n.t('mine.status.other');
      const unnamed = [
        ...ticketStatuses.map((s) => ['ticket', s] as const),
        ...suggestionStatuses.map((s) => ['suggestion', s] as const),
        ...creditRepairStatuses.map((s) => ['credit_repair', s] as const),
      ].filter(([source, status]) => statusLabel(i18n, source, status) === other);
      expect(unnamed).toEqual([]);
    });
  }

  it('reads a credit repair waiting for materials as such', () => {
    expect(statusLabel(i18nOf('zh-CN'), 'credit_repair', 'correction_requested')).toMatch(/补正/);
  });
});
