import { describe, expect, it } from 'vitest';

import {
  educationKinds,
  educationTopicList,
  eventKinds,
  topicCodeOf,
} from '../../../contract/education';
import { catalogue } from '../../i18n/catalogues';
import { topicOfParam } from './learn-api';

const zhCN = catalogue('zh-CN') as Record<string, string>;
const en = catalogue('en') as Record<string, string>;

describe('education labels', () => {
  it('name every topic as the contract does, in both languages', () => {
    for (const topic of educationTopicList) {
      expect(zhCN[`education.topic.${topic.code}`]).toBe(topic.name);
      expect(en[`education.topic.${topic.code}`]).toBe(topic.nameEn);
    }
  });

  it('label every item kind and event kind in both languages', () => {
    const keys = [
      ...educationKinds.map((k) => `education.kind.${k}`),
      ...eventKinds.map((k) => `education.event_kind.${k}`),
    ];
    for (const messages of [zhCN, en]) {
      expect(keys.filter((key) => !(key in messages))).toEqual([]);
    }
  });

  it('reads a topic link by code or by its Chinese name, as the matter catalogue links', () => {
    for (const read of [topicCodeOf, topicOfParam]) {
      expect(read('群租')).toBe('group_rental');
      expect(read('group_rental')).toBe('group_rental');
      expect(read('parking')).toBeUndefined();
      expect(read(null)).toBeUndefined();
    }
  });
});
