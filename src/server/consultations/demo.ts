// Demo Q&As for `npm start`: a few published consultations about common matters, their answers
// taken from the legal basis in the matter catalogue (src/server/org/matters-catalogue.ts).
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import * as store from './store.js';

const entries = [
  {
    matter: 'FXCD',
    question: '楼下有人从窗口拉电线给电动自行车充电，这种情况城管管吗？',
    answer:
      '管。私拉电线、插座为电动自行车或电池充电（飞线充电）违反《上海市非机动车安全管理条例》' +
      '第二十九条第一款，由执法部门责令改正，可处50元以上200元以下罚款。请通过楼栋联络牌扫码' +
      '反映具体位置，联络员会先行劝导并跟进整改。',
  },
  {
    matter: 'ZXZS',
    question: '邻居晚上九点多还在装修打电钻，可以吗？',
    answer:
      '不可以。《上海市社会生活噪声污染防治办法》规定，18时至次日8时及法定节假日不得进行产生' +
      '噪声的装修作业，小区管理规约可以规定得更严。建议先请物业劝阻；劝阻无效的，可扫码向联络员' +
      '反映，我们会以普法和调解为主协助处理。',
  },
  {
    matter: 'LDDW',
    question: '楼道里堆了很多旧家具，物业说管不了，应该找谁？',
    answer:
      '楼道属于物业共用部分，堆物违反《上海市住宅物业管理规定》第五十六条。物业应当劝阻、制止并' +
      '报告；拒不改正的，由城管执法部门依照该规定第八十五条责令改正、恢复原状，可以处1千元以上' +
      '1万元以下罚款。您可以扫楼栋联络牌上的二维码提交，并附上照片。',
  },
] as const;

/** Publishes the demo Q&As; they name no ticket, so only the bureau admin manages them. */
export async function seedQaDemo(db: Db, now: Date = new Date()): Promise<void> {
  for (const [index, entry] of entries.entries()) {
    const at = new Date(now.getTime() - (entries.length - index) * 86_400_000).toISOString();
    await store.insertEntry(db, {
      id: newId(),
      question: entry.question,
      answer: entry.answer,
      matter_code: entry.matter,
      source_ticket_id: null,
      street_id: null,
      status: 'published',
      published_at: at,
      published_by: null,
      unpublished_at: null,
      unpublished_by: null,
      created_at: at,
      updated_at: at,
    });
  }
}
