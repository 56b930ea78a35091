// Demo suggestions for `npm start`: one open campaign, one closed campaign with its report and a
// few decided suggestions (two of them adopted with the proposer's agreement to publication).
import { maskName } from '../../domain/personal-data.js';
import { addCalendarDays } from '../../domain/mediation-dates.js';
import { endOfShanghaiDay, shanghaiDate } from '../../domain/working-calendar.js';
import type { DataCipher } from '../crypto/data-cipher.js';
import type { Db } from '../db/database.js';
import { newId, sha256Hex } from '../ids.js';
import { defaultSuggestionSettings, suggestionDeadlines } from './rules.js';
import * as store from './store.js';
import { newReceiptCode } from './submission.js';

const dayMs = 86_400_000;

const decided = [
  {
    name: '王建国',
    topic: '在小区入口增设电动自行车集中充电点',
    reason: '楼道里停车充电的现象屡劝不止，居民担心火灾隐患。',
    proposal: '建议街道与物业在小区入口空地设置带计时收费的集中充电棚，并在楼道张贴提示。',
    level: 'adopted',
    consent: true,
    feedback: '您的建议已采纳。街道已会同物业在两个小区入口试点建设集中充电棚，预计下月启用。',
  },
  {
    name: '李秀英',
    topic: '联络牌上增加接待时间和二维码说明',
    reason: '老年居民不清楚扫码后能做什么，也不知道工作室什么时候有人。',
    proposal: '建议在联络牌上用大字写明接待时间，并加一句扫码用途的说明。',
    level: 'partly_adopted',
    consent: true,
    feedback: '接待时间已印在新版联络牌上；扫码说明将在下一批印制时加入。感谢您的建议。',
  },
  {
    name: '陈红',
    topic: '夜间施工投诉能否直接转给施工单位',
    reason: '夜里施工噪声大，打电话找不到人。',
    proposal: '建议把施工单位值班电话公示在工地围挡上。',
    level: 'for_reference',
    consent: false,
    feedback: '工地围挡公示属于建设管理部门职责，您的建议已留作参考并转交相关部门。',
  },
] as const;

/** A suggestion row decided on `day`, received ten days before. */
function decidedRow(cipher: DataCipher, campaignId: string, day: string, index: number) {
  const d = decided[index] ?? decided[0];
  const received = new Date(
    Date.parse(`${addCalendarDays(day, -10)}T02:00:00.000Z`) + index * 60_000,
  );
  const due = suggestionDeadlines(received, defaultSuggestionSettings);
  const at = endOfShanghaiDay(day).toISOString();
  const id = newId();
  return {
    id,
    receipt_code: newReceiptCode(),
    access_hash: sha256Hex(`demo:${id}`),
    campaign_id: campaignId,
    street_id: null,
    channel: index === 1 ? 'on_site' : 'online',
    topic: d.topic,
    reason: d.reason,
    proposal: d.proposal,
    proposer_name_enc: cipher.encrypt(d.name),
    proposer_name_masked: maskName(d.name),
    proposer_phone_enc: null,
    proposer_phone_masked: null,
    proposer_phone_digest: null,
    publish_consent: d.consent ? 1 : 0,
    status: 'closed',
    acceptance_due_at: due.acceptanceDueAt.toISOString(),
    completion_due_at: due.completionDueAt.toISOString(),
    accepted_at: received.toISOString(),
    handling_unit: '区城管执法局法制科',
    handling_notes: '已会同街道和物业研究。',
    handled_at: at,
    adoption_level: d.level,
    feedback: d.feedback,
    decided_at: at,
    created_at: received.toISOString(),
    updated_at: at,
  };
}

/** Seeds the demo campaigns and decided suggestions (into a database just given the demo org). */
export async function seedSuggestionsDemo(db: Db, cipher: DataCipher, now = new Date()) {
  const today = shanghaiDate(now);
  const at = now.toISOString();
  const base = { street_id: null, created_by: null, created_at: at, updated_at: at };
  const closedId = newId();
  await store.insertCampaign(db, {
    ...base,
    id: closedId,
    topic: '“我为城管献一计”——7·15 城管公众开放日金点子征集',
    description: '围绕城管进社区、楼道治理和电动自行车安全，征集您的意见和建议。',
    channels: JSON.stringify(['online', 'on_site', 'letter']),
    starts_on: addCalendarDays(today, -60),
    deadline_on: addCalendarDays(today, -30),
    public_report:
      '本次征集共收到建议3条，采纳1条、部分采纳1条、留作参考1条。集中充电点试点和联络牌改版' +
      '已列入本年度为民办实事项目，感谢每一位建议人。',
    report_published_at: new Date(now.getTime() - 20 * dayMs).toISOString(),
  });
  for (const index of decided.keys()) {
    await store.insertSuggestion(
      db,
      decidedRow(cipher, closedId, addCalendarDays(today, -20), index),
    );
  }
  await store.insertCampaign(db, {
    ...base,
    id: newId(),
    topic: '楼道堆物治理长效机制建议征集',
    description: '楼道堆物反复出现，怎样才能管得住、管得久？欢迎提出您的办法。',
    channels: JSON.stringify(['online', 'hotline_12345', 'letter', 'suishenban']),
    starts_on: addCalendarDays(today, -7),
    deadline_on: addCalendarDays(today, 30),
    public_report: null,
    report_published_at: null,
  });
}
