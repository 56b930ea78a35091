import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboard draws, so this lazily loaded chunk stays small.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** The option of one chart, as ECharts takes it. */
export type ChartOption = echarts.EChartsCoreOption;

interface ChartProps {
  option: ChartOption;
  /** Called with the index of the category clicked (a bar or a point). */
  onPick?: (index: number) => void;
  testId: string;
  /** What the chart shows, for screen readers; the data table beside it has the numbers. */
  label: string;
  height?: number;
}

/** One ECharts chart on a canvas; resizes with the window. */
export default function Chart({ option, onPick, testId, label, height = 280 }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) {
      return undefined;
    }
    const instance = echarts.init(box.current);
    chart.current = instance;
    const resize = () => {
      instance.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onPick) {
      return undefined;
    }
    const handler = (params: { dataIndex?: number }) => {
      if (typeof params.dataIndex === 'number') {
        onPick(params.dataIndex);
      }
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onPick]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      className="wb-dash-chart"
      style={{ height }}
    />
  );
}
