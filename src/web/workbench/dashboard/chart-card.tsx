import { Card, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';

import type { ChartOption } from './chart';

// ECharts is loaded with the first chart, in a chunk of its own.
const Chart = lazy(() => import('./chart'));

interface ChartCardProps {
  title: string;
  option: ChartOption;
  testId: string;
  onPick?: (index: number) => void;
  children?: ReactNode;
  extra?: ReactNode;
}

/** A card with one chart, then what comes under it (the data table). */
export function ChartCard({ title, option, testId, onPick, children, extra }: ChartCardProps) {
  return (
    <Card title={<h2 className="wb-dash-title">{title}</h2>} extra={extra} className="wb-dash-card">
      <Suspense fallback={<Spin />}>
        <Chart option={option} onPick={onPick} testId={testId} label={title} />
      </Suspense>
      {children}
    </Card>
  );
}
