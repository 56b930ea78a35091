// What the seed catalogue says of each matter beyond its legal basis (migration 0015): who
// imposes the penalty, whether 城管 handles it, and the related legal education. Sources are
// those of the seed (docs/sources.md §2): the articles quoted, 《上海市城市管理综合行政执法条例》
// 第十一条 for the division of duties, and the cases cited there. Text marked （待核实） is not
// settled and must be checked against the street's published 执法事项清单.
import type { EducationTopic } from '../../contract/education.js';

/** The fields of a seed matter that migration 0015 added. */
export interface MatterSeedExtras {
  handling_body: string;
  handled_by_chengguan: number;
  education: string;
  education_topic: EducationTopic | null;
}

const chengguan = '区城管执法局或街道综合行政执法队（以街道公布的执法事项清单为准）';
const greenery =
  '区城管执法局或街道综合行政执法队（绿化管理事项除绿化建设外由城管执法承接，' +
  '《上海市城市管理综合行政执法条例》第十一条第（三）项）';
const ebikeEducation =
  '电动自行车及其电池请停放、充电在小区集中停放点和充电设施，' +
  '不要带进楼道、门厅、电梯和家中（《上海市非机动车安全管理条例》第二十九条）。';

const extras: Record<string, MatterSeedExtras> = {
  WFDJ: {
    handling_body:
      '区城管执法局或街道综合行政执法队；按职责分工也可能由规划资源部门查处' +
      '（《上海市城市管理综合行政执法条例》第十一条第（八）项、《上海市拆除违法建筑若干规定》第三条）',
    handled_by_chengguan: 1,
    education:
      '违法建筑须自行拆除，逾期不拆的依法强制拆除；违法建筑不得出租，也不能办理登记' +
      '（《上海市拆除违法建筑若干规定》第十六条）。发现正在搭建的，执法人员应在2小时内到场' +
      '（同规定第七条），可立即向联络员反映。',
    education_topic: 'illegal_building',
  },
  CZJG: {
    handling_body: chengguan,
    handled_by_chengguan: 1,
    education:
      '装修前须告知物业并签订装饰装修管理协议（《上海市住宅物业管理规定》第五十七条），' +
      '不得拆改承重墙、梁、柱。拒不恢复原状的，可能被实施信用惩戒，并在不动产交易中心注记、限制房屋交易。',
    education_topic: 'load_bearing',
  },
  WYBG: {
    handling_body:
      '区房屋行政管理部门（条文所定）；城管执法是否承接以街道执法事项清单为准（待核实）',
    handled_by_chengguan: 1,
    education:
      '物业服务企业发现违法行为应当劝阻、制止；劝阻、制止无效的，应在24小时内报告业主委员会' +
      '和有关行政管理部门（《上海市住宅物业管理规定》第五十九条）。',
    education_topic: null,
  },
  'ZLHL-1': {
    handling_body: greenery,
    handled_by_chengguan: 1,
    education: '占用绿地须事先取得许可；未经许可占用的，须限期恢复，并按面积处罚。',
    education_topic: 'green_space',
  },
  'ZLHL-2': {
    handling_body: greenery,
    handled_by_chengguan: 1,
    education: '请勿践踏绿地、在绿地内堆物或搭建；损坏绿化的，除罚款外还应赔偿。',
    education_topic: 'green_space',
  },
  'ZLHL-3': {
    handling_body: greenery,
    handled_by_chengguan: 1,
    education: '小区内的树木也不能自行砍伐或迁移，须事先按规定办理审批。',
    education_topic: 'green_space',
  },
  'ZLHL-4': {
    handling_body: greenery,
    handled_by_chengguan: 1,
    education: '临时使用绿地（例如施工堆料）须事先取得许可，用后及时恢复。',
    education_topic: 'green_space',
  },
  QZ: {
    handling_body: '街道综合行政执法队（殷行街道等案例）',
    handled_by_chengguan: 1,
    education:
      '出租住房以原始设计或者经批准改建的房间为最小出租单位；每个房间居住不超过2人' +
      '（法定赡养、抚养、扶养除外），人均居住面积不低于5平方米（《上海市居住房屋租赁管理办法》' +
      '第十条；现行标准以《上海市住房租赁条例》及本市规定为准（待核实））。',
    education_topic: 'group_rental',
  },
  YJSG: {
    handling_body: '区城管执法局（《上海市城市管理综合行政执法条例》第十一条第（五）项）',
    handled_by_chengguan: 1,
    education:
      '22时至次日6时不得进行产生噪声的建筑施工；因特殊需要必须连续施工的，须取得批准，' +
      '批准文件须在施工现场公示（《中华人民共和国噪声污染防治法》第四十三条、' +
      '《上海市环境保护条例》第五十四条）。',
    education_topic: 'night_construction',
  },
  ZXZS: {
    handling_body: '是否由城管执法待核实，可能属公安机关；社区以普法和调解为主',
    handled_by_chengguan: 1,
    education:
      '18时至次日8时及法定节假日不得进行产生噪声的装修作业，小区管理规约可以更严' +
      '（《上海市社会生活噪声污染防治办法》第十二条）。邻里之间可先请联络员或居委会调解。',
    education_topic: 'renovation',
  },
  FXCD: {
    handling_body: chengguan,
    handled_by_chengguan: 1,
    education:
      '不得私拉电线和插座为电动自行车及其电池充电（《上海市非机动车安全管理条例》' +
      '第二十九条第一款），请使用小区集中充电设施。',
    education_topic: 'flying_wire',
  },
  DCLD: {
    handling_body: chengguan,
    handled_by_chengguan: 1,
    education: ebikeEducation,
    education_topic: 'corridor_clutter',
  },
  DCSN: {
    handling_body: chengguan,
    handled_by_chengguan: 1,
    education: ebikeEducation,
    education_topic: 'flying_wire',
  },
  DCDT: {
    handling_body: '区城管执法局或消防救援机构（按职责分工）',
    handled_by_chengguan: 1,
    education: ebikeEducation,
    education_topic: 'flying_wire',
  },
  LDDW: {
    handling_body: chengguan,
    handled_by_chengguan: 1,
    education:
      '楼道、门厅、楼梯间是共用部位，不得堆放物品；占用、堵塞疏散通道和安全出口的，' +
      '由消防救援机构依《中华人民共和国消防法》第六十条处罚。',
    education_topic: 'corridor_clutter',
  },
  PHWM: {
    handling_body: chengguan,
    handled_by_chengguan: 1,
    education: '不得破坏房屋外貌；改动外立面前，请先向物业和有关部门咨询。',
    education_topic: 'renovation',
  },
  GBXZ: {
    handling_body: '区房屋行政管理部门（条文所定）；城管执法是否承接以执法事项清单为准（待核实）',
    handled_by_chengguan: 1,
    education: '住宅不得擅自改作他用；改变物业使用性质前，须依法办理手续。',
    education_topic: null,
  },
};

/** The extras of a seed matter; every seed code has them (matters.test.ts checks it). */
export function seedExtrasOf(code: string): MatterSeedExtras {
  const found = extras[code];
  if (!found) {
    throw new Error(`seed matter ${code} has no handling body or education`);
  }
  return found;
}
