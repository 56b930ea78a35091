// Demo legal education for `npm start`: four published articles, a typical case and a 7·15 open
// day, written by a demo liaison of 殷行街道 and approved by its street admin. The legal
// references are those of the matter catalogue (src/server/org/matters-catalogue.ts); the case is
// the public 殷行 群租 case (cgzf.sh.gov.cn 2023-03-23), told without any party's name or address.
import type { Db } from '../db/database.js';
import type { EducationItemTable } from '../db/schema.js';
import { newId } from '../ids.js';
import * as store from './store.js';

type DemoItem = Pick<
  EducationItemTable,
  'kind' | 'title' | 'summary' | 'body' | 'topic' | 'matter_code'
> &
  Partial<Pick<EducationItemTable, 'case_facts' | 'case_handling' | 'case_legal_basis'>>;

const demoItems: readonly DemoItem[] = [
  {
    kind: 'article',
    topic: 'flying_wire',
    matter_code: 'FXCD',
    title: '飞线充电，一根电线连着全楼的安全',
    summary: '从楼上拉电线给电动自行车充电，违法又危险。',
    body: [
      '## 规定是什么',
      '',
      '《上海市非机动车安全管理条例》第二十九条第一款：禁止私拉电线和插座为电动自行车及其蓄电池充电。',
      '',
      '## 违反了会怎样',
      '',
      '依照该条例第四十四条第一款，由城管执法部门责令改正，处50元以上200元以下罚款。',
      '',
      '## 怎么做',
      '',
      '- 到小区集中充电点或充电桩充电；',
      '- 看到飞线充电，可以扫楼栋联络牌上的二维码告诉联络员。',
    ].join('\n'),
  },
  {
    kind: 'article',
    topic: 'illegal_building',
    matter_code: 'WFDJ',
    title: '在小区里搭建房屋，为什么不行',
    summary: '物业管理区域内违法搭建建筑物、构筑物，可处罚款并予拆除。',
    body: [
      '《上海市住宅物业管理规定》第五十六条第二款第（二）项禁止在物业管理区域内违法搭建建筑物、构筑物。',
      '',
      '违反的，依照第八十四条可处1万元以上10万元以下罚款，并依照《上海市拆除违法建筑若干规定》拆除。',
      '',
      '执法队员接到举报后24小时内到场查看，正在搭建的，2小时内到场（《上海市拆除违法建筑若干规定》第七条）。',
    ].join('\n'),
  },
  {
    kind: 'article',
    topic: 'night_construction',
    matter_code: 'YJSG',
    title: '夜里施工吵得睡不着，可以找谁',
    summary: '夜间指22时至次日6时，未经批准不得进行产生噪声的建筑施工。',
    body: [
      '《中华人民共和国噪声污染防治法》第四十三条：在噪声敏感建筑物集中区域，禁止夜间进行产生噪声的建筑施工作业，因特殊需要必须连续施工作业的除外，并应取得证明、在现场公示。',
      '',
      '夜间是指晚上22点至次日早晨6点（第八十八条）。',
      '',
      '违反的，依照第七十七条责令改正，处1万元以上10万元以下罚款；拒不改正的，可以责令暂停施工。',
    ].join('\n'),
  },
  {
    kind: 'article',
    topic: 'renovation',
    matter_code: 'ZXZS',
    title: '家里装修，这些时间请停一停',
    summary: '18时至次日8时和法定节假日，不得进行产生噪声的装修作业。',
    body: [
      '《上海市社会生活噪声污染防治办法》第十二条：已竣工交付使用的住宅楼，18时至次日8时以及法定节假日全天，不得进行产生噪声的装修作业。小区管理规约可以规定得更严。',
      '',
      '装修前请告知物业，签订装饰装修管理协议（《上海市住宅物业管理规定》第五十七条）。',
    ].join('\n'),
  },
  {
    kind: 'typical_case',
    topic: 'group_rental',
    matter_code: 'QZ',
    title: '一套住房住了10人：群租被依法查处',
    summary: '把住房分隔后作为员工宿舍出租，违反住房租赁条例。',
    body: '以原始设计或者经批准改建的房间为最小出租单位，是本市住房出租的基本规则。',
    case_facts:
      '某小区一套住房被出租方分隔后作为员工宿舍出租，实际居住10人，居民多次反映噪声和安全隐患。',
    case_handling:
      '街道综合行政执法队现场检查取证，责令改正，依法对出租方作出罚款1万元的行政处罚，房屋已恢复原状。',
    case_legal_basis: '《上海市住房租赁条例》第十五条、第五十二条',
  },
];

/** The demo author and reviewer, or null when the demo accounts are not there. */
async function demoPeople(db: Db) {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'username', 'street_id'])
    .where('username', 'in', ['yinhang.1', 'yinhang.admin'])
    .execute();
  const author = rows.find((r) => r.username === 'yinhang.1');
  const reviewer = rows.find((r) => r.username === 'yinhang.admin');
  return author && reviewer ? { author, reviewer } : null;
}

/** Seeds the demo items and event into a freshly seeded demo organisation. */
export async function seedEducationDemo(db: Db, now = new Date()): Promise<void> {
  const people = await demoPeople(db);
  if (!people) {
    return;
  }
  const at = now.toISOString();
  for (const item of demoItems) {
    await store.insertItem(db, {
      id: newId(),
      case_facts: null,
      case_handling: null,
      case_legal_basis: null,
      ...item,
      street_id: people.author.street_id,
      status: 'published',
      author_id: people.author.id,
      reviewer_id: people.reviewer.id,
      submitted_at: at,
      reviewed_at: at,
      published_at: at,
      return_reason: null,
      view_count: 0,
      created_at: at,
      updated_at: at,
    });
  }
  await store.insertEvent(db, {
    id: newId(),
    kind: 'open_day',
    title: '7·15 城管公众开放日：走进城管社区工作室',
    place: '殷行街道城管社区工作室（示例）',
    event_date: '2025-07-15',
    street_id: people.author.street_id,
    community_id: null,
    attendance: 80,
    notes: '讲解新修正的《上海市非机动车安全管理条例》，现场演示飞线充电的危害。',
    published: 1,
    created_by: people.reviewer.id,
    created_at: at,
    updated_at: at,
  });
}
