import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

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
  // The page builds its options afresh on every render; only a different one is drawn again, so
  // the bars do not grow anew each time something else on the page changes.
  const key = JSON.stringify(option);
  const shown = useRef('');
  // The option whose bars have finished growing. `data-drawn` says whether that is the one on the
  // page now, in the same commit as the rest of the page, so whoever clicks a bar (a person or a
  // browser test) meets it where it will stay.
  const [drawn, setDrawn] = useState('');

  useEffect(() => {
    if (!box.current) {
      return undefined;
    }
    const instance = echarts.init(box.current);
    chart.current = instance;
    instance.on('finished', () => {
      setDrawn(shown.current);
    });
    const resize = () => {
      instance.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
      shown.current = '';
    };
  }, []);

  useEffect(() => {
    if (chart.current && shown.current !== key) {
      shown.current = key;
      chart.current.setOption(option, true);
    }
  }, [key, option]);

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
      data-drawn={drawn !== '' && drawn === key ? 'true' : 'false'}
      className="wb-dash-chart"
      style={{ height }}
    />
  );
}
