import { describe, expect, it } from 'vitest';
import { educationTopics } from '../../contract/education.js';
import { mattersCatalogue } from '../org/matters-catalogue.js';

describe('the seed catalogue beyond the legal basis', () => {
  it('names a handling body for every matter and only topics of the education list', () => {
    for (const m of mattersCatalogue) {
      expect(m.handling_body, m.code).not.toBe('');
      expect(m.education, m.code).not.toBe('');
      if (m.education_topic !== null) {
        expect(educationTopics).toContain(m.education_topic);
      }
    }
  });

  it('marks as 待核实 who handles the matters whose division of duties is not settled', () => {
    const byCode = new Map(mattersCatalogue.map((m) => [m.code, m]));
    for (const code of ['WYBG', 'ZXZS', 'GBXZ']) {
      expect(byCode.get(code)?.handling_body, code).toContain('待核实');
    }
    expect(byCode.get('YJSG')?.handling_body).toContain('第十一条第（五）项');
    expect(byCode.get('QZ')?.education).toContain('每个房间居住不超过2人');
  });
});
