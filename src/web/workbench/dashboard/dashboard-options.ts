import type { ByCommunity, ByMatter, Overdue, Ratings, Trend } from '../../../contract/dashboard';
import type { Scores } from '../../../contract/assessment';
import type { Translate } from '../../i18n/translate';
import type { ChartOption } from './chart';

const blue = '#1f6fd1';
const green = '#2f9e44';
const orange = '#e8590c';
const grey = '#868e96';

function bars(categories: string[], series: { name: string; data: number[]; color: string }[]) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 64 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      itemStyle: { color: s.color },
      cursor: 'pointer',
    })),
  } satisfies ChartOption;
}

/** Received and resolved per week or month. */
export function trendOption(t: Translate, trend: Trend): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: trend.buckets.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: t('dashboard.series.received'),
        data: trend.buckets.map((b) => b.received),
        itemStyle: { color: blue },
        symbolSize: 8,
      },
      {
        type: 'line',
        name: t('dashboard.series.resolved'),
        data: trend.buckets.map((b) => b.resolved),
        itemStyle: { color: green },
        symbolSize: 8,
      },
    ],
  };
}

/** Received, resolved and on time per community. */
export function communityOption(t: Translate, data: ByCommunity): ChartOption {
  return bars(
    data.items.map((i) => i.communityName),
    [
      {
        name: t('dashboard.series.received'),
        data: data.items.map((i) => i.received),
        color: blue,
      },
      { name: t('dashboard.series.on_time'), data: data.items.map((i) => i.onTime), color: green },
    ],
  );
}

/** The name of a matter bar; tickets without a matter get their own. */
export function matterLabel(t: Translate, item: ByMatter['items'][number]): string {
  return item.matterName ?? t('dashboard.matter.none');
}

/** Received and on time per matter. */
export function matterOption(t: Translate, data: ByMatter): ChartOption {
  return bars(
    data.items.map((i) => matterLabel(t, i)),
    [
      {
        name: t('dashboard.series.received'),
        data: data.items.map((i) => i.received),
        color: blue,
      },
      { name: t('dashboard.series.on_time'), data: data.items.map((i) => i.onTime), color: green },
    ],
  );
}

/** The resident's verdict (市民认定) alone. */
export function residentOption(t: Translate, data: Ratings): ChartOption {
  const r = data.resident;
  return bars(
    [...r.ratings.map((x) => t(`ticket.rating.${x.rating}`)), t('dashboard.rating.unrated')],
    [
      {
        name: t('dashboard.series.tickets'),
        data: [...r.ratings.map((x) => x.count), r.unrated],
        color: blue,
      },
    ],
  );
}

/** The handler's verdict (承办认定) alone: the outcome codes. */
export function handlerOption(t: Translate, data: Ratings): ChartOption {
  const h = data.handler;
  return bars(
    h.outcomes.map((x) => t(`ticket.outcome.${x.outcome}`)),
    [{ name: t('dashboard.series.tickets'), data: h.outcomes.map((x) => x.count), color: grey }],
  );
}

/** Overdue tickets now per street. */
export function overdueOption(t: Translate, data: Overdue): ChartOption {
  return bars(
    data.byStreet.map((s) => s.streetName),
    [
      {
        name: t('dashboard.series.overdue'),
        data: data.byStreet.map((s) => s.count),
        color: orange,
      },
    ],
  );
}

/** The assessment total per street, in rank order. */
export function rankingOption(t: Translate, scores: Scores): ChartOption {
  const streets = rankedStreets(scores);
  return bars(
    streets.map((s) => (s.rank === null ? s.streetName : `${s.rank}. ${s.streetName}`)),
    [{ name: t('dashboard.series.total'), data: streets.map((s) => s.total ?? 0), color: blue }],
  );
}

/** The streets of a ranking in rank order, the unranked ones last. */
export function rankedStreets(scores: Scores): Scores['streets'] {
  return [...scores.streets].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
}
