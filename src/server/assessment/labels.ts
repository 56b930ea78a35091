// The Chinese names the export and the monthly report print for dimensions and indicators; the
// workbench takes its own from src/web/locales/*/assessment.json.
import type { DimensionKey, IndicatorKey } from '../../contract/assessment.js';

export const dimensionLabels: Record<DimensionKey, string> = {
  complaints: '投诉处置',
  cases: '案件办理',
  education: '普法宣传',
  digital: '数字化应用',
  satisfaction: '满意度测评',
  exemplary: '典型培养',
};

export const indicatorLabels: Record<IndicatorKey, string> = {
  first_contact_on_time: '按时先行联系率',
  resolved_on_time: '按时办结率',
  community_tier_share: '社区层面解决率',
  case_decided_in_limit: '案件法定期限内作出决定率',
  education_events: '普法活动（场/月）',
  education_attendance: '场均参加人数',
  online_channel_share: '扫码线上受理占比',
  placard_coverage: '公示牌覆盖率',
  visit_compliance: '联络员走访达标率',
  ticket_satisfaction: '工单评价满意率（市民认定）',
  survey_satisfaction: '问卷测评满意率',
  exemplary_work: '典型培养（件/季）',
};

/** A score as printed: two decimals, or 无数据 without data. */
export function printed(score: number | null): string {
  return score === null ? '无数据' : score.toFixed(2);
}
