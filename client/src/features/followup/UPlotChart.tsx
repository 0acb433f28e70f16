// A uPlot chart in React: created on mount, resized with its box, themed from the app's CSS variables.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** The app's colours for charts (light or dark, whatever the page uses now). */
export function chartColours(): { text: string; grid: string; series: string[] } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--muted', '#5c5c56'),
    grid: v('--border', '#dcdcd6'),
    series: [v('--accent', '#2455c3'), v('--ok', '#1e7a46'), v('--warn', '#8a5a00'), v('--danger', '#b3261e')],
  };
}

export interface UPlotChartProps {
  /** Options without width/height (taken from the box). */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
}

export function UPlotChart({ options, data, height = 240 }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot({ ...options, width: Math.max(280, el.clientWidth), height }, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [options, data, height]);
  // The canvas says nothing to assistive technology: each chart's figure carries a caption and a data table.
  return <div ref={box} className="chart-box" aria-hidden="true" />;
}
