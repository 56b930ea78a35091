// Scores from counts: an indicator's score, a dimension's weighted mean, the weighted total and
// the rank. Numbers are kept exact until the end and rounded to two decimals once, as shown.
import type {
  DimensionKey,
  DimensionScore,
  IndicatorKey,
  IndicatorScore,
  SchemeBody,
  StreetScore,
} from '../../contract/assessment.js';
import { dimensionKeys } from '../../contract/assessment.js';
import { indicatorDefinitions, type IndicatorCounts } from './indicators.js';

/** Rounds to two decimals (half away from zero), the precision every score is shown in. */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
}

/** min(1, value / target) × 100; null without data. */
export function indicatorScore(value: number | null, target: number): number | null {
  return value === null ? null : Math.min(1, value / target) * 100;
}

/**
 * The weighted mean of the scores that have data: an item without data (a street with no case
 * decided in the period) leaves its weight out instead of scoring 0 or 100. Null when none has.
 */
export function weightedMean(items: readonly { weight: number; score: number | null }[]) {
  const withData = items.filter((i) => i.score !== null && i.weight > 0);
  const weights = withData.reduce((sum, i) => sum + i.weight, 0);
  if (weights === 0) {
    return null;
  }
  return withData.reduce((sum, i) => sum + i.weight * (i.score ?? 0), 0) / weights;
}

function scoreIndicator(key: IndicatorKey, counts: IndicatorCounts, scheme: SchemeBody) {
  const { weight, target } = scheme.indicators[key];
  const value = counts.denominator === 0 ? null : counts.numerator / counts.denominator;
  return { key, ...counts, value, target, weight, score: indicatorScore(value, target) };
}

function rounded(i: IndicatorScore): IndicatorScore {
  const r = (x: number | null) => (x === null ? null : round2(x));
  return {
    ...i,
    value: i.value === null ? null : Math.round(i.value * 10_000) / 10_000,
    score: r(i.score),
  };
}

/** The dimensions of one street, exact. */
function scoreDimensions(
  counts: Record<IndicatorKey, IndicatorCounts>,
  scheme: SchemeBody,
): DimensionScore[] {
  return dimensionKeys.map((key: DimensionKey) => {
    const indicators = indicatorDefinitions
      .filter((d) => d.dimension === key)
      .map((d) => scoreIndicator(d.key, counts[d.key], scheme));
    return { key, weight: scheme.dimensions[key], score: weightedMean(indicators), indicators };
  });
}

/** One street's scores, rounded for showing; the rank is set by rankStreets. */
export function scoreStreet(
  street: { streetId: string; streetName: string },
  counts: Record<IndicatorKey, IndicatorCounts>,
  scheme: SchemeBody,
): StreetScore {
  const dimensions = scoreDimensions(counts, scheme);
  const total = weightedMean(dimensions);
  return {
    ...street,
    rank: null,
    total: total === null ? null : round2(total),
    dimensions: dimensions.map((d) => ({
      ...d,
      score: d.score === null ? null : round2(d.score),
      indicators: d.indicators.map(rounded),
    })),
  };
}

/**
 * Orders streets by total, highest first, and ranks them: equal totals (as shown, two decimals)
 * share a rank and the next rank skips (1, 1, 3). A street without any data has no rank.
 */
export function rankStreets(streets: readonly StreetScore[]): StreetScore[] {
  const sorted = [...streets].sort(
    (a, b) => (b.total ?? -1) - (a.total ?? -1) || a.streetName.localeCompare(b.streetName, 'zh'),
  );
  return sorted.map((s, i) => {
    if (s.total === null) {
      return { ...s, rank: null };
    }
    const first = sorted.findIndex((o) => o.total === s.total);
    return { ...s, rank: (first < 0 ? i : first) + 1 };
  });
}
