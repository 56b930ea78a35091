import type { MatterTable } from '../db/schema.js';
import { seedExtrasOf } from '../matters/seed-extras.js';

/** The fields a seed matter is inserted with; its search text, state and dates are derived. */
export type MatterSeed = Omit<MatterTable, 'active' | 'updated_at' | 'search_text'>;

/**
 * The community enforcement matters named in the implementation measures, with their legal basis
 * (docs/sources.md §2; articles from the public law texts). Matters held by 消防救援 or 公安 are left
 * out.
 * Text marked （待核实） is not settled: check it against the street's published 执法事项清单
 * before relying on it. The bureau keeps the live catalogue in the database (src/server/matters);
 * this is the seed, inserted once per matter and never written over the bureau's edits.
 */
export const mattersCatalogue: readonly MatterSeed[] = [
  {
    code: 'WFDJ',
    name: '违法搭建建筑物、构筑物（物业管理区域内）',
    name_en: 'Unauthorised buildings or structures inside a residential property area',
    prohibition_basis: '《上海市住宅物业管理规定》第五十六条第二款第（二）项',
    penalty_basis:
      '《上海市住宅物业管理规定》第八十四条，依《上海市拆除违法建筑若干规定》拆除；' +
      '《中华人民共和国城乡规划法》第六十四条',
    penalty_range:
      '可处1万元以上10万元以下罚款，并予拆除；依城乡规划法：处建设工程造价5%以上10%以下罚款，' +
      '或限期拆除、没收实物或违法收入，可并处建设工程造价10%以下罚款',
  },
  {
    code: 'CZJG',
    name: '损坏房屋承重结构',
    name_en: 'Damaging the load-bearing structure of a building',
    prohibition_basis: '《上海市住宅物业管理规定》第五十六条第二款第（一）项',
    penalty_basis: '《上海市住宅物业管理规定》第八十三条',
    penalty_range:
      '责令立即改正、恢复原状，可处1万元以上10万元以下罚款；情节严重的，' +
      '可处10万元以上20万元以下罚款',
  },
  {
    code: 'WYBG',
    name: '物业服务企业对违法行为未予劝阻、制止或者未在规定时间内报告',
    name_en: 'Property company failed to dissuade, stop or report a violation in time',
    prohibition_basis:
      '《上海市住宅物业管理规定》第五十九条：劝阻、制止；劝阻、制止无效的，' +
      '在24小时内报告业主委员会和有关行政管理部门',
    penalty_basis:
      '《上海市住宅物业管理规定》第八十七条（条文为区房屋行政管理部门；' +
      '城管执法是否承接以街道执法事项清单为准（待核实））',
    penalty_range: '责令改正，可处1千元以上1万元以下罚款',
  },
  {
    code: 'ZLHL-1',
    name: '未经许可占用绿地',
    name_en: 'Occupying green space without a permit',
    prohibition_basis: '《上海市绿化条例》第三十二条',
    penalty_basis: '《上海市绿化条例》第四十四条第二款',
    penalty_range: '责令限期改正，按占用面积每平方米处500元以上2000元以下罚款',
  },
  {
    code: 'ZLHL-2',
    name: '损坏绿化或绿化设施（践踏、堆物、在绿地内搭建等）',
    name_en: 'Damaging greenery or green facilities (trampling, dumping, building on it)',
    prohibition_basis: '《上海市绿化条例》第三十七条',
    penalty_basis: '《上海市绿化条例》第四十五条',
    penalty_range: '责令改正，处补偿标准3倍以上5倍以下罚款',
  },
  {
    code: 'ZLHL-3',
    name: '擅自砍伐或迁移树木',
    name_en: 'Felling or moving trees without approval',
    prohibition_basis: '《上海市绿化条例》第二十九条（砍伐）、第二十七条（迁移）',
    penalty_basis: '《上海市绿化条例》第四十三条',
    penalty_range: '砍伐：处补偿标准5倍以上10倍以下罚款；迁移：处补偿标准3倍以上5倍以下罚款',
  },
  {
    code: 'ZLHL-4',
    name: '未经许可临时使用绿地',
    name_en: 'Temporary use of green space without a permit',
    prohibition_basis: '《上海市绿化条例》第三十一条',
    penalty_basis: '《上海市绿化条例》第四十四条第一款',
    penalty_range: '按每平方米每日10元以上30元以下罚款',
  },
  {
    code: 'QZ',
    name: '群租',
    name_en: 'Overcrowded letting (group renting)',
    prohibition_basis:
      '《上海市住房租赁条例》第十五条：以原始设计或者经批准改建的房间为最小出租单位，' +
      '居住人数和面积按本市规定；参照《上海市居住房屋租赁管理办法》第十条：' +
      '每个房间居住不超过2人（法定赡养、抚养、扶养除外），人均居住面积不低于5平方米',
    penalty_basis: '《上海市住房租赁条例》第五十二条',
    penalty_range: '法定罚款幅度（待核实）；殷行街道案例：罚款1万元',
  },
  {
    code: 'YJSG',
    name: '夜间建筑施工（未经批准或者未按批准）',
    name_en: 'Night-time construction without or beyond approval',
    prohibition_basis:
      '《中华人民共和国噪声污染防治法》第四十三条（夜间指22时至次日6时，第八十八条）；' +
      '《上海市环境保护条例》第五十四条：区环保部门3个工作日内决定，批准文件须在现场公示',
    penalty_basis: '《中华人民共和国噪声污染防治法》第七十七条',
    penalty_range: '责令改正，处1万元以上10万元以下罚款；拒不改正的，可以责令暂停施工',
  },
  {
    code: 'ZXZS',
    name: '装修噪声（已交付使用的住宅）',
    name_en: 'Renovation noise in occupied housing',
    prohibition_basis:
      '《中华人民共和国噪声污染防治法》第六十六条；《上海市社会生活噪声污染防治办法》第十二条：' +
      '18时至次日8时及法定节假日不得进行产生噪声的装修作业，管理规约可以更严',
    penalty_basis:
      '《中华人民共和国噪声污染防治法》第八十二条（是否由城管执法待核实，' +
      '可能属公安或物业，以普法和调解为主）',
    penalty_range:
      '说服教育、责令改正；拒不改正的，给予警告，对个人可处200元以上1000元以下罚款，' +
      '对单位可处2000元以上2万元以下罚款',
  },
  {
    code: 'FXCD',
    name: '飞线充电（私拉电线、插座为电动自行车或电池充电）',
    name_en: 'Charging an e-bike or battery over a dangling private cable',
    prohibition_basis: '《上海市非机动车安全管理条例》（2024年5月10日修正）第二十九条第一款',
    penalty_basis: '《上海市非机动车安全管理条例》第四十四条第一款',
    penalty_range: '责令改正，处50元以上200元以下罚款',
  },
  {
    code: 'DCLD',
    name: '在楼道、门厅、楼梯间等共用部位停放电动自行车或充电',
    name_en: 'Parking or charging an e-bike in corridors, halls or stairwells',
    prohibition_basis: '《上海市非机动车安全管理条例》第二十九条第二款第（一）项',
    penalty_basis:
      '《上海市非机动车安全管理条例》第四十四条第二款第（一）项：' +
      '由城管执法部门按照《上海市住宅物业管理规定》处理',
    penalty_range: '按《上海市住宅物业管理规定》第八十五条处理（见楼道堆物 LDDW）',
  },
  {
    code: 'DCSN',
    name: '在居住建筑内停放电动自行车或充电',
    name_en: 'Parking or charging an e-bike inside a residential building',
    prohibition_basis: '《上海市非机动车安全管理条例》第二十九条第二款第（四）项',
    penalty_basis: '《上海市非机动车安全管理条例》第四十四条第二款第（四）项',
    penalty_range: '责令改正，处200元以上500元以下罚款',
  },
  {
    code: 'DCDT',
    name: '携带电动自行车或电池进入电梯',
    name_en: 'Taking an e-bike or its battery into a lift',
    prohibition_basis: '《上海市非机动车安全管理条例》第二十九条第三款',
    penalty_basis: '《上海市非机动车安全管理条例》第四十四条第三款（城管或消防，按职责分工）',
    penalty_range: '处200元以上500元以下罚款',
  },
  {
    code: 'LDDW',
    name: '楼道堆物、擅自占用物业共用部分',
    name_en: 'Storing goods in corridors or occupying common parts of a building',
    prohibition_basis: '《上海市住宅物业管理规定》第五十六条第二款第（四）项',
    penalty_basis: '《上海市住宅物业管理规定》第八十五条',
    penalty_range:
      '责令改正、恢复原状，可处1千元以上1万元以下罚款；情节严重的，可处1万元以上10万元以下罚款',
  },
  {
    code: 'PHWM',
    name: '破坏房屋外貌',
    name_en: 'Spoiling the outward appearance of a building',
    prohibition_basis: '《上海市住宅物业管理规定》第五十六条第二款第（三）项',
    penalty_basis: '《上海市住宅物业管理规定》第八十五条',
    penalty_range:
      '责令改正、恢复原状，可处1千元以上1万元以下罚款；情节严重的，可处1万元以上10万元以下罚款',
  },
  {
    code: 'GBXZ',
    name: '擅自改变物业使用性质',
    name_en: 'Changing the use of a property without approval',
    prohibition_basis: '《上海市住宅物业管理规定》第五十八条',
    penalty_basis:
      '《上海市住宅物业管理规定》第八十六条（城管执法是否承接以执法事项清单为准（待核实））',
    penalty_range: '责令限期改正、恢复原状，可处1万元以上5万元以下罚款',
  },
].map((m, i) => ({ ...m, ...seedExtrasOf(m.code), sort: i + 1 }));

/** The codes of the catalogue, for validating imported rooms before the seed has run. */
export const catalogueCodes: ReadonlySet<string> = new Set(mattersCatalogue.map((m) => m.code));
